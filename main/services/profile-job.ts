// Profiles a file in one streaming pass, split across worker threads at row boundaries.
// The same service backs the CLI and the desktop app; it never holds a row beyond a chunk.
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { sniffDialect, type DialectOverrides, type Dialect } from '../../shared/ingest/dialect';
import { CsvChunkReader, mergeIngestStats, nextRowStart, type IngestStats } from '../../shared/ingest/csv-chunk-reader';
import type { DatasetProfile, ProfileOptions } from '../../shared/profile';
import { RepresentError } from '../../shared/errors';
import { statInputFile, readHead, type OpenedFile } from './file-access';
import { sha256File } from './fingerprint';
import type { TallySpec, TallyState } from '../../shared/analysis/tally';
import type { AnalysisPlan, PlanOverrides } from '../../shared/analysis/plan';
import { runParts, throwIfAborted, type PartRange, type PartResult, type PartRunContext, type PartsOutcome } from './part-runner';
import { defaultWorkerPath, dropWarmWorkers, startWorker, takeWarmWorker } from './profile-threads';

export { warmWorkers, defaultWorkerPath } from './profile-threads';

export interface ProfileProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export interface ProfileFileOptions {
  /** Worker threads; default: the number of cores. Results are identical for every value. */
  workers?: number;
  onProgress?: (p: ProfileProgress) => void;
  signal?: AbortSignal;
  dialect?: DialectOverrides;
  profile?: Partial<ProfileOptions>;
  /** Where the built worker lives; default: beside this bundle, else the repo's out/node. */
  workerPath?: string;
}

const HEAD_BYTES = 1024 * 1024;
const READ_CHUNK_BYTES = 1024 * 1024;
const HEADER_SLICE_BYTES = 64 * 1024;
/** Below this a second worker costs more to start than it saves. */
const MIN_BYTES_PER_WORKER = 8 * 1024 * 1024;
/** How far past a split target we look for the next row start before giving that split up. */
const BOUNDARY_WINDOW_BYTES = 4 * 1024 * 1024;

export async function profileFile(filePath: string, options: ProfileFileOptions = {}): Promise<DatasetProfile> {
  return (await runPass(filePath, options)).profile;
}

export interface AnalyseFileOptions extends ProfileFileOptions {
  /** The mapping document (validated here against the file's header before any row is read). */
  mapping: unknown;
  /** Command-line choices of outcome and period that override the mapping's. */
  overrides?: PlanOverrides;
  /** Cap on distinct combinations of mapped values (default 200,000; fewer for very wide files). */
  maxKeys?: number;
}

export interface AnalysedFile {
  profile: DatasetProfile;
  plan: AnalysisPlan;
  /** Row-level (raw demographic values): keep in memory, never persist. */
  tally: TallyState;
}

/**
 * Profiles a file and, in the same pass, tallies the mapped columns for the representation
 * analysis (shared/analysis). Throws 'bad-mapping' before reading rows if the mapping does not
 * fit the file's columns.
 */
export async function analyseFile(filePath: string, options: AnalyseFileOptions): Promise<AnalysedFile>;
/**
 * With `early`: also runs it on the merged tally while the threads finish the profile's columns
 * (this thread would only wait), and returns its result as `early` (the representation analysis).
 */
export async function analyseFile<R>(filePath: string, options: AnalyseFileOptions, early: EarlyAnalysis<R>): Promise<AnalysedFile & { early: R }>;
export async function analyseFile<R>(filePath: string, options: AnalyseFileOptions, early?: EarlyAnalysis<R>): Promise<AnalysedFile & { early?: R }> {
  // Imported here: the mapping's validation (zod, code sets) is start-up work `profile` never needs.
  const { planAnalysis, tallySpecFor } = await import('../../shared/analysis/plan');
  let plan: AnalysisPlan | undefined;
  let result: { value: R } | undefined;
  const { profile, tally } = await runPass(
    filePath,
    options,
    (columns) => {
      plan = planAnalysis(options.mapping, columns, options.overrides);
      return tallySpecFor(plan, columns, options.maxKeys);
    },
    early ? (merged, profileOptions) => (result = { value: early(merged, plan!, profileOptions) }) : undefined,
  );
  if (!plan || !tally) throw new Error('The analysis pass ran without a tally');
  return result ? { profile, plan, tally, early: result.value } : { profile, plan, tally };
}

/** Work on the merged tally that needs nothing of the profile but its options. */
export type EarlyAnalysis<R> = (tally: TallyState, plan: AnalysisPlan, profileOptions: ProfileOptions) => R;

async function runPass(
  filePath: string,
  options: ProfileFileOptions,
  tallyFor?: (columns: string[]) => TallySpec,
  onTally?: PartRunContext['onTally'],
): Promise<{ profile: DatasetProfile; tally?: TallyState }> {
  const file = await statInputFile(filePath);
  throwIfAborted(options.signal);
  if (file.sizeBytes === 0) {
    throw new RepresentError('empty-file', 'The file is empty.', {
      expected: 'a header row and at least one data row',
      found: '0 bytes',
      location: { file: file.label },
    });
  }
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  // Start the threads first: booting one and loading its code takes a good part of a second on a
  // busy machine, time this thread spends sniffing the file and planning the parts meanwhile.
  const workerPath = options.workerPath ?? defaultWorkerPath();
  const idle = Array.from({ length: partCount(file.sizeBytes, workers) }, () => takeWarmWorker(workerPath) ?? startWorker(workerPath));
  dropWarmWorkers();
  let outcome: Exclude<PartsOutcome, 'misaligned'>;
  let hashing: Promise<string>;
  let dialect: Dialect;
  let columns: string[];
  let headerWarnings: string[];
  try {
    const head = await readHead(file.path, HEAD_BYTES);
    dialect = sniffDialect(head, { file: file.label, totalBytes: file.sizeBytes }, options.dialect);
    ({ columns, warnings: headerWarnings } = readColumns(head, dialect, file));
    const tallySpec = tallyFor?.(columns);

    const parts = await planParts(file, dialect, workers);
    const ctx: PartRunContext = { file, dialect, columns, options, started: performance.now(), workerPath, idle, readChunkBytes: READ_CHUNK_BYTES, ...(tallySpec ? { tally: tallySpec } : {}), ...(onTally ? { onTally } : {}) };
    const running = runParts(parts, ctx);
    // Hashed here, on this otherwise idle thread, once the workers have their parts.
    hashing = sha256File(file.path, options.signal);
    hashing.catch(() => undefined); // awaited below; avoid an unhandled rejection if parsing fails first
    let ran = await running;
    if (ran === 'misaligned') {
      // A split point fell inside a quoted field that spans lines: redo the file as one part.
      ran = await runParts([{ start: 0, end: file.sizeBytes }], { ...ctx, idle: [] });
    }
    if (ran === 'misaligned') throw new Error('A single part cannot be misaligned');
    outcome = ran;
  } finally {
    // Threads started for parts that never came (a bad file, fewer parts than planned).
    for (const w of idle) void w.worker.terminate();
  }

  const stats = mergeIngestCounts(outcome.results);
  const tally = outcome.tally;
  if (stats.rows === 0) {
    throw new RepresentError('header-only', 'The file has a header row but no data rows.', {
      expected: 'at least one data row after the header',
      found: `${columns.length} column names and no data`,
      location: { file: file.label },
    });
  }
  const sha256 = await hashing;
  const profile: DatasetProfile = {
    schemaVersion: 1,
    file: { name: file.label, sizeBytes: file.sizeBytes, modifiedIso: file.modifiedIso, sha256 },
    dialect,
    rows: stats.rows,
    columns: outcome.columns,
    ingest: { ragged: stats.ragged, blankLines: stats.blankLines, warnings: headerWarnings },
    options: outcome.results[0]!.state.options,
  };
  return tally ? { profile, tally } : { profile };
}

/** The header (or the first row's width when there is none), read from the head of the file. */
function readColumns(head: Uint8Array, dialect: Dialect, file: OpenedFile): { columns: string[]; warnings: string[] } {
  const reader = new CsvChunkReader(dialect, () => undefined, { file: file.label, isFirstPart: true, firstByteOffset: 0 });
  // A slice at a time until the header is known: parsing the whole head's rows here only to drop
  // them cost ~0.1 s of this thread before the workers had their parts.
  // (A file that fits in the head is read whole, so its errors are found here, before any thread.)
  const whole = head.length >= file.sizeBytes;
  for (let at = 0; at < head.length && (whole || reader.columns.length === 0); at += HEADER_SLICE_BYTES) reader.push(head.subarray(at, at + HEADER_SLICE_BYTES));
  if (whole) reader.end();
  return { columns: reader.columns, warnings: reader.warnings };
}

/**
 * Cuts the file into up to `workers` byte ranges at row starts. The cut is speculative: it takes
 * the first newline after each target offset, which is a row boundary unless that newline sits
 * inside a quoted multi-line field. The part before a bad cut then ends inside a quote, reports
 * 'misaligned', and the whole file is redone as one part, so the result never depends on the cut.
 * Scanning quote parity from the start instead would read most of the file twice.
 */
async function planParts(file: OpenedFile, dialect: Dialect, workers: number): Promise<PartRange[]> {
  const singleByteQuotes = dialect.encoding === 'utf-8' || dialect.encoding === 'windows-1252';
  const count = Math.min(workers, Math.floor(file.sizeBytes / MIN_BYTES_PER_WORKER));
  if (!singleByteQuotes || count <= 1) return [{ start: 0, end: file.sizeBytes }];

  const handle = await open(file.path, 'r');
  const cuts: number[] = [];
  try {
    const window = new Uint8Array(BOUNDARY_WINDOW_BYTES);
    for (let k = 1; k < count; k++) {
      const target = Math.floor((file.sizeBytes * k) / count);
      const { bytesRead } = await handle.read(window, 0, window.length, target);
      const at = nextRowStart(window.subarray(0, bytesRead), 0, false, dialect);
      if (at < 0) continue; // a row longer than the window: leave it to the previous part
      const cut = target + at;
      if (cut < file.sizeBytes && cut > (cuts.at(-1) ?? 0)) cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  const bounds = [0, ...cuts, file.sizeBytes];
  return bounds.slice(1).map((end, i) => ({ start: bounds[i]!, end }));
}

/** The parts planParts will make of a file this size (fewer when a cut point cannot be found). */
function partCount(sizeBytes: number, workers: number): number {
  return Math.max(1, Math.min(workers, Math.floor(sizeBytes / MIN_BYTES_PER_WORKER)));
}

/** The parts' ingest counts, in file order, as one (part-runner merges their columns and tallies). */
function mergeIngestCounts(results: PartResult[]): IngestStats {
  return results.slice(1).reduce((a, r) => mergeIngestStats(a, r.stats), results[0]!.stats);
}
