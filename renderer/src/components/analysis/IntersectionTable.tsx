// People in each combination of two (or more) attributes, with empty and small combinations
// named: an empty cell means no one in the data has that combination.
import { memo, useMemo } from 'react';
import type { Intersection } from '../../../../shared/analysis/types';
import { count, intersectionModel } from '../../analysis/representation-view';
import '../../styles/analysis.css';

export const IntersectionTable = memo(function IntersectionTable({ intersection, smallCell }: { intersection: Intersection; smallCell: number }) {
  const model = useMemo(() => intersectionModel(intersection), [intersection]);
  const mark = (n: number) => (n === 0 ? ' (none)' : n < smallCell ? ' (small)' : '');
  return (
    <>
      <p>
        {count(model.emptyCells)} of {count(model.realCells)} combinations have no one in them and {count(model.smallCells)} have fewer
        than {count(smallCell)} people.
      </p>
      <div className="app-scroll-x" tabIndex={0} role="region" aria-label={`People by ${model.title}`}>
        {model.grid ? (
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">People by {model.title}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <td className="nhsuk-table__header" />
                {model.grid.columnLabels.map((l, i) => (
                  <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col" key={`${i}:${l}`}>
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {model.grid.rowLabels.map((rowLabel, r) => (
                <tr className="nhsuk-table__row" key={`${r}:${rowLabel}`}>
                  <th className="nhsuk-table__header" scope="row">{rowLabel}</th>
                  {(model.grid?.counts[r] ?? []).map((n, c) => (
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric" key={c}>
                      {count(n)}
                      {mark(n)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">People by {model.title} (combinations with anyone in them)</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                {intersection.dimensions.map((d, i) => (
                  <th className="nhsuk-table__header" scope="col" key={`${i}:${d.name}`}>
                    {d.name}
                  </th>
                ))}
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">People</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {model.list.map((cell) => (
                <tr className="nhsuk-table__row" key={cell.labels.join('\u0000')}>
                  {cell.labels.map((l, i) =>
                    i === 0 ? (
                      <th className="nhsuk-table__header" scope="row" key={i}>{l}</th>
                    ) : (
                      <td className="nhsuk-table__cell" key={i}>{l}</td>
                    ),
                  )}
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                    {count(cell.count)}
                    {mark(cell.count)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {model.hiddenCells > 0 && <p className="nhsuk-body-s">{count(model.hiddenCells)} more combinations are not shown.</p>}
    </>
  );
});
