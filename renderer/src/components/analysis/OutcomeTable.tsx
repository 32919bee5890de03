// The outcome by group of one attribute: how often it is positive, with 95% intervals, and as a
// ratio to the reference group (the largest group unless the analysis says otherwise).
import { memo, useMemo } from 'react';
import type { OutcomeAnalysis } from '../../../../shared/analysis/types';
import { count, largestGroups, percent, TABLE_MAX_ROWS } from '../../analysis/representation-view';
import '../../styles/analysis.css';

export const OutcomeTable = memo(function OutcomeTable({ outcome, byAttribute, title }: { outcome: OutcomeAnalysis; byAttribute: OutcomeAnalysis['byAttribute'][number]; title: string }) {
  const { shown, hidden } = useMemo(() => largestGroups(byAttribute.groups.map((g) => ({ ...g, count: g.recorded + g.missing })), TABLE_MAX_ROWS), [byAttribute]);
  const referenceLabel = byAttribute.groups.find((g) => g.key === byAttribute.referenceGroup)?.label ?? null;
  return (
    <>
      <p>
        Outcome column "{outcome.column}": positive when it holds {outcome.positiveFrom === 'stated' ? 'the values you chose' : 'a value read as yes'}.
        Overall, {outcome.overall.prevalence !== null ? percent(outcome.overall.prevalence) : 'no share'} of {count(outcome.overall.recorded)} people with a
        recorded outcome are positive.
        {referenceLabel !== null && ` Ratios compare each group with "${referenceLabel}".`}
      </p>
      <div className="app-scroll-x" tabIndex={0} role="region" aria-label={`Outcome by ${title} group`}>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Outcome by {title} group</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Group</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Outcome recorded</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Positive</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Share positive</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">95% interval</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Ratio</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Outcome missing</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {shown.map((g) => (
              <tr className="nhsuk-table__row" key={g.key}>
                <th className="nhsuk-table__header" scope="row">{g.label}</th>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(g.recorded)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(g.positive)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{g.prevalence !== null ? percent(g.prevalence) : 'None'}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                  {g.prevalence !== null ? `${percent(g.interval.low)} to ${percent(g.interval.high)}` : 'None'}
                </td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{g.ratioToReference !== null && Number.isFinite(g.ratioToReference) ? g.ratioToReference.toFixed(2) : 'None'}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(g.missing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && <p className="nhsuk-body-s">{count(hidden)} smaller groups are not shown.</p>}
    </>
  );
});
