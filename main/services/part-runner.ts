// Runs a pass's byte ranges on the profiling threads, one part per thread, and balances the end:
// a thread that finishes while another still has a good stretch to read takes the second half of
// it. Equal byte ranges do not take equal time: on the 2-core build machine one thread finished
// ~2.5 s (a fifth of the pass) after the other on the 10M-row file, and 50–170 ms after it on the
// 1M-row file (scheduling — the hashing thread and V8's background work share the cores — not
// data; either part could be the slow one), and the pass waits for the slower. Handing over the
// rest of a part, rather than cutting the file into many small parts up front, keeps the parts
// few: each new part starts its columns from nothing and adds a merge.
//
// The hand-over: the job asks the running part, on its control port, to split what it has left;
// the worker (which knows exactly where it is) ends the part at the first row start after the
// middle of its remainder, speculatively as the first cuts are made (a cut inside a multi-line
// quoted field makes that part end inside a quote, and the whole file is redone as one part), and
// replies with the cut. Its 'done' message says where it really ended, and the results must cover
// the file without gap or overlap.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { IngestStats } from '../../shared/ingest/csv-chunk-reader';
import type { Dialect } from '../../shared/ingest/dialect';
import type { ColumnProfile, ProfileOptions, ProfileState } from '../../shared/profile';
import { RepresentError, errorFromJSON, type SerializedError } from '../../shared/errors';
import { mergeTallyStates, type TallySpec, type TallyState } from '../../shared/analysis/tally';
import type { OpenedFile } from './file-access';
import type { FinishTask, PartTask, SplitReply, SplitRequest, WorkerMessage } from '../worker/messages';
import { startWorker, type StartedWorker } from './profile-threads';
import type { ProfileFileOptions } from './profile-job';

export interface PartRange {
  start: number;
  end: number;
}

export interface PartResult {
  state: ProfileState;
  stats: IngestStats;
  tally?: TallyState;
}

export interface PartRunContext {
  file: OpenedFile;
  dialect: Dialect;
  columns: string[];
  options: ProfileFileOptions;
  /** performance.now() when the pass began (for the progress rate). */
  started: number;
  workerPath: string;
  /** Threads started ahead and waiting for a part; taken before any new one is started. */
  idle: StartedWorker[];
  readChunkBytes: number;
  tally?: TallySpec;
  /** Runs on the merged tally while the threads finish the columns (analyseFile's early analysis). */
  onTally?: (tally: TallyState, profileOptions: ProfileOptions) => void;
}

/**
 * The parts' results in file order with the finished columns and the merged tally, or 'misaligned'
 * when a cut fell inside a quoted field. Throws a part's error (the earliest in the file).
 */
export type PartsOutcome = 'misaligned' | { results: PartResult[]; columns: ColumnProfile[]; tally?: TallyState };

/**
 * Below this much left to read, a hand-over costs about what it saves: the new part starts its
 * exact-tier columns from nothing, and its state is one more to merge.
 */
const MIN_HANDOVER_BYTES = 8 * 1024 * 1024;

interface LivePart extends PartRange {
  index: number;
  /** Where the worker said the part ended (its 'done' message). */
  endedAt?: number;
  bytesRead: number;
  rows: number;
  control: MessagePort;
  outcome?: 'done' | 'misaligned' | 'error' | 'lost';
  result?: PartResult;
  error?: SerializedError;
  /** Set while a split is asked for; called once with the new end, or null. */
  decideSplit?: (at: number | null) => void;
  settle: () => void;
  settled: Promise<void>;
}

export async function runParts(ranges: PartRange[], ctx: PartRunContext): Promise<PartsOutcome> {
  const parts: LivePart[] = [];
  const threads: StartedWorker[] = [];
  let stopping = false;

  const reportProgress = () => {
    if (!ctx.options.onProgress) return;
    const read = parts.reduce((sum, p) => sum + p.bytesRead, 0);
    const seconds = (performance.now() - ctx.started) / 1000;
    const rate = seconds > 0 ? read / seconds : 0;
    ctx.options.onProgress({
      bytesRead: read,
      totalBytes: ctx.file.sizeBytes,
      rows: parts.reduce((sum, p) => sum + p.rows, 0),
      bytesPerSecond: rate,
      etaSeconds: rate > 0 ? Math.max(0, (ctx.file.sizeBytes - read) / rate) : null,
    });
  };

  const onMessage = (m: WorkerMessage) => {
    if (!('partIndex' in m)) return; // the finish's replies (finishOn)
    const part = parts[m.partIndex];
    if (!part) return;
    switch (m.type) {
      case 'progress':
        part.bytesRead = m.bytesRead;
        part.rows = m.rows;
        reportProgress();
        return;
      case 'done':
        part.endedAt = m.end;
        part.result = m.tally ? { state: m.state, stats: m.stats, tally: m.tally } : { state: m.state, stats: m.stats };
        finish(part, 'done');
        return;
      case 'misaligned':
        finish(part, 'misaligned');
        return;
      case 'error':
        part.error = m.error;
        finish(part, 'error');
        return;
    }
  };

  const finish = (part: LivePart, outcome: NonNullable<LivePart['outcome']>) => {
    if (part.outcome) return;
    part.outcome = outcome;
    // A split still unanswered was made exactly when the part ended short of its end.
    part.decideSplit?.(part.endedAt !== undefined && part.endedAt < part.end ? part.endedAt : null);
    part.control.close();
    part.settle();
  };

  const launch = (thread: StartedWorker, range: PartRange, sketchColumns: number[] = []): LivePart => {
    const { port1, port2 } = new MessageChannel();
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const part: LivePart = { ...range, index: parts.length, bytesRead: 0, rows: 0, control: port1, settle, settled };
    parts.push(part);
    port1.on('message', (reply: SplitReply) => part.decideSplit?.(reply.at));
    const task: PartTask = {
      path: ctx.file.path,
      fileLabel: ctx.file.label,
      partIndex: part.index,
      start: range.start,
      end: range.end,
      isLast: range.end === ctx.file.sizeBytes,
      dialect: ctx.dialect,
      columns: ctx.columns,
      profileOptions: ctx.options.profile ?? {},
      readChunkBytes: ctx.readChunkBytes,
      ...(ctx.tally ? { tally: ctx.tally } : {}),
      control: port2,
      ...(sketchColumns.length > 0 ? { sketchColumns } : {}),
    };
    thread.worker.postMessage(task, [port2]);
    // A thread that dies mid-part (out of memory, terminated on cancel) loses the part.
    void thread.ended.then(() => finish(part, 'lost'));
    return part;
  };

  /** Asks `part` to split what it has left; resolves with its new end (the rest is free), or null. */
  const askSplit = (part: LivePart): Promise<number | null> =>
    new Promise((resolve) => {
      part.decideSplit = (at) => {
        part.decideSplit = undefined;
        if (at !== null) part.end = at;
        resolve(at);
      };
      const request: SplitRequest = { type: 'split', minBytes: MIN_HANDOVER_BYTES };
      part.control.postMessage(request);
    });

  /** The second half of the part with the most left to read (by its last report), or undefined. */
  const handOver = async (): Promise<PartRange | undefined> => {
    let victim: LivePart | undefined;
    for (const p of parts) {
      if (p.outcome || p.decideSplit) continue;
      if (!victim || remaining(p) > remaining(victim)) victim = p;
    }
    if (!victim || remaining(victim) < MIN_HANDOVER_BYTES) return undefined;
    const end = victim.end;
    const at = await askSplit(victim);
    return at === null ? undefined : { start: at, end };
  };

  const runThread = async (thread: StartedWorker, first: PartRange): Promise<void> => {
    let range: PartRange | undefined = first;
    let sketchColumns: number[] = [];
    while (range) {
      const part = launch(thread, range, sketchColumns);
      await part.settled;
      if (part.outcome !== 'done') {
        stopping = true;
        return;
      }
      range = stopping ? undefined : await handOver();
      sketchColumns = sketchTierColumns(part.result!.state);
    }
  };

  const onAbort = () => {
    stopping = true;
    for (const t of threads) void t.worker.terminate();
  };
  ctx.options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const runs = ranges.map((range) => {
      const thread = ctx.idle.pop() ?? startWorker(ctx.workerPath);
      threads.push(thread);
      thread.worker.on('message', onMessage);
      return runThread(thread, range);
    });
    await Promise.all(runs);
    throwIfAborted(ctx.options.signal);
    const results = await partResults(parts, ranges, threads);
    if (results === 'misaligned') return 'misaligned';
    // Cancelled while finishing: the threads were ended, and that is the cancellation, not a failure.
    const finishing = finishOnThreads(threads, results, ctx.columns).catch((e: unknown) => {
      throwIfAborted(ctx.options.signal);
      throw e;
    });
    // The finish tasks are posted; the tallies merge here meanwhile (and the analysis runs on them),
    // on a thread that would only wait (~45 + ~35 ms after the columns on the 1M-row file, before).
    let tally: TallyState | undefined;
    try {
      tally = mergeTallies(results);
      if (tally && ctx.onTally) ctx.onTally(tally, results[0]!.state.options);
    } catch (e) {
      finishing.catch(() => undefined); // the merge's (or the analysis's) error is the one to report
      throw e;
    }
    const columns = await finishing;
    throwIfAborted(ctx.options.signal);
    return tally ? { results, columns, tally } : { results, columns };
  } finally {
    ctx.options.signal?.removeEventListener('abort', onAbort);
    for (const t of threads) void t.worker.terminate();
  }
}

/** The parts' results in file order; throws the earliest error in the file, or a lost part's. */
async function partResults(parts: LivePart[], planned: PartRange[], threads: StartedWorker[]): Promise<'misaligned' | PartResult[]> {
  const inOrder = [...parts].sort((a, b) => a.start - b.start);
  // A bad cut makes the later part parse from inside a field: its errors are artefacts of the cut.
  if (inOrder.some((p) => p.outcome === 'misaligned')) return 'misaligned';
  let rowsBefore = 0;
  for (const p of inOrder) {
    if (p.outcome === 'error' && p.error) {
      const located = p.error.location.row === undefined ? p.error : { ...p.error, location: { ...p.error.location, row: p.error.location.row + rowsBefore } };
      throw errorFromJSON(located);
    }
    if (p.outcome !== 'done') {
      const cause = await threadError(threads);
      throw cause ?? new Error(`Profiling worker exited without a result for part ${p.index}`);
    }
    rowsBefore += p.result!.stats.rows;
  }
  checkCoverage(inOrder, planned);
  return inOrder.map((p) => p.result!);
}

/** The parts' tallies (in file order) as one; undefined without a tally. */
function mergeTallies(results: PartResult[]): TallyState | undefined {
  let tally = results[0]!.tally;
  for (const r of results.slice(1)) if (tally && r.tally) tally = mergeTallyStates(tally, r.tally);
  return tally;
}

/** What finishing a sketch-tier column costs, against one held key of an exact-tier column. */
const SKETCH_FINISH_COST = 500;

/**
 * Merges and finishes the columns on the pass's threads, each taking a share (costliest first, to
 * the least loaded): their code is warm, where this thread would run the merge and the finish cold
 * while the user waits (~200 ms on the 1M-row file, most of the time after the last part).
 */
async function finishOnThreads(threads: StartedWorker[], results: PartResult[], names: string[]): Promise<ColumnProfile[]> {
  const costOf = (c: number) => results.reduce((sum, r) => {
    const s = r.state.columnStates[c]!;
    return sum + (s.tier === 'exact' ? s.keys.length : SKETCH_FINISH_COST);
  }, 1);
  const shares: number[][] = threads.map(() => []);
  const loads = threads.map(() => 0);
  const byCost = names.map((_, c) => ({ c, cost: costOf(c) })).sort((a, b) => b.cost - a.cost);
  for (const { c, cost } of byCost) {
    const t = loads.indexOf(Math.min(...loads));
    shares[t]!.push(c);
    loads[t]! += cost;
  }
  const options = results[0]!.state.options;
  const finished = await Promise.all(
    shares.map((indices, t) => {
      if (indices.length === 0) return Promise.resolve([] as ColumnProfile[]);
      const task: FinishTask = {
        type: 'finish',
        names,
        indices,
        options,
        parts: results.map((r) => ({ rows: r.state.rows, columnStates: indices.map((c) => r.state.columnStates[c]!) })),
      };
      return finishOn(threads[t]!, task);
    }),
  );
  const columns = new Array<ColumnProfile>(names.length);
  for (const share of finished) for (const column of share) columns[column.position] = column;
  return columns;
}

function finishOn(thread: StartedWorker, task: FinishTask): Promise<ColumnProfile[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: WorkerMessage) => {
      if (m.type === 'finished') settle(() => resolve(m.columns));
      else if (m.type === 'finish-error') settle(() => reject(errorFromJSON(m.error)));
    };
    const settle = (then: () => void) => {
      thread.worker.off('message', onMessage);
      then();
    };
    thread.worker.on('message', onMessage);
    void thread.ended.then((error) => settle(() => reject(error ?? new Error('A profiling worker ended before finishing its columns'))));
    thread.worker.postMessage(task);
  });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RepresentError('cancelled', 'Profiling was cancelled. Nothing was saved.');
}

/** Columns this part took past the exact tier: the file's result for them is a sketch. */
function sketchTierColumns(state: ProfileState): number[] {
  return state.columnStates.flatMap((s, c) => (s.tier === 'sketch' ? [c] : []));
}

function remaining(p: LivePart): number {
  return p.end - (p.start + p.bytesRead);
}

async function threadError(threads: StartedWorker[]): Promise<Error | undefined> {
  for (const t of threads) {
    const settled = await Promise.race([t.ended, Promise.resolve(null)]);
    if (settled) return settled;
  }
  return undefined;
}

/** The parts, in file order, must tile the planned ranges exactly: a gap would lose rows, an overlap count them twice. */
function checkCoverage(inOrder: LivePart[], planned: PartRange[]): void {
  let at = planned[0]!.start;
  for (const p of inOrder) {
    if (p.start !== at || p.endedAt !== p.end) throw new Error('The parts of the pass do not cover the file exactly');
    at = p.end;
  }
  if (at !== planned.at(-1)!.end) throw new Error('The parts of the pass do not reach the end of the file');
}
