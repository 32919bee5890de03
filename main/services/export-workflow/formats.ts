// The JSON documents inside bundles: the request manifest and the signed review statement (the
// release's approval.json and a rejection's response file). Zod schemas are the single definition;
// reading refuses unknown keys so nothing unsigned or unhashed can ride along unnoticed.
import { z } from 'zod';
import { RepresentError } from '../../../shared/errors';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');
const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'a UTC time in ISO 8601');
const text = (max: number) => z.string().max(max);
const auditHead = z.strictObject({ seq: z.number().int().min(1), hash: sha256 }).nullable();
const app = z.strictObject({ name: z.literal('Represent'), version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/) });

export const OUTPUT_STATUSES = ['pass', 'fail', 'review'] as const;
export type OutputStatus = (typeof OUTPUT_STATUSES)[number];

export const MANIFEST_NAME = 'manifest.json';
export const APPROVAL_NAME = 'approval.json';
export const ACRO_RESULTS_NAME = 'results.json';
/** The disclosure evidence for every table (from shared/disclosure), for the checker. */
export const EVIDENCE_NAME = 'evidence/disclosure-evidence.json';
/** The independent export screen's findings on the request's files (shared/disclosure screenExport). */
export const SCREEN_NAME = 'evidence/export-screen.json';
/** Names a requester's own files may not take; everything under evidence/ is ours too. */
export const RESERVED_NAMES: readonly string[] = [MANIFEST_NAME, APPROVAL_NAME, ACRO_RESULTS_NAME];
export const RESERVED_FOLDER = 'evidence/';

export const ManifestSchema = z.strictObject({
  format: z.literal('represent-export-request'),
  formatVersion: z.number().int().min(1),
  requestId: z.uuid(),
  createdAt: isoTime,
  app,
  policy: z.strictObject({
    id: z.string().nullable(),
    name: text(200),
    /** Every parameter of the policy in force (SATRE 3.3.09: the full machine-readable criteria). */
    parameters: z.record(z.string(), z.unknown()),
    /** SHA-256 of the canonical JSON of `parameters`. */
    sha256,
  }),
  dataset: z.strictObject({ sha256, sizeBytes: z.number().int().min(0).nullable(), fileName: text(300).nullable() }),
  requester: z.strictObject({ identityId: z.uuid(), displayName: text(200), role: z.enum(['analyst', 'reviewer']), osUser: text(200) }),
  purpose: text(20_000),
  justification: text(20_000),
  outputs: z.array(
    z.strictObject({
      id: text(200),
      type: text(100),
      status: z.enum(OUTPUT_STATUSES),
      files: z.array(z.string()).min(1),
      summary: text(2_000),
      /** The requester's reason for releasing an output that did not pass (ACRO's "exception"). */
      exception: text(20_000).nullable(),
    }),
  ),
  files: z.array(z.strictObject({ path: z.string(), sha256, bytes: z.number().int().min(0), role: z.enum(['output', 'evidence', 'acro-results']) })),
  /** The requester's audit-log head when the request was written: an anchor for `audit verify`. */
  auditHead,
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestOutput = Manifest['outputs'][number];
export type ManifestFile = Manifest['files'][number];

export const ReviewStatementSchema = z.strictObject({
  format: z.literal('represent-review-statement'),
  formatVersion: z.number().int().min(1),
  requestId: z.uuid(),
  /** SHA-256 of manifest.json's bytes: the signature covers the whole request through it. */
  manifestSha256: sha256,
  decision: z.enum(['approved', 'rejected']),
  decidedAt: isoTime,
  reviewer: z.strictObject({ identityId: z.uuid(), displayName: text(200), role: z.literal('reviewer'), osUser: text(200) }),
  keyFingerprint: sha256,
  overallComment: text(20_000).min(1),
  outputs: z.array(
    z.strictObject({
      id: text(200),
      requestStatus: z.enum(OUTPUT_STATUSES),
      decision: z.enum(['approved', 'rejected']),
      comment: text(20_000).nullable(),
    }),
  ),
  /** Exactly the files a release carries besides manifest.json and approval.json; empty for a rejection. */
  releasedFiles: z.array(z.strictObject({ path: z.string(), sha256, bytes: z.number().int().min(0) })),
  app,
  auditHead,
});
export type ReviewStatement = z.infer<typeof ReviewStatementSchema>;

export const SignedReviewSchema = z.strictObject({
  format: z.literal('represent-signed-review'),
  statement: ReviewStatementSchema,
  signature: z.strictObject({
    algorithm: z.literal('Ed25519'),
    keyFingerprint: sha256,
    /** The signer's public key (SPKI PEM), so anyone can check the signature; trust is a separate check. */
    publicKey: z.string().max(1_000),
    value: z.string().max(200),
  }),
});
export type SignedReview = z.infer<typeof SignedReviewSchema>;

export const FORMAT_VERSION = 1;

/** Parses a JSON document from a bundle; any problem is a `bad-bundle` error. */
export function readJsonDocument(bytes: Uint8Array | undefined, what: string, file: string): unknown {
  if (bytes === undefined)
    throw new RepresentError('bad-bundle', `The bundle has no ${what}.`, { expected: `a ${what}`, found: 'none', location: { file } });
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    throw new RepresentError('bad-bundle', `The bundle's ${what} is not valid JSON.`, { expected: 'JSON', found: 'text that does not parse', location: { file } });
  }
}

/** Checks a parsed document against its schema; the error names the first field that does not fit. */
export function validateDocument<T>(schema: z.ZodType<T>, raw: unknown, what: string, file: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  throw new RepresentError('bad-bundle', `The bundle's ${what} is not in the expected form.`, {
    expected: `field ${field} to be ${issue?.message ?? 'valid'}`,
    found: issue?.code === 'unrecognized_keys' ? 'keys this version does not know' : 'a value that does not fit',
    location: { file },
  });
}

/** Reads, version-checks and validates a document: a newer bundle gets "update Represent", not "malformed". */
export function readDocument<T>(schema: z.ZodType<T>, bytes: Uint8Array | undefined, what: string, file: string, ourVersion: string): { value: T; raw: unknown } {
  const raw = readJsonDocument(bytes, what, file);
  checkNotNewer(raw, ourVersion, file);
  return { value: validateDocument(schema, raw, what, file), raw };
}

// ── Versions ───────────────────────────────────────────────────────────────────────────────

function versionParts(v: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

/**
 * True when `theirs` is a newer feature release (major or minor) than `ours`. Patch releases never
 * change a bundle format, so a bundle from a newer patch of the same minor version still opens.
 */
export function isNewerRelease(theirs: string, ours: string): boolean {
  const [a1, a2] = versionParts(theirs);
  const [b1, b2] = versionParts(ours);
  return a1 !== b1 ? a1 > b1 : a2 > b2;
}

/** Peeks at the version fields before full validation, so a newer bundle gets "update Represent", not "malformed". */
export function checkNotNewer(raw: unknown, ours: string, file: string): void {
  const doc = raw as { formatVersion?: unknown; app?: { version?: unknown }; statement?: { formatVersion?: unknown; app?: { version?: unknown } } } | null;
  const target = doc && typeof doc === 'object' && doc.statement && typeof doc.statement === 'object' ? doc.statement : doc;
  const theirVersion = typeof target?.app?.version === 'string' ? target.app.version : null;
  const theirFormat = typeof target?.formatVersion === 'number' ? target.formatVersion : null;
  if ((theirVersion !== null && isNewerRelease(theirVersion, ours)) || (theirFormat !== null && theirFormat > FORMAT_VERSION))
    throw new RepresentError('newer-version', 'The bundle was written by a newer version of Represent.', {
      expected: `a bundle from Represent ${ours} or older (format ${FORMAT_VERSION})`,
      found: `Represent ${theirVersion ?? 'unknown'} (format ${theirFormat ?? 'unknown'}); update Represent to open it`,
      location: { file },
    });
}
