// Self-review belongs to the disclosure policy: its allowSelfReview parameter (false in every
// preset, false when a policy file leaves it out) is hashed into the manifest; a locked policy can
// only tighten it; the review step reads it from the request's policy, capped by a lock in the
// reviewer's home; and `represent verify` refuses a self-approved release the policy does not allow.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPresets, parsePolicy, presetPolicy, tightenOnly } from '../../../shared/disclosure';
import { canonicalSha256 } from '../../../main/store/canonical-json';
import { selfReviewAllowed } from '../../../main/services/export-workflow/review-rules';
import { cliPath } from '../cli-harness';
import { PASSPHRASE, writeReportFolder } from '../workflow/fixtures';

describe('the allowSelfReview policy parameter', () => {
  it('is false in every preset, and reads as false where a policy file leaves it out', () => {
    for (const preset of allPresets()) expect(preset.allowSelfReview, preset.id).toBe(false);
    const { allowSelfReview: _dropped, ...older } = presetPolicy('opensafely');
    expect(parsePolicy(older).allowSelfReview).toBe(false);
    expect(() => parsePolicy({ ...presetPolicy('opensafely'), allowSelfReview: 'yes' })).toThrow(/allowSelfReview/);
  });

  it('is part of the policy hash', () => {
    const base = presetPolicy('opensafely');
    expect(canonicalSha256({ ...base, allowSelfReview: true })).not.toBe(canonicalSha256(base));
  });

  it('can be tightened under a lock but never loosened', () => {
    const forbids = presetPolicy('opensafely');
    const allows = { ...forbids, allowSelfReview: true };
    expect(() => tightenOnly(forbids, allows)).toThrow(/"allowSelfReview" is looser than the locked policy allows/);
    expect(tightenOnly(allows, forbids).allowSelfReview).toBe(false);
    expect(tightenOnly(allows, allows).allowSelfReview).toBe(true);
  });

  it('allows self-review only when the request’s policy allows it and the reviewer’s lock does not forbid it', () => {
    const manifest = (allow: boolean) => ({ policy: { id: 'opensafely', name: 'OpenSAFELY', parameters: { ...presetPolicy('opensafely'), allowSelfReview: allow }, sha256: '' } });
    expect(selfReviewAllowed(manifest(true), null)).toBe(true);
    expect(selfReviewAllowed(manifest(false), null)).toBe(false);
    expect(selfReviewAllowed(manifest(true), { allowSelfReview: false })).toBe(false);
    expect(selfReviewAllowed(manifest(false), { allowSelfReview: true })).toBe(false);
    // A manifest policy Represent could not have written allows nothing.
    expect(selfReviewAllowed({ policy: { id: null, name: 'x', parameters: { allowSelfReview: true }, sha256: '' } }, null)).toBe(false);
  });
});

describe('self-review through the CLI (one person, one home)', () => {
  let root: string;
  let home: string;
  let passFile: string;
  let trusted: string;
  let report: ReturnType<typeof writeReportFolder>;
  let allowing: string;

  const represent = (...args: string[]) => {
    const r = spawnSync(process.execPath, [cliPath, ...args], { env: { ...process.env, REPRESENT_HOME: home }, encoding: 'utf8', cwd: root });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  const ok = (...args: string[]) => {
    const r = represent(...args);
    expect(r.code, `represent ${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  const request = (out: string, policy: string) =>
    ok('request', 'create', '--dir', report.reportDir, '--results', report.results, '--evidence', report.evidence, '--policy', policy, '--dataset-sha256', 'b'.repeat(64), '--purpose', 'Own request.', '--justification', 'Protected tables.', '--out', out);
  const decide = (requestFile: string, out: string) =>
    represent('review', 'decide', requestFile, '--overall', 'approve', '--comment', 'Checked my own tables.', '--approve', 'ethnicity_by_sex=Rounded and suppressed.', '--approve', 'sex=Fine.', '--out', out, '--passphrase-file', passFile);

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'represent-self-review-'));
    home = path.join(root, 'home');
    passFile = path.join(root, 'passphrase.txt');
    writeFileSync(passFile, `${PASSPHRASE}\n`);
    trusted = path.join(root, 'trusted');
    mkdirSync(trusted);
    report = writeReportFolder(root);
    allowing = path.join(root, 'opensafely-self-review.json');
    writeFileSync(allowing, JSON.stringify({ ...presetPolicy('opensafely'), id: 'opensafely-self-review', allowSelfReview: true }));
    ok('keys', 'profile', '--name', 'Sam Solo', '--role', 'reviewer');
    ok('keys', 'generate', '--passphrase-file', passFile);
    ok('keys', 'export', '--out', path.join(trusted, 'sam.represent-key.json'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses self-review under a preset (the policy forbids it), recording no review', () => {
    const file = path.join(root, 'own-preset.zip');
    request(file, 'opensafely');
    const r = decide(file, path.join(root, 'never.zip'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/must be reviewed by someone other than its requester/);
    expect(ok('audit', 'list').stdout).not.toContain('review.decided');
  });

  it('allows it under a policy that allows it, with a warning; verify passes and says so', () => {
    const file = path.join(root, 'own-allowed.zip');
    request(file, allowing);
    const release = path.join(root, 'own-release.zip');
    const r = decide(file, release);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Warning: You are reviewing your own request; the disclosure policy allows it/);
    const verified = represent('verify', release, '--trusted-keys', trusted);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout + verified.stderr).toMatch(/approved by its own requester, as its disclosure policy allows/);
    expect(ok('audit', 'verify').stdout).toMatch(/Audit log OK/);
  });

  it('refuses it when the policy locked in the reviewer’s home forbids it, even if the request’s policy allows it', () => {
    const file = path.join(root, 'own-locked.zip');
    request(file, allowing);
    writeFileSync(path.join(home, 'locked-policy.json'), JSON.stringify(presetPolicy('opensafely')));
    try {
      const r = decide(file, path.join(root, 'never-locked.zip'));
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/must be reviewed by someone other than its requester/);
    } finally {
      rmSync(path.join(home, 'locked-policy.json'));
    }
  });
});
