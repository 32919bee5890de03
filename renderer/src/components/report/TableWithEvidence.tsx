// A report table with its disclosure evidence beside it (under it on narrow screens).
import type { ReactNode } from 'react';
import type { StatisticEvidence } from '../../../../shared/disclosure';
import { EvidencePanel } from './EvidencePanel';
import '../../styles/report.css';

export function TableWithEvidence({ evidence, children }: { evidence: readonly (StatisticEvidence | undefined)[]; children: ReactNode }) {
  const known = evidence.filter((e): e is StatisticEvidence => e !== undefined);
  return (
    <div className="app-report-pair">
      <div className="app-report-pair__table">{children}</div>
      <div className="app-report-pair__evidence">
        {known.length === 0 ? (
          <p className="nhsuk-body-s">No disclosure evidence is recorded for this table.</p>
        ) : (
          known.map((e) => <EvidencePanel key={e.statisticId} evidence={e} />)
        )}
      </div>
    </div>
  );
}
