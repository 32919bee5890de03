// The typed contract between the renderer and the main side, in GitHub Desktop's style: one type
// map of channel → request/response shared by both sides, plus a map of events the main side
// pushes (progress, menu commands). The preload exposes exactly `RepresentApi` and nothing else.
//
// To add a channel: add it to `ApiChannels`, to `CHANNEL_LIST` below (the compiler insists), and
// give it a handler (with an input schema) in main/services. Every call resolves to an
// `ApiResult`; it never rejects, so the UI handles failure as data.
//
// Privacy: nothing in these types carries a row-level value. Column overviews describe columns
// (type, missing share, distinct count, flags), never their contents.
import type { SerializedError } from './errors';

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SerializedError };

/** A request that takes no arguments. */
export type NoInput = Record<string, never>;

export interface ApiChannels {
  'app:get-info': { request: NoInput; response: AppInfo };
  /** Native open dialog; null when the user cancels. */
  'dialog:choose-data-file': { request: NoInput; response: ChosenPath | null };
  /** Native save dialog; null when the user cancels. Writing happens in a later, checked step. */
  'dialog:choose-save-path': { request: SaveDialogRequest; response: ChosenPath | null };
  /** Profiles a file; streams `profile:progress` events tagged with `jobId` until it settles. */
  'profile:run': { request: ProfileRunRequest; response: DatasetOverview };
  /** Cancels a running job; `cancelled` is false when no job with that id is running. */
  'job:cancel': { request: { jobId: string }; response: { cancelled: boolean } };
}

export interface ApiEvents {
  'profile:progress': ProfileProgressEvent;
  /** A menu item the renderer acts on (the main process owns the menu). */
  'menu:command': { command: MenuCommand };
}

export type ApiChannel = keyof ApiChannels;
export type ApiRequest<C extends ApiChannel> = ApiChannels[C]['request'];
export type ApiResponse<C extends ApiChannel> = ApiChannels[C]['response'];
export type ApiEventName = keyof ApiEvents;
export type ApiEventPayload<E extends ApiEventName> = ApiEvents[E];

/** What the preload exposes as `window.api`. */
export interface RepresentApi {
  invoke<C extends ApiChannel>(channel: C, request: ApiRequest<C>): Promise<ApiResult<ApiResponse<C>>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
}

/** The global the preload defines in the page. */
export const API_GLOBAL_NAME = 'api';

// Records keyed by the type maps make the compiler reject a channel or event missing here.
const CHANNEL_LIST: Record<ApiChannel, true> = {
  'app:get-info': true,
  'dialog:choose-data-file': true,
  'dialog:choose-save-path': true,
  'profile:run': true,
  'job:cancel': true,
};
const EVENT_LIST: Record<ApiEventName, true> = {
  'profile:progress': true,
  'menu:command': true,
};

export const API_CHANNELS: readonly ApiChannel[] = Object.freeze(Object.keys(CHANNEL_LIST) as ApiChannel[]);
export const API_EVENTS: readonly ApiEventName[] = Object.freeze(Object.keys(EVENT_LIST) as ApiEventName[]);

export function isApiChannel(name: unknown): name is ApiChannel {
  return typeof name === 'string' && Object.hasOwn(CHANNEL_LIST, name);
}

export function isApiEvent(name: unknown): name is ApiEventName {
  return typeof name === 'string' && Object.hasOwn(EVENT_LIST, name);
}

// ── Payloads ────────────────────────────────────────────────────────────────────────────────

export interface AppInfo {
  name: string;
  version: string;
  /** True when no network request can leave the app (always, by design; shown in the UI). */
  offline: true;
}

export interface ChosenPath {
  path: string;
}

export interface SaveDialogRequest {
  /** File name offered in the dialog, e.g. "report.html". */
  suggestedName: string;
  kind: 'html' | 'json' | 'csv' | 'zip';
}

export interface ProfileRunRequest {
  /** Chosen by the renderer (a UUID) so progress events and cancel can name the job at once. */
  jobId: string;
  path: string;
}

export interface ProfileProgressEvent {
  jobId: string;
  bytesRead: number;
  totalBytes: number;
  rows: number;
  bytesPerSecond: number;
  /** Null until a rate is known. */
  etaSeconds: number | null;
}

export type MenuCommand = 'open-data-file';

/** What the Dataset overview page shows: one row per column, no values. */
export interface DatasetOverview {
  file: { name: string; sizeBytes: number; modifiedIso: string; sha256: string };
  rows: number;
  dialect: { encoding: string; delimiter: string; hasHeader: boolean };
  columns: ColumnOverview[];
  /** Plain-language notes about the file as read (ragged rows, blank lines, header fixes). */
  notes: string[];
}

export interface ColumnOverview {
  name: string;
  /** Inferred type as the profile names it ("integer", "decimal", "date", "category", "text", …). */
  type: string;
  /** The same in plain words for the page ("Whole number", "Date", …). */
  typeLabel: string;
  rows: number;
  missingCount: number;
  /** missingCount / rows, 0–1. */
  missingShare: number;
  distinctCount: number;
  /** True when the distinct count comes from a sketch (large columns) rather than exact counting. */
  distinctIsEstimate: boolean;
  flags: ColumnFlag[];
}

export interface ColumnFlag {
  kind: 'identifier' | 'constant' | 'all-missing' | 'mostly-missing' | 'mixed-types' | 'unique';
  /** Short text for a tag, e.g. "identifier: values hidden". */
  label: string;
}
