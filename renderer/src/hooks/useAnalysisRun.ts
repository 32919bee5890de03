// Runs analysis:run for the open dataset and follows its progress events. A newer run supersedes
// an older one (the older is cancelled and its answer ignored). The result is handed to React in
// a transition, so drawing a large analysis yields to typing and clicks instead of blocking them.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisView, ProfileProgressEvent, RepresentApi } from '../../../shared/api';
import type { SerializedError } from '../../../shared/errors';
import { newJobId } from '../api';
import { rememberAnalysis } from '../analysis/session-cache';

export interface AnalysisRunState {
  running: boolean;
  progress: ProfileProgressEvent | null;
  view: AnalysisView | null;
  error: SerializedError | null;
  cancelled: boolean;
}

const INITIAL: AnalysisRunState = { running: false, progress: null, view: null, error: null, cancelled: false };

export function useAnalysisRun(api: RepresentApi, datasetId: string, initial: AnalysisView | null = null) {
  const [state, setState] = useState<AnalysisRunState>(() => ({ ...INITIAL, view: initial }));
  const jobRef = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('profile:progress', (progress) => {
        if (progress.jobId === jobRef.current) setState((s) => ({ ...s, progress }));
      }),
    [api],
  );

  // Leaving the page cancels a file read nobody will see.
  useEffect(
    () => () => {
      const job = jobRef.current;
      jobRef.current = null;
      if (job) void api.invoke('job:cancel', { jobId: job });
    },
    [api],
  );

  const run = useCallback(
    async (referenceId: string | undefined) => {
      const previous = jobRef.current;
      if (previous) void api.invoke('job:cancel', { jobId: previous });
      const jobId = newJobId();
      jobRef.current = jobId;
      setState((s) => ({ ...s, running: true, progress: null, error: null, cancelled: false }));
      const request = referenceId === undefined ? { jobId, datasetId } : { jobId, datasetId, referenceId };
      const r = await api.invoke('analysis:run', request);
      if (jobRef.current !== jobId) return;
      jobRef.current = null;
      if (r.ok) {
        rememberAnalysis(r.value);
        startTransition(() => setState({ running: false, progress: null, view: r.value, error: null, cancelled: false }));
      } else if (r.error.code === 'cancelled') {
        setState((s) => ({ ...s, running: false, progress: null, cancelled: true }));
      } else {
        setState((s) => ({ ...s, running: false, progress: null, error: r.error }));
      }
    },
    [api, datasetId],
  );

  const cancel = useCallback(() => {
    const job = jobRef.current;
    if (job) void api.invoke('job:cancel', { jobId: job });
  }, [api]);

  /** Forgets the shown analysis (a saved mapping made it stale). */
  const clear = useCallback(() => setState((s) => ({ ...s, view: null })), []);

  return { state, run, cancel, clear };
}
