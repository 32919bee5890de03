// The real dependencies behind the API handlers: the same profiling service the CLI uses, with
// its work in worker threads so the calling thread (Electron's main process, or the test bridge)
// never blocks on data. Dialogs differ per host and are passed in.
import type { AppInfo, SaveDialogRequest } from '../../shared/api';
import type { ApiDeps } from './api-handlers';
import { createJobRegistry } from './api-jobs';
import { profileFile } from './profile-job';

export interface NodeApiDepsOptions {
  appInfo: AppInfo;
  chooseDataFile(): Promise<string | null>;
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
  /** The built profiling worker; default: beside the CLI bundle (out/node). The app passes its own, unpacked from the asar. */
  workerPath?: string;
  /** Worker threads per job; default: the number of cores. */
  workers?: number;
}

export function createNodeApiDeps(options: NodeApiDepsOptions): ApiDeps {
  return {
    appInfo: options.appInfo,
    chooseDataFile: options.chooseDataFile,
    chooseSavePath: options.chooseSavePath,
    jobs: createJobRegistry(),
    profileFile: (filePath, run) =>
      profileFile(filePath, {
        onProgress: run.onProgress,
        signal: run.signal,
        ...(options.workerPath !== undefined ? { workerPath: options.workerPath } : {}),
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
      }),
  };
}
