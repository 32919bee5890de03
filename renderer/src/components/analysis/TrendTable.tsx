// Each period's people by group, as counts and as shares of the period, so a change in the mix
// shows even when periods differ in size.
import { memo, useMemo } from 'react';
import type { PeriodAnalysis } from '../../../../shared/analysis/types';
import { count, percent, periodLabel, trendModel } from '../../analysis/representation-view';
import '../../styles/analysis.css';

export const TrendTable = memo(function TrendTable({ period, attributeIndex, title }: { period: PeriodAnalysis; attributeIndex: number; title: string }) {
  const model = useMemo(() => trendModel(period, attributeIndex), [period, attributeIndex]);
  if (!model) return null;
  return (
    <>
      <div className="app-scroll-x" tabIndex={0} role="region" aria-label={`${title} by ${period.granularity}`}>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            {title} by {period.granularity} of "{period.column}": people, and share of the {period.granularity}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">{period.granularity === 'year' ? 'Year' : 'Quarter'}</th>
              {model.labels.map((l, i) => (
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col" key={model.keys[i] ?? i}>
                  {l}
                </th>
              ))}
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">All people</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {model.periods.map((p, r) => (
              <tr className="nhsuk-table__row" key={p}>
                <th className="nhsuk-table__header" scope="row">{periodLabel(p)}</th>
                {(model.cells[r] ?? []).map((cell, c) => (
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric" key={model.keys[c] ?? c}>
                    {count(cell.count)} ({percent(cell.share)})
                  </td>
                ))}
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(model.totals[r] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {model.hiddenKeys > 0 && <p className="nhsuk-body-s">The table shows the largest groups; {count(model.hiddenKeys)} more are counted in "All people".</p>}
    </>
  );
});
