// Reviewers' Ed25519 keys: the public key in PEM, the private key only as a sealed blob (see
// main/services/export-workflow/key-seal.ts). One active key per identity; a new key retires the old.
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';

export interface StoredSigningKey {
  fingerprint: string;
  identityId: string;
  algorithm: 'Ed25519';
  publicKeyPem: string;
  sealedPrivateKeyJson: string;
  createdAt: string;
  retiredAt: string | null;
}

interface KeyRow {
  fingerprint: string;
  identity_id: string;
  algorithm: 'Ed25519';
  public_key_pem: string;
  sealed_private_key_json: string;
  created_at: string;
  retired_at: string | null;
}

function fromRow(r: KeyRow): StoredSigningKey {
  return {
    fingerprint: r.fingerprint,
    identityId: r.identity_id,
    algorithm: r.algorithm,
    publicKeyPem: r.public_key_pem,
    sealedPrivateKeyJson: r.sealed_private_key_json,
    createdAt: r.created_at,
    retiredAt: r.retired_at,
  };
}

export function insertSigningKey(
  db: Db,
  key: { fingerprint: string; identityId: string; publicKeyPem: string; sealedPrivateKeyJson: string },
  now: Date = new Date(),
): StoredSigningKey {
  const at = now.toISOString();
  db.transaction(() => {
    db.prepare('UPDATE signing_keys SET retired_at = ? WHERE identity_id = ? AND retired_at IS NULL').run(at, key.identityId);
    db.prepare(
      `INSERT INTO signing_keys (fingerprint, identity_id, algorithm, public_key_pem, sealed_private_key_json, created_at)
       VALUES (?, ?, 'Ed25519', ?, ?, ?)`,
    ).run(key.fingerprint, key.identityId, key.publicKeyPem, key.sealedPrivateKeyJson, at);
    appendAuditEvent(db, 'key.created', { fingerprint: key.fingerprint, algorithm: 'Ed25519', identityId: key.identityId }, { subject: key.fingerprint, at: now });
  }).immediate();
  return { ...key, algorithm: 'Ed25519', createdAt: at, retiredAt: null };
}

export function activeSigningKey(db: Db, identityId: string): StoredSigningKey | undefined {
  const r = db.prepare('SELECT * FROM signing_keys WHERE identity_id = ? AND retired_at IS NULL').get(identityId) as KeyRow | undefined;
  return r ? fromRow(r) : undefined;
}

export function listSigningKeys(db: Db): StoredSigningKey[] {
  return (db.prepare('SELECT * FROM signing_keys ORDER BY created_at, fingerprint').all() as KeyRow[]).map(fromRow);
}
