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
import type { AnalysisResult, ReferenceChoice } from './analysis';
import type { MappingDocument } from './demographics/mapping-document';
import type { ReferenceSummary } from './reference';
import type { Answers } from './report/answers';
import type { StandardsReport } from './report/model';
import type { ItemCompleteness } from './standards';
import type { Policy } from './disclosure';

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

  // ── Workspace: datasets the store remembers, mapping, analysis, documentation ──────────────
  /** Recently opened datasets, newest first (fingerprints and names only). */
  'dataset:recent': { request: NoInput; response: RecentDataset[] };
  /** Reopens a remembered dataset from its stored profile; fails with 'file-changed' if the file on disk differs. */
  'dataset:open': { request: { datasetId: string }; response: DatasetOverview };
  /** The saved mapping, or a suggestion from the profile when none is saved yet. */
  'mapping:get': { request: { datasetId: string }; response: MappingView };
  /** Validates and saves a mapping (audited as mapping changed). */
  'mapping:save': { request: { datasetId: string; mapping: MappingDocument }; response: MappingView };
  /**
   * Representation analysis for the saved mapping against a reference. Reads the file once per
   * set of mapped columns (streaming `profile:progress` events under `jobId`); a changed code
   * mapping or reference re-runs from the tally kept in memory, without reading the file again.
   */
  'analysis:run': { request: AnalysisRunRequest; response: AnalysisView };
  /** Built-in Census 2021 areas and imported reference populations. */
  'reference:list': { request: NoInput; response: ReferenceOption[] };
  /** Imports a reference population CSV (a registered population, a disease cohort). */
  'reference:import': { request: { path: string }; response: ReferenceOption };
  /** The project's documentation answers, with completeness per STANDING Together item. */
  'answers:get': { request: { projectId: string }; response: AnswersView };
  /** Saves the whole answers document (the UI autosaves); returns the new completeness. */
  'answers:save': { request: { projectId: string; answers: Answers }; response: AnswersView };
  /** The project's unsent export request draft (purpose and justification); empty when there is none. */
  'export-draft:get': { request: { projectId: string }; response: ExportDraftView };
  /** Saves the draft (the Export request page autosaves); export:request clears it once the request is written. */
  'export-draft:save': { request: ExportDraftSaveRequest; response: ExportDraftView };

  // ── Report, export request, review ──────────────────────────────────────────────────────────
  /** Builds the protected standards report for a dataset with its project's mapping and answers. */
  'report:build': { request: ReportBuildRequest; response: ReportView };
  /** Writes an export request bundle (zip) for a built report to a path the user chose. */
  'export:request': { request: ExportRequestRequest; response: ExportRequestSummary };
  /** Native open dialog for a request or release bundle (.zip); null on cancel. */
  'dialog:choose-bundle': { request: NoInput; response: ChosenPath | null };
  /** Opens a request bundle for review (hash-checked; recorded and audited as opened). */
  'review:open': { request: { path: string }; response: ReviewView };
  /** Approves (writes a signed release bundle) or rejects (writes a signed response) a request. */
  'review:decide': { request: ReviewDecideRequest; response: ReviewOutcome };

  // ── Settings ────────────────────────────────────────────────────────────────────────────────
  'settings:get': { request: NoInput; response: SettingsView };
  /** Sets the disclosure policy in force; refused when it would loosen a TRE-locked policy. */
  'settings:set-policy': { request: { policy: Policy }; response: SettingsView };
  /** Saves the local profile (display name and role). */
  'identity:save': { request: { displayName: string; role: 'analyst' | 'reviewer' }; response: SettingsView };
  /** Creates the reviewer's signing key, sealed under the passphrase. */
  'keys:create': { request: { passphrase: string }; response: SettingsView };
  /** Writes the public key file to a path the user chose. */
  'keys:export-public': { request: { path: string }; response: { path: string; fingerprint: string } };
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
  'dataset:recent': true,
  'dataset:open': true,
  'mapping:get': true,
  'mapping:save': true,
  'analysis:run': true,
  'reference:list': true,
  'reference:import': true,
  'answers:get': true,
  'answers:save': true,
  'export-draft:get': true,
  'export-draft:save': true,
  'report:build': true,
  'export:request': true,
  'dialog:choose-bundle': true,
  'review:open': true,
  'review:decide': true,
  'settings:get': true,
  'settings:set-policy': true,
  'identity:save': true,
  'keys:create': true,
  'keys:export-public': true,
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
  /** The store's ids: the dataset as opened, and the project it belongs to (one per file by default). */
  datasetId: string;
  projectId: string;
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

// ── Workspace payloads ──────────────────────────────────────────────────────────────────────

export interface RecentDataset {
  datasetId: string;
  projectId: string;
  fileName: string;
  /** Where the file was when last opened (a path on this machine, shown so the user knows which file). */
  path: string;
  sizeBytes: number;
  openedIso: string;
  hasMapping: boolean;
}

/** One column's suggested reading as a demographic attribute, with how sure the detector is. */
export interface AttributeSuggestion {
  column: string;
  kind: string;
  scheme: string;
  /** 0–1. */
  confidence: number;
  /** Why, in plain words ("values match NHS ETHNIC CATEGORY codes"). */
  reason: string;
}

export interface MappingView {
  datasetId: string;
  mapping: MappingDocument;
  /** 'saved' when the user saved this mapping; 'suggested' when it comes from the detector. */
  source: 'saved' | 'suggested';
  suggestions: AttributeSuggestion[];
  /** The file's columns with their profiled types, for choosing attribute, outcome and period columns. */
  columns: { name: string; type: string; isIdentifier: boolean }[];
}

export interface AnalysisRunRequest {
  jobId: string;
  datasetId: string;
  /** A built-in reference area id (from reference:list) or an imported one; default England. */
  referenceId?: string;
}

/**
 * Raw values of an attribute column that the mapping does not place in a category, with how many
 * rows hold each. They are codes from a demographic column (e.g. "W9"), shown only inside the TRE
 * so the analyst can map them; never exported (the report shows only "unmapped" and its count).
 */
export interface UnmappedValues {
  column: string;
  values: { raw: string; rows: number }[];
  /** Distinct unmapped values beyond those listed. */
  more: number;
}

export interface AnalysisView {
  datasetId: string;
  reference: ReferenceChoice;
  /** Exact counts: for the analyst inside the TRE. Exports go through the report's disclosure control. */
  result: AnalysisResult;
  unmapped: UnmappedValues[];
  /** True when this run read the file; false when it re-used the tally in memory. */
  readFile: boolean;
}

export interface ReferenceOption {
  id: string;
  name: string;
  kind: 'census-2021' | 'imported';
  summary?: ReferenceSummary;
  /** For imported references: the source the file names and what it covers, in words. */
  description?: string;
}

export interface AnswersView {
  projectId: string;
  answers: Answers;
  completeness: ItemCompleteness[];
  /** ISO time of the last save; null when nothing is saved yet. */
  savedIso: string | null;
}

export interface ReportBuildRequest {
  jobId: string;
  datasetId: string;
  referenceId?: string;
  title?: string;
}

export interface ReportView {
  reportId: string;
  /** The report's HTML file exactly as it would be exported. */
  html: string;
  report: StandardsReport;
  /** The independent export screen's verdict on the rendered files. */
  screen: { passed: boolean; findings: string[] };
}

export interface ExportRequestRequest {
  reportId: string;
  purpose: string;
  justification: string;
  /** Where to write the bundle (from dialog:choose-save-path); must not exist yet. */
  path: string;
}

/** What the analyst has typed for an export request not yet written, kept per project. */
export interface ExportDraftView {
  projectId: string;
  purpose: string;
  justification: string;
  /** ISO time of the last save; null when no draft is saved. */
  savedIso: string | null;
}

export interface ExportDraftSaveRequest {
  projectId: string;
  purpose: string;
  justification: string;
}

export interface ExportRequestSummary {
  requestId: string;
  path: string;
  sha256: string;
  outputs: number;
  screenPassed: boolean;
}

export interface ReviewOutputView {
  id: string;
  /** pass / fail / review, from disclosure control. */
  status: string;
  files: string[];
  summary: string;
  /** Exception the requester asked for, if any. */
  exception: string | null;
  /** Whether a comment is required to approve / to reject this output (the review rules). */
  commentRequired: { approve: boolean; reject: boolean };
}

export interface ReviewView {
  path: string;
  requestId: string;
  requester: { name: string; role: string };
  purpose: string;
  justification: string;
  createdIso: string;
  policy: { id: string; name: string };
  dataset: { fileName: string | null; sha256: string };
  outputs: ReviewOutputView[];
  /** The report HTML in the bundle, for reading; null when the bundle holds none. */
  reportHtml: string | null;
  /**
   * The request's standards report (the bundle's report.json, hash-checked with the bundle and
   * validated against the report schema), so the page renders it; null when the bundle holds none
   * or it does not validate (then `warnings` says why).
   */
  report: StandardsReport | null;
  /** The export screen's verdict on the request's files, as the bundle records it; null when absent or unreadable. */
  screen: { passed: boolean; findings: string[] } | null;
  /** Separation-of-duties and other warnings, in words. */
  warnings: string[];
  /** Set when this request was already reviewed here. */
  alreadyReviewed: { decision: 'approved' | 'rejected'; decidedIso: string; reviewer: string } | null;
}

export interface ReviewDecideRequest {
  path: string;
  /**
   * The overall decision (the button pressed). 'approve' needs at least one approved output and
   * releases the approved ones; 'reject' writes a response and releases nothing, whatever the
   * per-output marks (kept in the signed response, so the requester sees which would pass).
   */
  decision: 'approve' | 'reject';
  decisions: { outputId: string; decision: 'approved' | 'rejected'; comment: string }[];
  overallComment: string;
  passphrase: string;
  /** Where to write the release (approval) or response (rejection) bundle; must not exist yet. */
  outPath: string;
}

export interface ReviewOutcome {
  kind: 'release' | 'response';
  path: string;
  sha256: string;
  warnings: string[];
}

export interface SettingsView {
  policy: { active: Policy; locked: boolean; lockedBy: string | null; presets: { id: string; name: string; description: string }[] };
  identity: { displayName: string; role: 'analyst' | 'reviewer'; osUser: string } | null;
  signingKey: { fingerprint: string; createdIso: string } | null;
  references: ReferenceOption[];
  allowSelfReview: boolean;
}
