// The Representation page's sub-views besides each attribute's own (AttributeSection): a summary
// of every attribute in one line each, the outcome by each attribute's groups, the intersections,
// and the changes over time. Each starts with its h2, which takes focus when the user moves to it.
import { memo } from 'react';
import type { AnalysisResult } from '../../../../shared/analysis/types';
import { outcomeFor } from '../../analysis/representation-view';
import type { SubViewEntry } from '../navigation/ContentsList';
import { selectWith } from '../navigation/ContentsList';
import { attributeTitle } from './AttributeSection';
import { attributeSummaryLine } from './attribute-summary';
import { IntersectionList } from './IntersectionList';
import { OutcomeTable } from './OutcomeTable';
import { TrendTable } from './TrendTable';
import { WarningCallout } from '../WarningCallout';

export const SUMMARY_VIEW = 'summary';
export const OUTCOMES_VIEW = 'outcomes';
export const INTERSECTIONS_VIEW = 'intersections';
export const TRENDS_VIEW = 'trends';

export function attributeViewId(index: number): string {
  return `attribute-${index}`;
}

/** The sub-views an analysis has, in reading order: summary, each attribute, then outcomes, intersections, trends. */
export function representationSubViews(result: AnalysisResult): SubViewEntry[] {
  const entries: SubViewEntry[] = [{ id: SUMMARY_VIEW, title: 'Summary' }];
  for (const a of result.attributes) entries.push({ id: attributeViewId(a.index), title: attributeTitle(a) });
  if (result.outcome && result.attributes.some((a) => outcomeFor(result.outcome, a.index)))
    entries.push({ id: OUTCOMES_VIEW, title: 'Outcomes' });
  if (result.intersections.length > 0) entries.push({ id: INTERSECTIONS_VIEW, title: 'Intersections' });
  if (result.period && result.attributes.some((a) => result.period?.byAttribute.some((b) => b.attribute === a.index)))
    entries.push({ id: TRENDS_VIEW, title: 'Changes over time' });
  return entries;
}

const HEADING = 'nhsuk-heading-l';

export const RepresentationSummary = memo(function RepresentationSummary({ result, onSelect }: { result: AnalysisResult; onSelect(id: string): void }) {
  return (
    <section aria-labelledby="representation-summary">
      <h2 className={HEADING} id="representation-summary" tabIndex={-1}>
        Summary
      </h2>
      <p>Each attribute in one line: the groups that stand out, and how much is not recorded. Choose an attribute for its chart, tables and each flag explained.</p>
      <dl className="nhsuk-summary-list">
        {result.attributes.map((a) => {
          const title = attributeTitle(a);
          return (
            <div className="nhsuk-summary-list__row" key={a.index}>
              <dt className="nhsuk-summary-list__key">{title}</dt>
              <dd className="nhsuk-summary-list__value">{attributeSummaryLine(a, result.settings)}</dd>
              <dd className="nhsuk-summary-list__actions">
                <a className="nhsuk-link" href={`#${attributeViewId(a.index)}`} onClick={selectWith(onSelect, attributeViewId(a.index))}>
                  View<span className="nhsuk-u-visually-hidden"> {title}</span>
                </a>
              </dd>
            </div>
          );
        })}
      </dl>
      {result.warnings.length > 0 && (
        <WarningCallout title="About this analysis" items={result.warnings} level={3} />
      )}
    </section>
  );
});

export const OutcomesView = memo(function OutcomesView({ result }: { result: AnalysisResult }) {
  const outcome = result.outcome;
  if (!outcome) return null;
  return (
    <section aria-labelledby="representation-outcomes">
      <h2 className={HEADING} id="representation-outcomes" tabIndex={-1}>
        Outcomes
      </h2>
      {result.attributes.map((a) => {
        const byOutcome = outcomeFor(outcome, a.index);
        if (!byOutcome) return null;
        const title = attributeTitle(a).toLowerCase();
        return (
          <div key={a.index}>
            <h3 className="nhsuk-heading-m">Outcome by {title} group</h3>
            <OutcomeTable outcome={outcome} byAttribute={byOutcome} title={title} />
          </div>
        );
      })}
    </section>
  );
});

export const IntersectionsView = memo(function IntersectionsView({ result }: { result: AnalysisResult }) {
  return (
    <section aria-labelledby="representation-intersections">
      <h2 className={HEADING} id="representation-intersections" tabIndex={-1}>
        Intersections
      </h2>
      <p>Combinations of attributes, to find groups that are missing or too small only when attributes are taken together.</p>
      <IntersectionList intersections={result.intersections} smallCell={result.settings.smallCell} />
    </section>
  );
});

export const TrendsView = memo(function TrendsView({ result }: { result: AnalysisResult }) {
  const period = result.period;
  if (!period) return null;
  return (
    <section aria-labelledby="representation-trends">
      <h2 className={HEADING} id="representation-trends" tabIndex={-1}>
        Changes over time
      </h2>
      {result.attributes.map((a) =>
        period.byAttribute.some((b) => b.attribute === a.index) ? (
          <div key={a.index}>
            <h3 className="nhsuk-heading-m">{attributeTitle(a)} over time</h3>
            <TrendTable period={period} attributeIndex={a.index} title={attributeTitle(a)} />
          </div>
        ) : null,
      )}
    </section>
  );
});
