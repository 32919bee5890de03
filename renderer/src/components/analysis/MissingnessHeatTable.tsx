// Missing values of the file's other columns, by group of one attribute. Cells are shaded where a
// group misses a column more often than people overall, and the shade is also said in words.
import { memo, useMemo } from 'react';
import type { MissingnessByGroup } from '../../../../shared/analysis/types';
import { count, heatTableModel, percent } from '../../analysis/representation-view';
import '../../styles/analysis.css';

export const MissingnessHeatTable = memo(function MissingnessHeatTable({ missingness, title }: { missingness: MissingnessByGroup; title: string }) {
  const model = useMemo(() => heatTableModel(missingness), [missingness]);
  if (model.columns.length === 0)
    return <p>No other column has missing values{model.completeColumns > 0 ? ` (${count(model.completeColumns)} columns checked)` : ''}, so there is nothing to compare between groups.</p>;
  return (
    <>
      <p className="nhsuk-body-s">
        Each cell is the share of the group with the column missing. Cells marked higher, or far higher, are at least 1.25, 2 or 3
        times the share for everyone.
        {model.hiddenColumns > 0 && ` Showing the ${model.columns.length} columns whose missing share varies most between groups; ${model.hiddenColumns} more have missing values.`}
        {model.completeColumns > 0 && ` ${count(model.completeColumns)} columns have no missing values and are left out.`}
      </p>
      <div className="app-scroll-x" tabIndex={0} role="region" aria-label={`Missing values by ${title} group`}>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Missing values by {title} group</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Group</th>
              {model.columns.map((c) => (
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col" key={c.name}>
                  {c.name}
                  <span className="app-heat__note">everyone: {percent(c.overall)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {model.rows.map((r) => (
              <tr className="nhsuk-table__row" key={r.key}>
                <th className="nhsuk-table__header" scope="row">
                  {r.label}
                  <span className="app-heat__note">{count(r.rows)} people</span>
                </th>
                {r.cells.map((cell, i) => (
                  <td className={`nhsuk-table__cell nhsuk-table__cell--numeric${cell.level > 0 ? ` app-heat--${cell.level}` : ''}`} key={model.columns[i]?.name ?? i}>
                    {percent(cell.rate)}
                    {cell.note && <span className="app-heat__note">{cell.note}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {model.hiddenRows > 0 && <p className="nhsuk-body-s">{count(model.hiddenRows)} smaller groups are not shown.</p>}
    </>
  );
});
