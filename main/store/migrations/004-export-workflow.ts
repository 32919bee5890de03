// Schema version 4: the export workflow. A request is "outgoing" in the requester's store and
// "incoming" in a reviewer's; one store can hold both when one person plays both parts. A request
// gets at most one review per store (the UNIQUE constraint backs up the check in the service).
// pending_writes is the journal that keeps a bundle file and the database in step across a crash.
import type { Migration } from './migration';

export const migration004: Migration = {
  version: 4,
  name: 'export workflow',
  up(db) {
    db.exec(`
      CREATE TABLE export_requests (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
        report_id TEXT REFERENCES reports(id),
        requester_name TEXT NOT NULL,
        requester_identity_id TEXT NOT NULL,
        policy_id TEXT NOT NULL,
        policy_sha256 TEXT NOT NULL CHECK (length(policy_sha256) = 64),
        dataset_sha256 TEXT NOT NULL CHECK (length(dataset_sha256) = 64),
        manifest_sha256 TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
        manifest_json TEXT NOT NULL,
        bundle_file TEXT NOT NULL,
        bundle_sha256 TEXT NOT NULL CHECK (length(bundle_sha256) = 64),
        status TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
        created_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        UNIQUE (request_id, direction)
      ) STRICT;

      CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        export_request_id INTEGER NOT NULL UNIQUE REFERENCES export_requests(id),
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
        reviewer_name TEXT NOT NULL,
        reviewer_identity_id TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL CHECK (length(key_fingerprint) = 64),
        overall_comment TEXT NOT NULL,
        outputs_json TEXT NOT NULL,
        statement_sha256 TEXT NOT NULL CHECK (length(statement_sha256) = 64),
        signature TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE releases (
        review_id TEXT PRIMARY KEY REFERENCES reviews(id),
        bundle_file TEXT NOT NULL,
        bundle_sha256 TEXT NOT NULL CHECK (length(bundle_sha256) = 64),
        files_json TEXT NOT NULL,
        written_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE responses (
        review_id TEXT PRIMARY KEY REFERENCES reviews(id),
        response_file TEXT NOT NULL,
        response_sha256 TEXT NOT NULL CHECK (length(response_sha256) = 64),
        written_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE pending_writes (
        temp_path TEXT PRIMARY KEY,
        target_path TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('writing', 'committed')),
        owner_pid INTEGER NOT NULL,
        started_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
