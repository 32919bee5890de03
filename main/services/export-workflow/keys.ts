// Ed25519 signing keys: generation (private key sealed in the store), fingerprints, and the public
// key files a TRE publishes as trusted. A fingerprint is the SHA-256 (hex) of the key's DER-encoded
// SubjectPublicKeyInfo, so it can be recomputed with `openssl pkey -pubin -outform DER | sha256sum`.
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RepresentError } from '../../../shared/errors';
import type { Db } from '../../store/database-type';
import { activeSigningKey, insertSigningKey, type StoredSigningKey } from '../../store/signing-keys';
import { appendAuditEvent } from '../../store/audit-log';
import type { Identity } from '../../store/identities';
import { trustedKeysDir } from '../../store/home';
import { sealPrivateKey, unsealPrivateKey } from './key-seal';
import { writeFileAtomic } from '../atomic-write';
import { requireReviewer } from './identity';

export const MIN_PASSPHRASE_LENGTH = 12;
const MAX_KEY_FILE_BYTES = 64 * 1024;

export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex');
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

/** Creates the reviewer's key pair; the private key is kept only sealed under the passphrase. */
export async function generateSigningKey(db: Db, passphrase: string, now: Date = new Date()): Promise<StoredSigningKey> {
  const identity = requireReviewer(db);
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH)
    throw new RepresentError('bad-argument', 'The passphrase is too short to protect a signing key.', {
      expected: `at least ${MIN_PASSPHRASE_LENGTH} characters (three random words work well)`,
      found: `${[...passphrase].length} characters`,
    });
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const fingerprint = keyFingerprint(publicKey);
  const sealed = await sealPrivateKey(privateKey, passphrase, fingerprint);
  return insertSigningKey(db, { fingerprint, identityId: identity.id, publicKeyPem: publicKeyPem(publicKey), sealedPrivateKeyJson: JSON.stringify(sealed) }, now);
}

export function requireActiveKey(db: Db, identity: Identity): StoredSigningKey {
  const key = activeSigningKey(db, identity.id);
  if (!key)
    throw new RepresentError('bad-key', 'You have no signing key yet.', { expected: 'a key (run: represent keys generate)', found: 'none' });
  return key;
}

export interface UnlockedKey {
  fingerprint: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
}

export async function unlockSigningKey(key: StoredSigningKey, passphrase: string): Promise<UnlockedKey> {
  const privateKey = await unsealPrivateKey(key.sealedPrivateKeyJson, passphrase, key.fingerprint);
  const publicKey = createPublicKey(privateKey);
  if (keyFingerprint(publicKey) !== key.fingerprint)
    throw new RepresentError('bad-key', 'The stored private key does not belong to its public key.', {
      expected: `the key with fingerprint ${key.fingerprint}`,
      found: 'a different key',
    });
  return { fingerprint: key.fingerprint, publicKey, privateKey };
}

// ── Public key files ─────────────────────────────────────────────────────────────────────────

export interface PublicKeyFile {
  format: 'represent-public-key';
  formatVersion: 1;
  algorithm: 'Ed25519';
  fingerprint: string;
  publicKey: string;
  owner: { displayName: string; role: string };
  createdAt: string;
}

export interface TrustedKey {
  fingerprint: string;
  publicKey: KeyObject;
  ownerName: string | null;
  file: string;
}

export function publicKeyFileFor(key: StoredSigningKey, identity: Identity): PublicKeyFile {
  return {
    format: 'represent-public-key',
    formatVersion: 1,
    algorithm: 'Ed25519',
    fingerprint: key.fingerprint,
    publicKey: key.publicKeyPem,
    owner: { displayName: identity.displayName, role: identity.role },
    createdAt: key.createdAt,
  };
}

export async function exportPublicKey(db: Db, outPath: string, now: Date = new Date()): Promise<{ file: string; fingerprint: string }> {
  const identity = requireReviewer(db);
  const key = requireActiveKey(db, identity);
  const file = path.resolve(outPath);
  await writeFileAtomic(file, JSON.stringify(publicKeyFileFor(key, identity), null, 2) + '\n');
  appendAuditEvent(db, 'key.exported', { fingerprint: key.fingerprint, file }, { subject: key.fingerprint, at: now });
  return { file, fingerprint: key.fingerprint };
}

function notAKey(file: string, found: string): RepresentError {
  return new RepresentError('bad-key', 'The file is not a Represent public key.', {
    expected: 'a public key file written by "represent keys export" (or an Ed25519 public key in PEM)',
    found,
    location: { file },
  });
}

function ed25519PublicKey(pem: string, file: string): KeyObject {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
    throw new RepresentError('bad-key', 'The file holds a private key. Never share it; export the public key instead.', {
      expected: 'a public key',
      found: 'a private key',
      location: { file },
    });
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw notAKey(file, 'text that does not hold a public key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw notAKey(file, `a ${key.asymmetricKeyType ?? 'non-Ed25519'} key`);
  return key;
}

/** Reads a public key file (ours, or a bare Ed25519 PEM). Throws `bad-key` for anything else. */
export function parsePublicKeyText(text: string, file: string): TrustedKey {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    const publicKey = ed25519PublicKey(trimmed, file);
    return { fingerprint: keyFingerprint(publicKey), publicKey, ownerName: null, file };
  }
  let json: Partial<PublicKeyFile>;
  try {
    json = JSON.parse(trimmed) as Partial<PublicKeyFile>;
  } catch {
    throw notAKey(file, 'neither JSON nor PEM');
  }
  if (json === null || typeof json !== 'object' || json.format !== 'represent-public-key' || typeof json.publicKey !== 'string')
    throw notAKey(file, 'JSON of another kind');
  if (json.formatVersion !== 1) throw notAKey(file, `key file format version ${String(json.formatVersion)}`);
  const publicKey = ed25519PublicKey(json.publicKey, file);
  const fingerprint = keyFingerprint(publicKey);
  if (json.fingerprint !== fingerprint)
    throw new RepresentError('bad-key', 'The key file’s fingerprint does not match its key.', {
      expected: `fingerprint ${fingerprint} (computed from the key)`,
      found: `fingerprint ${String(json.fingerprint)}`,
      location: { file },
    });
  const ownerName = typeof json.owner?.displayName === 'string' ? json.owner.displayName : null;
  return { fingerprint, publicKey, ownerName, file };
}

export async function readPublicKeyFile(file: string): Promise<TrustedKey> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new RepresentError('file-not-found', 'The key file was not found.', { location: { file } });
  }
  if (!stat.isFile()) throw new RepresentError('not-a-file', 'The key path is not a file.', { location: { file } });
  if (stat.size > MAX_KEY_FILE_BYTES) throw notAKey(file, `a file of ${stat.size} bytes (key files are under 1 KB)`);
  return parsePublicKeyText(await fs.readFile(file, 'utf8'), file);
}

/** Every key in a trusted-keys folder (*.json and *.pem files); a file there that is not a key is an error. */
export async function loadTrustedKeys(dir: string): Promise<Map<string, TrustedKey>> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    throw new RepresentError('file-not-found', 'The trusted-keys folder was not found.', { expected: 'a folder of public key files', location: { file: dir } });
  }
  const keys = new Map<string, TrustedKey>();
  for (const name of names.sort()) {
    if (!/\.(json|pem)$/i.test(name)) continue;
    const key = await readPublicKeyFile(path.join(dir, name));
    keys.set(key.fingerprint, key);
  }
  return keys;
}

/** Adds a public key to this home's trusted-keys folder (named by fingerprint) and audits it. */
export async function trustPublicKeyFile(db: Db, home: string, file: string, now: Date = new Date()): Promise<TrustedKey> {
  const key = await readPublicKeyFile(file);
  const dir = trustedKeysDir(home);
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, `${key.fingerprint}.pem`);
  await writeFileAtomic(target, publicKeyPem(key.publicKey));
  appendAuditEvent(db, 'key.trusted', { fingerprint: key.fingerprint, file: path.resolve(file), ownerName: key.ownerName }, { subject: key.fingerprint, at: now });
  return { ...key, file: target };
}
