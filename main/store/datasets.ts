// Datasets are remembered by fingerprint (size, modified time, SHA-256) and descriptive metadata
// (dialect, column names and types): never a value from the file.
import { randomUUID } from 'node:crypto';
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';
import { canonicalJson } from './canonical-json';

export interface DatasetFingerprint {
  fileName: string;
  filePath: string;
  sizeBytes: number;
  modifiedAt: string;
  sha256: string;
}

export interface Dataset extends DatasetFingerprint {
  id: string;
  projectId: string | null;
  metadata: Record<string, unknown>;
  openedAt: string;
}

interface DatasetRow {
  id: string;
  project_id: string | null;
  file_name: string;
  file_path: string;
  size_bytes: number;
  modified_at: string;
  sha256: string;
  metadata_json: string;
  opened_at: string;
}

function fromRow(r: DatasetRow): Dataset {
  return {
    id: r.id,
    projectId: r.project_id,
    fileName: r.file_name,
    filePath: r.file_path,
    sizeBytes: r.size_bytes,
    modifiedAt: r.modified_at,
    sha256: r.sha256,
    metadata: JSON.parse(r.metadata_json) as Record<string, unknown>,
    openedAt: r.opened_at,
  };
}

export function recordDatasetOpened(
  db: Db,
  input: DatasetFingerprint & { projectId?: string | null; metadata?: Record<string, unknown> },
  now: Date = new Date(),
): Dataset {
  const dataset: Dataset = {
    id: randomUUID(),
    projectId: input.projectId ?? null,
    fileName: input.fileName,
    filePath: input.filePath,
    sizeBytes: input.sizeBytes,
    modifiedAt: input.modifiedAt,
    sha256: input.sha256,
    metadata: input.metadata ?? {},
    openedAt: now.toISOString(),
  };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO datasets (id, project_id, file_name, file_path, size_bytes, modified_at, sha256, metadata_json, opened_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(dataset.id, dataset.projectId, dataset.fileName, dataset.filePath, dataset.sizeBytes, dataset.modifiedAt, dataset.sha256, canonicalJson(dataset.metadata), dataset.openedAt);
    appendAuditEvent(
      db,
      'dataset.opened',
      { datasetId: dataset.id, fileName: dataset.fileName, sizeBytes: dataset.sizeBytes, sha256: dataset.sha256 },
      { subject: dataset.id, at: now },
    );
  }).immediate();
  return dataset;
}

export function getDataset(db: Db, id: string): Dataset | undefined {
  const r = db.prepare('SELECT * FROM datasets WHERE id = ?').get(id) as DatasetRow | undefined;
  return r ? fromRow(r) : undefined;
}

export function findDatasetsBySha256(db: Db, sha256: string): Dataset[] {
  return (db.prepare('SELECT * FROM datasets WHERE sha256 = ? ORDER BY opened_at').all(sha256) as DatasetRow[]).map(fromRow);
}

/** Datasets newest first (every opening is a row; callers that want one per file keep the first per path). */
export function listRecentDatasets(db: Db, limit: number): Dataset[] {
  return (db.prepare('SELECT * FROM datasets ORDER BY opened_at DESC, rowid DESC LIMIT ?').all(limit) as DatasetRow[]).map(fromRow);
}

/** A project's datasets, newest first. */
export function listProjectDatasets(db: Db, projectId: string): Dataset[] {
  return (db.prepare('SELECT * FROM datasets WHERE project_id = ? ORDER BY opened_at DESC, rowid DESC').all(projectId) as DatasetRow[]).map(fromRow);
}
