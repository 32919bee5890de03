// The types every API handler module shares: what handlers may use (ApiDeps), who called
// (CallContext), and the handler shape. Kept apart from api-handlers.ts so handler modules under
// ./api import types without an import cycle.
import type { z } from 'zod';
import type { ApiChannel, ApiEventName, ApiEvents, ApiRequest, ApiResponse, AppInfo, SaveDialogRequest } from '../../shared/api';
import type { DatasetProfile } from '../../shared/profile';
import type { Db } from '../store/database';
import type { JobRegistry } from './api-jobs';
import type { SenderInfo } from './api-sender';
import type { AnalysedFile, ProfileProgress } from './profile-job';

/** Everything the handlers need from the outside world; tests and the bridge inject their own. */
export interface ApiDeps {
  appInfo: AppInfo;
  profileFile(filePath: string, options: { onProgress: (p: ProfileProgress) => void; signal: AbortSignal }): Promise<DatasetProfile>;
  /**
   * Profiles the file and tallies the mapped columns in one pass (profile-job's analyseFile with
   * this host's worker settings). The tally is row-level: callers keep it in memory only.
   */
  analyseFile(filePath: string, options: { mapping: unknown; onProgress: (p: ProfileProgress) => void; signal: AbortSignal }): Promise<AnalysedFile>;
  /** The native open dialog (a fake in browser tests); resolves to null on cancel. */
  chooseDataFile(): Promise<string | null>;
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
  /** Native open dialog for request/release bundles (.zip); null on cancel. */
  chooseBundle(): Promise<string | null>;
  /**
   * Prints report HTML to PDF bytes where a printer exists (Electron's printToPDF in the app);
   * absent in the browser bridge and the CLI host, where reports are built without a PDF.
   */
  renderPdf?(html: string): Promise<Uint8Array>;
  jobs: JobRegistry;
  /** The local store (projects, datasets, aggregates, answers, audit log, keys). */
  db: Db;
  /** The Represent home folder (store, trusted-keys/, locked policy). */
  home: string;
}

/** Per call: who sent it, which origin is trusted, and how to push events back to that page. */
export interface CallContext {
  sender: SenderInfo;
  trustedOrigin: string;
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
}

export interface ChannelHandler<C extends ApiChannel> {
  input: z.ZodType<ApiRequest<C>>;
  run(deps: ApiDeps, input: ApiRequest<C>, ctx: CallContext): Promise<ApiResponse<C>>;
}

export type ApiHandlers = { [C in ApiChannel]: ChannelHandler<C> };

