// `verify` against tampered releases: each kind of tampering is caught by its own check, and a
// release forged with the reviewer's real key still fails the independent disclosure screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../../main/store/database';
import type { Db } from '../../../main/store/database-type';
import { currentIdentity } from '../../../main/store/identities';
import { saveLocalProfile } from '../../../main/services/export-workflow/identity';
import { exportPublicKey, generateSigningKey, keyFingerprint, loadTrustedKeys, publicKeyPem, requireActiveKey, unlockSigningKey, type TrustedKey } from '../../../main/services/export-workflow/keys';
import { createExportRequest } from '../../../main/services/export-workflow/request';
import { reviewExportRequest } from '../../../main/services/export-workflow/review';
import { verifyReleaseBundle, type VerifyReport } from '../../../main/services/export-workflow/verify';
import { signJson } from '../../../main/services/export-workflow/signing';
import { readZipFile } from '../../../main/services/export-workflow/zip-io';
import type { ReviewDecisions } from '../../../main/services/export-workflow/review-rules';
import { sha256Hex } from '../../../main/store/canonical-json';
import { RepresentError } from '../../../shared/errors';
import { FAILING_CSV, PASSPHRASE, removeDir, requestInput, rewriteZip, tempDir } from './fixtures';

let root: string;
let analyst: Db;
let reviewer: Db;
let trusted: ReadonlyMap<string, TrustedKey>;
let releaseA: string;
let releaseB: string;

function approveAll(outputs: { id: string; status: string }[]): ReviewDecisions {
  return {
    outputs: Object.fromEntries(outputs.map((o) => [o.id, { decision: 'approved' as const, comment: o.status === 'pass' ? null : `Checked ${o.id}.` }])),
    overall: { decision: 'approved', comment: 'Checked.' },
  };
}

async function approvedRelease(name: string): Promise<string> {
  const request = await createExportRequest(analyst, requestInput(), path.join(root, `${name}-request.zip`));
  const release = path.join(root, `${name}-release.zip`);
  await reviewExportRequest(reviewer, { requestFile: request.bundlePath, decisions: approveAll(request.manifest.outputs), passphrase: PASSPHRASE, outPath: release });
  return release;
}

beforeAll(async () => {
  root = tempDir('verify');
  analyst = openStore(path.join(root, 'a', 'represent.db'));
  reviewer = openStore(path.join(root, 'r', 'represent.db'));
  saveLocalProfile(analyst, { displayName: 'Ada Analyst', role: 'analyst' });
  saveLocalProfile(reviewer, { displayName: 'Rita Reviewer', role: 'reviewer' });
  await generateSigningKey(reviewer, PASSPHRASE);
  mkdirSync(path.join(root, 'trusted'));
  await exportPublicKey(reviewer, path.join(root, 'trusted', 'rita.json'));
  trusted = await loadTrustedKeys(path.join(root, 'trusted'));
  releaseA = await approvedRelease('a');
  releaseB = await approvedRelease('b');
});
afterAll(() => {
  analyst.close();
  reviewer.close();
  removeDir(root);
});

const failed = (r: VerifyReport) => r.checks.filter((c) => !c.ok).map((c) => c.name);
const approvalOf = (entries: Map<string, Buffer>) => JSON.parse(entries.get('approval.json')!.toString());

describe('verify', () => {
  it('passes an untouched release on every check', async () => {
    const r = await verifyReleaseBundle(releaseA, { trustedKeys: trusted });
    expect(r.checks.map((c) => [c.name, c.ok])).toEqual([
      ['manifest hash', true],
      ['file hashes', true],
      ['policy hash', true],
      ['review rules', true],
      ['signature', true],
      ['key trust', true],
      ['disclosure screen', true],
    ]);
    expect(r.ok).toBe(true);
  });

  it('catches one changed byte in a released file', async () => {
    const file = path.join(root, 'byte.zip');
    await rewriteZip(releaseA, file, (e) => {
      const csv = Buffer.from(e.get('tables/sex.csv')!);
      const i = csv.indexOf('2885');
      csv[i + 3] = '0'.charCodeAt(0); // 2885 → 2880: still a multiple of 5, so only the hash can tell
      e.set('tables/sex.csv', csv);
    });
    const r = await verifyReleaseBundle(file, { trustedKeys: trusted });
    expect(r.ok).toBe(false);
    expect(failed(r)).toEqual(['file hashes']);
    expect(r.checks.find((c) => c.name === 'file hashes')!.detail).toMatch(/tables\/sex.csv does not match its signed SHA-256/);
  });

  it('catches a swapped signature', async () => {
    const other = approvalOf((await readZipFile(releaseB)).entries);
    const file = path.join(root, 'swapped.zip');
    await rewriteZip(releaseA, file, (e) => {
      const approval = approvalOf(e);
      approval.signature.value = other.signature.value;
      e.set('approval.json', Buffer.from(JSON.stringify(approval)));
    });
    const r = await verifyReleaseBundle(file, { trustedKeys: trusted });
    expect(failed(r)).toEqual(['signature']);
    expect(r.checks.find((c) => c.name === 'signature')!.detail).toMatch(/does not match the statement/);
  });

  it('catches an edited statement (a comment changed after signing)', async () => {
    const file = path.join(root, 'edited-statement.zip');
    await rewriteZip(releaseA, file, (e) => {
      const approval = approvalOf(e);
      approval.statement.overallComment = 'Approved without reservations.';
      e.set('approval.json', Buffer.from(JSON.stringify(approval)));
    });
    expect(failed(await verifyReleaseBundle(file, { trustedKeys: trusted }))).toEqual(['signature']);
  });

  it('catches a release re-signed by an untrusted key, and any release when no key is trusted', async () => {
    const mallory = generateKeyPairSync('ed25519');
    const fp = keyFingerprint(mallory.publicKey);
    const file = path.join(root, 'resigned.zip');
    await rewriteZip(releaseA, file, (e) => {
      const approval = approvalOf(e);
      approval.statement.keyFingerprint = fp;
      approval.signature = { algorithm: 'Ed25519', keyFingerprint: fp, publicKey: publicKeyPem(mallory.publicKey), value: signJson(mallory.privateKey, approval.statement) };
      e.set('approval.json', Buffer.from(JSON.stringify(approval)));
    });
    const r = await verifyReleaseBundle(file, { trustedKeys: trusted });
    expect(failed(r)).toEqual(['key trust']);
    expect(r.checks.find((c) => c.name === 'key trust')!.detail).toMatch(/not among the 1 trusted key/);
    expect(failed(await verifyReleaseBundle(releaseA, { trustedKeys: new Map() }))).toEqual(['key trust']);
    const none = await verifyReleaseBundle(releaseA, { trustedKeys: null });
    expect(none.checks.find((c) => c.name === 'key trust')!.detail).toMatch(/no trusted keys were given/);
  });

  it('catches a file slipped in that was never approved, and an approval moved onto another request', async () => {
    const extra = path.join(root, 'extra.zip');
    await rewriteZip(releaseA, extra, (e) => void e.set('tables/more.csv', Buffer.from('sex,count\nFemale,2885\n')));
    expect(failed(await verifyReleaseBundle(extra, { trustedKeys: trusted }))).toEqual(['file hashes']);

    const bManifest = (await readZipFile(releaseB)).entries.get('manifest.json')!;
    const moved = path.join(root, 'moved.zip');
    await rewriteZip(releaseA, moved, (e) => void e.set('manifest.json', bManifest));
    expect(failed(await verifyReleaseBundle(moved, { trustedKeys: trusted }))).toContain('manifest hash');
  });

  it('fails the disclosure screen on a release forged with the reviewer’s real key', async () => {
    // A buggy or compromised app signs a release whose table breaks the policy while claiming it passed.
    const entries = (await readZipFile(releaseA)).entries;
    const manifest = JSON.parse(entries.get('manifest.json')!.toString());
    const csv = Buffer.from('sex,count\nFemale,3\nMale,2780\n');
    manifest.files.find((f: { path: string }) => f.path === 'tables/sex.csv').sha256 = sha256Hex(csv);
    manifest.files.find((f: { path: string }) => f.path === 'tables/sex.csv').bytes = csv.byteLength;
    for (const o of manifest.outputs) o.status = 'pass';
    const manifestBytes = Buffer.from(JSON.stringify(manifest));
    const approval = approvalOf(entries);
    approval.statement.manifestSha256 = sha256Hex(manifestBytes);
    approval.statement.outputs = approval.statement.outputs.map((o: object) => ({ ...o, requestStatus: 'pass', comment: null }));
    approval.statement.releasedFiles = approval.statement.releasedFiles.map((f: { path: string }) => (f.path === 'tables/sex.csv' ? { ...f, sha256: sha256Hex(csv), bytes: csv.byteLength } : f));
    const key = await unlockSigningKey(requireActiveKey(reviewer, currentIdentity(reviewer)!), PASSPHRASE);
    approval.signature.value = signJson(key.privateKey, approval.statement);
    const file = path.join(root, 'forged.zip');
    await rewriteZip(releaseA, file, (e) => {
      e.set('manifest.json', manifestBytes);
      e.set('tables/sex.csv', csv);
      e.set('approval.json', Buffer.from(JSON.stringify(approval)));
    });
    const r = await verifyReleaseBundle(file, { trustedKeys: trusted });
    expect(failed(r)).toEqual(['disclosure screen']);
    const detail = r.checks.find((c) => c.name === 'disclosure screen')!.detail;
    expect(detail).toMatch(/small-count at tables\/sex.csv/);
    expect(detail).not.toMatch(/\b3\b/); // says where, never the value
  });

  it('passes a failing table the reviewer approved as a signed exception, and says so', async () => {
    const request = await createExportRequest(
      analyst,
      { ...requestInput(), acroResults: null, files: [{ name: 'regions.csv', bytes: Buffer.from(FAILING_CSV) }], exceptions: { 'regions.csv': 'Published nationally already.' } },
      path.join(root, 'exception-request.zip'),
    );
    const release = path.join(root, 'exception-release.zip');
    await reviewExportRequest(reviewer, { requestFile: request.bundlePath, decisions: approveAll(request.manifest.outputs), passphrase: PASSPHRASE, outPath: release });
    const r = await verifyReleaseBundle(release, { trustedKeys: trusted });
    expect(r.ok).toBe(true);
    expect(r.warnings.join('\n')).toMatch(/approved as an exception: small-count at regions.csv/);
  });

  it('refuses a damaged release and one from a newer version with a clear message', async () => {
    const truncated = path.join(root, 'truncated-release.zip');
    writeFileSync(truncated, readFileSync(releaseA).subarray(0, 300));
    await expect(verifyReleaseBundle(truncated, { trustedKeys: trusted })).rejects.toMatchObject({ code: 'bad-bundle' });
    const newer = path.join(root, 'newer-release.zip');
    await rewriteZip(releaseA, newer, (e) => {
      const approval = approvalOf(e);
      approval.statement.app.version = '1.0.0';
      e.set('approval.json', Buffer.from(JSON.stringify(approval)));
    });
    const err = await verifyReleaseBundle(newer, { trustedKeys: trusted }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RepresentError);
    expect((err as RepresentError).code).toBe('newer-version');
  });
});
