// One attribute on the Representation page: its chart and table, each flag in a sentence, the
// not stated / not known / unmapped counts, then missingness, outcomes and trends by its groups
// (outcomes and trends optional: the Representation page gives them sub-views of their own).
// Memoised on the attribute's analysis: changing one thing on the page redraws nothing here.
import { memo, useMemo } from 'react';
import type { AnalysisResult, AttributeAnalysis } from '../../../../shared/analysis/types';
import { ATTRIBUTE_KIND_LABELS } from '../../../../shared/demographics/attributes';
import { attributeFlagSentences, count, outcomeFor, percent } from '../../analysis/representation-view';
import { GroupTable } from './GroupTable';
import { MissingnessHeatTable } from './MissingnessHeatTable';
import { OutcomeTable } from './OutcomeTable';
import { RepresentationChart } from './RepresentationChart';
import { TrendTable } from './TrendTable';

export interface AttributeSectionProps {
  attr: AttributeAnalysis;
  settings: AnalysisResult['settings'];
  outcome: AnalysisResult['outcome'];
  period: AnalysisResult['period'];
  /**
   * Outcome and trend tables for this attribute under its own section (default). The
   * Representation page turns this off: it shows them on their own sub-views.
   */
  withOutcomeAndTrend?: boolean;
}

export function attributeTitle(attr: AttributeAnalysis): string {
  return attr.label ?? ATTRIBUTE_KIND_LABELS[attr.kind];
}

export const AttributeSection = memo(function AttributeSection({ attr, settings, outcome, period, withOutcomeAndTrend = true }: AttributeSectionProps) {
  const title = attributeTitle(attr);
  const headingId = `attribute-${attr.index}`;
  const referenceName = attr.reference?.name ?? null;
  const flags = useMemo(() => attributeFlagSentences(attr, referenceName, settings), [attr, referenceName, settings]);
  const byOutcome = outcomeFor(outcome, attr.index);
  const special = [
    { label: 'Not stated (asked, chose not to say)', n: attr.special.notStated, rate: attr.specialRates.notStated },
    { label: 'Not known (not asked, not recorded or blank)', n: attr.special.notKnown, rate: attr.specialRates.notKnown },
    { label: 'Unmapped (a value the code scheme does not have)', n: attr.special.unmapped, rate: attr.specialRates.unmapped },
  ];
  return (
    <section aria-labelledby={headingId} className="nhsuk-u-margin-bottom-9">
      <h2 className="nhsuk-heading-l" id={headingId} tabIndex={-1}>
        {title}
      </h2>
      <p>
        Column "{attr.column}": {count(attr.observed)} of {count(attr.rows)} people have a recorded category.
        {attr.reference ? ` Compared with ${attr.reference.name}.` : ` No comparison: ${attr.referenceUnavailable ?? 'no reference population covers this attribute'}.`}
      </p>

      <h3 className="nhsuk-heading-s">What stands out</h3>
      {flags.sentences.length === 0 ? (
        <p>Nothing is flagged for this attribute.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {flags.sentences.map((s) => (
            <li key={s.key}>{s.text}</li>
          ))}
          {flags.more > 0 && <li>{count(flags.more)} more flags are in the table.</li>}
        </ul>
      )}

      <RepresentationChart attr={attr} referenceName={referenceName} headingId={headingId} />
      <GroupTable attr={attr} title={title} referenceName={referenceName} />

      <dl className="nhsuk-summary-list">
        {special.map((s) => (
          <div className="nhsuk-summary-list__row" key={s.label}>
            <dt className="nhsuk-summary-list__key">{s.label}</dt>
            <dd className="nhsuk-summary-list__value">
              {count(s.n)} people ({percent(s.rate)} of all rows)
            </dd>
          </div>
        ))}
      </dl>

      {attr.measures && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">How far the whole distribution is from the reference</span>
          </summary>
          <div className="nhsuk-details__text">
            <p>
              Total variation distance: {percent(attr.measures.totalVariation)} (the share of people who would have to be in another group to match
              the reference). Jensen-Shannon distance: {attr.measures.jensenShannonDistance.toFixed(3)} (0 means the same, 1 completely different).
            </p>
            {attr.measures.warnings.length > 0 && (
              <ul>
                {attr.measures.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </div>
        </details>
      )}

      <h3 className="nhsuk-heading-m">Missing values by {title.toLowerCase()} group</h3>
      <MissingnessHeatTable missingness={attr.missingness} title={title.toLowerCase()} />

      {withOutcomeAndTrend && outcome && byOutcome && (
        <>
          <h3 className="nhsuk-heading-m">Outcome by {title.toLowerCase()} group</h3>
          <OutcomeTable outcome={outcome} byAttribute={byOutcome} title={title.toLowerCase()} />
        </>
      )}

      {withOutcomeAndTrend && period && period.byAttribute.some((b) => b.attribute === attr.index) && (
        <>
          <h3 className="nhsuk-heading-m">{title} over time</h3>
          <TrendTable period={period} attributeIndex={attr.index} title={title} />
        </>
      )}
    </section>
  );
});
