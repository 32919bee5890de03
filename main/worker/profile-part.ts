// Profiles one byte range of a file: read in large chunks, decode and parse with the shared
// reader, feed the shared accumulator. Used by the worker thread and, for tiny files, inline.
import { openSync, readSync, closeSync } from 'node:fs';
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { CsvChunkReader, nextRowStart } from '../../shared/ingest/csv-chunk-reader';
import type { Dialect } from '../../shared/ingest/dialect';
import { createProfileAccumulator } from '../../shared/profile';
import { createTallyAccumulator } from '../../shared/analysis/tally';
import { RepresentError } from '../../shared/errors';
import type { PartTask, SplitReply, SplitRequest, WorkerMessage } from './messages';

const PROGRESS_INTERVAL_MS = 100;

export function profilePart(task: PartTask, post: (m: WorkerMessage) => void): void {
  // With a tally, the accumulator hands over each cell's missing flag and value key, so the tally
  // need not look every cell up again.
  const accumulator = createProfileAccumulator(task.columns, task.profileOptions, {
    recordCells: task.tally !== undefined,
    // Codes for every cell of the tallied columns; the others' missing cells are listed only.
    keyColumns: task.tally?.dimensions.map((d) => d.column),
    sketchColumns: task.sketchColumns,
  });
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
  let end = task.end;
  let isLast = task.isLast;
  let lastProgress = Date.now();
  try {
    while (position < end) {
      const cut = task.control ? answerSplit(task.control, fd, position, end, task.dialect) : undefined;
      if (cut !== undefined) {
        // Another thread takes [cut, end); this part is no longer the file's last.
        end = cut;
        isLast = false;
      }
      const want = Math.min(buffer.length, end - position);
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
    task.control?.close();
  }

  try {
    reader.end();
  } catch (e) {
    // Only the last part may legitimately end inside a quote (a broken file). Anywhere else it
    // means the speculative split point fell inside a multi-line quoted field.
    if (e instanceof RepresentError && e.code === 'unterminated-quote' && !isLast) {
      post({ type: 'misaligned', partIndex: task.partIndex });
      return;
    }
    throw e;
  }
  post({ type: 'progress', partIndex: task.partIndex, bytesRead: position - task.start, rows: reader.stats.rows });
  post({
    type: 'done',
    partIndex: task.partIndex,
    end,
    state: accumulator.toState(),
    stats: reader.stats,
    warnings: task.partIndex === 0 ? reader.warnings : [],
    ...(tally ? { tally: tally.toState() } : {}),
  });
}

const SPLIT_WINDOW_BYTES = 1024 * 1024;

/**
 * A split the job asked for since the last chunk: the first row start after the middle of what is
 * left (speculative about quotes, as the job's first cuts are), which becomes this part's end; the
 * rows from there on go to another thread. Decided here, where the position is exact, rather than
 * from the job's last progress report. Polled synchronously: the read loop never yields.
 */
function answerSplit(control: MessagePort, fd: number, position: number, end: number, dialect: Dialect): number | undefined {
  const received = receiveMessageOnPort(control);
  if (!received) return undefined;
  const request = received.message as SplitRequest;
  let at: number | null = null;
  if (request.type === 'split' && end - position >= request.minBytes) {
    const target = position + Math.floor((end - position) / 2);
    const window = new Uint8Array(Math.min(SPLIT_WINDOW_BYTES, end - target));
    const got = readSync(fd, window, 0, window.length, target);
    const found = nextRowStart(window.subarray(0, got), 0, false, dialect);
    if (found >= 0 && target + found < end) at = target + found;
  }
  const reply: SplitReply = { type: 'split-reply', at };
  control.postMessage(reply);
  return at ?? undefined;
}
