// Splitting the file across worker threads must not change a single figure: the profile for
// --workers 1, 2 and 3 is the same, including for a file whose split points fall inside quoted
// multi-line fields (the speculative cut is detected and the file redone as one part).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../cli-harness';
import { expectSameProfile } from './same-profile';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'represent-workers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function profileJson(file: string, workers: number): Promise<unknown> {
  const json = path.join(dir, `${path.basename(file)}.${workers}.json`);
  const r = await runCli(['profile', file, '--workers', String(workers), '--json', json, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8'));
}

describe('results are identical for every number of workers', () => {
  it('on a 27 MB synthetic extract (1, 2 and 3 workers)', async () => {
    const file = path.join(dir, 'extract.csv');
    const made = await runCli(['sample', '--rows', '260000', '--seed', '5', '--messy', '--out', file]);
    expect(made.code, made.stderr).toBe(0);
    const one = await profileJson(file, 1);
    expectSameProfile(one, await profileJson(file, 2));
    expectSameProfile(one, await profileJson(file, 3));
  }, 300_000);

  it('when every split point falls inside a quoted multi-line field', async () => {
    // Each row carries a long quoted note made of many short lines, so the first newline after
    // any byte offset is almost surely inside quotes.
    const note = Array.from({ length: 400 }, (_, i) => `line ${i}, with a comma`).join('\n');
    const rows = Array.from({ length: 1000 }, (_, i) => `${i},${i % 3},"${note}"`);
    const file = path.join(dir, 'multiline.csv');
    writeFileSync(file, 'ID,GROUP,NOTE\n' + rows.join('\n') + '\n');
    const one = (await profileJson(file, 1)) as { rows: number };
    expect(one.rows).toBe(1000);
    expectSameProfile(one, await profileJson(file, 2));
    expectSameProfile(one, await profileJson(file, 3));
  }, 300_000);
});
