// The app's views and the moves between them: Start → Profiling → Dataset overview, then the
// analyst's pages for the open dataset (navigation.ts), and Review and Settings at any time.
// Views are state, not URLs: the app never navigates, so the navigation guard never has to judge.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetOverview, ProfileProgressEvent, RepresentApi } from '../../shared/api';
import type { SerializedError } from '../../shared/errors';
import { getApi, newJobId } from './api';
import { baseName } from './format';
import { Layout } from './components/Layout';
import type { OpenDataset, PageContext, PageName } from './navigation';
import { DocumentationPage } from './pages/DocumentationPage';
import { ExportPage } from './pages/ExportPage';
import { MappingPage } from './pages/MappingPage';
import { OverviewPage } from './pages/OverviewPage';
import { ProfilingPage } from './pages/ProfilingPage';
import { ReportPage } from './pages/ReportPage';
import { RepresentationPage } from './pages/RepresentationPage';
import { ReviewPage } from './pages/ReviewPage';
import { SettingsPage } from './pages/SettingsPage';
import { StartPage } from './pages/StartPage';

type View =
  | { name: 'start'; path: string; error: SerializedError | null; notice: string | null }
  | { name: 'profiling'; jobId: string; path: string; fileName: string; progress: ProfileProgressEvent | null; cancelling: boolean }
  | { name: Exclude<PageName, 'start'> };

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
  const [dataset, setDataset] = useState<OpenDataset | null>(null);
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

  const opened = useCallback((overview: DatasetOverview, path: string) => {
    setDataset({ datasetId: overview.datasetId, projectId: overview.projectId, path, overview, reportId: null });
    setView({ name: 'overview' });
  }, []);

  const profile = useCallback(
    async (path: string) => {
      const jobId = newJobId();
      setView({ name: 'profiling', jobId, path, fileName: baseName(path), progress: null, cancelling: false });
      const r = await api.invoke('profile:run', { jobId, path });
      // Ignore a result for a job the user has already left.
      const current = viewRef.current;
      if (current.name !== 'profiling' || current.jobId !== jobId) return;
      if (r.ok) opened(r.value, path);
      else if (r.error.code === 'cancelled') setView({ name: 'start', path, error: null, notice: 'Profiling was cancelled. Nothing was saved.' });
      else setView({ name: 'start', path, error: r.error, notice: null });
    },
    [api, opened],
  );

  /** Reopens a remembered dataset from its stored profile (no second pass over the file). */
  const openRecent = useCallback(
    async (datasetId: string, path: string) => {
      const r = await api.invoke('dataset:open', { datasetId });
      if (r.ok) opened(r.value, path);
      else setView({ name: 'start', path, error: r.error, notice: null });
    },
    [api, opened],
  );

  const cancel = useCallback(() => {
    const current = viewRef.current;
    if (current.name !== 'profiling' || current.cancelling) return;
    setView({ ...current, cancelling: true });
    void api.invoke('job:cancel', { jobId: current.jobId });
  }, [api]);

  const go = useCallback(
    (page: PageName) => {
      if (viewRef.current.name === 'profiling') return;
      if (page === 'start') setView({ name: 'start', path: dataset?.path ?? '', error: null, notice: null });
      else setView({ name: page });
      window.scrollTo(0, 0);
    },
    [dataset],
  );

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

  const ctx: PageContext = {
    api,
    dataset,
    go,
    setReportId: (reportId) => setDataset((d) => (d ? { ...d, reportId } : d)),
  };
  const footerNote = `Represent${version ? ` ${version}` : ''}. Works offline: nothing you open here leaves this computer.`;
  const current: PageName = view.name === 'profiling' ? 'start' : view.name;
  return (
    <Layout footerNote={footerNote} nav={view.name === 'profiling' ? null : { current, hasDataset: dataset !== null, go }}>
      {view.name === 'start' && (
        <StartPage
          key={`${view.path}|${view.error?.message ?? ''}|${view.notice ?? ''}`}
          api={api}
          initialPath={view.path}
          error={view.error}
          notice={view.notice}
          onChooseFile={chooseFile}
          onProfile={(path) => void profile(path)}
          onOpenRecent={(datasetId, path) => void openRecent(datasetId, path)}
        />
      )}
      {view.name === 'profiling' && (
        <ProfilingPage fileName={view.fileName} progress={view.progress} cancelling={view.cancelling} onCancel={cancel} />
      )}
      {view.name === 'review' && <ReviewPage {...ctx} />}
      {view.name === 'settings' && <SettingsPage {...ctx} />}
      {view.name !== 'start' && view.name !== 'profiling' && view.name !== 'review' && view.name !== 'settings' && dataset === null && (
        <NoDatasetYet go={go} />
      )}
      {dataset !== null && (
        <>
          {view.name === 'overview' && <OverviewPage overview={dataset.overview} onProfileAnother={() => go('start')} onNext={() => go('mapping')} />}
          {view.name === 'mapping' && <MappingPage {...ctx} dataset={dataset} />}
          {view.name === 'representation' && <RepresentationPage {...ctx} dataset={dataset} />}
          {view.name === 'documentation' && <DocumentationPage {...ctx} dataset={dataset} />}
          {view.name === 'report' && <ReportPage {...ctx} dataset={dataset} />}
          {view.name === 'export' && <ExportPage {...ctx} dataset={dataset} />}
        </>
      )}
    </Layout>
  );
}

function NoDatasetYet({ go }: { go(page: PageName): void }) {
  return (
    <>
      <h1 className="nhsuk-heading-l">Open a dataset first</h1>
      <p>This page works on a dataset. Open a file, or reopen one you used before.</p>
      <button type="button" className="nhsuk-button" onClick={() => go('start')}>
        Open a file
      </button>
    </>
  );
}
