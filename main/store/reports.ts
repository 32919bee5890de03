// Built reports: which dataset, which policy (id and hash) and which files (names and hashes).
// The files themselves live on disk; the store never holds report contents.
import { randomUUID } from 'node:crypto';
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';
import type { FileHash } from './audit-events';
import { canonicalJson } from './canonical-json';

export interface StoredReport {
  id: string;
  projectId: string | null;
  datasetId: string;
  policyId: string;
  policySha256: string;
  files: FileHash[];
  createdAt: string;
}

export function recordReportBuilt(
  db: Db,
  input: { projectId?: string | null; datasetId: string; policyId: string; policySha256: string; files: FileHash[] },
  now: Date = new Date(),
): StoredReport {
  const report: StoredReport = { id: randomUUID(), projectId: input.projectId ?? null, ...input, createdAt: now.toISOString() };
  db.transaction(() => {
    db.prepare('INSERT INTO reports (id, project_id, dataset_id, policy_id, policy_sha256, files_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      report.id,
      report.projectId,
      report.datasetId,
      report.policyId,
      report.policySha256,
      canonicalJson(report.files),
      report.createdAt,
    );
    appendAuditEvent(
      db,
      'report.built',
      { reportId: report.id, datasetId: report.datasetId, policyId: report.policyId, policySha256: report.policySha256, files: report.files },
      { subject: report.id, at: now },
    );
  }).immediate();
  return report;
}

export function getReport(db: Db, id: string): StoredReport | undefined {
  const r = db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as
    | { id: string; project_id: string | null; dataset_id: string; policy_id: string; policy_sha256: string; files_json: string; created_at: string }
    | undefined;
  return r
    ? {
        id: r.id,
        projectId: r.project_id,
        datasetId: r.dataset_id,
        policyId: r.policy_id,
        policySha256: r.policy_sha256,
        files: JSON.parse(r.files_json) as FileHash[],
        createdAt: r.created_at,
      }
    : undefined;
}
