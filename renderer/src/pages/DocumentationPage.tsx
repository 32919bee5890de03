// Documentation: the STANDING Together items as a guided form, one fieldset per section. Beside
// each item, the evidence the app already has (from the mapping and the last analysis); every
// answer can instead be "Not available" with a reason. Answers save themselves (hooks/useAutosave)
// and a draft of what was typed stays in sessionStorage until the save is confirmed, so a reload
// or a crash loses nothing; a newer draft is restored on arrival.
import '../analysis/zod-jitless';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { MappingDocument } from '../../../shared/demographics/mapping-document';
import type { SerializedError } from '../../../shared/errors';
import type { Answers } from '../../../shared/report/answers';
import type { AnalysisOutput } from '../../../shared/standards/catalogue';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { DocumentationItem } from '../components/analysis/DocumentationItem';
import { savedAtText, type SaveState } from '../analysis/autosave-controller';
import {
  attributeNames,
  cleanAnswers,
  countFlags,
  documentationForm,
  itemEvidence,
  localCompleteness,
  outputsFromAnalysis,
  outputsFromCompleteness,
} from '../analysis/documentation';
import { draftKey, newerDraft, readDraft, sessionDraftStorage } from '../analysis/drafts';
import { lastAnalysis, subscribeAnalysis } from '../analysis/session-cache';
import { errorText } from '../error-text';
import { useAutosave } from '../hooks/useAutosave';
import type { OpenDataset, PageContext } from '../navigation';
import '../styles/analysis.css';

/** The catalogue does not change while the app runs: lay the form out once. */
const FORM = documentationForm();

function isAnswersDraft(v: unknown): v is Answers {
  return typeof v === 'object' && v !== null && (v as { format?: unknown }).format === 'represent-answers';
}

export function DocumentationPage({ api, dataset, go }: PageContext & { dataset: OpenDataset }) {
  const [answers, setAnswers] = useState<Answers | null>(null);
  const [mapping, setMapping] = useState<MappingDocument | null>(null);
  const [serverOutputs, setServerOutputs] = useState<ReadonlySet<AnalysisOutput>>(() => new Set());
  const [savedIso, setSavedIso] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [loadError, setLoadError] = useState<SerializedError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const analysisView = useSyncExternalStore(subscribeAnalysis, () => lastAnalysis(dataset.datasetId));
  const analysis = analysisView?.result ?? null;
  const key = draftKey('answers', dataset.projectId);

  const save = useCallback(
    async (value: Answers) => {
      const r = await api.invoke('answers:save', { projectId: dataset.projectId, answers: cleanAnswers(value) });
      if (!r.ok) return { ok: false, message: errorText(r.error).headline };
      setSavedIso(r.value.savedIso);
      setServerOutputs(outputsFromCompleteness(r.value.completeness));
      return { ok: true };
    },
    [api, dataset.projectId],
  );
  const autosave = useAutosave<Answers>({ draftKey: key, save });

  // Edits go through here; the effect below hands each new document to the autosave (outside the
  // state updater, which React may call twice).
  const edited = useRef(false);
  const onAnswers = useCallback((change: (a: Answers) => Answers) => {
    edited.current = true;
    setAnswers((a) => (a ? change(a) : a));
  }, []);
  const { change: autosaveChange } = autosave;
  useEffect(() => {
    if (!edited.current || !answers) return;
    edited.current = false;
    autosaveChange(answers);
  }, [answers, autosaveChange]);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    void Promise.all([api.invoke('answers:get', { projectId: dataset.projectId }), api.invoke('mapping:get', { datasetId: dataset.datasetId })]).then(([a, m]) => {
      if (!live) return;
      if (m.ok) setMapping(m.value.mapping);
      if (!a.ok) {
        setLoadError(a.error);
        return;
      }
      setSavedIso(a.value.savedIso);
      setServerOutputs(outputsFromCompleteness(a.value.completeness));
      const draft = newerDraft(readDraft(sessionDraftStorage(), key, isAnswersDraft), a.value.savedIso);
      if (draft) {
        setRestored(true);
        edited.current = true; // saves the restored draft at once
        setAnswers(draft.value);
      } else {
        setAnswers(a.value.answers);
      }
    });
    return () => {
      live = false;
    };
  }, [api, dataset.projectId, dataset.datasetId, key, attempt]);

  const outputs = useMemo(() => {
    const all = new Set(serverOutputs);
    for (const o of outputsFromAnalysis(analysis)) all.add(o);
    return all;
  }, [serverOutputs, analysis]);
  const completeness = useMemo(() => (answers ? localCompleteness(answers, outputs) : null), [answers, outputs]);
  const statusById = useMemo(() => new Map((completeness?.items ?? []).map((i) => [i.itemId, i.status])), [completeness]);
  const attributes = useMemo(() => attributeNames(mapping).map((a) => a.name), [mapping]);
  const evidence = useMemo(() => {
    const ctx = { overview: dataset.overview, mapping, analysis, flagCount: countFlags(analysis) };
    return new Map(FORM.flatMap((s) => s.items).map((fi) => [fi.item.id, itemEvidence(fi.item, ctx)]));
  }, [dataset.overview, mapping, analysis]);

  const continueToReport = async () => {
    await autosave.flush();
    go('report');
  };

  return (
    <>
      {loadError && <ErrorSummary error={loadError} fieldId="retry-load" />}
      <PageHeading caption={dataset.overview.file.name} title="Documentation" takeFocus={!loadError}>
        Documentation
      </PageHeading>
      <p className="nhsuk-lede-text">
        Describe the dataset against the STANDING Together recommendations. Where something is not known, say so and why: that is part of the
        documentation too.
      </p>
      {loadError && (
        <button type="button" id="retry-load" className="nhsuk-button" onClick={() => setAttempt((n) => n + 1)}>
          Try loading the answers again
        </button>
      )}
      {answers && completeness && (
        <>
          <div className="app-sticky-status">
            <label className="nhsuk-label nhsuk-u-margin-bottom-1" htmlFor="completeness">
              {completeness.complete} of {completeness.total} items complete
            </label>
            <progress id="completeness" className="app-completeness" max={completeness.total} value={completeness.complete}>
              {completeness.complete} of {completeness.total}
            </progress>
            <SaveStatus state={autosave.state} savedIso={savedIso} onRetry={() => void autosave.flush()} />
          </div>
          {restored && (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>What you typed before the app closed has been brought back and is being saved.</p>
            </div>
          )}
          <nav className="nhsuk-contents-list" aria-label="Sections">
            <ol className="nhsuk-contents-list__list">
              {FORM.map((s) => (
                <li className="nhsuk-contents-list__item" key={s.section.id}>
                  <a className="nhsuk-contents-list__link" href={`#section-${s.section.id.replace('.', '-')}`}>
                    {s.section.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          {FORM.map((s) => (
            <fieldset className="nhsuk-fieldset" key={s.section.id} id={`section-${s.section.id.replace('.', '-')}`}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                <h2 className="nhsuk-fieldset__heading">{s.section.title}</h2>
              </legend>
              {s.items.map((fi) => (
                <DocumentationItem
                  key={fi.item.id}
                  formItem={fi}
                  answers={answers}
                  status={statusById.get(fi.item.id) ?? 'missing'}
                  evidence={evidence.get(fi.item.id) ?? []}
                  attributes={attributes}
                  onAnswers={onAnswers}
                />
              ))}
            </fieldset>
          ))}
        </>
      )}
      {!answers && !loadError && <p role="status">Loading the answers…</p>}
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button" onClick={() => void continueToReport()}>
          Continue to report
        </button>
      </div>
    </>
  );
}

function SaveStatus({ state, savedIso, onRetry }: { state: SaveState; savedIso: string | null; onRetry(): void }) {
  let text = '';
  if (state.kind === 'pending' || state.kind === 'saving') text = 'Saving…';
  else if (state.kind === 'saved') text = savedAtText(state.at);
  else if (state.kind === 'failed') text = `Not saved: ${state.message} What you typed is kept on this computer and saved when you next make a change.`;
  else if (savedIso !== null) text = savedAtText(new Date(savedIso));
  return (
    <>
      <p className="nhsuk-body-s app-save-status nhsuk-u-margin-bottom-1" role="status">
        {text}
      </p>
      {state.kind === 'failed' && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onRetry}>
          Try saving again
        </button>
      )}
    </>
  );
}
