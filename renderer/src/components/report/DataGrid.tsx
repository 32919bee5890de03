// One report table: caption, column headers and row headers scoped, numbers right-aligned.
// Hidden figures carry the policy's marker in the text itself (never colour alone) and a
// visually hidden note for screen readers.
import { memo } from 'react';
import type { Grid } from '../../report/report-tables';
import { STATUS_TAG_CLASS } from './status-tags';
import '../../styles/report.css';

export const DataGrid = memo(function DataGrid({ grid, scroll = true }: { grid: Grid; scroll?: boolean }) {
  const table = (
    <table className="nhsuk-table app-report-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{grid.caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {grid.columns.map((c, i) => (
            <th key={i} scope="col" className={`nhsuk-table__header${c.numeric ? ' nhsuk-table__header--numeric' : ''}`}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {grid.rows.map((r) => (
          <tr className="nhsuk-table__row" key={r.key}>
            <th scope="row" className="nhsuk-table__header">
              {r.header}
            </th>
            {r.cells.map((c, i) => (
              <td
                key={i}
                className={`nhsuk-table__cell${c.numeric ? ' nhsuk-table__cell--numeric' : ''}${c.suppressed ? ' app-cell--hidden' : ''}${c.heat !== undefined ? ` app-heat-${c.heat}` : ''}`}
              >
                {c.tag ? <strong className={`nhsuk-tag ${STATUS_TAG_CLASS[c.tag]}`}>{c.text}</strong> : c.text}
                {c.suppressed && c.text !== '' && <span className="nhsuk-u-visually-hidden"> (not published)</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!scroll) return table;
  // Wide tables scroll inside a focusable region, so keyboard users can scroll them too.
  return (
    <div className="app-table-scroll" role="region" aria-label={grid.caption} tabIndex={0}>
      {table}
    </div>
  );
});
