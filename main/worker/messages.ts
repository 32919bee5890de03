// The messages between the profiling job (main side) and each profiling worker thread.
// Everything here crosses postMessage, so it is plain structured-clonable data.
import type { MessagePort } from 'node:worker_threads';
import type { Dialect } from '../../shared/ingest/dialect';
import type { IngestStats } from '../../shared/ingest/csv-chunk-reader';
import type { ColumnProfile, PartColumns, ProfileOptions, ProfileState } from '../../shared/profile';
import type { SerializedError } from '../../shared/errors';
import type { TallySpec, TallyState } from '../../shared/analysis/tally';

/** One byte range of the file, cut at a row boundary. */
export interface PartTask {
  path: string;
  /** Shown in messages instead of the full path. */
  fileLabel: string;
  partIndex: number;
  start: number;
  /** Exclusive. */
  end: number;
  isLast: boolean;
  dialect: Dialect;
  /** Known from the head of the file; later parts have no header of their own. */
  columns: string[];
  profileOptions: Partial<ProfileOptions>;
  readChunkBytes: number;
  /** When set, the part also tallies the mapped columns for the analysis (same rows, same pass). */
  tally?: TallySpec;
  /**
   * The job's line to this part while it runs (transferred with the task): the worker checks it
   * between chunks for a SplitRequest, so a thread that finished early can take over the rest.
   */
  control?: MessagePort;
  /**
   * Columns to count in the sketch tier from the first row: columns that another part of the same
   * file has already taken past the exact tier, so the merged result is a sketch anyway. Spares a
   * part that starts late in the file the exact tier's first 100,000 values of its identifiers.
   */
  sketchColumns?: number[];
}

/**
 * After the parts: merge and finish these columns (part-runner.ts shares the columns out between
 * the threads, whose code is warm, instead of finishing them all on the job's thread).
 */
export interface FinishTask {
  type: 'finish';
  /** Every column name of the file. */
  names: string[];
  /** The file positions of the columns to finish; parts[*].columnStates follow this order. */
  indices: number[];
  options: ProfileOptions;
  /** In file order. */
  parts: PartColumns[];
}

/** Job → worker, on the part's control port: end at a row start near the middle of what is left. */
export interface SplitRequest {
  type: 'split';
  /** Leave the part whole when less than this is left to read. */
  minBytes: number;
}

/** Worker → job, on the control port: where the part now ends (the rest is the job's), or null. */
export interface SplitReply {
  type: 'split-reply';
  at: number | null;
}

export type WorkerMessage =
  | { type: 'progress'; partIndex: number; bytesRead: number; rows: number }
  | {
      type: 'done';
      partIndex: number;
      /** Where the part ended (exclusive): its task's end, or an accepted cut. */
      end: number;
      state: ProfileState;
      stats: IngestStats;
      warnings: string[];
      tally?: TallyState;
    }
  | { type: 'finished'; columns: ColumnProfile[] }
  | { type: 'finish-error'; error: SerializedError }
  /** The part ended inside a quoted field: the speculative split landed inside a multi-line field. */
  | { type: 'misaligned'; partIndex: number }
  | { type: 'error'; partIndex: number; error: SerializedError };
