import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../../main/store/database-type';

export function tempStoreDir(): { dir: string; file: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'represent-store-'));
  return { dir, file: path.join(dir, 'represent.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every row of every table, for "this did not change the database" assertions. */
export function dumpDatabase(db: Db): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

/** The schema as SQL text, for comparing two stores. */
export function schemaOf(db: Db): string[] {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
  return rows.map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`);
}
