// `represent verify`: re-checks a release bundle from scratch, trusting nothing in it. Each check
// is reported on its own so the reader sees everything that is wrong, not only the first thing.
//   manifest hash   approval.json is bound to exactly this manifest.json
//   file hashes     the bundle holds exactly the signed list of files, each matching its hash,
//                   and each is the file of that name and hash in the request's manifest
//   policy hash     the manifest's policy parameters match their recorded hash
//   review rules    the signed decisions cover every output, follow the comment rules, and
//                   release only files whose outputs were all approved
//   signature       Ed25519 over the statement, by the key the statement names
//   key trust       that key is among the trusted keys (a TRE's published folder)
//   disclosure      the released files pass the disclosure screen under the manifest's policy;
//                   a failing file passes only as a signed exception (its outputs were flagged at
//                   request time and the reviewer approved them with a comment)
import { RepresentError } from '../../../shared/errors';
import { parsePolicy, screenExport, type ExportFile } from '../../../shared/disclosure';
import { sha256Hex } from '../../store/canonical-json';
import { APP_VERSION } from '../app-version';
import { readZipFile } from './zip-io';
import { readDocument, ManifestSchema, SignedReviewSchema, MANIFEST_NAME, APPROVAL_NAME, type Manifest, type SignedReview } from './formats';
import { checkManifestConsistency } from './open-request';
import { checkReviewSignature } from './signed-review';
import { commentRequired, releasedFilePaths, requestPolicyAllowsSelfReview } from './review-rules';
import { toExportFile } from './screenable';
import type { TrustedKey } from './keys';

export type VerifyCheckName = 'manifest hash' | 'file hashes' | 'policy hash' | 'review rules' | 'signature' | 'key trust' | 'disclosure screen';

export interface VerifyCheck {
  name: VerifyCheckName;
  ok: boolean;
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  file: string;
  requestId: string;
  reviewer: string;
  keyFingerprint: string;
  releasedFiles: number;
  checks: VerifyCheck[];
  warnings: string[];
}

export interface VerifyOptions {
  /** Keys by fingerprint; null when no trusted keys were given (the trust check then fails). */
  trustedKeys: ReadonlyMap<string, TrustedKey> | null;
}

function checkFileHashes(entries: Map<string, Buffer>, signed: SignedReview, manifest: Manifest): string[] {
  const problems: string[] = [];
  const listed = new Map(signed.statement.releasedFiles.map((f) => [f.path, f]));
  const inManifest = new Map(manifest.files.filter((f) => f.role === 'output').map((f) => [f.path, f]));
  for (const [name, bytes] of entries) {
    if (name === MANIFEST_NAME || name === APPROVAL_NAME) continue;
    const f = listed.get(name);
    if (!f) {
      problems.push(`${name} is in the bundle but not in the signed list of released files`);
      continue;
    }
    const hash = sha256Hex(bytes);
    if (hash !== f.sha256 || bytes.byteLength !== f.bytes) problems.push(`${name} does not match its signed SHA-256 (found ${hash})`);
  }
  for (const f of signed.statement.releasedFiles) {
    if (!entries.has(f.path)) problems.push(`${f.path} is signed as released but missing from the bundle`);
    const m = inManifest.get(f.path);
    if (!m) problems.push(`${f.path} is not an output file of the request`);
    else if (m.sha256 !== f.sha256) problems.push(`${f.path} is not the file the request contained (hashes differ)`);
  }
  return problems;
}

function checkReviewRules(signed: SignedReview, manifest: Manifest): { problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  const s = signed.statement;
  if (s.decision !== 'approved') problems.push(`the signed decision is "${s.decision}", not "approved"`);
  if (s.overallComment.trim() === '') problems.push('the overall comment is empty');
  const decided = new Map(s.outputs.map((o) => [o.id, o]));
  for (const o of manifest.outputs) {
    const d = decided.get(o.id);
    if (!d) problems.push(`output ${o.id} has no signed decision`);
    else {
      if (d.requestStatus !== o.status) problems.push(`output ${o.id} was ${o.status} in the request but signed as ${d.requestStatus}`);
      if (commentRequired(o.status, d.decision) && !d.comment) problems.push(`output ${o.id} (${o.status}) was ${d.decision} without a comment`);
    }
  }
  if (s.outputs.length !== manifest.outputs.length) problems.push('the signed decisions name outputs the request does not have');
  const allowed = new Set(releasedFilePaths(manifest, s.outputs));
  for (const f of s.releasedFiles) if (!allowed.has(f.path)) problems.push(`${f.path} is released although not all of its outputs were approved`);
  if (s.releasedFiles.length === 0) problems.push('no file is released');
  if (s.reviewer.identityId === manifest.requester.identityId) {
    // The policy is part of the signed manifest, so its allowSelfReview can be checked here too.
    if (requestPolicyAllowsSelfReview(manifest)) warnings.push('The request was approved by its own requester, as its disclosure policy allows.');
    else problems.push('the request was approved by its own requester, and its disclosure policy does not allow self-review');
  }
  return { problems, warnings };
}

function checkDisclosure(entries: Map<string, Buffer>, signed: SignedReview, manifest: Manifest, file: string): { problems: string[]; warnings: string[] } {
  const policy = parsePolicy(manifest.policy.parameters, `${file} (manifest policy)`);
  const files: ExportFile[] = [];
  const problems: string[] = [];
  for (const f of signed.statement.releasedFiles) {
    const bytes = entries.get(f.path);
    if (!bytes) continue;
    try {
      files.push(toExportFile(f.path, bytes, file));
    } catch (e) {
      problems.push(`${f.path} cannot be screened (${e instanceof RepresentError ? e.message : 'unreadable'})`);
    }
  }
  const screen = screenExport({ files }, policy);
  const warnings: string[] = [];
  const decided = new Map(signed.statement.outputs.map((o) => [o.id, o]));
  for (const finding of screen.findings) {
    const where = [finding.file, finding.location.table !== undefined ? `table ${finding.location.table}` : '', finding.location.row !== undefined ? `row ${finding.location.row}` : '', finding.location.column ? `column "${finding.location.column}"` : '']
      .filter(Boolean)
      .join(', ');
    const text = `${finding.rule} at ${where}: ${finding.message}`;
    const owners = manifest.outputs.filter((o) => o.files.includes(finding.file));
    const signedException =
      owners.length > 0 && owners.every((o) => o.status !== 'pass' && decided.get(o.id)?.decision === 'approved' && Boolean(decided.get(o.id)?.comment));
    if (finding.severity === 'review' || signedException) warnings.push(`${finding.severity === 'fail' ? 'approved as an exception' : 'for review'}: ${text}`);
    else problems.push(text);
  }
  return { problems, warnings };
}

export async function verifyReleaseBundle(file: string, options: VerifyOptions): Promise<VerifyReport> {
  const zip = await readZipFile(file);
  const manifestBytes = zip.entries.get(MANIFEST_NAME);
  const { value: manifest } = readDocument(ManifestSchema, manifestBytes, 'manifest.json', file, APP_VERSION);
  if (!zip.entries.has(APPROVAL_NAME))
    throw new RepresentError('bad-bundle', 'The bundle has no approval: it is an export request, not a release.', {
      expected: 'a release bundle with approval.json',
      found: 'no approval.json',
      location: { file },
    });
  const { value: signed, raw } = readDocument(SignedReviewSchema, zip.entries.get(APPROVAL_NAME), 'approval.json', file, APP_VERSION);
  const checks: VerifyCheck[] = [];
  const warnings: string[] = [];
  const add = (name: VerifyCheckName, problems: string[], okDetail: string) =>
    checks.push({ name, ok: problems.length === 0, detail: problems.length === 0 ? okDetail : problems.join('; ') });

  const manifestSha256 = sha256Hex(manifestBytes!);
  add(
    'manifest hash',
    [
      ...(manifestSha256 !== signed.statement.manifestSha256 ? [`manifest.json hashes to ${manifestSha256}, not the signed ${signed.statement.manifestSha256}`] : []),
      ...(signed.statement.requestId !== manifest.requestId ? ['the approval is for another request'] : []),
    ],
    `manifest.json matches the signed SHA-256 ${manifestSha256}`,
  );
  add('file hashes', checkFileHashes(zip.entries, signed, manifest), `${signed.statement.releasedFiles.length} released file(s) match their signed and requested SHA-256`);

  let consistent = true;
  try {
    checkManifestConsistency(manifest, file);
  } catch (e) {
    if (!(e instanceof RepresentError)) throw e;
    consistent = false;
    add('policy hash', [e.message], '');
  }
  if (consistent) add('policy hash', [], `policy "${manifest.policy.name}" matches its SHA-256 ${manifest.policy.sha256}`);

  const rules = checkReviewRules(signed, manifest);
  warnings.push(...rules.warnings);
  add('review rules', rules.problems, `every output has a signed decision that follows the comment rules`);

  const sig = checkReviewSignature(signed, (raw as { statement: unknown }).statement);
  add('signature', sig.ok ? [] : [sig.reason], `Ed25519 signature by key ${signed.statement.keyFingerprint} is valid`);

  const fp = signed.statement.keyFingerprint;
  const trusted = options.trustedKeys?.get(fp);
  add(
    'key trust',
    options.trustedKeys === null
      ? ['no trusted keys were given (use --trusted-keys DIR)']
      : trusted
        ? []
        : [`key ${fp} (${signed.statement.reviewer.displayName}) is not among the ${options.trustedKeys.size} trusted key(s)`],
    `key ${fp} is trusted${trusted?.ownerName ? ` (${trusted.ownerName})` : ''}`,
  );

  try {
    const screen = checkDisclosure(zip.entries, signed, manifest, file);
    warnings.push(...screen.warnings);
    add('disclosure screen', screen.problems, `the released files pass the disclosure screen under policy "${manifest.policy.name}"`);
  } catch (e) {
    if (!(e instanceof RepresentError)) throw e;
    add('disclosure screen', [`the manifest's policy cannot be used: ${e.message}`], '');
  }

  return {
    ok: checks.every((c) => c.ok),
    file,
    requestId: manifest.requestId,
    reviewer: signed.statement.reviewer.displayName,
    keyFingerprint: fp,
    releasedFiles: signed.statement.releasedFiles.length,
    checks,
    warnings,
  };
}
