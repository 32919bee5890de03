// Mapping: which columns hold which demographic attributes and how their values are coded,
// starting from the detector's suggestions (with its confidence); raw values the last analysis
// could not place, with their row counts, to put in a category; and the outcome and period
// columns. Saving stores the mapping; the Representation page then analyses it again.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MappingView } from '../../../shared/api';
import type { AttributeKind } from '../../../shared/demographics/attributes';
import type { AttributeMapping, MappingDocument } from '../../../shared/demographics/mapping-document';
import type { SerializedError } from '../../../shared/errors';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { AnalysisProgress } from '../components/analysis/AnalysisProgress';
import { AttributeMappingFieldset } from '../components/analysis/AttributeMappingFieldset';
import { addAttribute, isoDay, kindOptions, parsePositiveValues, removeAttribute, replaceAttribute, setOutcome, setPeriod } from '../analysis/mapping-edit';
import { forgetAnalysis, lastAnalysis, preferredReferenceId } from '../analysis/session-cache';
import { useAnalysisRun } from '../hooks/useAnalysisRun';
import type { OpenDataset, PageContext } from '../navigation';

const SAVE_BUTTON = 'save-mapping';
const KIND_OPTIONS = kindOptions();

export function MappingPage({ api, dataset, go }: PageContext & { dataset: OpenDataset }) {
  const [view, setView] = useState<MappingView | null>(null);
  const [doc, setDoc] = useState<MappingDocument | null>(null);
  const [loadError, setLoadError] = useState<SerializedError | null>(null);
  const [saveError, setSaveError] = useState<SerializedError | null>(null);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [positiveText, setPositiveText] = useState('');
  const [addColumn, setAddColumn] = useState('');
  const [addKind, setAddKind] = useState<AttributeKind>('other');
  const analysis = useAnalysisRun(api, dataset.datasetId, lastAnalysis(dataset.datasetId));

  useEffect(() => {
    let live = true;
    void api.invoke('mapping:get', { datasetId: dataset.datasetId }).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setLoadError(r.error);
        return;
      }
      setView(r.value);
      setDoc(r.value.mapping);
      setPositiveText(r.value.mapping.outcome?.positiveValues.join(', ') ?? '');
    });
    return () => {
      live = false;
    };
  }, [api, dataset.datasetId]);

  const edit = useCallback((change: (d: MappingDocument) => MappingDocument) => {
    setDoc((d) => (d ? change(d) : d));
    setJustSaved(false);
  }, []);
  const changeAttribute = useCallback((index: number, a: AttributeMapping) => edit((d) => replaceAttribute(d, index, a)), [edit]);
  const remove = useCallback((index: number) => edit((d) => removeAttribute(d, index)), [edit]);

  const suggestions = useMemo(() => new Map((view?.suggestions ?? []).map((s) => [s.column, s])), [view]);
  // Identifier columns are never offered: their values are hidden everywhere in the app.
  const usable = useMemo(() => (view?.columns ?? []).filter((c) => !c.isIdentifier), [view]);
  const unmappedColumns = useMemo(() => usable.filter((c) => !doc?.attributes.some((a) => a.column === c.name)), [usable, doc]);
  const unmapped = analysis.state.view?.unmapped ?? null;
  const dirty = view !== null && doc !== view.mapping;

  const save = async () => {
    if (!doc) return;
    setSaving(true);
    setSaveError(null);
    const r = await api.invoke('mapping:save', { datasetId: dataset.datasetId, mapping: doc });
    setSaving(false);
    if (!r.ok) {
      setSaveError(r.error);
      return;
    }
    // The analysis of the old mapping is stale now; the Representation page runs the new one.
    forgetAnalysis(dataset.datasetId);
    analysis.clear();
    setView(r.value);
    setDoc(r.value.mapping);
    setJustSaved(true);
  };

  const error = saveError ?? loadError ?? analysis.state.error;

  if (!view || !doc) {
    return (
      <>
        {error && <ErrorSummary error={error} fieldId={SAVE_BUTTON} />}
        <PageHeading caption={dataset.overview.file.name} title="Mapping" takeFocus={!error}>
          Mapping
        </PageHeading>
        {!error && <p role="status">Loading the mapping…</p>}
      </>
    );
  }

  return (
    <>
      {error && <ErrorSummary error={error} fieldId={SAVE_BUTTON} />}
      <PageHeading caption={dataset.overview.file.name} title="Mapping" takeFocus={!error}>
        Mapping
      </PageHeading>
      <p className="nhsuk-lede-text">Tell Represent which columns hold demographic attributes, and how their values are coded.</p>
      {view.source === 'suggested' && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>These attributes were detected from the values in the file. Check each one, then save the mapping.</p>
        </div>
      )}

      {doc.attributes.length === 0 && <p>No column is mapped as an attribute yet. Add one below.</p>}
      {doc.attributes.map((a, i) => (
        <AttributeMappingFieldset key={`${i}:${a.column}`} index={i} attribute={a} suggestion={suggestions.get(a.column)} unmapped={unmapped} onChange={changeAttribute} onRemove={remove} />
      ))}

      {unmapped === null && doc.attributes.length > 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Values a code scheme cannot place are listed here, with how many rows hold each, once the analysis has run.</p>
          {view.source === 'saved' && !dirty ? (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={analysis.state.running} onClick={() => void analysis.run(preferredReferenceId(dataset.datasetId))}>
              Find values not placed in a category
            </button>
          ) : (
            <p>Save the mapping first.</p>
          )}
        </div>
      )}
      <AnalysisProgress running={analysis.state.running} progress={analysis.state.progress} onCancel={analysis.cancel} />

      {unmappedColumns.length > 0 && (
        <fieldset className="nhsuk-fieldset app-item">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h2 className="nhsuk-fieldset__heading">Add a column as an attribute</h2>
          </legend>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="add-column">
              Column to add
            </label>
            <select className="nhsuk-select" id="add-column" value={addColumn} onChange={(e) => setAddColumn(e.target.value)}>
              <option value="">Choose a column</option>
              {unmappedColumns.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="add-kind">
              Attribute it holds
            </label>
            <select className="nhsuk-select" id="add-kind" value={addKind} onChange={(e) => setAddKind(e.target.value as AttributeKind)}>
              {KIND_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={addColumn === ''}
            onClick={() => {
              const column = addColumn;
              edit((d) => addAttribute(d, column, addKind, isoDay(new Date())));
              setAddColumn('');
            }}
          >
            Add column
          </button>
        </fieldset>
      )}

      <fieldset className="nhsuk-fieldset app-item">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">Outcome and time</h2>
        </legend>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="outcome-column">
            Outcome column
          </label>
          <div className="nhsuk-hint" id="outcome-column-hint">
            A yes-or-no outcome to compare between groups, such as death within 30 days. Optional.
          </div>
          <select
            className="nhsuk-select"
            id="outcome-column"
            aria-describedby="outcome-column-hint"
            value={doc.outcome?.column ?? ''}
            onChange={(e) => {
              const column = e.target.value;
              // Start from "1" (the commonest coding) rather than an empty box the save would refuse.
              const values = parsePositiveValues(positiveText);
              if (column !== '' && values.length === 0) setPositiveText('1');
              edit((d) => setOutcome(d, column, values.length > 0 ? values : ['1']));
            }}
          >
            <option value="">None</option>
            {usable.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {doc.outcome && (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="outcome-positive">
              Values that mean yes
            </label>
            <div className="nhsuk-hint" id="outcome-positive-hint">
              Separate values with commas, for example 1, Y
            </div>
            <input
              className="nhsuk-input nhsuk-input--width-20"
              id="outcome-positive"
              type="text"
              spellCheck={false}
              autoComplete="off"
              aria-describedby="outcome-positive-hint"
              value={positiveText}
              onChange={(e) => {
                const text = e.target.value;
                setPositiveText(text);
                const column = doc.outcome?.column ?? '';
                edit((d) => setOutcome(d, column, parsePositiveValues(text)));
              }}
            />
          </div>
        )}
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="period-column">
            Period column
          </label>
          <div className="nhsuk-hint" id="period-column-hint">
            A date column to see how groups change over time, such as the admission date. Optional.
          </div>
          <select
            className="nhsuk-select"
            id="period-column"
            aria-describedby="period-column-hint"
            value={doc.period?.column ?? ''}
            onChange={(e) => {
              const column = e.target.value;
              edit((d) => setPeriod(d, column, d.period?.granularity ?? 'year'));
            }}
          >
            <option value="">None</option>
            {usable.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
                {c.type === 'date' ? ' (dates)' : ''}
              </option>
            ))}
          </select>
        </div>
        {doc.period && (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="period-granularity">
              Group dates by
            </label>
            <select
              className="nhsuk-select"
              id="period-granularity"
              value={doc.period.granularity}
              onChange={(e) => {
                const granularity = e.target.value === 'quarter' ? 'quarter' : 'year';
                edit((d) => setPeriod(d, d.period?.column ?? '', granularity));
              }}
            >
              <option value="year">Year</option>
              <option value="quarter">Quarter</option>
            </select>
          </div>
        )}
      </fieldset>

      {justSaved && !dirty && (
        <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby="mapping-saved-title">
          <div className="nhsuk-notification-banner__header">
            <h2 className="nhsuk-notification-banner__title" id="mapping-saved-title">
              Success
            </h2>
          </div>
          <div className="nhsuk-notification-banner__content">
            <p className="nhsuk-notification-banner__heading">Mapping saved</p>
            <p>The analysis runs again with this mapping when you open the Representation page.</p>
          </div>
        </div>
      )}
      <div className="nhsuk-button-group">
        {justSaved && !dirty ? (
          <button type="button" className="nhsuk-button" onClick={() => go('representation')}>
            Continue to representation
          </button>
        ) : null}
        <button type="button" id={SAVE_BUTTON} className={`nhsuk-button${justSaved && !dirty ? ' nhsuk-button--secondary' : ''}`} disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save mapping'}
        </button>
      </div>
    </>
  );
}
