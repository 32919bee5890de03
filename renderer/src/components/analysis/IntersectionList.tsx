// The intersections on the Representation page: a summary row for each combination of attributes,
// and its full table in a details element drawn only when opened (six attributes make 35 tables
// of up to 200 rows; drawing them all would make the page very long and slow to draw).
import { memo, useState, type ReactNode } from 'react';
import type { Intersection } from '../../../../shared/analysis/types';
import { count } from '../../analysis/representation-view';
import { IntersectionTable } from './IntersectionTable';

export const IntersectionList = memo(function IntersectionList({ intersections, smallCell }: { intersections: Intersection[]; smallCell: number }) {
  return (
    <>
      <div className="app-scroll-x" tabIndex={0} role="region" aria-label="Intersections summary">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Combinations of attributes with no one, or few people, in them</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Attributes</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Combinations</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">With no one</th>
              <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">With fewer than {count(smallCell)}</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {intersections.map((x) => (
              <tr className="nhsuk-table__row" key={x.attributes.join('-')}>
                <th className="nhsuk-table__header" scope="row">{x.dimensions.map((d) => d.name).join(' by ')}</th>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(x.realCells)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(x.emptyCells.length)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(x.smallCells.length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {intersections.map((x) => (
        <LazyDetails key={x.attributes.join('-')} summary={`People by ${x.dimensions.map((d) => d.name).join(' by ')}`}>
          {() => <IntersectionTable intersection={x} smallCell={smallCell} />}
        </LazyDetails>
      ))}
    </>
  );
});

/** An NHS.UK details element whose content is built only once it has been opened. */
function LazyDetails({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="nhsuk-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{open ? children() : null}</div>
    </details>
  );
}
