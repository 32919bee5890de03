// Long jobs (profiling now; analysis and export later) run under an id the renderer chooses, so
// progress events and a Cancel button can name the job before the call returns.
import { RepresentError } from '../../shared/errors';

export interface JobRegistry {
  /** Registers a job and returns the signal that cancels it. Throws if the id is in use. */
  start(jobId: string): AbortSignal;
  /** Cancels a running job; false when no job has that id (already finished, or never began). */
  cancel(jobId: string): boolean;
  /** Forgets a finished job. */
  finish(jobId: string): void;
  running(): string[];
}

export function createJobRegistry(): JobRegistry {
  const jobs = new Map<string, AbortController>();
  return {
    start(jobId) {
      if (jobs.has(jobId)) {
        throw new RepresentError('bad-argument', 'A job with this id is already running.', {
          expected: 'a new job id for each job',
          found: 'the id of a running job',
        });
      }
      const controller = new AbortController();
      jobs.set(jobId, controller);
      return controller.signal;
    },
    cancel(jobId) {
      const controller = jobs.get(jobId);
      if (!controller) return false;
      controller.abort();
      return true;
    },
    finish(jobId) {
      jobs.delete(jobId);
    },
    running() {
      return [...jobs.keys()];
    },
  };
}

/**
 * Passes on at most one update per `intervalMs`: workers report every chunk, and a renderer
 * re-rendering hundreds of times a second gains nothing. The first update always goes through.
 */
export function throttle<T>(send: (value: T) => void, intervalMs: number, now: () => number = () => performance.now()): (value: T) => void {
  let last = -Infinity;
  return (value) => {
    const t = now();
    if (t - last < intervalMs) return;
    last = t;
    send(value);
  };
}

/** Progress events at most this often: the page gains nothing from more. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Runs `work` as a cancellable job under the renderer's job id, its progress reaching the page
 * through `emit`, throttled. The job is forgotten however it ends.
 */
export async function runProgressJob<P, T>(
  jobs: JobRegistry,
  jobId: string,
  emit: (progress: P) => void,
  work: (run: { signal: AbortSignal; onProgress: (progress: P) => void }) => Promise<T>,
): Promise<T> {
  const signal = jobs.start(jobId);
  try {
    return await work({ signal, onProgress: throttle(emit, PROGRESS_INTERVAL_MS) });
  } finally {
    jobs.finish(jobId);
  }
}
