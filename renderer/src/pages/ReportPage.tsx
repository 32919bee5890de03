// Report: builds the protected standards report for the open dataset (report:build), then shows
// it as it would be exported, one section at a time with a contents list and Previous / Next,
// each table with its disclosure evidence beside it, and the export screen's verdict. A built report's id is kept for the Export request page.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProfileProgressEvent, ReportView } from '../../../shared/api';
import type { SerializedError } from '../../../shared/errors';
import { newJobId } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { JobProgress } from '../components/report/JobProgress';
import { ReportDocument } from '../components/report/ReportDocument';
import { recalledReport, rememberReport } from '../report/last-report';
import type { OpenDataset, PageContext } from '../navigation';
import '../styles/report.css';
import { WarningCallout } from '../components/WarningCallout';

const BUILD_BUTTON_ID = 'report-build';

type State =
  | { kind: 'idle' }
  | { kind: 'building'; jobId: string; progress: ProfileProgressEvent | null; cancelling: boolean }
  | { kind: 'built'; view: ReportView }
  | { kind: 'failed'; error: SerializedError }
  | { kind: 'cancelled' };

export function ReportPage({ api, dataset, go, setReportId }: PageContext & { dataset: OpenDataset }) {
  const [state, setState] = useState<State>(() => {
    const view = recalledReport(dataset.datasetId, dataset.reportId);
    return view ? { kind: 'built', view } : { kind: 'idle' };
  });
  const stateRef = useRef(state);
  stateRef.current = state;

  // Progress arrives only when the build has to read the file again; events of other jobs are ignored.
  useEffect(
    () =>
      api.on('profile:progress', (progress) => {
        setState((s) => (s.kind === 'building' && s.jobId === progress.jobId ? { ...s, progress } : s));
      }),
    [api],
  );

  // Leaving the page cancels a build still running: nobody would see its result.
  useEffect(
    () => () => {
      const s = stateRef.current;
      if (s.kind === 'building') void api.invoke('job:cancel', { jobId: s.jobId });
    },
    [api],
  );

  const build = useCallback(async () => {
    if (stateRef.current.kind === 'building') return;
    const jobId = newJobId();
    setState({ kind: 'building', jobId, progress: null, cancelling: false });
    const r = await api.invoke('report:build', { jobId, datasetId: dataset.datasetId });
    // Re-read after the await: the user may have cancelled or started again meanwhile.
    const current = stateRef.current as State;
    if (current.kind !== 'building' || current.jobId !== jobId) return;
    if (r.ok) {
      rememberReport(dataset.datasetId, r.value);
      setReportId(r.value.reportId);
      setState({ kind: 'built', view: r.value });
    } else if (r.error.code === 'cancelled') setState({ kind: 'cancelled' });
    else setState({ kind: 'failed', error: r.error });
  }, [api, dataset.datasetId, setReportId]);

  const cancel = () => {
    const s = stateRef.current;
    if (s.kind !== 'building' || s.cancelling) return;
    setState({ ...s, cancelling: true });
    void api.invoke('job:cancel', { jobId: s.jobId });
  };

  const building = state.kind === 'building';
  return (
    <>
      {state.kind === 'failed' && <ErrorSummary error={state.error} fieldId={BUILD_BUTTON_ID} />}
      <PageHeading caption={dataset.overview.file.name} title="Report" takeFocus={state.kind !== 'failed'}>
        Report
      </PageHeading>
      <p className="nhsuk-body">
        The report documents this dataset against the STANDING Together recommendations. Every figure in it has been through disclosure control under the policy in Settings:
        small counts are hidden and counts may be rounded. Beside each table you can see which cells were shown, rounded or hidden, and by which rule.
      </p>
      {dataset.reportId !== null && state.kind === 'idle' && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>You built a report for this dataset earlier in this session. Build it again to see it here; the export request sends the latest one.</p>
        </div>
      )}
      {state.kind === 'cancelled' && (
        <div className="nhsuk-inset-text" role="status">
          <p>Building the report was cancelled. Nothing was saved.</p>
        </div>
      )}
      {building && <JobProgress id="report-progress" label={state.cancelling ? 'Cancelling…' : 'Building the report'} progress={state.progress} />}
      <div className="nhsuk-button-group">
        <button
          id={BUILD_BUTTON_ID}
          className={`nhsuk-button${state.kind === 'built' ? ' nhsuk-button--secondary' : ''}`}
          type="button"
          onClick={() => void build()}
          disabled={building}
          aria-disabled={building}
        >
          Build report
        </button>
        {building && (
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={cancel} disabled={state.cancelling} aria-disabled={state.cancelling}>
            {state.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      {state.kind === 'built' && (
        <>
          <ScreenVerdict view={state.view} />
          <ReportDocument view={state.view} oneSectionAtATime={{ rememberAs: dataset.datasetId }} />
          <div className="nhsuk-button-group">
            <button className="nhsuk-button" type="button" onClick={() => go('export')}>
              Continue to export request
            </button>
          </div>
        </>
      )}
    </>
  );
}

/** The export screen's verdict, first thing after building: it decides whether the request will pass. */
function ScreenVerdict({ view }: { view: ReportView }) {
  if (view.screen.passed)
    return (
      <div className="nhsuk-inset-text" role="status">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Report built. The export screen checked the files as they would be written and found nothing to stop: <strong>passed</strong>.
        </p>
      </div>
    );
  return (
    <WarningCallout title="Report built, but the export screen did not pass" items={view.screen.findings} level={2} role="status">
      <p>An output checker will see these findings with the request:</p>
    </WarningCallout>
  );
}
