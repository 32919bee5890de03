// Schema version 2: column mappings (versioned per dataset), STANDING Together answers per
// project, and built reports (file names and hashes, never contents). Analyses now name the
// mapping they were computed under.
import type { Migration } from './migration';

export const migration002: Migration = {
  version: 2,
  name: 'mappings, answers and reports',
  up(db) {
    db.exec(`
      CREATE TABLE mappings (
        id TEXT PRIMARY KEY,
        dataset_id TEXT NOT NULL REFERENCES datasets(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        mapping_json TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        created_at TEXT NOT NULL,
        UNIQUE (dataset_id, version)
      ) STRICT;

      ALTER TABLE analyses ADD COLUMN mapping_id TEXT REFERENCES mappings(id);

      CREATE TABLE answers (
        project_id TEXT NOT NULL REFERENCES projects(id),
        item_id TEXT NOT NULL,
        answer_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (project_id, item_id)
      ) STRICT;

      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        project_id TEXT REFERENCES projects(id),
        dataset_id TEXT NOT NULL REFERENCES datasets(id),
        policy_id TEXT NOT NULL,
        policy_sha256 TEXT NOT NULL CHECK (length(policy_sha256) = 64),
        files_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
