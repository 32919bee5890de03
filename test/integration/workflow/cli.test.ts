// The whole export workflow through the built CLI, as a user runs it: two people, two homes (two
// stores), one request approved and verified, one rejected; then tampering and bad input, each
// caught with a clear message and the right exit code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PASSPHRASE, removeDir, rewriteZip, tempDir, writeReportFolder } from './fixtures';

const CLI = path.resolve('out/node/cli.js');

let root: string;
let analystHome: string;
let reviewerHome: string;
let passFile: string;
let tre: string;
let report: ReturnType<typeof writeReportFolder>;
let dataFile: string;

function represent(home: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, REPRESENT_HOME: home }, encoding: 'utf8', cwd: root });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function ok(home: string, ...args: string[]): string {
  const r = represent(home, ...args);
  // Warnings are fine (both "users" share this machine's OS account); errors are not.
  expect(r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('Warning: ')), `represent ${args.join(' ')}`).toEqual([]);
  expect(r.code, `represent ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

const requestArgs = (out: string) => [
  'request', 'create',
  '--dir', report.reportDir,
  '--results', report.results,
  '--evidence', report.evidence,
  '--policy', 'opensafely',
  '--dataset', dataFile,
  '--purpose', 'Representation of ethnic groups in the 2025 cohort.',
  '--justification', 'Aggregate tables, protected under the OpenSAFELY rules.',
  '--out', out,
];

function auditHead(home: string): string {
  return ok(home, 'audit', 'head').trim();
}

beforeAll(() => {
  root = tempDir('cli');
  analystHome = path.join(root, 'home-ada');
  reviewerHome = path.join(root, 'home-rita');
  passFile = path.join(root, 'passphrase.txt');
  writeFileSync(passFile, `${PASSPHRASE}\n`);
  tre = path.join(root, 'tre-trusted-keys');
  mkdirSync(tre);
  report = writeReportFolder(root);
  dataFile = path.join(root, 'extract.csv');
  writeFileSync(dataFile, 'ethnicity,sex\nA,F\nB,M\n');

  ok(analystHome, 'keys', 'profile', '--name', 'Ada Analyst', '--role', 'analyst');
  ok(reviewerHome, 'keys', 'profile', '--name', 'Rita Reviewer', '--role', 'reviewer');
  expect(ok(reviewerHome, 'keys', 'generate', '--passphrase-file', passFile)).toMatch(/Fingerprint: [0-9a-f]{64}/);
  ok(reviewerHome, 'keys', 'export', '--out', path.join(tre, 'rita.represent-key.json'));
});
afterAll(() => removeDir(root));

describe('represent CLI, two users', () => {
  let request: string;
  let release: string;

  it('requests, reviews, approves, verifies, and the requester opens the release', () => {
    request = path.join(root, 'request-1.zip');
    const created = ok(analystHome, ...requestArgs(request));
    expect(created).toMatch(/Wrote export request [0-9a-f-]{36}/);
    expect(created).toMatch(/ethnicity_by_sex\s+review/);

    const shown = ok(reviewerHome, 'review', 'show', request);
    expect(shown).toMatch(/Requested by Ada Analyst \(analyst/);
    expect(shown).toMatch(/threshold = 8/);
    expect(shown).toMatch(/rounding\.base = 5/);
    expect(shown).toMatch(/All 5 files match their SHA-256/);
    expect(shown).toMatch(/Requester's exception: /);
    expect(shown).toMatch(/Asian,410,400,810/); // the protected table itself

    release = path.join(root, 'release-1.zip');
    const decided = ok(
      reviewerHome,
      'review', 'decide', request,
      '--overall', 'approve',
      '--comment', 'Both tables follow the OpenSAFELY rules.',
      '--approve', 'ethnicity_by_sex=Suppression and rounding checked.',
      '--approve', 'sex=Rounded to 5; fine.',
      '--out', release,
      '--passphrase-file', passFile,
    );
    expect(decided).toMatch(/Approved and signed. Release bundle \(2 file\(s\)\)/);

    const verified = represent(root /* a third party with an empty home */, 'verify', release, '--trusted-keys', tre);
    expect(verified.stdout).toMatch(/ok {2}\s*signature/);
    expect(verified.stdout).toMatch(/Verified\./);
    expect(verified.code).toBe(0);

    const outcome = ok(analystHome, 'request', 'outcome', release, '--trusted-keys', tre);
    expect(outcome).toMatch(/APPROVED by Rita Reviewer/);
    expect(outcome).toMatch(/\(trusted\)/);
    expect(ok(analystHome, 'request', 'list')).toMatch(/outgoing\s+Ada Analyst\s+\S+\s+approved/);

    for (const home of [analystHome, reviewerHome]) expect(ok(home, 'audit', 'verify')).toMatch(/Audit log OK/);
    const events = ok(reviewerHome, 'audit', 'list');
    for (const type of ['key.created', 'request.opened', 'review.decided', 'release.written']) expect(events).toContain(type);
  });

  it('refuses a second review of the same request, changing nothing', () => {
    const head = auditHead(reviewerHome);
    const again = represent(reviewerHome, 'review', 'decide', request, '--overall', 'approve', '--comment', 'again', '--approve', 'ethnicity_by_sex=x', '--approve', 'sex=y', '--out', path.join(root, 'second.zip'), '--passphrase-file', passFile);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/already been reviewed here.*Rita Reviewer/);
    expect(auditHead(reviewerHome)).toBe(head);
    expect(readdirSync(root)).not.toContain('second.zip');
  });

  it('rejects a second request; the requester opens the signed response', () => {
    // This time from a folder laid out as ACRO writes it: results.json beside the tables.
    const acroDir = path.join(root, 'acro-output');
    cpSync(report.reportDir, acroDir, { recursive: true });
    cpSync(report.results, path.join(acroDir, 'results.json'));
    const request2 = path.join(root, 'request-2.zip');
    const args = requestArgs(request2);
    args.splice(args.indexOf('--dir'), 6, '--dir', acroDir, '--evidence', report.evidence); // drop --results
    expect(args).not.toContain('--results');
    expect(ok(analystHome, ...args)).toMatch(/ethnicity_by_sex\s+review\s+tables\/ethnicity_by_sex.csv/);
    const response = path.join(root, 'response-2.json');
    const decided = ok(
      reviewerHome,
      'review', 'decide', request2,
      '--overall', 'reject',
      '--comment', 'Please merge the small groups and resubmit.',
      '--reject', 'ethnicity_by_sex=The Mixed row can be differenced.',
      '--reject', 'sex=Not needed for the stated purpose.',
      '--out', response,
      '--passphrase-file', passFile,
    );
    expect(decided).toMatch(/Rejected. Signed response/);
    const outcome = ok(analystHome, 'request', 'outcome', response);
    expect(outcome).toMatch(/REJECTED by Rita Reviewer/);
    expect(outcome).toMatch(/The Mixed row can be differenced/);
    expect(ok(analystHome, 'request', 'list')).toMatch(/rejected/);
    // A response is not a release.
    const v = represent(root, 'verify', response, '--trusted-keys', tre);
    expect(v.code).toBe(4);
  });

  it('catches tampering: a changed byte, a swapped signature, an untrusted key', async () => {
    const byte = path.join(root, 'tampered-byte.zip');
    await rewriteZip(release, byte, (e) => {
      const csv = Buffer.from(e.get('tables/sex.csv')!);
      csv[csv.length - 2] = csv[csv.length - 2] === 0x30 ? 0x35 : 0x30;
      e.set('tables/sex.csv', csv);
    });
    const r1 = represent(root, 'verify', byte, '--trusted-keys', tre);
    expect(r1.code).toBe(4);
    expect(r1.stderr).toMatch(/FAILED: file hashes: tables\/sex.csv does not match its signed SHA-256/);

    const rejectedResponse = JSON.parse(readFileSync(path.join(root, 'response-2.json'), 'utf8'));
    const swapped = path.join(root, 'tampered-signature.zip');
    await rewriteZip(release, swapped, (e) => {
      const approval = JSON.parse(e.get('approval.json')!.toString());
      approval.signature.value = rejectedResponse.signature.value; // a real signature by the same key, over another statement
      e.set('approval.json', Buffer.from(JSON.stringify(approval)));
    });
    const r2 = represent(root, 'verify', swapped, '--trusted-keys', tre);
    expect(r2.code).toBe(4);
    expect(r2.stderr).toMatch(/signature: the signature does not match the statement/);

    const emptyTrust = path.join(root, 'no-keys');
    mkdirSync(emptyTrust);
    const r3 = represent(root, 'verify', release, '--trusted-keys', emptyTrust);
    expect(r3.code).toBe(4);
    expect(r3.stderr).toMatch(/key trust: key [0-9a-f]{64} \(Rita Reviewer\) is not among the 0 trusted key/);
    const r4 = represent(path.join(root, 'fresh-home'), 'verify', release);
    expect(r4.code).toBe(4);
    expect(r4.stderr).toMatch(/no trusted keys were given/);
  });

  it('catches an edited audit row', () => {
    const db = new Database(path.join(reviewerHome, 'represent.db'));
    db.exec('DROP TRIGGER audit_events_no_update');
    const row = db.prepare("SELECT seq FROM audit_events WHERE type = 'review.decided' LIMIT 1").get() as { seq: number };
    db.prepare("UPDATE audit_events SET details_json = replace(details_json, 'approved', 'rejected') WHERE seq = ?").run(row.seq);
    db.close();
    const r = represent(reviewerHome, 'audit', 'verify');
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(new RegExp(`event ${row.seq}: Event ${row.seq} \\(review.decided\\) does not match its hash`));
  });

  it('gives bad input a clear message and leaves the store as it was', async () => {
    const head = auditHead(analystHome);
    const notAKey = path.join(root, 'not-a-key.json');
    writeFileSync(notAKey, '{"name": "a list of people"}');
    const k = represent(analystHome, 'keys', 'trust', notAKey);
    expect(k.code).toBe(3);
    expect(k.stderr).toMatch(/not a Represent public key/);

    const truncated = path.join(root, 'truncated.zip');
    writeFileSync(truncated, readFileSync(request2Path()).subarray(0, 500));
    const t = represent(analystHome, 'verify', truncated, '--trusted-keys', tre);
    expect(t.code).toBe(4);
    expect(t.stderr).toMatch(/damaged or is not a zip/);

    const missing = path.join(root, 'missing.zip');
    await rewriteZip(request2Path(), missing, (e) => void e.delete('tables/sex.csv'));
    const rm = represent(reviewerHome, 'review', 'show', missing);
    expect(rm.code).toBe(3);
    expect(rm.stderr).toMatch(/lists a file the bundle does not contain.*tables\/sex.csv/);

    const newer = path.join(root, 'newer.zip');
    await rewriteZip(request2Path(), newer, (e) => {
      const m = JSON.parse(e.get('manifest.json')!.toString());
      m.app.version = '3.0.0';
      e.set('manifest.json', Buffer.from(JSON.stringify(m)));
    });
    const rn = represent(reviewerHome, 'review', 'show', newer);
    expect(rn.code).toBe(3);
    expect(rn.stderr).toMatch(/newer version of Represent.*update Represent/);

    const request3 = path.join(root, 'request-3.zip');
    ok(analystHome, ...requestArgs(request3));
    const wrongPass = path.join(root, 'wrong.txt');
    writeFileSync(wrongPass, 'this is not the passphrase\n');
    const headR = represent(reviewerHome, 'audit', 'head').stdout;
    const w = represent(reviewerHome, 'review', 'decide', request3, '--overall', 'approve', '--comment', 'ok', '--approve', 'ethnicity_by_sex=x', '--approve', 'sex=y', '--out', path.join(root, 'never.zip'), '--passphrase-file', wrongPass);
    expect(w.code).toBe(3);
    expect(w.stderr).toMatch(/passphrase does not open your signing key/);
    expect(represent(reviewerHome, 'audit', 'head').stdout).toBe(headR);

    const u = represent(analystHome, 'review', 'decide', request3);
    expect(u.code).toBe(2);
    expect(auditHead(analystHome)).not.toBe(head); // only the request-3 event was added…
    expect(ok(analystHome, 'audit', 'list', '--limit', '1')).toMatch(/request\.written/); // …and it is the newest
  });
});

function request2Path(): string {
  return path.join(root, 'request-2.zip');
}
