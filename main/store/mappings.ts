// Column mappings, versioned per dataset: each change is a new version, so an analysis can name
// exactly the mapping it used.
import { randomUUID } from 'node:crypto';
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';
import { canonicalJson, sha256Hex } from './canonical-json';

export interface StoredMapping {
  id: string;
  datasetId: string;
  version: number;
  mapping: unknown;
  sha256: string;
  createdAt: string;
}

interface MappingRow {
  id: string;
  dataset_id: string;
  version: number;
  mapping_json: string;
  sha256: string;
  created_at: string;
}

function fromRow(r: MappingRow): StoredMapping {
  return { id: r.id, datasetId: r.dataset_id, version: r.version, mapping: JSON.parse(r.mapping_json) as unknown, sha256: r.sha256, createdAt: r.created_at };
}

export function latestMapping(db: Db, datasetId: string): StoredMapping | undefined {
  const r = db.prepare('SELECT * FROM mappings WHERE dataset_id = ? ORDER BY version DESC LIMIT 1').get(datasetId) as MappingRow | undefined;
  return r ? fromRow(r) : undefined;
}

/** Saves a new version of the dataset's mapping; returns the latest unchanged when nothing changed. */
export function saveMapping(db: Db, datasetId: string, mapping: unknown, now: Date = new Date()): StoredMapping {
  return db
    .transaction(() => {
      const json = canonicalJson(mapping);
      const sha256 = sha256Hex(json);
      const latest = latestMapping(db, datasetId);
      if (latest && latest.sha256 === sha256) return latest;
      const saved: StoredMapping = { id: randomUUID(), datasetId, version: (latest?.version ?? 0) + 1, mapping, sha256, createdAt: now.toISOString() };
      db.prepare('INSERT INTO mappings (id, dataset_id, version, mapping_json, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        saved.id,
        datasetId,
        saved.version,
        json,
        sha256,
        saved.createdAt,
      );
      appendAuditEvent(db, 'mapping.changed', { mappingId: saved.id, datasetId, version: saved.version, sha256 }, { subject: saved.id, at: now });
      return saved;
    })
    .immediate();
}
