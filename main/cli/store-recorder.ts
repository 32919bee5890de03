// What `represent profile`, `analyse` and `report` record in this Represent home's store
// (REPRESENT_HOME, as request/review/keys use): the dataset's fingerprint and metadata, the
// profile's value-free overview, the mapping used and the report built, each with its audit event,
// through the same service functions the desktop app uses. `--no-store` (no-store-option.ts)
// records nothing.
//
// A store that cannot be written (locked by another process, read-only, a home that cannot be
// created) is an error, not a warning: a TRE relies on the audit log showing every run, and a run
// that silently leaves no trace is what --no-store is for, chosen deliberately. The store is opened
// and its write lock taken once before the file is read, so such a run stops before a long pass.
import { errorFromJSON, RepresentError } from '../../shared/errors';
import type { DatasetProfile } from '../../shared/profile';
import type { StandardsReport } from '../../shared/report';
import type { FileHash } from '../store/audit-events';
import type { Db } from '../store/database-type';
import { storeError } from '../store/database';
import { saveMapping } from '../store/mappings';
import { storePath } from '../store/home';
import { APP_VERSION } from '../services/app-version';
import { openHome, type Home } from '../services/export-workflow/workspace';
import { recordBuiltReport } from '../services/report/record-report';
import { recordFingerprintedDataset, recordProfiledDataset } from '../services/workspace/datasets';

const HINT = 'Nothing was read or recorded. Free the store (another process may be writing to it) or fix its folder, or add --no-store to run without recording.';

export interface RecordedDataset {
  datasetId: string;
  projectId: string | null;
}

export class StoreRecorder {
  private constructor(private readonly home: Home) {}

  /** Opens the home's store and checks it can be written now. */
  static open(env: NodeJS.ProcessEnv = process.env): StoreRecorder {
    let home: Home;
    try {
      home = openHome(env);
    } catch (e) {
      throw withHint(e, undefined);
    }
    const recorder = new StoreRecorder(home);
    // An empty IMMEDIATE transaction takes and releases the write lock: a lock held elsewhere
    // (after the 10 s busy wait) or a read-only file fails here, before any work.
    recorder.write(() => undefined, HINT);
    return recorder;
  }

  get storeFile(): string {
    return storePath(this.home.dir);
  }

  /**
   * The dataset and its profile overview (project found or created), as the app's profile:run
   * records them; with `mapping`, also the mapping the run used, as a new version of the dataset's
   * mapping (the run's pass has already checked it against the file's columns). One transaction:
   * all of it is recorded or none.
   */
  recordProfile(filePath: string, profile: DatasetProfile, mapping?: unknown): RecordedDataset {
    return this.write((db) => {
      const overview = recordProfiledDataset(db, filePath, profile, APP_VERSION);
      if (mapping !== undefined) saveMapping(db, overview.datasetId, mapping);
      return { datasetId: overview.datasetId, projectId: overview.projectId };
    });
  }

  /**
   * A report built from FILE: the dataset (with its profile and the mapping used when the report
   * analysed the file, by fingerprint alone when it read statistics from elsewhere) and the report
   * (policy id and hash, file names and hashes), in one transaction. Returns the report's id.
   */
  recordReport(
    filePath: string,
    source: { profile: DatasetProfile; mapping: unknown } | { fingerprint: { name: string; sizeBytes: number; modifiedIso: string; sha256: string } },
    report: StandardsReport,
    files: readonly FileHash[],
    hint?: string,
  ): string {
    return this.write((db) => {
      let dataset: RecordedDataset;
      if ('profile' in source) {
        const overview = recordProfiledDataset(db, filePath, source.profile, APP_VERSION);
        saveMapping(db, overview.datasetId, source.mapping);
        dataset = { datasetId: overview.datasetId, projectId: overview.projectId };
      } else dataset = { datasetId: recordFingerprintedDataset(db, filePath, source.fingerprint), projectId: null };
      return recordBuiltReport(db, { ...dataset, report, files }).id;
    }, hint);
  }

  close(): void {
    if (this.home.db.open) this.home.db.close();
  }

  /** Runs one recording in its own IMMEDIATE transaction; store failures become store-error. */
  private write<T>(fn: (db: Db) => T, hint = 'Nothing was recorded and no output was written; add --no-store to run without recording.'): T {
    try {
      return this.home.db.transaction(() => fn(this.home.db)).immediate();
    } catch (e) {
      // Only SQLite's and the file system's failures are the store's; anything else is a bug to surface as one.
      const code = (e as { code?: unknown } | null)?.code;
      if (e instanceof RepresentError ? e.code !== 'store-error' : typeof code !== 'string') throw e;
      throw withHint(e, this.storeFile, hint);
    }
  }
}

/** The store error with what to do next (the CLI prints the message, which already says what, why and where). */
function withHint(e: unknown, file: string | undefined, hint = HINT): RepresentError {
  const err = e instanceof RepresentError ? e : storeError(e, file ?? '');
  if (err.code !== 'store-error') return err;
  return errorFromJSON({ ...err.toJSON(), message: `${err.message} ${hint}` });
}
