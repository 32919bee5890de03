// The real dependencies behind the API handlers: the same profiling service and store the CLI
// uses, with file work in worker threads so the calling thread (Electron's main process, or the
// test bridge) never blocks on data. Dialogs differ per host and are passed in.
import type { AppInfo, SaveDialogRequest } from '../../shared/api';
import { openStore } from '../store/database';
import { storePath } from '../store/home';
import type { ApiDeps } from './api-types';
import { createJobRegistry } from './api-jobs';
import { recoverPendingWrites } from './export-workflow/journaled-write';
import { analyseFile, profileFile } from './profile-job';

export interface NodeApiDepsOptions {
  appInfo: AppInfo;
  chooseDataFile(): Promise<string | null>;
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
  chooseBundle(): Promise<string | null>;
  /** The Represent home (representHome(), as the CLI uses, so app and CLI share one store). Created if missing. */
  home: string;
  /** The built profiling worker; default: beside the CLI bundle (out/node). The app passes its own, unpacked from the asar. */
  workerPath?: string;
  /** Worker threads per job; default: the number of cores. */
  workers?: number;
}

/** Opens (creating) the store in `home` and, as the CLI does at start, finishes or undoes any export a killed process left half-written. */
export function createNodeApiDeps(options: NodeApiDepsOptions): ApiDeps {
  const db = openStore(storePath(options.home));
  try {
    recoverPendingWrites(db);
  } catch (e) {
    db.close();
    throw e;
  }
  const workerOptions = {
    ...(options.workerPath !== undefined ? { workerPath: options.workerPath } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  };
  return {
    appInfo: options.appInfo,
    chooseDataFile: options.chooseDataFile,
    chooseSavePath: options.chooseSavePath,
    chooseBundle: options.chooseBundle,
    jobs: createJobRegistry(),
    db,
    home: options.home,
    profileFile: (filePath, run) => profileFile(filePath, { onProgress: run.onProgress, signal: run.signal, ...workerOptions }),
    analyseFile: (filePath, run) => analyseFile(filePath, { mapping: run.mapping, onProgress: run.onProgress, signal: run.signal, ...workerOptions }),
  };
}
