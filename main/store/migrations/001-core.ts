// Schema version 1: settings, projects, datasets (fingerprint and metadata only), profiles and
// analyses (aggregates only), and the hash-chained audit log. STRICT tables make SQLite refuse a
// value of the wrong type instead of storing it anyway.
import type { Migration } from './migration';

export const migration001: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE datasets (
        id TEXT PRIMARY KEY,
        project_id TEXT REFERENCES projects(id),
        file_name TEXT NOT NULL,
        file_path TEXT NOT NULL,
        size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
        modified_at TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        metadata_json TEXT NOT NULL,
        opened_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX datasets_by_sha256 ON datasets(sha256);

      CREATE TABLE profiles (
        id TEXT PRIMARY KEY,
        dataset_id TEXT NOT NULL REFERENCES datasets(id),
        app_version TEXT NOT NULL,
        row_count INTEGER NOT NULL CHECK (row_count >= 0),
        column_count INTEGER NOT NULL CHECK (column_count >= 0),
        summary_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX profiles_by_dataset ON profiles(dataset_id);

      CREATE TABLE analyses (
        id TEXT PRIMARY KEY,
        dataset_id TEXT NOT NULL REFERENCES datasets(id),
        profile_id TEXT REFERENCES profiles(id),
        kind TEXT NOT NULL,
        result_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX analyses_by_dataset ON analyses(dataset_id);

      CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        actor_identity_id TEXT,
        actor_os_user TEXT NOT NULL,
        type TEXT NOT NULL,
        subject TEXT,
        details_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      -- The app itself can only append. Someone with the sqlite3 shell can drop these triggers;
      -- the hash chain is what makes that edit visible (represent audit verify).
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  },
};
