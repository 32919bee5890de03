// Profiles one byte range of a file: read in large chunks, decode and parse with the shared
// reader, feed the shared accumulator. Used by the worker thread and, for tiny files, inline.
import { openSync, readSync, closeSync } from 'node:fs';
import { CsvChunkReader } from '../../shared/ingest/csv-chunk-reader';
import { createProfileAccumulator } from '../../shared/profile';
import { createTallyAccumulator } from '../../shared/analysis/tally';
import { RepresentError } from '../../shared/errors';
import type { PartTask, WorkerMessage } from './messages';

const PROGRESS_INTERVAL_MS = 100;

export function profilePart(task: PartTask, post: (m: WorkerMessage) => void): void {
  // With a tally, the accumulator hands over each cell's missing flag and value key, so the tally
  // need not look every cell up again.
  const accumulator = createProfileAccumulator(task.columns, task.profileOptions, { recordCells: task.tally !== undefined });
  const tally = task.tally ? createTallyAccumulator(task.tally, task.columns, task.profileOptions) : undefined;
  const reader = new CsvChunkReader(task.dialect, tally ? (rows) => (accumulator.addRows(rows), tally.addRows(rows, accumulator.cells)) : (rows) => accumulator.addRows(rows), {
    file: task.fileLabel,
    isFirstPart: task.partIndex === 0,
    columns: task.partIndex === 0 ? undefined : task.columns,
    firstByteOffset: task.start,
  });

  const buffer = new Uint8Array(task.readChunkBytes);
  const fd = openSync(task.path, 'r');
  let position = task.start;
  let lastProgress = Date.now();
  try {
    while (position < task.end) {
      const want = Math.min(buffer.length, task.end - position);
      const got = readSync(fd, buffer, 0, want, position);
      if (got === 0) break; // the file shrank while we read it; the stats will show fewer bytes
      position += got;
      // subarray: the reader must not keep a reference beyond push(), so the buffer is reused.
      reader.push(buffer.subarray(0, got));
      const now = Date.now();
      if (now - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        post({ type: 'progress', partIndex: task.partIndex, bytesRead: position - task.start, rows: reader.stats.rows });
      }
    }
  } finally {
    closeSync(fd);
  }

  try {
    reader.end();
  } catch (e) {
    // Only the last part may legitimately end inside a quote (a broken file). Anywhere else it
    // means the speculative split point fell inside a multi-line quoted field.
    if (e instanceof RepresentError && e.code === 'unterminated-quote' && !task.isLast) {
      post({ type: 'misaligned', partIndex: task.partIndex });
      return;
    }
    throw e;
  }
  post({ type: 'progress', partIndex: task.partIndex, bytesRead: position - task.start, rows: reader.stats.rows });
  post({
    type: 'done',
    partIndex: task.partIndex,
    state: accumulator.toState(),
    stats: reader.stats,
    warnings: task.partIndex === 0 ? reader.warnings : [],
    ...(tally ? { tally: tally.toState() } : {}),
  });
}
