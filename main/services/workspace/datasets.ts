// Datasets the store remembers: recording a profiled file (with its project and a value-free
// summary of the profile), listing them, and reopening one without reading the file again.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetOverview, RecentDataset } from '../../../shared/api';
import type { ColumnProfileSummary } from '../../../shared/demographics';
import { RepresentError } from '../../../shared/errors';
import type { DatasetProfile } from '../../../shared/profile';
import type { Db } from '../../store/database';
import { findDatasetsBySha256, getDataset, listRecentDatasets, recordDatasetOpened, recordDatasetReopened, type Dataset } from '../../store/datasets';
import { latestMapping } from '../../store/mappings';
import { latestProfile, saveProfile } from '../../store/profiles';
import { createProject } from '../../store/projects';
import { readStoredOverview, toStoredOverview, type StoredOverview } from '../dataset-overview';
import { memoryCache } from './row-level-memory';

/** How many remembered files the Start page lists. */
export const RECENT_LIMIT = 20;
/** Profiles whose frequency tables are kept in memory for mapping suggestions. */
const REMEMBERED_PROFILES = 4;

/**
 * Records a profiled file: its project (the project of an earlier opening of the same bytes, else
 * a new one named after the file), the dataset's fingerprint, and the profile's overview. The full
 * profile's frequency tables stay in memory only, for mapping suggestions.
 */
export function recordProfiledDataset(db: Db, filePath: string, profile: DatasetProfile, appVersion: string): DatasetOverview {
  const earlier = findDatasetsBySha256(db, profile.file.sha256).find((d) => d.projectId !== null);
  const projectId = earlier?.projectId ?? createProject(db, profile.file.name).id;
  const stored = toStoredOverview(profile);
  const dataset = recordDatasetOpened(db, {
    fileName: profile.file.name,
    filePath: path.resolve(filePath),
    sizeBytes: profile.file.sizeBytes,
    modifiedAt: profile.file.modifiedIso,
    sha256: profile.file.sha256,
    projectId,
    metadata: {
      dialect: stored.overview.dialect,
      columns: stored.overview.columns.map((c) => ({ name: c.name, type: c.type })),
    },
  });
  saveProfile(db, { datasetId: dataset.id, appVersion, rows: profile.rows, columns: profile.columns.length, summary: stored });
  rememberProfileValues(db, dataset.id, profile);
  return { datasetId: dataset.id, projectId, ...stored.overview };
}

/** Newest first, one entry per file path (its latest opening). */
export function recentDatasets(db: Db): RecentDataset[] {
  const seen = new Set<string>();
  const out: RecentDataset[] = [];
  // Read more rows than listed: a file profiled many times has many rows.
  for (const d of listRecentDatasets(db, RECENT_LIMIT * 10)) {
    if (seen.has(d.filePath) || d.projectId === null) continue;
    seen.add(d.filePath);
    out.push({
      datasetId: d.id,
      projectId: d.projectId,
      fileName: d.fileName,
      path: d.filePath,
      sizeBytes: d.sizeBytes,
      openedIso: d.openedAt,
      hasMapping: latestMapping(db, d.id) !== undefined,
    });
    if (out.length >= RECENT_LIMIT) break;
  }
  return out;
}

/**
 * The overview of a remembered dataset, rebuilt from its stored profile once the file is checked
 * unchanged. The opening moves it to the top of the recent list and is audited as dataset opened;
 * a refused opening (file changed or gone, no profile) records nothing.
 */
export async function reopenDataset(db: Db, datasetId: string, now: Date = new Date()): Promise<DatasetOverview> {
  const dataset = requireDataset(db, datasetId);
  await checkFileUnchanged(dataset);
  const stored = storedOverview(db, dataset);
  recordDatasetReopened(db, dataset.id, now);
  return { datasetId: dataset.id, projectId: dataset.projectId!, ...stored.overview };
}

/**
 * Records a file known only by its fingerprint (the CLI's report from a statistics file reads no
 * row of it): no project and no profile, so it stays out of the recent list, which can only
 * reopen profiled files. Returns the new dataset's id.
 */
export function recordFingerprintedDataset(db: Db, filePath: string, file: { name: string; sizeBytes: number; modifiedIso: string; sha256: string }): string {
  return recordDatasetOpened(db, {
    fileName: file.name,
    filePath: path.resolve(filePath),
    sizeBytes: file.sizeBytes,
    modifiedAt: file.modifiedIso,
    sha256: file.sha256,
  }).id;
}

export function requireDataset(db: Db, datasetId: string): Dataset & { projectId: string } {
  const dataset = getDataset(db, datasetId);
  if (!dataset || dataset.projectId === null)
    throw new RepresentError('bad-argument', 'Represent does not remember that dataset.', {
      expected: 'a dataset from the recent list',
      found: 'an id the store does not hold',
    });
  return dataset as Dataset & { projectId: string };
}

export function storedOverview(db: Db, dataset: Dataset): StoredOverview {
  const profile = latestProfile(db, dataset.id);
  if (!profile)
    throw new RepresentError('store-error', 'The store has no profile of this dataset.', {
      expected: 'a profile saved when the file was opened',
      found: 'none; open the file again',
      location: { file: dataset.fileName },
    });
  return readStoredOverview(profile.summary);
}

/**
 * Refuses a file whose size or modification time differ from when it was profiled (or that is
 * gone): the stored profile, mapping and answers describe the file as it was then.
 */
export async function checkFileUnchanged(dataset: Dataset): Promise<void> {
  const location = { file: dataset.fileName };
  let info;
  try {
    info = await stat(dataset.filePath);
  } catch {
    throw new RepresentError('file-changed', 'The file is no longer where it was when it was profiled.', {
      expected: 'the file at the path it was opened from',
      found: 'no file there (moved, renamed or deleted)',
      location,
    });
  }
  const changes: string[] = [];
  if (info.size !== dataset.sizeBytes) changes.push(`its size is ${info.size.toLocaleString('en-GB')} bytes, not ${dataset.sizeBytes.toLocaleString('en-GB')}`);
  if (info.mtime.toISOString() !== dataset.modifiedAt) changes.push(`it was modified at ${info.mtime.toISOString()}, not ${dataset.modifiedAt}`);
  if (changes.length > 0)
    throw new RepresentError('file-changed', 'The file has changed since it was profiled. Open it again to profile it afresh.', {
      expected: 'the file as it was when profiled',
      found: changes.join('; '),
      location,
    });
}

/** Keeps a profile's per-column frequency tables (values of the file) in memory, never in the store. */
export function rememberProfileValues(db: Db, datasetId: string, profile: DatasetProfile): void {
  const summaries: ColumnProfileSummary[] = profile.columns.map((c) => {
    const s: ColumnProfileSummary = { name: c.name, inferredType: c.type };
    if (c.frequencies) s.frequencies = c.frequencies;
    if (c.identifier) s.identifierKind = c.identifier.kind;
    return s;
  });
  memoryCache<ColumnProfileSummary[]>(db, 'profile-values', REMEMBERED_PROFILES).set(datasetId, summaries);
}

/**
 * What the attribute recognisers read: the frequency tables from memory when this session has
 * read the file, else names, types and identifier kinds from the store (the recognisers then go
 * by column names alone, with lower confidence).
 */
export function columnSummaries(db: Db, dataset: Dataset): { columns: ColumnProfileSummary[]; withValues: boolean } {
  const remembered = memoryCache<ColumnProfileSummary[]>(db, 'profile-values', REMEMBERED_PROFILES).get(dataset.id);
  if (remembered) return { columns: remembered, withValues: true };
  const stored = storedOverview(db, dataset);
  const columns = stored.overview.columns.map((c, i) => {
    const s: ColumnProfileSummary = { name: c.name, inferredType: c.type };
    const kind = stored.identifierKinds[i];
    if (kind) s.identifierKind = kind;
    return s;
  });
  return { columns, withValues: false };
}
