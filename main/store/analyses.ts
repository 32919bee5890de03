import { randomUUID } from 'node:crypto';
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';
import { canonicalJson } from './canonical-json';

export interface StoredAnalysis {
  id: string;
  datasetId: string;
  profileId: string | null;
  mappingId: string | null;
  kind: string;
  result: unknown;
  createdAt: string;
}

interface AnalysisRow {
  id: string;
  dataset_id: string;
  profile_id: string | null;
  mapping_id: string | null;
  kind: string;
  result_json: string;
  created_at: string;
}

export function saveAnalysis(
  db: Db,
  input: { datasetId: string; profileId?: string | null; mappingId?: string | null; kind: string; result: unknown },
  now: Date = new Date(),
): StoredAnalysis {
  const analysis: StoredAnalysis = {
    id: randomUUID(),
    datasetId: input.datasetId,
    profileId: input.profileId ?? null,
    mappingId: input.mappingId ?? null,
    kind: input.kind,
    result: input.result,
    createdAt: now.toISOString(),
  };
  db.transaction(() => {
    db.prepare('INSERT INTO analyses (id, dataset_id, profile_id, mapping_id, kind, result_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      analysis.id,
      analysis.datasetId,
      analysis.profileId,
      analysis.mappingId,
      analysis.kind,
      canonicalJson(analysis.result),
      analysis.createdAt,
    );
    appendAuditEvent(
      db,
      'analysis.saved',
      { analysisId: analysis.id, datasetId: analysis.datasetId, kind: analysis.kind, mappingId: analysis.mappingId },
      { subject: analysis.id, at: now },
    );
  }).immediate();
  return analysis;
}

export function listAnalyses(db: Db, datasetId: string): StoredAnalysis[] {
  const rows = db.prepare('SELECT * FROM analyses WHERE dataset_id = ? ORDER BY created_at, rowid').all(datasetId) as AnalysisRow[];
  return rows.map((r) => ({
    id: r.id,
    datasetId: r.dataset_id,
    profileId: r.profile_id,
    mappingId: r.mapping_id,
    kind: r.kind,
    result: JSON.parse(r.result_json) as unknown,
    createdAt: r.created_at,
  }));
}
