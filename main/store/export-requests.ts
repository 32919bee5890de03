// Export requests as this store knows them: "outgoing" ones it wrote, "incoming" ones a reviewer
// opened. The manifest is kept as JSON (metadata: hashes, policy, names, purpose); the bundle's
// files are not.
import { RepresentError } from '../../shared/errors';
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';
import type { FileHash } from './audit-events';

export type RequestDirection = 'outgoing' | 'incoming';
export type RequestStatus = 'submitted' | 'approved' | 'rejected';

export interface ExportRequestRecord {
  /** Row id in this store. */
  rowId: number;
  requestId: string;
  direction: RequestDirection;
  reportId: string | null;
  requesterName: string;
  requesterIdentityId: string;
  policyId: string;
  policySha256: string;
  datasetSha256: string;
  manifestSha256: string;
  manifestJson: string;
  bundleFile: string;
  bundleSha256: string;
  status: RequestStatus;
  createdAt: string;
  recordedAt: string;
}

export type NewExportRequest = Omit<ExportRequestRecord, 'rowId' | 'direction' | 'status' | 'recordedAt'>;

interface RequestRow {
  id: number;
  request_id: string;
  direction: RequestDirection;
  report_id: string | null;
  requester_name: string;
  requester_identity_id: string;
  policy_id: string;
  policy_sha256: string;
  dataset_sha256: string;
  manifest_sha256: string;
  manifest_json: string;
  bundle_file: string;
  bundle_sha256: string;
  status: RequestStatus;
  created_at: string;
  recorded_at: string;
}

function fromRow(r: RequestRow): ExportRequestRecord {
  return {
    rowId: r.id,
    requestId: r.request_id,
    direction: r.direction,
    reportId: r.report_id,
    requesterName: r.requester_name,
    requesterIdentityId: r.requester_identity_id,
    policyId: r.policy_id,
    policySha256: r.policy_sha256,
    datasetSha256: r.dataset_sha256,
    manifestSha256: r.manifest_sha256,
    manifestJson: r.manifest_json,
    bundleFile: r.bundle_file,
    bundleSha256: r.bundle_sha256,
    status: r.status,
    createdAt: r.created_at,
    recordedAt: r.recorded_at,
  };
}

function insert(db: Db, direction: RequestDirection, r: NewExportRequest, recordedAt: string): number {
  const info = db
    .prepare(
      `INSERT INTO export_requests (request_id, direction, report_id, requester_name, requester_identity_id, policy_id, policy_sha256,
         dataset_sha256, manifest_sha256, manifest_json, bundle_file, bundle_sha256, status, created_at, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)`,
    )
    .run(
      r.requestId,
      direction,
      r.reportId,
      r.requesterName,
      r.requesterIdentityId,
      r.policyId,
      r.policySha256,
      r.datasetSha256,
      r.manifestSha256,
      r.manifestJson,
      r.bundleFile,
      r.bundleSha256,
      r.createdAt,
      recordedAt,
    );
  return Number(info.lastInsertRowid);
}

export function getExportRequest(db: Db, requestId: string, direction: RequestDirection): ExportRequestRecord | undefined {
  const r = db.prepare('SELECT * FROM export_requests WHERE request_id = ? AND direction = ?').get(requestId, direction) as RequestRow | undefined;
  return r ? fromRow(r) : undefined;
}

export function listExportRequests(db: Db, direction?: RequestDirection): ExportRequestRecord[] {
  const rows = (
    direction
      ? db.prepare('SELECT * FROM export_requests WHERE direction = ? ORDER BY created_at, id').all(direction)
      : db.prepare('SELECT * FROM export_requests ORDER BY created_at, id').all()
  ) as RequestRow[];
  return rows.map(fromRow);
}

/** The requester wrote a request bundle. */
export function recordRequestWritten(db: Db, request: NewExportRequest, files: FileHash[], outputs: number, now: Date = new Date()): ExportRequestRecord {
  return db
    .transaction(() => {
      const rowId = insert(db, 'outgoing', request, now.toISOString());
      appendAuditEvent(
        db,
        'request.written',
        {
          requestId: request.requestId,
          bundleFile: request.bundleFile,
          bundleSha256: request.bundleSha256,
          manifestSha256: request.manifestSha256,
          policyId: request.policyId,
          policySha256: request.policySha256,
          datasetSha256: request.datasetSha256,
          outputs,
          files,
        },
        { subject: request.requestId, at: now },
      );
      return { ...request, rowId, direction: 'outgoing' as const, status: 'submitted' as const, recordedAt: now.toISOString() };
    })
    .immediate();
}

/** A reviewer opened a request: remembered the first time, audited every time. */
export function recordRequestOpened(db: Db, request: NewExportRequest, now: Date = new Date()): ExportRequestRecord {
  return db
    .transaction(() => {
      const existing = getExportRequest(db, request.requestId, 'incoming');
      if (existing && existing.manifestSha256 !== request.manifestSha256)
        // Same id, different content: a second bundle claims to be this request.
        throw new RepresentError('bad-bundle', `A different request with the id ${request.requestId} was opened here before.`, {
          expected: `the manifest opened before (SHA-256 ${existing.manifestSha256})`,
          found: `a manifest with SHA-256 ${request.manifestSha256}`,
          location: { file: request.bundleFile },
        });
      const record = existing ?? {
        ...request,
        rowId: insert(db, 'incoming', request, now.toISOString()),
        direction: 'incoming' as const,
        status: 'submitted' as const,
        recordedAt: now.toISOString(),
      };
      appendAuditEvent(
        db,
        'request.opened',
        {
          requestId: request.requestId,
          bundleFile: request.bundleFile,
          bundleSha256: request.bundleSha256,
          manifestSha256: request.manifestSha256,
          requesterName: request.requesterName,
        },
        { subject: request.requestId, at: now },
      );
      return record;
    })
    .immediate();
}

export function setExportRequestStatus(db: Db, rowId: number, status: RequestStatus): void {
  db.prepare('UPDATE export_requests SET status = ? WHERE id = ?').run(status, rowId);
}
