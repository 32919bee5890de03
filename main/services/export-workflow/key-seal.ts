// Seals a private key under a passphrase: scrypt (memory-hard) derives a 256-bit key, AES-256-GCM
// (authenticated) encrypts the PKCS#8 key. Both from Node's crypto (OpenSSL), nothing hand-rolled.
// The additional data binds the sealed blob to its public key's fingerprint, so a sealed key
// copied onto another key's row fails to open rather than signing under the wrong name.
//
// scrypt N = 2^17, r = 8, p = 1 is OWASP's recommended minimum for scrypt (Password Storage Cheat
// Sheet); it needs 128 MiB and about a second, once per signature. Parameters are stored with the
// blob so they can be raised later without breaking keys sealed earlier.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type KeyObject, createPrivateKey } from 'node:crypto';
import { RepresentError } from '../../../shared/errors';

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const NONCE_LENGTH = 12;
/** Bounds for stored parameters: a damaged or hostile blob must not make us allocate gigabytes. */
const LIMITS = { minN: 2 ** 14, maxN: 2 ** 20, maxR: 32, maxP: 16 };

export interface SealedKey {
  format: 'represent-sealed-key';
  version: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; nonce: string; tag: string };
  ciphertext: string;
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // 128·N·r bytes of working memory, plus headroom.
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, KEY_LENGTH, { ...params, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

function additionalData(fingerprint: string): Buffer {
  return Buffer.from(`represent-sealed-key:v1:${fingerprint}`, 'utf8');
}

export async function sealPrivateKey(privateKey: KeyObject, passphrase: string, fingerprint: string): Promise<SealedKey> {
  const salt = randomBytes(16);
  const nonce = randomBytes(NONCE_LENGTH);
  const key = await deriveKey(passphrase, salt, SCRYPT_PARAMS);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(additionalData(fingerprint));
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const ciphertext = Buffer.concat([cipher.update(der), cipher.final()]);
  der.fill(0);
  key.fill(0);
  return {
    format: 'represent-sealed-key',
    version: 1,
    kdf: { name: 'scrypt', ...SCRYPT_PARAMS, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', nonce: nonce.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  };
}

function damaged(found: string): RepresentError {
  return new RepresentError('bad-key', 'The stored private key is damaged and cannot be used.', {
    expected: 'a sealed Ed25519 key written by Represent',
    found,
  });
}

function parseSealed(json: string): SealedKey {
  let s: SealedKey;
  try {
    s = JSON.parse(json) as SealedKey;
  } catch {
    throw damaged('text that is not JSON');
  }
  const k = s?.kdf;
  const c = s?.cipher;
  if (s?.format !== 'represent-sealed-key' || s.version !== 1 || k?.name !== 'scrypt' || c?.name !== 'aes-256-gcm')
    throw damaged('an unknown format');
  const powerOfTwo = Number.isInteger(k.N) && k.N > 1 && (k.N & (k.N - 1)) === 0;
  if (!powerOfTwo || k.N < LIMITS.minN || k.N > LIMITS.maxN || !(k.r >= 1 && k.r <= LIMITS.maxR) || !(k.p >= 1 && k.p <= LIMITS.maxP))
    throw damaged('key-derivation parameters out of range');
  if (typeof k.salt !== 'string' || typeof c.nonce !== 'string' || typeof c.tag !== 'string' || typeof s.ciphertext !== 'string')
    throw damaged('missing fields');
  return s;
}

/** Opens a sealed key. A wrong passphrase (or an altered blob: GCM cannot tell them apart) is `wrong-passphrase`. */
export async function unsealPrivateKey(sealedJson: string, passphrase: string, fingerprint: string): Promise<KeyObject> {
  const s = parseSealed(sealedJson);
  const key = await deriveKey(passphrase, Buffer.from(s.kdf.salt, 'base64'), s.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(s.cipher.nonce, 'base64'));
  decipher.setAAD(additionalData(fingerprint));
  decipher.setAuthTag(Buffer.from(s.cipher.tag, 'base64'));
  let der: Buffer;
  try {
    der = Buffer.concat([decipher.update(Buffer.from(s.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new RepresentError('wrong-passphrase', 'The passphrase does not open your signing key.', {
      expected: 'the passphrase chosen when the key was created',
      found: 'a passphrase that does not match (or a key blob that was altered)',
    });
  } finally {
    key.fill(0);
  }
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw damaged('content that is not a private key');
  } finally {
    der.fill(0);
  }
}
