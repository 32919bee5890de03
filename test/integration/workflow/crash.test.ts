// Crash safety: a `represent` process killed with SIGKILL while it writes a bundle leaves no file at
// the bundle's path and a consistent store; the next start removes the half-written temp file. And
// the journal's other half: a write killed after its database commit is completed on the next start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../../main/store/database';
import { insertPendingWrite, listPendingWrites, markPendingWriteCommitted } from '../../../main/store/pending-writes';
import { recoverPendingWrites } from '../../../main/services/export-workflow/journaled-write';
import { PASSPHRASE, removeDir, tempDir } from './fixtures';

const CLI = path.resolve('out/node/cli.js');
let root: string;
let analystHome: string;
let reviewerHome: string;
let bigFile: string;
let tableFile: string;
let passFile: string;

function run(home: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, REPRESENT_HOME: home }, encoding: 'utf8' });
}

const requestArgs = (out: string) => [
  'request', 'create', '--file', bigFile, '--file', tableFile, '--policy', 'opensafely', '--dataset-sha256', 'b'.repeat(64),
  '--purpose', 'Crash test', '--justification', 'Crash test', '--exception', 'notes.txt=Reviewed by hand: narrative text, no counts.',
  '--exception', 'table.csv=Counts rounded to 5.', '--out', out,
];

/** Starts the CLI, waits until its temp file appears in `dir`, kills it with SIGKILL. */
async function killWhileWriting(home: string, args: string[], dir: string, target: string): Promise<{ signal: string | null; sawTemp: boolean }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, REPRESENT_HOME: home }, stdio: 'ignore' });
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const tempPattern = new RegExp(`^\\.${path.basename(target).replace(/\./g, '\\.')}\\..*\\.partial$`);
  let sawTemp = false;
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    if (readdirSync(dir).some((n) => tempPattern.test(n))) {
      sawTemp = true;
      child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  return { signal: await exited, sawTemp };
}

function storeState(home: string) {
  const db = new Database(path.join(home, 'represent.db'), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      requests: (db.prepare('SELECT COUNT(*) AS n FROM export_requests').get() as { n: number }).n,
      reviews: (db.prepare('SELECT COUNT(*) AS n FROM reviews').get() as { n: number }).n,
      pending: db.prepare('SELECT state FROM pending_writes').all() as { state: string }[],
    };
  } finally {
    db.close();
  }
}

beforeAll(() => {
  root = tempDir('crash');
  analystHome = path.join(root, 'ada');
  reviewerHome = path.join(root, 'rita');
  // ~32 MB of text that deflate cannot shrink much, so writing the zip takes a while.
  bigFile = path.join(root, 'notes.txt');
  writeFileSync(bigFile, randomBytes(24 * 1024 * 1024).toString('base64'));
  tableFile = path.join(root, 'table.csv');
  writeFileSync(tableFile, 'sex,count\nFemale,2885\nMale,2780\n');
  passFile = path.join(root, 'pass.txt');
  writeFileSync(passFile, PASSPHRASE);
  expect(run(analystHome, 'keys', 'profile', '--name', 'Ada Analyst', '--role', 'analyst').status).toBe(0);
  expect(run(reviewerHome, 'keys', 'profile', '--name', 'Rita Reviewer', '--role', 'reviewer').status).toBe(0);
  expect(run(reviewerHome, 'keys', 'generate', '--passphrase-file', passFile).status).toBe(0);
});
afterAll(() => removeDir(root));

describe('a process killed while writing a bundle', () => {
  it('leaves no request bundle and a consistent store; the next start clears the temp file', async () => {
    const out = path.join(root, 'out-request');
    mkdirSync(out);
    const target = path.join(out, 'request.zip');
    const { signal, sawTemp } = await killWhileWriting(analystHome, requestArgs(target), out, target);
    expect(sawTemp).toBe(true);
    expect(signal).toBe('SIGKILL');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(out).every((n) => n.endsWith('.partial'))).toBe(true); // only the journaled temp file
    expect(storeState(analystHome)).toEqual({ integrity: 'ok', requests: 0, reviews: 0, pending: [{ state: 'writing' }] });

    const next = run(analystHome, 'audit', 'verify');
    expect(next.status).toBe(0);
    expect(readdirSync(out)).toEqual([]);
    expect(storeState(analystHome)).toMatchObject({ integrity: 'ok', requests: 0, pending: [] });

    // And the same request can then be written in full.
    expect(run(analystHome, ...requestArgs(target)).status).toBe(0);
    expect(readdirSync(out)).toEqual(['request.zip']);
    expect(storeState(analystHome)).toMatchObject({ requests: 1, pending: [] });
  });

  it('leaves no release bundle and no review when killed while approving', async () => {
    const request = path.join(root, 'out-request', 'request.zip');
    const out = path.join(root, 'out-release');
    mkdirSync(out);
    const target = path.join(out, 'release.zip');
    const args = ['review', 'decide', request, '--overall', 'approve', '--comment', 'Checked.', '--approve', 'notes.txt=Narrative only.', '--approve', 'table.csv=Rounded to 5.', '--out', target, '--passphrase-file', passFile];
    const { signal, sawTemp } = await killWhileWriting(reviewerHome, args, out, target);
    expect(sawTemp).toBe(true);
    expect(signal).toBe('SIGKILL');
    expect(existsSync(target)).toBe(false);
    expect(storeState(reviewerHome)).toMatchObject({ integrity: 'ok', reviews: 0, pending: [{ state: 'writing' }] });

    expect(run(reviewerHome, 'audit', 'verify').status).toBe(0);
    expect(readdirSync(out)).toEqual([]);
    // Not "already reviewed": the killed attempt left no trace, so the review can be made again.
    const again = run(reviewerHome, ...args);
    expect(again.stderr).not.toMatch(/represent review:/);
    expect(again.status).toBe(0);
    expect(readdirSync(out)).toEqual(['release.zip']);
    expect(storeState(reviewerHome)).toMatchObject({ reviews: 1, pending: [] });
  });
});

describe('journal recovery', () => {
  it('completes a write whose commit happened, undoes one whose commit did not, and leaves a live writer alone', () => {
    const dir = path.join(root, 'journal');
    mkdirSync(dir);
    const db = openStore(path.join(dir, 'represent.db'));
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
    const fake = (name: string, state: 'writing' | 'committed', pid: number) => {
      const temp = path.join(dir, `.${name}.partial`);
      writeFileSync(temp, `content of ${name}`);
      insertPendingWrite(db, temp, path.join(dir, name));
      if (state === 'committed') markPendingWriteCommitted(db, temp);
      db.prepare('UPDATE pending_writes SET owner_pid = ? WHERE temp_path = ?').run(pid, temp);
    };
    fake('committed.zip', 'committed', deadPid);
    fake('uncommitted.zip', 'writing', deadPid);
    fake('in-progress.zip', 'writing', process.ppid); // our parent is alive: its write is in progress
    expect(recoverPendingWrites(db)).toEqual({ rolledBack: 1, rolledForward: 1 });
    expect(readFileSync(path.join(dir, 'committed.zip'), 'utf8')).toBe('content of committed.zip');
    expect(existsSync(path.join(dir, 'uncommitted.zip'))).toBe(false);
    expect(existsSync(path.join(dir, '.uncommitted.zip.partial'))).toBe(false);
    expect(existsSync(path.join(dir, '.in-progress.zip.partial'))).toBe(true);
    expect(listPendingWrites(db).map((p) => path.basename(p.targetPath))).toEqual(['in-progress.zip']);
    db.close();
  });
});
