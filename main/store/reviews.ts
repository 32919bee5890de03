// Review decisions and what they produced: a release bundle (approval) or a response file
// (rejection). A reviewer's store records the review it made; a requester's store records the
// outcome it received. Either way one review per request per store.
import { randomUUID } from 'node:crypto';
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';
import type { FileHash } from './audit-events';
import { canonicalJson, sha256Hex } from './canonical-json';
import { setExportRequestStatus, type ExportRequestRecord } from './export-requests';

export type ReviewDecision = 'approved' | 'rejected';

export interface OutputDecision {
  id: string;
  decision: ReviewDecision;
  comment: string | null;
}

export interface ReviewRecord {
  id: string;
  exportRequestRowId: number;
  decision: ReviewDecision;
  reviewerName: string;
  reviewerIdentityId: string;
  keyFingerprint: string;
  overallComment: string;
  outputs: OutputDecision[];
  statementSha256: string;
  signature: string;
  decidedAt: string;
  recordedAt: string;
}

export type NewReview = Omit<ReviewRecord, 'id' | 'exportRequestRowId' | 'recordedAt'>;

interface ReviewRow {
  id: string;
  export_request_id: number;
  decision: ReviewDecision;
  reviewer_name: string;
  reviewer_identity_id: string;
  key_fingerprint: string;
  overall_comment: string;
  outputs_json: string;
  statement_sha256: string;
  signature: string;
  decided_at: string;
  recorded_at: string;
}

function fromRow(r: ReviewRow): ReviewRecord {
  return {
    id: r.id,
    exportRequestRowId: r.export_request_id,
    decision: r.decision,
    reviewerName: r.reviewer_name,
    reviewerIdentityId: r.reviewer_identity_id,
    keyFingerprint: r.key_fingerprint,
    overallComment: r.overall_comment,
    outputs: JSON.parse(r.outputs_json) as OutputDecision[],
    statementSha256: r.statement_sha256,
    signature: r.signature,
    decidedAt: r.decided_at,
    recordedAt: r.recorded_at,
  };
}

export function getReviewForRequest(db: Db, exportRequestRowId: number): ReviewRecord | undefined {
  const r = db.prepare('SELECT * FROM reviews WHERE export_request_id = ?').get(exportRequestRowId) as ReviewRow | undefined;
  return r ? fromRow(r) : undefined;
}

function insertReview(db: Db, request: ExportRequestRecord, review: NewReview, now: Date): ReviewRecord {
  const record: ReviewRecord = { ...review, id: randomUUID(), exportRequestRowId: request.rowId, recordedAt: now.toISOString() };
  db.prepare(
    `INSERT INTO reviews (id, export_request_id, decision, reviewer_name, reviewer_identity_id, key_fingerprint, overall_comment,
       outputs_json, statement_sha256, signature, decided_at, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.id,
    record.exportRequestRowId,
    record.decision,
    record.reviewerName,
    record.reviewerIdentityId,
    record.keyFingerprint,
    record.overallComment,
    canonicalJson(record.outputs),
    record.statementSha256,
    record.signature,
    record.decidedAt,
    record.recordedAt,
  );
  setExportRequestStatus(db, request.rowId, record.decision);
  return record;
}

function decidedDetails(request: ExportRequestRecord, review: ReviewRecord) {
  return {
    requestId: request.requestId,
    reviewId: review.id,
    decision: review.decision,
    keyFingerprint: review.keyFingerprint,
    statementSha256: review.statementSha256,
    overallCommentSha256: sha256Hex(review.overallComment),
    outputs: review.outputs.map((o) => ({ id: o.id, decision: o.decision, commentSha256: o.comment === null ? null : sha256Hex(o.comment) })),
  };
}

/** The reviewer approved: the review and the release bundle it wrote, in one transaction. */
export function recordApproval(
  db: Db,
  request: ExportRequestRecord,
  review: NewReview,
  release: { bundleFile: string; bundleSha256: string; files: FileHash[] },
  now: Date = new Date(),
): ReviewRecord {
  return db
    .transaction(() => {
      const record = insertReview(db, request, review, now);
      db.prepare('INSERT INTO releases (review_id, bundle_file, bundle_sha256, files_json, written_at) VALUES (?, ?, ?, ?, ?)').run(
        record.id,
        release.bundleFile,
        release.bundleSha256,
        canonicalJson(release.files),
        now.toISOString(),
      );
      appendAuditEvent(db, 'review.decided', decidedDetails(request, record), { subject: request.requestId, at: now });
      appendAuditEvent(
        db,
        'release.written',
        { requestId: request.requestId, reviewId: record.id, bundleFile: release.bundleFile, bundleSha256: release.bundleSha256, files: release.files },
        { subject: request.requestId, at: now },
      );
      return record;
    })
    .immediate();
}

/** The reviewer rejected: the review and the response file it wrote. */
export function recordRejection(
  db: Db,
  request: ExportRequestRecord,
  review: NewReview,
  response: { responseFile: string; responseSha256: string },
  now: Date = new Date(),
): ReviewRecord {
  return db
    .transaction(() => {
      const record = insertReview(db, request, review, now);
      db.prepare('INSERT INTO responses (review_id, response_file, response_sha256, written_at) VALUES (?, ?, ?, ?)').run(
        record.id,
        response.responseFile,
        response.responseSha256,
        now.toISOString(),
      );
      appendAuditEvent(db, 'review.decided', decidedDetails(request, record), { subject: request.requestId, at: now });
      appendAuditEvent(
        db,
        'response.written',
        { requestId: request.requestId, reviewId: record.id, responseFile: response.responseFile, responseSha256: response.responseSha256 },
        { subject: request.requestId, at: now },
      );
      return record;
    })
    .immediate();
}

/** The requester opened the reviewer's outcome (a release bundle or a response) for one of their requests. */
export function recordOutcomeReceived(
  db: Db,
  request: ExportRequestRecord,
  review: NewReview,
  file: { path: string; sha256: string },
  now: Date = new Date(),
): ReviewRecord {
  return db
    .transaction(() => {
      const record = insertReview(db, request, review, now);
      appendAuditEvent(
        db,
        'outcome.received',
        {
          requestId: request.requestId,
          reviewId: record.id,
          decision: record.decision,
          reviewerName: record.reviewerName,
          keyFingerprint: record.keyFingerprint,
          statementSha256: record.statementSha256,
          file: file.path,
          fileSha256: file.sha256,
        },
        { subject: request.requestId, at: now },
      );
      return record;
    })
    .immediate();
}
