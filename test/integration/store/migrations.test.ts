// Migrations against real database files: from every earlier schema version to the latest, with
// the data an older app would have written surviving the upgrade; plus the refusals.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../../main/store/database';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../../main/store/migrations';
import { schemaVersion, STORE_APPLICATION_ID } from '../../../main/store/migrate';
import { appendAuditEvent, listAuditEvents, verifyAuditLog } from '../../../main/store/audit-log';
import type { Db } from '../../../main/store/database-type';
import { RepresentError } from '../../../shared/errors';
import { dumpDatabase, schemaOf, tempStoreDir } from './helpers';

const at = '2025-06-01T10:00:00.000Z';
const sha = (c: string) => c.repeat(64);

/** Rows as the app at each schema version wrote them (raw SQL: the data functions target the latest schema). */
const SEEDS: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('ui.theme', '"light"', at);
    db.prepare('INSERT INTO projects VALUES (?, ?, ?)').run('p1', 'Equity audit', at);
    db.prepare('INSERT INTO datasets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run('d1', 'p1', 'extract.csv', '/data/extract.csv', 1000, at, sha('a'), '{"delimiter":","}', at);
    db.prepare('INSERT INTO profiles VALUES (?, ?, ?, ?, ?, ?, ?)').run('pr1', 'd1', '0.0.9', 10, 3, '{"columns":3}', at);
    db.prepare('INSERT INTO analyses (id, dataset_id, profile_id, kind, result_json, created_at) VALUES (?, ?, ?, ?, ?, ?)').run('an1', 'd1', 'pr1', 'representation', '{"groups":5}', at);
    appendAuditEvent(db, 'dataset.opened', { datasetId: 'd1', fileName: 'extract.csv', sizeBytes: 1000, sha256: sha('a') }, { subject: 'd1' });
  },
  2: (db) => {
    db.prepare('INSERT INTO mappings VALUES (?, ?, ?, ?, ?, ?)').run('m1', 'd1', 1, '{"ethnicity":"eth"}', sha('b'), at);
    db.prepare('UPDATE analyses SET mapping_id = ? WHERE id = ?').run('m1', 'an1');
    db.prepare('INSERT INTO answers VALUES (?, ?, ?, ?)').run('p1', 'ST-1a', '{"text":"documented"}', at);
    db.prepare('INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?)').run('r1', 'p1', 'd1', 'opensafely', sha('c'), '[]', at);
    appendAuditEvent(db, 'mapping.changed', { mappingId: 'm1', datasetId: 'd1', version: 1, sha256: sha('b') }, { subject: 'm1' });
  },
  3: (db) => {
    db.prepare('INSERT INTO identities VALUES (?, ?, ?, ?, ?, ?)').run('11111111-1111-4111-8111-111111111111', 'Ada Analyst', 'analyst', 'ada', at, at);
    appendAuditEvent(db, 'identity.saved', { identityId: '11111111-1111-4111-8111-111111111111', displayName: 'Ada Analyst', role: 'analyst', osUser: 'ada' });
  },
  4: (db) => {
    db.prepare('INSERT INTO export_requests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      1, 'req-1', 'outgoing', 'r1', 'Ada Analyst', '11111111-1111-4111-8111-111111111111', 'opensafely', sha('c'), sha('a'), sha('d'), '{"format":"represent-export-request"}', '/out/request.zip', sha('e'), 'submitted', at, at,
    );
    db.prepare('INSERT INTO pending_writes VALUES (?, ?, ?, ?, ?)').run('/out/.request.zip.tmp', '/out/request.zip', 'writing', 4242, at);
  },
};

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function storeAt(version: number) {
  const t = tempStoreDir();
  cleanup = t.cleanup;
  const db = openStore(t.file, { migrations: MIGRATIONS.slice(0, version) });
  for (let v = 1; v <= version; v++) SEEDS[v]?.(db);
  return { file: t.file, db };
}

describe('migrations', () => {
  it('has a seed for every version before the latest (so a new migration cannot skip this test)', () => {
    for (let v = 1; v < LATEST_SCHEMA_VERSION; v++) expect(SEEDS[v], `seed for schema version ${v}`).toBeDefined();
  });

  for (let from = 0; from < LATEST_SCHEMA_VERSION; from++) {
    it(`upgrades a store from schema version ${from} to ${LATEST_SCHEMA_VERSION}, keeping its data and its audit chain`, () => {
      const { file, db } = storeAt(from);
      expect(schemaVersion(db)).toBe(from);
      const before = dumpDatabase(db);
      db.close();

      const upgraded = openStore(file);
      expect(schemaVersion(upgraded)).toBe(LATEST_SCHEMA_VERSION);
      const after = dumpDatabase(upgraded);
      for (const [table, rows] of Object.entries(before)) {
        if (table === 'audit_events') continue;
        // Columns added later appear as NULL; every old value is still there.
        expect(after[table]!.map((r) => Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, (r as Record<string, unknown>)[k]])))).toEqual(rows);
      }
      const events = listAuditEvents(upgraded);
      const oldEvents = (before.audit_events ?? []) as { hash: string }[];
      expect(events.slice(0, oldEvents.length).map((e) => e.hash)).toEqual(oldEvents.map((e) => e.hash));
      expect(events.at(-1)!.type).toBe('store.migrated');
      expect(JSON.parse(events.at(-1)!.detailsJson)).toMatchObject({ fromVersion: from, toVersion: LATEST_SCHEMA_VERSION });
      expect(verifyAuditLog(upgraded).ok).toBe(true);
      expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(upgraded.pragma('foreign_key_check')).toEqual([]);

      const fresh = tempStoreDir();
      const freshDb = openStore(fresh.file);
      expect(schemaOf(upgraded)).toEqual(schemaOf(freshDb));
      freshDb.close();
      fresh.cleanup();
      upgraded.close();
    });
  }

  it('opens the store in WAL mode with foreign keys enforced', () => {
    const { db } = storeAt(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(STORE_APPLICATION_ID);
    expect(() => db.prepare('INSERT INTO profiles VALUES (?, ?, ?, ?, ?, ?, ?)').run('x', 'no-such-dataset', '1', 1, 1, '{}', at)).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('rolls a failing migration back completely, leaving the store at its old version', () => {
    const { file, db } = storeAt(LATEST_SCHEMA_VERSION);
    const before = dumpDatabase(db);
    db.close();
    const broken = [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', up: (d: Db) => d.exec('CREATE TABLE half_done (a TEXT); SELECT * FROM no_such_table;') }];
    expect(() => openStore(file, { migrations: broken })).toThrow();
    const reopened = openStore(file);
    expect(schemaVersion(reopened)).toBe(LATEST_SCHEMA_VERSION);
    expect(dumpDatabase(reopened)).toEqual(before);
    reopened.close();
  });

  it('refuses a store written by a newer version, without changing it', () => {
    const { file, db } = storeAt(LATEST_SCHEMA_VERSION);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    const before = dumpDatabase(db);
    db.close();
    const err = (() => {
      try {
        openStore(file);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(RepresentError);
    expect((err as RepresentError).code).toBe('store-error');
    expect((err as RepresentError).message).toMatch(/newer version of Represent/);
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(dumpDatabase(raw)).toEqual(before);
    raw.close();
  });

  it('refuses another application’s SQLite database and a file that is not a database', () => {
    const t = tempStoreDir();
    cleanup = t.cleanup;
    const other = new Database(t.file);
    other.exec('CREATE TABLE t (a); PRAGMA user_version = 3;');
    other.close();
    expect(() => openStore(t.file)).toThrow(/not a Represent store/);

    const junk = `${t.dir}/junk.db`;
    writeFileSync(junk, 'this is not a database, just some text that is long enough to have a header'.repeat(20));
    expect(() => openStore(junk)).toThrow(/not a readable SQLite database/);
  });

  it('creates a new store once when several processes open it at the same moment', async () => {
    const t = tempStoreDir();
    cleanup = t.cleanup;
    const runs = Array.from({ length: 4 }, () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [path.resolve('out/node/cli.js'), 'audit', 'verify'], { env: { ...process.env, REPRESENT_HOME: t.dir }, stdio: 'ignore' });
        child.on('exit', (code) => resolve(code));
      }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    const db = openStore(t.file);
    expect(listAuditEvents(db).filter((e) => e.type === 'store.migrated')).toHaveLength(1);
    expect(verifyAuditLog(db).ok).toBe(true);
    db.close();
  });
});
