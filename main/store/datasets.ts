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

/**
 * A remembered dataset opened again (the Start page's recent list): it moves to the top of the
 * recent list (opened_at becomes now; the first opening stays in the audit log) and the opening
 * is audited. Returns the dataset as updated, or undefined when the store does not hold it.
 */
export function recordDatasetReopened(db: Db, datasetId: string, now: Date = new Date()): Dataset | undefined {
  return db
    .transaction(() => {
      const dataset = getDataset(db, datasetId);
      if (!dataset) return undefined;
      const openedAt = now.toISOString();
      db.prepare('UPDATE datasets SET opened_at = ? WHERE id = ?').run(openedAt, datasetId);
      appendAuditEvent(
        db,
        'dataset.opened',
        { datasetId, fileName: dataset.fileName, sizeBytes: dataset.sizeBytes, sha256: dataset.sha256, reopened: true },
        { subject: datasetId, at: now },
      );
      return { ...dataset, openedAt };
    })
    .immediate();
}

export function getDataset(db: Db, id: string): Dataset | undefined {
  const r = db.prepare('SELECT * FROM datasets WHERE id = ?').get(id) as DatasetRow | undefined;
  return r ? fromRow(r) : undefined;
}

export function findDatasetsBySha256(db: Db, sha256: string): Dataset[] {
  return (db.prepare('SELECT * FROM datasets WHERE sha256 = ? ORDER BY opened_at').all(sha256) as DatasetRow[]).map(fromRow);
}

/** Datasets most recently opened first (every profiling is a row; callers that want one per file keep the first per path). */
export function listRecentDatasets(db: Db, limit: number): Dataset[] {
  return (db.prepare('SELECT * FROM datasets ORDER BY opened_at DESC, rowid DESC LIMIT ?').all(limit) as DatasetRow[]).map(fromRow);
}

/** A project's datasets, newest first. */
export function listProjectDatasets(db: Db, projectId: string): Dataset[] {
  return (db.prepare('SELECT * FROM datasets WHERE project_id = ? ORDER BY opened_at DESC, rowid DESC').all(projectId) as DatasetRow[]).map(fromRow);
}
