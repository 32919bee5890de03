// A policy the TRE locked in the Represent home binds `represent report` as it binds the app:
// without --policy the lock replaces a looser default, a --policy looser than the lock is refused
// (naming the parameter, exit 3), a stricter one is used; with no lock the default stands.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetPolicy } from '../../../shared/disclosure';
import { parseReportJson } from '../../../shared/report';
import { generateExtract } from '../../../shared/synthetic/extract';
import { runCli } from '../cli-harness';

let root: string;
let csv: string;
let lockedHome: string;
let openHome: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'represent-lock-cli-'));
  csv = path.join(root, 'extract.csv');
  writeFileSync(csv, [...generateExtract({ rows: 2000, seed: 7117 })].join(''));
  lockedHome = path.join(root, 'locked-home');
  openHome = path.join(root, 'open-home');
  // The TRE's lock: ACRO's defaults with a threshold of 20 instead of 10.
  mkdirSync(lockedHome, { recursive: true });
  const lock = { ...presetPolicy('acro-default'), id: 'tre-lock', name: 'Our TRE (locked)', threshold: 20 };
  writeFileSync(path.join(lockedHome, 'locked-policy.json'), JSON.stringify(lock, null, 2));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function report(home: string, out: string, extra: string[] = []) {
  return runCli(['report', csv, '--out', path.join(root, out), '--no-store', ...extra], { env: { REPRESENT_HOME: home } });
}

function policyOf(out: string) {
  return parseReportJson(readFileSync(path.join(root, out, 'report.json'), 'utf8')).policy;
}

describe('represent report under a locked policy', () => {
  it('uses the lock when no --policy is given and the default is looser', async () => {
    const r = await report(lockedHome, 'no-option');
    expect(r.code, r.stderr).toBe(0);
    expect(policyOf('no-option').id).toBe('tre-lock');
    expect(policyOf('no-option').parameters.threshold).toBe(20);
  });

  it('refuses a --policy that loosens the lock, naming the parameter, and writes nothing', async () => {
    const r = await report(lockedHome, 'looser', ['--policy', 'acro-default']);
    expect(r.code).toBe(3); // bad input (README, "Exit codes")
    expect(r.stderr).toMatch(/threshold/);
    expect(() => readFileSync(path.join(root, 'looser', 'report.json'))).toThrow();
  });

  it('accepts a --policy at least as strict as the lock', async () => {
    const stricter = path.join(root, 'stricter.json');
    writeFileSync(stricter, JSON.stringify({ ...presetPolicy('acro-default'), id: 'stricter', name: 'Stricter', threshold: 25 }));
    const r = await report(lockedHome, 'stricter', ['--policy', stricter]);
    expect(r.code, r.stderr).toBe(0);
    expect(policyOf('stricter').parameters.threshold).toBe(25);
  });

  it('keeps the default (acro-default) in a home without a lock', async () => {
    const r = await report(openHome, 'unlocked');
    expect(r.code, r.stderr).toBe(0);
    expect(policyOf('unlocked').id).toBe('acro-default');
  });
});
