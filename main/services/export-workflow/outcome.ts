// The requester's side after review: open what the reviewer sent back (a release bundle or a
// rejection's response file), check that it is signed and that it answers a request this store
// wrote (same request id, same manifest hash), show it, and record it once.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import { RepresentError } from '../../../shared/errors';
import type { Db } from '../../store/database-type';
import { canonicalSha256 } from '../../store/canonical-json';
import { getExportRequest, type ExportRequestRecord } from '../../store/export-requests';
import { getReviewForRequest, recordOutcomeReceived, type ReviewRecord } from '../../store/reviews';
import { APP_VERSION } from '../app-version';
import { readZipFile } from './zip-io';
import { readDocument, SignedReviewSchema, APPROVAL_NAME, type SignedReview } from './formats';
import { checkReviewSignature } from './signed-review';
import type { TrustedKey } from './keys';

export interface ReceivedOutcome {
  signed: SignedReview;
  request: ExportRequestRecord;
  review: ReviewRecord;
  /** True when this call recorded it; false when it was recorded before. */
  newlyRecorded: boolean;
  /** null when no trusted keys were available to judge (an untrusted key is refused outright). */
  keyTrusted: boolean | null;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function readSignedReview(file: string): Promise<{ signed: SignedReview; raw: unknown; sha256: string }> {
  let head: Buffer;
  try {
    const handle = await fs.open(file, 'r');
    try {
      head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
  } catch {
    throw new RepresentError('file-not-found', 'The outcome file was not found.', { location: { file } });
  }
  if (head.equals(ZIP_MAGIC)) {
    const zip = await readZipFile(file);
    const { value, raw } = readDocument(SignedReviewSchema, zip.entries.get(APPROVAL_NAME), 'approval.json', file, APP_VERSION);
    return { signed: value, raw, sha256: zip.sha256 };
  }
  const bytes = await fs.readFile(file);
  const { value, raw } = readDocument(SignedReviewSchema, bytes, 'response', file, APP_VERSION);
  return { signed: value, raw, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function receiveOutcome(
  db: Db,
  file: string,
  trustedKeys: ReadonlyMap<string, TrustedKey> | null,
  now: Date = new Date(),
): Promise<ReceivedOutcome> {
  const { signed, raw, sha256 } = await readSignedReview(file);
  const sig = checkReviewSignature(signed, (raw as { statement: unknown }).statement);
  if (!sig.ok)
    throw new RepresentError('bad-bundle', 'The review is not validly signed.', { expected: 'a valid Ed25519 signature', found: sig.reason, location: { file } });
  const s = signed.statement;
  const request = getExportRequest(db, s.requestId, 'outgoing');
  if (!request)
    throw new RepresentError('bad-review', 'This review answers a request that was not written from this Represent home.', {
      expected: 'one of your requests (represent request list)',
      found: `request ${s.requestId}`,
      location: { file },
    });
  if (request.manifestSha256 !== s.manifestSha256)
    throw new RepresentError('bad-review', 'The review is for a different version of your request.', {
      expected: `manifest SHA-256 ${request.manifestSha256}`,
      found: `manifest SHA-256 ${s.manifestSha256}`,
      location: { file },
    });
  const keyTrusted = trustedKeys === null ? null : trustedKeys.has(s.keyFingerprint);
  // With trusted keys to judge by, an outcome signed by any other key is refused: a forged
  // "approved" must not be recorded as if a checker had said it.
  if (keyTrusted === false)
    throw new RepresentError('bad-review', 'The review is signed by a key that is not among the trusted keys.', {
      expected: `a key from the trusted keys (${trustedKeys!.size} known)`,
      found: `key ${s.keyFingerprint} (${s.reviewer.displayName})`,
      location: { file },
    });
  const statementSha256 = canonicalSha256(s);
  const existing = getReviewForRequest(db, request.rowId);
  if (existing) {
    if (existing.statementSha256 !== statementSha256)
      throw new RepresentError('already-reviewed', 'A different review of this request was recorded before.', {
        expected: `the review recorded on ${existing.recordedAt}`,
        found: 'another signed review',
        location: { file },
      });
    return { signed, request, review: existing, newlyRecorded: false, keyTrusted };
  }
  const review = recordOutcomeReceived(
    db,
    request,
    {
      decision: s.decision,
      reviewerName: s.reviewer.displayName,
      reviewerIdentityId: s.reviewer.identityId,
      keyFingerprint: s.keyFingerprint,
      overallComment: s.overallComment,
      outputs: s.outputs.map((o) => ({ id: o.id, decision: o.decision, comment: o.comment })),
      statementSha256,
      signature: signed.signature.value,
      decidedAt: s.decidedAt,
    },
    { path: path.resolve(file), sha256 },
    now,
  );
  return { signed, request: { ...request, status: s.decision }, review, newlyRecorded: true, keyTrusted };
}
