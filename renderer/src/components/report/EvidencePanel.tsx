// Disclosure evidence for one protected table, shown beside it: the outcome, how many cells were
// shown, rounded or suppressed (primary / secondary), each rule applied with its parameters, and
// on request every cell. The cell list renders only when opened: big tables have thousands.
import { memo, useMemo, useState } from 'react';
import type { StatisticEvidence } from '../../../../shared/disclosure';
import { formatCount } from '../../format';
import { CELL_STATUS_WORDS, OUTCOME_WORDS, cellRows, ruleText, ruleUses } from '../../report/disclosure-evidence';
import { CELL_TAG_CLASS, OUTCOME_TAG_CLASS } from './status-tags';
import '../../styles/report.css';

export const EvidencePanel = memo(function EvidencePanel({ evidence }: { evidence: StatisticEvidence }) {
  const uses = useMemo(() => ruleUses(evidence), [evidence]);
  const s = evidence.summary;
  const counts: [string, number][] = [
    [CELL_STATUS_WORDS.shown, s.shown],
    [CELL_STATUS_WORDS.rounded, s.rounded],
    [CELL_STATUS_WORDS['suppressed-primary'], s.suppressedPrimary],
    [CELL_STATUS_WORDS['suppressed-secondary'], s.suppressedSecondary],
  ];
  return (
    <aside className="app-evidence" aria-label={`Disclosure evidence: ${evidence.title}`}>
      <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">Disclosure evidence</h4>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
        <strong className={`nhsuk-tag ${OUTCOME_TAG_CLASS[evidence.outcome]}`}>{OUTCOME_WORDS[evidence.outcome]}</strong>
      </p>
      <ul className="nhsuk-list nhsuk-body-s app-evidence__counts">
        {counts.map(([label, n]) => (
          <li key={label}>
            {label}: <strong>{formatCount(n)}</strong> {n === 1 ? 'cell' : 'cells'}
          </li>
        ))}
      </ul>
      <h5 className="nhsuk-body-s nhsuk-u-font-weight-bold nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-1">Rules applied</h5>
      <ul className="nhsuk-list nhsuk-body-s app-evidence__rules">
        {uses.map((u) => (
          <li key={u.key}>
            <strong className={`nhsuk-tag ${CELL_TAG_CLASS[u.status]}`}>{CELL_STATUS_WORDS[u.status]}</strong>{' '}
            <strong>
              {formatCount(u.cells)} {u.cells === 1 ? 'cell' : 'cells'}
            </strong>{' '}
            under {ruleText(u.rule)}
            {u.params ? ` (${u.params})` : ''}. <span className="nhsuk-u-secondary-text-colour">{u.reason}</span>
          </li>
        ))}
      </ul>
      {evidence.protection && (
        <p className="nhsuk-body-s">
          Every hidden cell was proven to keep an interval at least {evidence.protection.width} wide
          {evidence.protection.linkedWith.length > 0 ? `, counting the linked tables ${evidence.protection.linkedWith.join(', ')}` : ''}.
        </p>
      )}
      {evidence.reasons.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
          {evidence.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <CellList evidence={evidence} />
    </aside>
  );
});

function CellList({ evidence }: { evidence: StatisticEvidence }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-0" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Every cell ({formatCount(evidence.cells.length)})</span>
      </summary>
      <div className="nhsuk-details__text">{open && <CellTable evidence={evidence} />}</div>
    </details>
  );
}

function CellTable({ evidence }: { evidence: StatisticEvidence }) {
  const rows = useMemo(() => cellRows(evidence), [evidence]);
  return (
    <div className="app-table-scroll" role="region" aria-label={`Cells of ${evidence.title}`} tabIndex={0}>
      <table className="nhsuk-table nhsuk-table--compact app-evidence__cells">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s nhsuk-u-visually-hidden">
          Status of every cell of {evidence.title}, hidden cells first
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Cell</th>
            <th scope="col" className="nhsuk-table__header">Status</th>
            <th scope="col" className="nhsuk-table__header">Rule</th>
            <th scope="col" className="nhsuk-table__header">Parameters</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((r) => (
            <tr className="nhsuk-table__row" key={r.key}>
              <th scope="row" className="nhsuk-table__header">{r.cell}</th>
              <td className="nhsuk-table__cell">{CELL_STATUS_WORDS[r.status]}</td>
              <td className="nhsuk-table__cell">{r.rule}</td>
              <td className="nhsuk-table__cell">{r.params || 'none'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
