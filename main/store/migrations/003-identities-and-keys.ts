// Schema version 3: the local profile (who is using this copy of the app) and reviewers' Ed25519
// signing keys. The private key is stored only sealed under the reviewer's passphrase.
import type { Migration } from './migration';

export const migration003: Migration = {
  version: 3,
  name: 'identities and keys',
  up(db) {
    db.exec(`
      CREATE TABLE identities (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
        role TEXT NOT NULL CHECK (role IN ('analyst', 'reviewer')),
        os_user TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE signing_keys (
        fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
        identity_id TEXT NOT NULL REFERENCES identities(id),
        algorithm TEXT NOT NULL CHECK (algorithm = 'Ed25519'),
        public_key_pem TEXT NOT NULL,
        sealed_private_key_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX signing_keys_one_active_per_identity ON signing_keys(identity_id) WHERE retired_at IS NULL;
    `);
  },
};
