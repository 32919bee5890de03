// Writes an export request: the protected report files, the disclosure evidence, the ACRO-compatible
// results.json, the independent screen's findings and manifest.json (every file's SHA-256, the full
// policy and its hash, app version, dataset fingerprint, requester, purpose, justification, request
// id, time), as one zip written through the journal so that it exists exactly when the store
// records it. The requester is this store's local profile, not a name passed in.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { RepresentError } from '../../../shared/errors';
import { parsePolicy, screenExport, type Policy, type ScreenResult } from '../../../shared/disclosure';
import type { Db } from '../../store/database-type';
import { auditHead } from '../../store/audit-log';
import { canonicalSha256, sha256Hex } from '../../store/canonical-json';
import { recordRequestWritten } from '../../store/export-requests';
import { APP_NAME, APP_VERSION } from '../app-version';
import { requireIdentity } from './identity';
import { deriveOutputs, checkExceptions } from './outputs';
import { toExportFile } from './screenable';
import { writeJournaled } from './journaled-write';
import { writeZipFile, isSafeEntryName, type ZipEntryInput } from './zip-io';
import {
  ACRO_RESULTS_NAME,
  EVIDENCE_NAME,
  FORMAT_VERSION,
  MANIFEST_NAME,
  RESERVED_FOLDER,
  RESERVED_NAMES,
  SCREEN_NAME,
  type Manifest,
  type ManifestFile,
} from './formats';

export interface ExportRequestInput {
  /** The protected report files (HTML, JSON, CSV, Markdown, text), by the names they take in the bundle. */
  files: readonly { name: string; bytes: Uint8Array }[];
  /** The disclosure evidence for every table (JSON). */
  evidence: unknown;
  /** The ACRO-compatible results.json (null: every file becomes a "custom" output for review). */
  acroResults: unknown;
  policy: Policy;
  dataset: { sha256: string; sizeBytes?: number | null; fileName?: string | null };
  purpose: string;
  justification: string;
  /** Exceptions by output id, added to (or replacing) those in results.json. */
  exceptions?: Readonly<Record<string, string>>;
  reportId?: string | null;
}

export interface WrittenRequest {
  requestId: string;
  bundlePath: string;
  bundleSha256: string;
  manifest: Manifest;
  manifestSha256: string;
  screen: ScreenResult;
}

const MAX_TEXT = 20_000;

function requireText(value: string, name: string): string {
  const t = value.trim();
  if (t.length === 0 || t.length > MAX_TEXT)
    throw new RepresentError('bad-argument', `The request needs a ${name}.`, {
      expected: `a ${name} of 1 to ${MAX_TEXT} characters`,
      found: `${t.length} characters`,
    });
  return t;
}

function checkFileNames(files: ExportRequestInput['files']): void {
  if (files.length === 0) throw new RepresentError('bad-argument', 'An export request needs at least one file.', { found: 'no files' });
  const seen = new Set<string>();
  for (const f of files) {
    if (!isSafeEntryName(f.name))
      throw new RepresentError('bad-argument', 'An export file name is not a plain relative path.', {
        expected: 'a name like "tables/ethnicity.csv" (no "..", no leading "/", no backslashes)',
        found: `a name of ${f.name.length} characters`,
      });
    if (RESERVED_NAMES.includes(f.name) || f.name.startsWith(RESERVED_FOLDER))
      throw new RepresentError('bad-argument', 'An export file uses a name Represent reserves for the bundle itself.', {
        expected: `a name other than ${RESERVED_NAMES.join(', ')} or anything under ${RESERVED_FOLDER}`,
        found: f.name,
      });
    if (seen.has(f.name)) throw new RepresentError('bad-argument', 'Two export files have the same name.', { found: f.name });
    seen.add(f.name);
  }
}

function jsonBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');
}

export async function createExportRequest(db: Db, input: ExportRequestInput, outPath: string, now: Date = new Date()): Promise<WrittenRequest> {
  const requester = requireIdentity(db);
  checkFileNames(input.files);
  const purpose = requireText(input.purpose, 'purpose');
  const justification = requireText(input.justification, 'justification');
  if (!/^[0-9a-f]{64}$/.test(input.dataset.sha256))
    throw new RepresentError('bad-argument', 'The dataset fingerprint is not a SHA-256.', { expected: '64 lower-case hex digits', found: `${input.dataset.sha256.length} characters` });
  // Re-validated here: the policy may have come from a file, and it is what the checker relies on.
  const policy = parsePolicy(input.policy);

  const exportFiles = input.files.map((f) => toExportFile(f.name, f.bytes));
  const screen = screenExport({ files: exportFiles }, policy);
  const outputs = deriveOutputs(
    input.files.map((f) => f.name),
    input.acroResults,
    screen,
    input.exceptions,
  );
  checkExceptions(outputs, policy.exceptions === 'allowed');

  const entries: (ZipEntryInput & { role: ManifestFile['role'] })[] = [
    ...input.files.map((f) => ({ name: f.name, bytes: f.bytes, role: 'output' as const })),
    { name: EVIDENCE_NAME, bytes: jsonBytes(input.evidence ?? null), role: 'evidence' },
    { name: SCREEN_NAME, bytes: jsonBytes(screen), role: 'evidence' },
  ];
  if (input.acroResults !== null && input.acroResults !== undefined)
    entries.push({ name: ACRO_RESULTS_NAME, bytes: jsonBytes(input.acroResults), role: 'acro-results' });

  const requestId = randomUUID();
  const manifest: Manifest = {
    format: 'represent-export-request',
    formatVersion: FORMAT_VERSION,
    requestId,
    createdAt: now.toISOString(),
    app: { name: APP_NAME, version: APP_VERSION },
    policy: { id: policy.id, name: policy.name, parameters: policy as unknown as Record<string, unknown>, sha256: canonicalSha256(policy) },
    dataset: { sha256: input.dataset.sha256, sizeBytes: input.dataset.sizeBytes ?? null, fileName: input.dataset.fileName ?? null },
    requester: { identityId: requester.id, displayName: requester.displayName, role: requester.role, osUser: requester.osUser },
    purpose,
    justification,
    outputs,
    files: entries.map((e) => ({ path: e.name, sha256: sha256Hex(e.bytes), bytes: e.bytes.byteLength, role: e.role })),
    auditHead: auditHead(db),
  };
  const manifestBytes = jsonBytes(manifest);
  const manifestSha256 = sha256Hex(manifestBytes);
  const bundlePath = path.resolve(outPath);

  const bundleSha256 = await writeJournaled(
    db,
    bundlePath,
    (temp) => writeZipFile(temp, [{ name: MANIFEST_NAME, bytes: manifestBytes }, ...entries], now),
    (sha256) => {
      recordRequestWritten(
        db,
        {
          requestId,
          reportId: input.reportId ?? null,
          requesterName: requester.displayName,
          requesterIdentityId: requester.id,
          policyId: policy.id,
          policySha256: manifest.policy.sha256,
          datasetSha256: manifest.dataset.sha256,
          manifestSha256,
          manifestJson: manifestBytes.toString('utf8'),
          bundleFile: bundlePath,
          bundleSha256: sha256,
          createdAt: manifest.createdAt,
        },
        manifest.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
        outputs.length,
        now,
      );
      return sha256;
    },
  );
  return { requestId, bundlePath, bundleSha256, manifest, manifestSha256, screen };
}
