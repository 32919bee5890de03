// The hand-over between profiling threads (main/services/part-runner.ts): a thread that finishes
// early takes the second half of what another part has left. Forced here by giving one thread a
// short first part, so the other part is split while it runs; the parts must still tile the file,
// progress must add up to its size, and the merged profile must equal a one-part pass, including
// for columns the new part counted in the sketch tier from its first row.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, openSync, readSync, closeSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSampleExtract } from '../../../main/services/sample-data';
import { readHead, statInputFile, type OpenedFile } from '../../../main/services/file-access';
import { runParts, type PartRange } from '../../../main/services/part-runner';
import { defaultWorkerPath } from '../../../main/services/profile-threads';
import { profileFile } from '../../../main/services/profile-job';
import { sniffDialect, type Dialect } from '../../../shared/ingest/dialect';
import { CsvChunkReader, nextRowStart } from '../../../shared/ingest/csv-chunk-reader';
import { finishProfile, mergeProfileStates } from '../../../shared/profile';
import { expectSameProfile } from './same-profile';

// A low cap sends the identifier columns to the sketch tier within the short first part, so the
// part handed over starts them there.
const PROFILE = { exactDistinctCap: 2000 };

let dir: string;
let file: OpenedFile;
let dialect: Dialect;
let columns: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'represent-handover-'));
  const target = path.join(dir, 'extract.csv');
  await writeSampleExtract(target, { rows: 220_000, seed: 11 }); // ~23 MB
  file = await statInputFile(target);
  const head = await readHead(file.path, 1024 * 1024);
  dialect = sniffDialect(head, { file: file.label, totalBytes: file.sizeBytes });
  const reader = new CsvChunkReader(dialect, () => undefined, { file: file.label, isFirstPart: true });
  reader.push(head.subarray(0, 64 * 1024));
  columns = reader.columns;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first row start at or after `offset`. */
function rowStartAfter(offset: number): number {
  const fd = openSync(file.path, 'r');
  try {
    const window = new Uint8Array(64 * 1024);
    const got = readSync(fd, window, 0, window.length, offset);
    const at = nextRowStart(window.subarray(0, got), 0, false, dialect);
    expect(at).toBeGreaterThanOrEqual(0);
    return offset + at;
  } finally {
    closeSync(fd);
  }
}

describe('a thread that finishes early takes over the rest of another part', () => {
  it('splits the running part, tiles the file and gives the one-part profile', async () => {
    const shortEnd = rowStartAfter(2 * 1024 * 1024);
    const ranges: PartRange[] = [
      { start: 0, end: shortEnd },
      { start: shortEnd, end: file.sizeBytes },
    ];
    const progress: number[] = [];
    const outcome = await runParts(ranges, {
      file,
      dialect,
      columns,
      options: { profile: PROFILE, onProgress: (p) => progress.push(p.bytesRead) },
      started: performance.now(),
      workerPath: defaultWorkerPath(),
      idle: [],
      readChunkBytes: 1024 * 1024,
    });
    expect(outcome).not.toBe('misaligned');
    const { results, columns: finished } = outcome as Exclude<typeof outcome, 'misaligned'>;
    // The long part was split at least once: three or more parts in the end.
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBe(file.sizeBytes);

    const merged = results.map((r) => r.state).reduce((a, b) => mergeProfileStates(a, b));
    expect(merged.rows).toBe(220_000);
    const whole = await profileFile(file.path, { workers: 1, profile: PROFILE });
    expect(merged.columnStates[0]!.tier).toBe('sketch');
    expectSameProfile(whole.columns, finishProfile(merged));
    // The columns finished on the threads, shared out between them, are the same again.
    expectSameProfile(whole.columns, finished);
  }, 120_000);

  it('leaves parts alone when too little is left to be worth a hand-over', async () => {
    // Two parts of 1 and 4 MiB: neither can have 8 MiB left, so nothing is split.
    const cut = rowStartAfter(1024 * 1024);
    const outcome = await runParts(
      [
        { start: 0, end: cut },
        { start: cut, end: rowStartAfter(cut + 4 * 1024 * 1024) },
      ],
      { file, dialect, columns, options: { profile: PROFILE }, started: performance.now(), workerPath: defaultWorkerPath(), idle: [], readChunkBytes: 1024 * 1024 },
    );
    expect(outcome).not.toBe('misaligned');
    expect((outcome as Exclude<typeof outcome, 'misaligned'>).results.length).toBe(2);
  }, 120_000);
});
