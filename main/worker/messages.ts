// The messages between the profiling job (main side) and each profiling worker thread.
// Everything here crosses postMessage, so it is plain structured-clonable data.
import type { Dialect } from '../../shared/ingest/dialect';
import type { IngestStats } from '../../shared/ingest/csv-chunk-reader';
import type { ProfileOptions, ProfileState } from '../../shared/profile';
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
}

export type WorkerMessage =
  | { type: 'progress'; partIndex: number; bytesRead: number; rows: number }
  | {
      type: 'done';
      partIndex: number;
      state: ProfileState;
      stats: IngestStats;
      warnings: string[];
      tally?: TallyState;
    }
  /** The part ended inside a quoted field: the speculative split landed inside a multi-line field. */
  | { type: 'misaligned'; partIndex: number }
  | { type: 'error'; partIndex: number; error: SerializedError };
