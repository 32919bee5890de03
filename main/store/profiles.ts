// Profiles and analyses hold aggregates only (counts, sketches' summaries, shares), as JSON.
import { randomUUID } from 'node:crypto';
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';
import { canonicalJson } from './canonical-json';

export interface StoredProfile {
  id: string;
  datasetId: string;
  appVersion: string;
  rows: number;
  columns: number;
  summary: unknown;
  createdAt: string;
}

interface ProfileRow {
  id: string;
  dataset_id: string;
  app_version: string;
  row_count: number;
  column_count: number;
  summary_json: string;
  created_at: string;
}

export function saveProfile(
  db: Db,
  input: { datasetId: string; appVersion: string; rows: number; columns: number; summary: unknown },
  now: Date = new Date(),
): StoredProfile {
  const profile: StoredProfile = { id: randomUUID(), ...input, createdAt: now.toISOString() };
  db.transaction(() => {
    db.prepare(
      'INSERT INTO profiles (id, dataset_id, app_version, row_count, column_count, summary_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(profile.id, profile.datasetId, profile.appVersion, profile.rows, profile.columns, canonicalJson(profile.summary), profile.createdAt);
    appendAuditEvent(
      db,
      'profile.run',
      { profileId: profile.id, datasetId: profile.datasetId, rows: profile.rows, columns: profile.columns, appVersion: profile.appVersion },
      { subject: profile.id, at: now },
    );
  }).immediate();
  return profile;
}

export function latestProfile(db: Db, datasetId: string): StoredProfile | undefined {
  const r = db.prepare('SELECT * FROM profiles WHERE dataset_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(datasetId) as ProfileRow | undefined;
  return r
    ? {
        id: r.id,
        datasetId: r.dataset_id,
        appVersion: r.app_version,
        rows: r.row_count,
        columns: r.column_count,
        summary: JSON.parse(r.summary_json) as unknown,
        createdAt: r.created_at,
      }
    : undefined;
}
