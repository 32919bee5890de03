// The export workflow through its services, as two people with two homes (two stores): a request,
// a review that approves or rejects, verification, and the requester opening the outcome. Then
// every refusal, each leaving both stores unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../../main/store/database';
import type { Db } from '../../../main/store/database-type';
import { listAuditEvents, verifyAuditLog } from '../../../main/store/audit-log';
import { getExportRequest } from '../../../main/store/export-requests';
import { saveLocalProfile } from '../../../main/services/export-workflow/identity';
import { exportPublicKey, generateSigningKey, loadTrustedKeys } from '../../../main/services/export-workflow/keys';
import { createExportRequest, type ExportRequestInput } from '../../../main/services/export-workflow/request';
import { reviewExportRequest, showExportRequest } from '../../../main/services/export-workflow/review';
import type { ReviewDecisions } from '../../../main/services/export-workflow/review-rules';
import { verifyReleaseBundle } from '../../../main/services/export-workflow/verify';
import { receiveOutcome } from '../../../main/services/export-workflow/outcome';
import { readZipFile } from '../../../main/services/export-workflow/zip-io';
import { canonicalSha256, sha256Hex } from '../../../main/store/canonical-json';
import { APP_VERSION } from '../../../main/services/app-version';
import { presetPolicy } from '../../../shared/disclosure';
import { RepresentError } from '../../../shared/errors';
import { dumpDatabase } from '../store/helpers';
import { FAILING_CSV, PASSPHRASE, protectedFixture, removeDir, requestInput, rewriteZip, tempDir } from './fixtures';

let root: string;
let analyst: Db;
let reviewer: Db;
let trustedDir: string;

beforeAll(async () => {
  root = tempDir('flow');
  analyst = openStore(path.join(root, 'analyst-home', 'represent.db'));
  reviewer = openStore(path.join(root, 'reviewer-home', 'represent.db'));
  saveLocalProfile(analyst, { displayName: 'Ada Analyst', role: 'analyst' });
  saveLocalProfile(reviewer, { displayName: 'Rita Reviewer', role: 'reviewer' });
  await generateSigningKey(reviewer, PASSPHRASE);
  trustedDir = path.join(root, 'tre-trusted-keys');
  (await import('node:fs')).mkdirSync(trustedDir);
  await exportPublicKey(reviewer, path.join(trustedDir, 'rita.json'));
});
afterAll(() => {
  analyst.close();
  reviewer.close();
  removeDir(root);
});

let n = 0;
const out = (name: string) => path.join(root, `${++n}-${name}`);

/** Approve everything, commenting where the rules require it. */
function approveAll(outputs: { id: string; status: string }[]): ReviewDecisions {
  return {
    outputs: Object.fromEntries(outputs.map((o) => [o.id, { decision: 'approved' as const, comment: o.status === 'pass' ? null : `Checked ${o.id}: rounding and suppression are as the policy requires.` }])),
    overall: { decision: 'approved', comment: 'All tables checked against the OpenSAFELY rules.' },
  };
}

async function refused(p: Promise<unknown>): Promise<RepresentError> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof RepresentError)) throw e;
    return e;
  }
  throw new Error('expected a refusal');
}

/** Runs `action`, expects a RepresentError, and checks neither store changed. */
async function refusedWithoutChange(action: () => Promise<unknown>): Promise<RepresentError> {
  const before = [dumpDatabase(analyst), dumpDatabase(reviewer)];
  const filesBefore = readdirSync(root).sort();
  const err = await refused(action());
  expect([dumpDatabase(analyst), dumpDatabase(reviewer)]).toEqual(before);
  expect(readdirSync(root).sort()).toEqual(filesBefore);
  return err;
}

describe('request', () => {
  it('writes a bundle with every file, the evidence, results.json and a complete manifest', async () => {
    const fixture = protectedFixture();
    const bundle = out('request.zip');
    const written = await createExportRequest(analyst, requestInput(fixture), bundle, new Date('2026-03-04T05:06:07.000Z'));
    const zip = await readZipFile(bundle);
    expect([...zip.entries.keys()].sort()).toEqual(['evidence/disclosure-evidence.json', 'evidence/export-screen.json', 'manifest.json', 'results.json', 'tables/ethnicity_by_sex.csv', 'tables/sex.csv']);
    const m = written.manifest;
    expect(JSON.parse(zip.entries.get('manifest.json')!.toString())).toEqual(m);
    expect(m).toMatchObject({
      requestId: written.requestId,
      createdAt: '2026-03-04T05:06:07.000Z',
      app: { name: 'Represent', version: APP_VERSION },
      policy: { id: 'opensafely', name: 'OpenSAFELY', sha256: canonicalSha256(fixture.policy) },
      dataset: { sha256: 'a'.repeat(64), sizeBytes: 123456, fileName: 'extract.csv' },
      requester: { displayName: 'Ada Analyst', role: 'analyst' },
      purpose: expect.stringContaining('Representation'),
      justification: expect.stringContaining('Aggregate'),
    });
    expect(m.policy.parameters).toMatchObject({ threshold: 8, rounding: { base: 5 }, marker: '[REDACTED]' });
    for (const f of m.files) expect(sha256Hex(zip.entries.get(f.path)!)).toBe(f.sha256);
    // Rounding is a mitigation, so ACRO marks both tables "review" and fills in its exception.
    expect(m.outputs.map((o) => [o.id, o.status, o.exception !== null])).toEqual([
      ['ethnicity_by_sex', 'review', true],
      ['sex', 'review', true],
    ]);
    const event = listAuditEvents(analyst).at(-1)!;
    expect(event.type).toBe('request.written');
    expect(JSON.parse(event.detailsJson)).toMatchObject({ requestId: written.requestId, bundleSha256: written.bundleSha256, manifestSha256: written.manifestSha256 });
    expect(m.auditHead!.seq).toBe(event.seq - 1);
  });

  it('gives every file without ACRO results its own output for review, and takes the screen’s verdict', async () => {
    const input: ExportRequestInput = {
      ...requestInput(),
      acroResults: null,
      files: [{ name: 'regions.csv', bytes: Buffer.from(FAILING_CSV) }],
      exceptions: { 'regions.csv': 'North is a whole region; the count is published by NHS England already.' },
    };
    const written = await createExportRequest(analyst, input, out('custom.zip'));
    expect(written.screen.outcome).toBe('fail');
    expect(written.manifest.outputs).toMatchObject([{ id: 'regions.csv', type: 'custom', status: 'fail', exception: expect.stringContaining('whole region') }]);
  });

  it('refuses bad requests with a clear message and changes nothing', async () => {
    const base = requestInput();
    const cases: [Partial<ExportRequestInput>, RegExp][] = [
      [{ files: [] }, /at least one file/],
      [{ files: [{ name: '../escape.csv', bytes: Buffer.from('a,n\nx,10\n') }] }, /plain relative path/],
      [{ files: [{ name: 'manifest.json', bytes: Buffer.from('{}') }] }, /reserves/],
      [{ files: [{ name: 'chart.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }] }, /only files its disclosure screen can check/],
      [{ files: [{ name: 't.csv', bytes: Buffer.from([0xff, 0xfe, 0x41]) }], acroResults: null }, /not UTF-8/],
      [{ files: [{ name: 'regions.csv', bytes: Buffer.from(FAILING_CSV) }], acroResults: null }, /need a reason for release/],
      [{ files: [{ name: 'regions.csv', bytes: Buffer.from(FAILING_CSV) }], acroResults: null, policy: presetPolicy('uk-llc'), exceptions: { 'regions.csv': 'please' } }, /allows no exceptions/],
      [{ purpose: '   ' }, /needs a purpose/],
      [{ dataset: { sha256: 'not-a-hash' } }, /not a SHA-256/],
      [{ policy: { ...presetPolicy('opensafely'), threshold: 0 } }, /threshold/],
      [{ acroResults: { results: { t: { status: 'pass', files: [{ name: 'missing.csv' }] } } } }, /not among the request's files/],
    ];
    for (const [change, message] of cases) {
      const err = await refusedWithoutChange(() => createExportRequest(analyst, { ...base, ...change }, path.join(root, 'never-written.zip')));
      expect(err.message, String(message)).toMatch(message);
    }
    const existing = out('exists.zip');
    writeFileSync(existing, 'x');
    expect((await refusedWithoutChange(() => createExportRequest(analyst, base, existing))).message).toMatch(/already exists/);
  });
});

describe('review and verify', () => {
  it('approves: signs the manifest, writes a release of the approved files, which verifies and reaches the requester', async () => {
    const request = await createExportRequest(analyst, requestInput(), out('request.zip'));
    const shown = await showExportRequest(reviewer, request.bundlePath);
    expect(shown.opened.manifest.requestId).toBe(request.requestId);
    expect(shown.review).toBeNull();
    expect(getExportRequest(reviewer, request.requestId, 'incoming')!.status).toBe('submitted');

    const decisions = approveAll(request.manifest.outputs);
    decisions.outputs = { ...decisions.outputs, sex: { decision: 'rejected', comment: null } }; // "review" needs a comment either way
    expect((await refusedWithoutChange(() => reviewExportRequest(reviewer, { requestFile: request.bundlePath, decisions, passphrase: PASSPHRASE, outPath: out('x.zip') }))).message).toMatch(/incomplete/);
    decisions.outputs = { ...decisions.outputs, sex: { decision: 'rejected', comment: 'Not needed for the stated purpose.' } };

    const releasePath = out('release.zip');
    const result = await reviewExportRequest(reviewer, { requestFile: request.bundlePath, decisions, passphrase: PASSPHRASE, outPath: releasePath });
    expect(result.kind).toBe('release');
    const release = await readZipFile(releasePath);
    expect([...release.entries.keys()].sort()).toEqual(['approval.json', 'manifest.json', 'tables/ethnicity_by_sex.csv']);
    const approval = JSON.parse(release.entries.get('approval.json')!.toString());
    expect(approval.statement).toMatchObject({ decision: 'approved', manifestSha256: request.manifestSha256, reviewer: { displayName: 'Rita Reviewer' } });
    expect(approval.signature.keyFingerprint).toBe(approval.statement.keyFingerprint);
    expect(release.entries.get('manifest.json')!.equals((await readZipFile(request.bundlePath)).entries.get('manifest.json')!)).toBe(true);
    expect(listAuditEvents(reviewer).slice(-2).map((e) => e.type)).toEqual(['review.decided', 'release.written']);

    const report = await verifyReleaseBundle(releasePath, { trustedKeys: await loadTrustedKeys(trustedDir) });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.releasedFiles).toBe(1);

    const untrusted = await refusedWithoutChange(() => receiveOutcome(analyst, releasePath, new Map()));
    expect(untrusted.message).toMatch(/not among the trusted keys/);
    const received = await receiveOutcome(analyst, releasePath, await loadTrustedKeys(trustedDir));
    expect(received).toMatchObject({ newlyRecorded: true, keyTrusted: true, request: { status: 'approved' } });
    expect((await receiveOutcome(analyst, releasePath, null)).newlyRecorded).toBe(false);
    expect(verifyAuditLog(analyst).ok).toBe(true);
    expect(verifyAuditLog(reviewer).ok).toBe(true);
  });

  it('rejects: writes a signed response the requester opens', async () => {
    const request = await createExportRequest(analyst, requestInput(), out('request.zip'));
    const responsePath = out('response.json');
    const result = await reviewExportRequest(reviewer, {
      requestFile: request.bundlePath,
      decisions: {
        outputs: {
          ethnicity_by_sex: { decision: 'rejected', comment: 'Mixed/Male is derivable from the row total.' },
          sex: { decision: 'approved', comment: 'Fine on its own.' },
        },
        overall: { decision: 'rejected', comment: 'Please re-submit with the mixed group merged.' },
      },
      passphrase: PASSPHRASE,
      outPath: responsePath,
    });
    expect(result.kind).toBe('response');
    const response = JSON.parse(readFileSync(responsePath, 'utf8'));
    expect(response.statement).toMatchObject({ decision: 'rejected', releasedFiles: [], overallComment: 'Please re-submit with the mixed group merged.' });
    const received = await receiveOutcome(analyst, responsePath, null);
    expect(received).toMatchObject({ newlyRecorded: true, keyTrusted: null, request: { status: 'rejected' } });
    expect(received.signed.statement.outputs.find((o) => o.id === 'ethnicity_by_sex')!.comment).toMatch(/derivable/);
    // A response is not a release: verify refuses it.
    expect((await refused(verifyReleaseBundle(responsePath, { trustedKeys: null }))).code).toBe('bad-bundle');
  });

  it('refuses a second review, a wrong passphrase, an incomplete review and self-review, changing nothing', async () => {
    const request = await createExportRequest(analyst, requestInput(), out('request.zip'));
    const decisions = approveAll(request.manifest.outputs);
    const wrong = await refusedWithoutChange(() => reviewExportRequest(reviewer, { requestFile: request.bundlePath, decisions, passphrase: 'not my passphrase at all', outPath: path.join(root, 'never.zip') }));
    expect(wrong.code).toBe('wrong-passphrase');

    const incomplete: ReviewDecisions[] = [
      { ...decisions, overall: { decision: 'approved' as const, comment: ' ' } },
      { ...decisions, outputs: { ethnicity_by_sex: decisions.outputs.ethnicity_by_sex! } },
      { ...decisions, outputs: { ...decisions.outputs, extra: { decision: 'approved' as const } } },
      { outputs: Object.fromEntries(Object.keys(decisions.outputs).map((id) => [id, { decision: 'rejected' as const, comment: 'no' }])), overall: { decision: 'approved' as const, comment: 'ok' } },
    ];
    for (const bad of incomplete) {
      const err = await refusedWithoutChange(() => reviewExportRequest(reviewer, { requestFile: request.bundlePath, decisions: bad, passphrase: PASSPHRASE, outPath: path.join(root, 'never.zip') }));
      expect(err.code).toBe('bad-review');
    }

    await reviewExportRequest(reviewer, { requestFile: request.bundlePath, decisions, passphrase: PASSPHRASE, outPath: out('release.zip') });
    const twice = await refusedWithoutChange(() => reviewExportRequest(reviewer, { requestFile: request.bundlePath, decisions, passphrase: PASSPHRASE, outPath: path.join(root, 'never.zip') }));
    expect(twice.code).toBe('already-reviewed');
    expect(twice.message).toMatch(/already been reviewed/);

    // The reviewer requests something, then tries to approve it.
    const own = await createExportRequest(reviewer, requestInput(), out('own-request.zip'));
    const self = await refusedWithoutChange(() => reviewExportRequest(reviewer, { requestFile: own.bundlePath, decisions: approveAll(own.manifest.outputs), passphrase: PASSPHRASE, outPath: path.join(root, 'never.zip') }));
    expect(self.message).toMatch(/someone other than its requester/);
    // Self-review is the request's policy's to allow (allowSelfReview, hashed into the manifest).
    const ownAllowed = await createExportRequest(reviewer, { ...requestInput(), policy: { ...presetPolicy('opensafely'), allowSelfReview: true } }, out('own-request-allowed.zip'));
    expect(ownAllowed.manifest.policy.parameters).toMatchObject({ allowSelfReview: true });
    const allowed = await reviewExportRequest(reviewer, { requestFile: ownAllowed.bundlePath, decisions: approveAll(ownAllowed.manifest.outputs), passphrase: PASSPHRASE, outPath: out('own-release.zip') });
    expect(allowed.warnings[0]).toMatch(/your own request/);
  });

  it('refuses damaged and foreign bundles with a clear message, changing nothing', async () => {
    const request = await createExportRequest(analyst, requestInput(), out('request.zip'));
    const original = readFileSync(request.bundlePath);
    const variants: [string, () => Promise<void>, string, RegExp][] = [
      ['truncated.zip', async () => writeFileSync(path.join(root, 'truncated.zip'), original.subarray(0, Math.floor(original.length / 2))), 'bad-bundle', /damaged or is not a zip/],
      [
        'corrupted.zip',
        async () => {
          const bytes = Buffer.from(original);
          for (let i = 40; i < bytes.length - 200; i += 97) bytes[i] = bytes[i]! ^ 0xff; // scramble the compressed data
          writeFileSync(path.join(root, 'corrupted.zip'), bytes);
        },
        'bad-bundle',
        /damaged|does not match/,
      ],
      ['not-a-zip.zip', async () => writeFileSync(path.join(root, 'not-a-zip.zip'), 'ethnicity,n\nA,10\n'), 'bad-bundle', /not a zip/],
      ['missing-file.zip', () => rewriteZip(request.bundlePath, path.join(root, 'missing-file.zip'), (e) => void e.delete('tables/sex.csv')), 'bad-bundle', /lists a file the bundle does not contain/],
      ['extra-file.zip', () => rewriteZip(request.bundlePath, path.join(root, 'extra-file.zip'), (e) => void e.set('extra.csv', Buffer.from('a,n\nb,10\n'))), 'bad-bundle', /does not list/],
      [
        'changed-file.zip',
        () => rewriteZip(request.bundlePath, path.join(root, 'changed-file.zip'), (e) => void e.set('tables/sex.csv', Buffer.from(e.get('tables/sex.csv')!.toString().replace('2885', '2880')))),
        'bad-bundle',
        /does not match its SHA-256/,
      ],
      [
        'newer.zip',
        () =>
          rewriteZip(request.bundlePath, path.join(root, 'newer.zip'), (e) => {
            const m = JSON.parse(e.get('manifest.json')!.toString());
            m.app.version = '99.0.0';
            m.newField = 'from the future';
            e.set('manifest.json', Buffer.from(JSON.stringify(m)));
          }),
        'newer-version',
        /newer version of Represent/,
      ],
      ['no-manifest.zip', () => rewriteZip(request.bundlePath, path.join(root, 'no-manifest.zip'), (e) => void e.delete('manifest.json')), 'bad-bundle', /has no manifest/],
    ];
    for (const [name, make, code, message] of variants) {
      await make();
      const file = path.join(root, name);
      const err = await refusedWithoutChange(() => showExportRequest(reviewer, file));
      expect([name, err.code]).toEqual([name, code]);
      expect(err.message).toMatch(message);
      expect(err.location.file).toBe(file);
      const err2 = await refusedWithoutChange(() => reviewExportRequest(reviewer, { requestFile: file, decisions: approveAll(request.manifest.outputs), passphrase: PASSPHRASE, outPath: path.join(root, 'never.zip') }));
      expect(err2.code).toBe(code);
    }
    expect(existsSync(path.join(root, 'never.zip'))).toBe(false);
  });
});
