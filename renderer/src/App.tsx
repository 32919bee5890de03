// The app's views and the moves between them: Start → Profiling → Dataset overview.
// Views are state, not URLs: the app never navigates, so the navigation guard never has to judge.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetOverview, ProfileProgressEvent, RepresentApi } from '../../shared/api';
import type { SerializedError } from '../../shared/errors';
import { getApi, newJobId } from './api';
import { baseName } from './format';
import { Layout } from './components/Layout';
import { OverviewPage } from './pages/OverviewPage';
import { ProfilingPage } from './pages/ProfilingPage';
import { StartPage } from './pages/StartPage';

type View =
  | { name: 'start'; path: string; error: SerializedError | null; notice: string | null }
  | { name: 'profiling'; jobId: string; path: string; fileName: string; progress: ProfileProgressEvent | null; cancelling: boolean }
  | { name: 'overview'; overview: DatasetOverview; path: string };

const START: View = { name: 'start', path: '', error: null, notice: null };

export function App() {
  const api = getApi();
  if (!api) {
    return (
      <Layout footerNote="Represent">
        <h1 className="nhsuk-heading-l">Represent cannot start</h1>
        <p>This page must be opened by the Represent app. Close it and start Represent again.</p>
      </Layout>
    );
  }
  return <ConnectedApp api={api} />;
}

function ConnectedApp({ api }: { api: RepresentApi }) {
  const [view, setView] = useState<View>(START);
  const [version, setVersion] = useState<string | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;

  useEffect(() => {
    void api.invoke('app:get-info', {}).then((r) => {
      if (r.ok) setVersion(r.value.version);
    });
  }, [api]);

  useEffect(
    () =>
      api.on('profile:progress', (progress) => {
        setView((v) => (v.name === 'profiling' && v.jobId === progress.jobId ? { ...v, progress } : v));
      }),
    [api],
  );

  const chooseFile = useCallback(async (): Promise<string | null> => {
    const r = await api.invoke('dialog:choose-data-file', {});
    if (!r.ok) {
      setView((v) => (v.name === 'start' ? { ...v, error: r.error, notice: null } : v));
      return null;
    }
    return r.value?.path ?? null;
  }, [api]);

  const profile = useCallback(
    async (path: string) => {
      const jobId = newJobId();
      setView({ name: 'profiling', jobId, path, fileName: baseName(path), progress: null, cancelling: false });
      const r = await api.invoke('profile:run', { jobId, path });
      // Ignore a result for a job the user has already left.
      const current = viewRef.current;
      if (current.name !== 'profiling' || current.jobId !== jobId) return;
      if (r.ok) setView({ name: 'overview', overview: r.value, path });
      else if (r.error.code === 'cancelled') setView({ name: 'start', path, error: null, notice: 'Profiling was cancelled. Nothing was saved.' });
      else setView({ name: 'start', path, error: r.error, notice: null });
    },
    [api],
  );

  const cancel = useCallback(() => {
    const current = viewRef.current;
    if (current.name !== 'profiling' || current.cancelling) return;
    setView({ ...current, cancelling: true });
    void api.invoke('job:cancel', { jobId: current.jobId });
  }, [api]);

  // File > Open data file… in the menu: from any view but a running job, go to Start and choose.
  useEffect(
    () =>
      api.on('menu:command', ({ command }) => {
        if (command !== 'open-data-file' || viewRef.current.name === 'profiling') return;
        void chooseFile().then((path) => {
          if (path !== null) setView({ name: 'start', path, error: null, notice: null });
        });
      }),
    [api, chooseFile],
  );

  const footerNote = `Represent${version ? ` ${version}` : ''}. Works offline: nothing you open here leaves this computer.`;
  return (
    <Layout footerNote={footerNote}>
      {view.name === 'start' && (
        <StartPage
          key={`${view.path}|${view.error?.message ?? ''}|${view.notice ?? ''}`}
          initialPath={view.path}
          error={view.error}
          notice={view.notice}
          onChooseFile={chooseFile}
          onProfile={(path) => void profile(path)}
        />
      )}
      {view.name === 'profiling' && (
        <ProfilingPage fileName={view.fileName} progress={view.progress} cancelling={view.cancelling} onCancel={cancel} />
      )}
      {view.name === 'overview' && (
        <OverviewPage overview={view.overview} onProfileAnother={() => setView({ ...START, path: view.path })} />
      )}
    </Layout>
  );
}
