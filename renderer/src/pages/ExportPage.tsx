// Export request: the purpose and justification an output checker needs, then the request bundle
// (zip) written where the user chooses. It sends the report built on the Report page this session.
// What the analyst types is a draft kept per project, as the Documentation page keeps its answers:
// in sessionStorage at once and in the store after a quiet spell (hooks/useAutosave), restored on
// return, and cleared once the request is written (the main side clears the store's copy).
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ExportRequestSummary } from '../../../shared/api';
import { savedAtText, type SaveState } from '../analysis/autosave-controller';
import { clearDraft, draftKey, newerDraft, readDraft, sessionDraftStorage } from '../analysis/drafts';
import { errorText } from '../error-text';
import { useAutosave } from '../hooks/useAutosave';
import { PageHeading } from '../components/PageHeading';
import { TextArea } from '../components/report/FormFields';
import { PageProblemSummary, formProblems, type PageProblem } from '../components/report/ProblemSummary';
import { SuccessPanel, SummaryRow } from '../components/report/SuccessPanel';
import { formatCount } from '../format';
import { EXPORT_FIELDS, checkExportForm, requestFileName } from '../report/export-form';
import { problemFor } from '../report/form-problems';
import type { OpenDataset, PageContext } from '../navigation';
import '../styles/report.css';

const SUBMIT_ID = 'export-submit';

interface RequestText {
  purpose: string;
  justification: string;
}

function isRequestText(v: unknown): v is RequestText {
  const t = v as Partial<RequestText> | null;
  return typeof t === 'object' && t !== null && typeof t.purpose === 'string' && typeof t.justification === 'string';
}

export function ExportPage({ api, dataset, go }: PageContext & { dataset: OpenDataset }) {
  const [text, setText] = useState<RequestText>({ purpose: '', justification: '' });
  const [savedIso, setSavedIso] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [problem, setProblem] = useState<PageProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [written, setWritten] = useState<ExportRequestSummary | null>(null);
  const reportId = dataset.reportId;
  const { projectId } = dataset;
  const key = draftKey('export-request', projectId);

  const save = useCallback(
    async (value: RequestText) => {
      const r = await api.invoke('export-draft:save', { projectId, ...value });
      if (!r.ok) return { ok: false, message: errorText(r.error).headline };
      setSavedIso(r.value.savedIso);
      return { ok: true };
    },
    [api, projectId],
  );
  const autosave = useAutosave<RequestText>({ draftKey: key, save });
  const { change: autosaveChange } = autosave;
  // Typed before the saved draft arrived: what was typed wins (it is newer).
  const typed = useRef(false);
  const edit = (field: keyof RequestText) => (value: string) => {
    typed.current = true;
    const next = { ...text, [field]: value };
    setText(next);
    autosaveChange(next);
  };

  useEffect(() => {
    let live = true;
    void api.invoke('export-draft:get', { projectId }).then((r) => {
      if (!live || typed.current) return;
      const saved = r.ok ? r.value : null;
      if (saved) setSavedIso(saved.savedIso);
      // A draft typed here but not yet saved (the app closed first) is newer than the store's copy.
      const draft = newerDraft(readDraft(sessionDraftStorage(), key, isRequestText), saved?.savedIso ?? null);
      if (draft) {
        setText(draft.value);
        setRestored(true);
        autosaveChange(draft.value);
      } else if (saved) {
        setText({ purpose: saved.purpose, justification: saved.justification });
        setRestored(saved.savedIso !== null);
      }
      if (!r.ok) setProblem({ kind: 'call', error: r.error, fieldId: EXPORT_FIELDS.purpose });
    });
    return () => {
      live = false;
    };
  }, [api, projectId, key, autosaveChange]);
  const { purpose, justification } = text;

  if (reportId === null)
    return (
      <>
        <PageHeading caption={dataset.overview.file.name} title="Export request">
          Export request
        </PageHeading>
        <p className="nhsuk-body">You have not built a report for this dataset in this session. An export request sends a built report, so build one first.</p>
        <button className="nhsuk-button" type="button" onClick={() => go('report')}>
          Go to the report page
        </button>
      </>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems = checkExportForm(purpose, justification);
    if (problems.length > 0) {
      setProblem({ kind: 'form', problems });
      return;
    }
    setProblem(null);
    setNotice(null);
    setBusy(true);
    try {
      // The draft is saved before anything else, so a later autosave cannot bring it back after
      // the main side has cleared it with the request written.
      await autosave.flush();
      const chosen = await api.invoke('dialog:choose-save-path', { suggestedName: requestFileName(new Date()), kind: 'zip' });
      if (!chosen.ok) return setProblem({ kind: 'call', error: chosen.error, fieldId: SUBMIT_ID });
      if (chosen.value === null) return setNotice('No file was chosen, so nothing was written.');
      const r = await api.invoke('export:request', { reportId, purpose: purpose.trim(), justification: justification.trim(), path: chosen.value.path });
      if (!r.ok) return setProblem({ kind: 'call', error: r.error, fieldId: SUBMIT_ID });
      clearDraft(sessionDraftStorage(), key);
      setWritten(r.value);
    } finally {
      setBusy(false);
    }
  };

  const problems = formProblems(problem);
  return (
    <>
      <PageProblemSummary problem={problem} />
      <PageHeading caption={dataset.overview.file.name} title="Export request" takeFocus={problem === null && written === null}>
        Export request
      </PageHeading>
      {written ? (
        <>
          <SuccessPanel title="Export request written">The request bundle is saved. Give it to your output checker to review.</SuccessPanel>
          <dl className="nhsuk-summary-list">
            <SummaryRow label="Request ID">{written.requestId}</SummaryRow>
            <SummaryRow label="Saved to">
              <span className="app-fingerprint">{written.path}</span>
            </SummaryRow>
            <SummaryRow label="Fingerprint (SHA-256)">
              <span className="app-fingerprint">{written.sha256}</span>
            </SummaryRow>
            <SummaryRow label="Outputs">{formatCount(written.outputs)}</SummaryRow>
            <SummaryRow label="Export screen">{written.screenPassed ? 'Passed' : 'Did not pass: the checker will see its findings'}</SummaryRow>
          </dl>
          <h2 className="nhsuk-heading-m">What happens next</h2>
          <p>
            An output checker opens the bundle in their own copy of Represent, on the Review a request page. They approve or reject each output and sign their decision. Only a
            signed release may leave the environment.
          </p>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p className="nhsuk-body">
            The request sends the report you built on the Report page, with its disclosure evidence. An output checker reads what you write here before deciding.
          </p>
          {restored && (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>Your draft from earlier is filled in below.</p>
            </div>
          )}
          <TextArea
            id={EXPORT_FIELDS.purpose}
            label="Purpose"
            labelSize="s"
            hint="What the outputs are for, for example a paper, a funding report or a data quality review."
            value={purpose}
            onChange={edit('purpose')}
            error={problemFor(problems, EXPORT_FIELDS.purpose)}
          />
          <TextArea
            id={EXPORT_FIELDS.justification}
            label="Justification"
            labelSize="s"
            hint="Why these outputs need to leave the environment, and why each table is needed at this level of detail."
            value={justification}
            onChange={edit('justification')}
            error={problemFor(problems, EXPORT_FIELDS.justification)}
            rows={6}
          />
          <DraftStatus state={autosave.state} savedIso={savedIso} />
          {notice && (
            <p className="nhsuk-body" role="status">
              {notice}
            </p>
          )}
          <button id={SUBMIT_ID} className="nhsuk-button" type="submit" disabled={busy} aria-disabled={busy}>
            Choose where to save and write the request
          </button>
        </form>
      )}
    </>
  );
}

/** Where the draft stands, in words: "Saving your draft…", "Draft saved at 14:05", or why it was not saved. */
function DraftStatus({ state, savedIso }: { state: SaveState; savedIso: string | null }) {
  let words = '';
  if (state.kind === 'pending' || state.kind === 'saving') words = 'Saving your draft…';
  else if (state.kind === 'saved') words = draftSavedText(state.at);
  else if (state.kind === 'failed') words = `Draft not saved: ${state.message} What you typed is kept on this computer and saved when you next make a change.`;
  else if (savedIso !== null) words = draftSavedText(new Date(savedIso));
  return (
    <p className="nhsuk-body-s app-save-status" role="status">
      {words}
    </p>
  );
}

function draftSavedText(at: Date): string {
  return `Draft s${savedAtText(at).slice(1)}`;
}
