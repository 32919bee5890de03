// Raw values of one column that its code scheme could not place, with how many rows hold each,
// and a select per value to place it in a category (or leave it unmapped). These are codes from a
// demographic column, shown only here inside the TRE; the report shows only "unmapped" and a count.
import { memo } from 'react';
import type { Option } from '../../analysis/mapping-edit';
import type { UnmappedRow } from '../../analysis/unmapped';
import { count } from '../../analysis/representation-view';
import '../../styles/analysis.css';

export interface UnmappedValuesTableProps {
  idPrefix: string;
  column: string;
  rows: UnmappedRow[];
  more: number;
  options: Option[];
  onAssign(raw: string, category: string): void;
}

export const UnmappedValuesTable = memo(function UnmappedValuesTable({ idPrefix, column, rows, more, options, onAssign }: UnmappedValuesTableProps) {
  if (rows.length === 0) return null;
  return (
    <div className="app-scroll-x" tabIndex={0} role="region" aria-label={`Values in ${column} not placed in a category`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Values in "{column}" not placed in a category</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Value</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Rows</th>
            <th className="nhsuk-table__header" scope="col">Category</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((r, i) => {
            const id = `${idPrefix}-value-${i}`;
            return (
              <tr className="nhsuk-table__row" key={r.raw}>
                <th className="nhsuk-table__header" scope="row">
                  <code>{r.raw === '' ? '(blank)' : r.raw}</code>
                </th>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{r.rows === null ? 'Already placed' : count(r.rows)}</td>
                <td className="nhsuk-table__cell">
                  <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor={id}>
                    Category for {r.raw}
                  </label>
                  <select className="nhsuk-select" id={id} value={r.assigned} onChange={(e) => onAssign(r.raw, e.target.value)}>
                    <option value="">Leave unmapped</option>
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {more > 0 && <p className="nhsuk-body-s">{count(more)} more values are not placed; they are counted as unmapped.</p>}
    </div>
  );
});
