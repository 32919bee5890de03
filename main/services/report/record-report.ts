// Records a built standards report in the store: which dataset, which policy (its id and the
// SHA-256 of all its parameters, as the report carries them) and which files (names and hashes,
// never contents), with its 'report built' audit event. One record for both ways a report is built:
// `represent report` and the app's report build (services/exporting/report-build.ts).
import type { StandardsReport } from '../../../shared/report';
import type { FileHash } from '../../store/audit-events';
import { canonicalSha256 } from '../../store/canonical-json';
import type { Db } from '../../store/database-type';
import { recordReportBuilt, type StoredReport } from '../../store/reports';

export function recordBuiltReport(
  db: Db,
  input: { datasetId: string; projectId: string | null; report: StandardsReport; files: readonly FileHash[] },
  now?: Date,
): StoredReport {
  const { report } = input;
  return recordReportBuilt(
    db,
    {
      projectId: input.projectId,
      datasetId: input.datasetId,
      policyId: report.policy.id,
      policySha256: canonicalSha256(report.policy.parameters),
      files: input.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
    },
    now,
  );
}
