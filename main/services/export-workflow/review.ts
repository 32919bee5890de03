// A reviewer's side of the workflow: open a request (hash-checked), decide per output and overall,
// and sign. Approval writes the release bundle: the request's manifest.json unchanged, the approved
// output files only, and approval.json (the signed statement with the reviewer's key fingerprint).
// Rejection writes a signed response file the requester opens with `represent request outcome`.
// Every refusal (wrong passphrase, incomplete review, second review, self-review) happens before
// anything is written, so it leaves the store as it was.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RepresentError } from '../../../shared/errors';
import type { Db } from '../../store/database-type';
import { auditHead } from '../../store/audit-log';
import { storeHome } from '../../store/home';
import { canonicalSha256, sha256Hex } from '../../store/canonical-json';
import { getExportRequest, recordRequestOpened, type ExportRequestRecord, type NewExportRequest } from '../../store/export-requests';
import { getReviewForRequest, recordApproval, recordRejection, type NewReview, type ReviewRecord } from '../../store/reviews';
import type { Identity } from '../../store/identities';
import { APP_NAME, APP_VERSION } from '../app-version';
import { requireReviewer } from './identity';
import { requireActiveKey, unlockSigningKey, publicKeyPem } from './keys';
import { signJson } from './signing';
import { openRequestBundle, type OpenedRequest } from './open-request';
import { writeJournaled } from './journaled-write';
import { writeZipFile } from './zip-io';
import { checkDecisions, checkSeparationOfDuties, releasedFilePaths, selfReviewAllowed, type ReviewDecisions } from './review-rules';
import { loadLockedPolicy } from '../exporting/policy-in-force';
import { APPROVAL_NAME, FORMAT_VERSION, MANIFEST_NAME, type ReviewStatement, type SignedReview } from './formats';

function requestRecordFrom(opened: OpenedRequest): NewExportRequest {
  const m = opened.manifest;
  return {
    requestId: m.requestId,
    reportId: null,
    requesterName: m.requester.displayName,
    requesterIdentityId: m.requester.identityId,
    policyId: m.policy.id ?? m.policy.name,
    policySha256: m.policy.sha256,
    datasetSha256: m.dataset.sha256,
    manifestSha256: opened.manifestSha256,
    manifestJson: opened.manifestBytes.toString('utf8'),
    bundleFile: path.resolve(opened.file),
    bundleSha256: opened.bundleSha256,
    createdAt: m.createdAt,
  };
}

function refuseSecondReview(db: Db, requestId: string): void {
  const incoming = getExportRequest(db, requestId, 'incoming');
  const existing = incoming && getReviewForRequest(db, incoming.rowId);
  if (existing)
    throw new RepresentError('already-reviewed', 'This request has already been reviewed here.', {
      expected: 'a request not yet reviewed',
      found: `a review by ${existing.reviewerName} on ${existing.decidedAt} (${existing.decision})`,
    });
}

export interface ShownRequest {
  opened: OpenedRequest;
  review: ReviewRecord | null;
  warnings: string[];
}

/** Opens a request for reading: hash-checked, remembered and audited as opened. */
export async function showExportRequest(db: Db, requestFile: string, now: Date = new Date()): Promise<ShownRequest> {
  const reviewer = requireReviewer(db);
  const opened = await openRequestBundle(requestFile);
  const record = recordRequestOpened(db, requestRecordFrom(opened), now);
  const warnings = await separationWarnings(db, opened, reviewer);
  return { opened, review: getReviewForRequest(db, record.rowId) ?? null, warnings };
}

/** The separation-of-duties check as warnings, for showing a request (deciding enforces it). */
async function separationWarnings(db: Db, opened: OpenedRequest, reviewer: Identity): Promise<string[]> {
  try {
    return checkSeparationOfDuties(opened.manifest.requester, reviewer, await mayReviewOwnRequest(db, opened));
  } catch (e) {
    if (e instanceof RepresentError) return [e.message];
    throw e;
  }
}

/**
 * The rule is the request's policy's allowSelfReview, capped by a policy the TRE locked in this
 * (the reviewer's) home: the lock sits beside the store file (policy-in-force.ts), and a lock that
 * cannot be read fails closed there.
 */
async function mayReviewOwnRequest(db: Db, opened: OpenedRequest): Promise<boolean> {
  if (!selfReviewAllowed(opened.manifest, null)) return false;
  return selfReviewAllowed(opened.manifest, await loadLockedPolicy(storeHome(db)));
}

export interface ReviewInput {
  requestFile: string;
  decisions: ReviewDecisions;
  passphrase: string;
  /** The release bundle (approval) or response file (rejection) to write; must not exist. */
  outPath: string;
  now?: Date;
}

export interface ReviewResult {
  kind: 'release' | 'response';
  path: string;
  sha256: string;
  statement: ReviewStatement;
  warnings: string[];
}

export async function reviewExportRequest(db: Db, input: ReviewInput): Promise<ReviewResult> {
  const now = input.now ?? new Date();
  const reviewer = requireReviewer(db);
  const key = requireActiveKey(db, reviewer);
  const opened = await openRequestBundle(input.requestFile);
  const manifest = opened.manifest;
  refuseSecondReview(db, manifest.requestId);
  const warnings = checkSeparationOfDuties(manifest.requester, reviewer, await mayReviewOwnRequest(db, opened));
  const { outputs, overallComment } = checkDecisions(manifest.outputs, input.decisions);
  const decision = input.decisions.overall.decision;
  const released = decision === 'approved' ? releasedFilePaths(manifest, outputs) : [];
  if (decision === 'approved' && released.length === 0)
    throw new RepresentError('bad-review', 'Nothing would be released: every approved output shares a file with a rejected one.', {
      expected: 'at least one file whose outputs are all approved',
      found: 'none',
    });
  const unlocked = await unlockSigningKey(key, input.passphrase);

  const statement: ReviewStatement = {
    format: 'represent-review-statement',
    formatVersion: FORMAT_VERSION,
    requestId: manifest.requestId,
    manifestSha256: opened.manifestSha256,
    decision,
    decidedAt: now.toISOString(),
    reviewer: { identityId: reviewer.id, displayName: reviewer.displayName, role: 'reviewer', osUser: reviewer.osUser },
    keyFingerprint: key.fingerprint,
    overallComment,
    outputs,
    releasedFiles: released.map((p) => {
      const bytes = opened.files.get(p)!;
      return { path: p, sha256: sha256Hex(bytes), bytes: bytes.byteLength };
    }),
    app: { name: APP_NAME, version: APP_VERSION },
    auditHead: auditHead(db),
  };
  const signed: SignedReview = {
    format: 'represent-signed-review',
    statement,
    signature: { algorithm: 'Ed25519', keyFingerprint: key.fingerprint, publicKey: publicKeyPem(unlocked.publicKey), value: signJson(unlocked.privateKey, statement) },
  };
  const signedBytes = Buffer.from(JSON.stringify(signed, null, 2) + '\n', 'utf8');
  const review: NewReview = {
    decision,
    reviewerName: reviewer.displayName,
    reviewerIdentityId: reviewer.id,
    keyFingerprint: key.fingerprint,
    overallComment,
    outputs: outputs.map((o) => ({ id: o.id, decision: o.decision, comment: o.comment })),
    statementSha256: canonicalSha256(statement),
    signature: signed.signature.value,
    decidedAt: statement.decidedAt,
  };
  const outPath = path.resolve(input.outPath);

  const incomingRecord = (): ExportRequestRecord => {
    refuseSecondReview(db, manifest.requestId); // again, inside the transaction: another process may have reviewed meanwhile
    return getExportRequest(db, manifest.requestId, 'incoming') ?? recordRequestOpened(db, requestRecordFrom(opened), now);
  };

  if (decision === 'approved') {
    const entries = [
      { name: MANIFEST_NAME, bytes: opened.manifestBytes },
      ...released.map((p) => ({ name: p, bytes: opened.files.get(p)! })),
      { name: APPROVAL_NAME, bytes: signedBytes },
    ];
    const sha256 = await writeJournaled(
      db,
      outPath,
      (temp) => writeZipFile(temp, entries, now),
      (sha) => {
        recordApproval(db, incomingRecord(), review, { bundleFile: outPath, bundleSha256: sha, files: statement.releasedFiles.map((f) => ({ path: f.path, sha256: f.sha256 })) }, now);
        return sha;
      },
    );
    return { kind: 'release', path: outPath, sha256, statement, warnings };
  }
  const sha256 = await writeJournaled(
    db,
    outPath,
    (temp) => writeSyncedFile(temp, signedBytes),
    (sha) => {
      recordRejection(db, incomingRecord(), review, { responseFile: outPath, responseSha256: sha }, now);
      return sha;
    },
  );
  return { kind: 'response', path: outPath, sha256, statement, warnings };
}

async function writeSyncedFile(file: string, bytes: Buffer): Promise<string> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return createHash('sha256').update(bytes).digest('hex');
}
