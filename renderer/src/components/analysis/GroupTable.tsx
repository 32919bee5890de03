// The representation figures as a table: the chart's text alternative and its exact values.
import { memo, useMemo } from 'react';
import type { AttributeAnalysis } from '../../../../shared/analysis/types';
import { count, largestGroups, percent, TABLE_MAX_ROWS } from '../../analysis/representation-view';
import '../../styles/analysis.css';

const FLAG_WORDS = {
  'under-represented': 'Under-represented',
  'over-represented': 'Over-represented',
  absent: 'Absent',
  'below-reliability-floor': 'Small group',
  'not-in-reference': 'Not in reference',
} as const;

export const GroupTable = memo(function GroupTable({ attr, title, referenceName }: { attr: AttributeAnalysis; title: string; referenceName: string | null }) {
  const { shown, hidden } = useMemo(() => largestGroups(attr.groups, TABLE_MAX_ROWS), [attr]);
  const hasReference = attr.groups.some((g) => g.referenceShare !== undefined);
  return (
    <div className="app-scroll-x" tabIndex={0} role="region" aria-label={`${title}: figures by group`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">
          {title}: people in each group{hasReference && referenceName ? `, compared with ${referenceName}` : ''}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">Group</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">People</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Share</th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">95% interval</th>
            {hasReference && (
              <>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Reference share</th>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Ratio to reference</th>
              </>
            )}
            <th className="nhsuk-table__header" scope="col">Flags</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {shown.map((g) => (
            <tr className="nhsuk-table__row" key={g.key}>
              <th className="nhsuk-table__header" scope="row">{g.label}</th>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(g.count)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{percent(g.share)}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                {percent(g.shareInterval.low)} to {percent(g.shareInterval.high)}
              </td>
              {hasReference && (
                <>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{g.referenceShare !== undefined ? percent(g.referenceShare) : 'None'}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{g.ratio !== undefined && Number.isFinite(g.ratio) ? g.ratio.toFixed(2) : 'None'}</td>
                </>
              )}
              <td className="nhsuk-table__cell">{g.flags.map((f) => FLAG_WORDS[f]).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && (
        <p className="nhsuk-body-s">
          The table shows the {count(shown.length)} largest groups; {count(hidden)} smaller groups are not shown.
        </p>
      )}
    </div>
  );
});
