// The catalogue of audit events and what each one records. Details carry ids, hashes, counts,
// file paths and people's names only: never a value from a dataset, never free text a person typed
// (a comment is recorded as its SHA-256, so the log can prove which comment was made without
// holding it). The compiler checks every call site against this map.

export interface FileHash {
  path: string;
  sha256: string;
}

export interface AuditEventDetails {
  'store.migrated': { fromVersion: number; toVersion: number; appVersion: string };
  'identity.saved': { identityId: string; displayName: string; role: string; osUser: string };
  'key.created': { fingerprint: string; algorithm: 'Ed25519'; identityId: string };
  'key.exported': { fingerprint: string; file: string };
  'key.trusted': { fingerprint: string; file: string; ownerName: string | null };
  'project.created': { projectId: string; name: string };
  /** A file profiled (a new dataset row), or `reopened` from the recent list without reading it again. */
  'dataset.opened': { datasetId: string; fileName: string; sizeBytes: number; sha256: string; reopened?: true };
  'profile.run': { profileId: string; datasetId: string; rows: number; columns: number; appVersion: string };
  'analysis.saved': { analysisId: string; datasetId: string; kind: string; mappingId: string | null };
  'mapping.changed': { mappingId: string; datasetId: string; version: number; sha256: string };
  'answer.saved': { projectId: string; itemId: string; sha256: string };
  'policy.changed': { policyId: string; policySha256: string; previousPolicySha256: string | null };
  'setting.changed': { key: string; sha256: string };
  'report.built': { reportId: string; datasetId: string; policyId: string; policySha256: string; files: FileHash[] };
  'request.written': {
    requestId: string;
    bundleFile: string;
    bundleSha256: string;
    manifestSha256: string;
    policyId: string;
    policySha256: string;
    datasetSha256: string;
    outputs: number;
    files: FileHash[];
  };
  'request.opened': { requestId: string; bundleFile: string; bundleSha256: string; manifestSha256: string; requesterName: string };
  'review.decided': {
    requestId: string;
    reviewId: string;
    decision: 'approved' | 'rejected';
    keyFingerprint: string;
    statementSha256: string;
    overallCommentSha256: string;
    outputs: { id: string; decision: 'approved' | 'rejected'; commentSha256: string | null }[];
  };
  'release.written': { requestId: string; reviewId: string; bundleFile: string; bundleSha256: string; files: FileHash[] };
  'response.written': { requestId: string; reviewId: string; responseFile: string; responseSha256: string };
  'outcome.received': {
    requestId: string;
    reviewId: string;
    decision: 'approved' | 'rejected';
    reviewerName: string;
    keyFingerprint: string;
    statementSha256: string;
    file: string;
    fileSha256: string;
  };
}

export type AuditEventType = keyof AuditEventDetails;

const TYPES: Record<AuditEventType, true> = {
  'store.migrated': true,
  'identity.saved': true,
  'key.created': true,
  'key.exported': true,
  'key.trusted': true,
  'project.created': true,
  'dataset.opened': true,
  'profile.run': true,
  'analysis.saved': true,
  'mapping.changed': true,
  'answer.saved': true,
  'policy.changed': true,
  'setting.changed': true,
  'report.built': true,
  'request.written': true,
  'request.opened': true,
  'review.decided': true,
  'release.written': true,
  'response.written': true,
  'outcome.received': true,
};

export const AUDIT_EVENT_TYPES: readonly AuditEventType[] = Object.freeze(Object.keys(TYPES) as AuditEventType[]);

export function isAuditEventType(name: string): name is AuditEventType {
  return Object.hasOwn(TYPES, name);
}
