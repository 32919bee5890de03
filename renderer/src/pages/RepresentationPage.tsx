// Representation: the saved mapping analysed against a reference population the analyst picks.
// The analysis runs on arrival and on every change of reference; the first run reads the file
// (with progress), later ones re-use the tally the main side keeps. The result is split into
// sub-views, one thing at a time (NHS.UK "one thing per page"): a summary of every attribute,
// then each attribute on its own (components/analysis/AttributeSection), then outcomes,
// intersections and changes over time; a contents list and Previous / Next move between them.
import { useEffect, useMemo, useState } from 'react';
import type { ReferenceOption } from '../../../shared/api';
import type { AnalysisResult } from '../../../shared/analysis/types';
import type { SerializedError } from '../../../shared/errors';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { AttributeSection } from '../components/analysis/AttributeSection';
import { AnalysisProgress } from '../components/analysis/AnalysisProgress';
import {
  INTERSECTIONS_VIEW,
  IntersectionsView,
  OUTCOMES_VIEW,
  OutcomesView,
  RepresentationSummary,
  SUMMARY_VIEW,
  TRENDS_VIEW,
  TrendsView,
  attributeViewId,
  representationSubViews,
} from '../components/analysis/RepresentationSubViews';
import { ContentsList } from '../components/navigation/ContentsList';
import { Pagination } from '../components/navigation/Pagination';
import { useSubView } from '../components/navigation/useSubView';
import { chooseReference, preferredReferenceId } from '../analysis/session-cache';
import { count } from '../analysis/representation-view';
import { useAnalysisRun } from '../hooks/useAnalysisRun';
import type { OpenDataset, PageContext } from '../navigation';

const REFERENCE_FIELD = 'compare-with';
/** What the main side compares with when no reference is named. */
const DEFAULT_REFERENCE = 'census2021-england';

export function RepresentationPage({ api, dataset, go }: PageContext & { dataset: OpenDataset }) {
  const [references, setReferences] = useState<ReferenceOption[] | null>(null);
  const [listError, setListError] = useState<SerializedError | null>(null);
  const [referenceId, setReferenceId] = useState<string>(() => preferredReferenceId(dataset.datasetId) ?? DEFAULT_REFERENCE);
  const { state, run, cancel } = useAnalysisRun(api, dataset.datasetId);

  useEffect(() => {
    let live = true;
    void api.invoke('reference:list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setReferences(r.value);
      else setListError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  // On arrival and on every change of reference. A mapping saved since the last visit is picked up
  // by the main side (it analyses the saved mapping), so there is no stale result to show first.
  useEffect(() => {
    void run(referenceId);
  }, [run, referenceId]);

  const view = state.view;
  const result = view?.result ?? null;
  const builtIn = useMemo(() => (references ?? []).filter((r) => r.kind === 'census-2021'), [references]);
  const imported = useMemo(() => (references ?? []).filter((r) => r.kind === 'imported'), [references]);
  const chosen = references?.find((r) => r.id === referenceId);
  const error = state.error ?? listError;
  const entries = useMemo(() => (result && result.attributes.length > 0 ? representationSubViews(result) : []), [result]);
  const sub = useSubView('representation', dataset.datasetId, entries);

  return (
    <>
      {error && <ErrorSummary error={error} fieldId={REFERENCE_FIELD} />}
      <PageHeading caption={dataset.overview.file.name} title="Representation" takeFocus={!error}>
        Representation
      </PageHeading>
      <p className="nhsuk-lede-text">How each group in the data compares with the population you choose, and how well each group is recorded.</p>

      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor={REFERENCE_FIELD}>
          Compare with
        </label>
        <div className="nhsuk-hint" id={`${REFERENCE_FIELD}-hint`}>
          A Census 2021 area, or a reference population you imported in Settings
        </div>
        <select
          className="nhsuk-select"
          id={REFERENCE_FIELD}
          value={referenceId}
          aria-describedby={`${REFERENCE_FIELD}-hint`}
          onChange={(e) => {
            setReferenceId(e.target.value);
            chooseReference(dataset.datasetId, e.target.value);
          }}
        >
          {references === null && <option value={referenceId}>{referenceId === DEFAULT_REFERENCE ? 'England, Census 2021' : 'Loading…'}</option>}
          {builtIn.length > 0 && (
            <optgroup label="Census 2021">
              {builtIn.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          )}
          {imported.length > 0 && (
            <optgroup label="Imported">
              {imported.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      {chosen?.description && <p className="nhsuk-body-s">{chosen.description}</p>}
      {chosen?.summary && chosen.summary.notAvailable.length > 0 && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">What {chosen.name} cannot be compared on</span>
          </summary>
          <div className="nhsuk-details__text">
            <ul>
              {chosen.summary.notAvailable.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </div>
        </details>
      )}

      <AnalysisProgress running={state.running} progress={state.progress} onCancel={cancel} />
      {state.cancelled && !state.running && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>The analysis was cancelled.</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void run(referenceId)}>
            Run the analysis again
          </button>
        </div>
      )}

      {result && result.attributes.length === 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No column is mapped as a demographic attribute yet. Map at least one on the Mapping page.</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => go('mapping')}>
            Go to mapping
          </button>
        </div>
      )}

      {result && (
        <>
          {view && !view.readFile && <p className="nhsuk-body-s">Worked out again from the counts already taken; the file was not read again.</p>}
          {sub.current !== undefined && (
            <>
              <ContentsList label="Representation contents" entries={entries} current={sub.current} onSelect={sub.select} />
              <div ref={sub.containerRef} className="app-sub-view">
                <SubView result={result} current={sub.current} onSelect={sub.select} />
              </div>
              <Pagination label="Representation pages" previous={sub.previous} next={sub.next} onSelect={sub.select} />
            </>
          )}
          <p className="nhsuk-body-s">
            Figures are exact counts of {count(result.rows)} rows, for use inside this environment. Anything exported goes through disclosure
            control first.
          </p>
        </>
      )}

      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button" onClick={() => go('documentation')}>
          Continue to documentation
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => go('mapping')}>
          Change the mapping
        </button>
      </div>
    </>
  );
}

/** The one sub-view showing: the summary, one attribute, or outcomes / intersections / trends. */
function SubView({ result, current, onSelect }: { result: AnalysisResult; current: string; onSelect(id: string): void }) {
  switch (current) {
    case SUMMARY_VIEW:
      return <RepresentationSummary result={result} onSelect={onSelect} />;
    case OUTCOMES_VIEW:
      return <OutcomesView result={result} />;
    case INTERSECTIONS_VIEW:
      return <IntersectionsView result={result} />;
    case TRENDS_VIEW:
      return <TrendsView result={result} />;
  }
  const attr = result.attributes.find((a) => attributeViewId(a.index) === current);
  return attr ? <AttributeSection attr={attr} settings={result.settings} outcome={result.outcome} period={result.period} withOutcomeAndTrend={false} /> : null;
}
