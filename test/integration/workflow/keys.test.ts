// Identity and keys: sealing under a passphrase, a wrong passphrase, public key files and the
// trusted-keys folder, each against a real store and real files.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../../main/store/database';
import type { Db } from '../../../main/store/database-type';
import { listSigningKeys } from '../../../main/store/signing-keys';
import { currentIdentity } from '../../../main/store/identities';
import { saveLocalProfile } from '../../../main/services/export-workflow/identity';
import {
  exportPublicKey,
  generateSigningKey,
  keyFingerprint,
  loadTrustedKeys,
  readPublicKeyFile,
  requireActiveKey,
  trustPublicKeyFile,
  unlockSigningKey,
} from '../../../main/services/export-workflow/keys';
import { sealPrivateKey, unsealPrivateKey, SCRYPT_PARAMS } from '../../../main/services/export-workflow/key-seal';
import { RepresentError } from '../../../shared/errors';
import { dumpDatabase } from '../store/helpers';
import { PASSPHRASE, removeDir, tempDir } from './fixtures';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = tempDir('keys');
  db = openStore(path.join(dir, 'represent.db'));
});
afterEach(() => {
  db.close();
  removeDir(dir);
});

async function rejection(p: Promise<unknown>): Promise<RepresentError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(RepresentError);
    return e as RepresentError;
  }
  throw new Error('expected a rejection');
}

describe('sealed private keys', () => {
  it('seals with scrypt (N=2^17, r=8) and AES-256-GCM, and opens only with the passphrase', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const fp = keyFingerprint(publicKey);
    const sealed = await sealPrivateKey(privateKey, PASSPHRASE, fp);
    expect(sealed.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 17);
    const json = JSON.stringify(sealed);
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(json).not.toContain(der.slice(-40)); // the key material is not in the clear

    const opened = await unsealPrivateKey(json, PASSPHRASE, fp);
    const msg = Buffer.from('statement');
    expect(verify(null, msg, publicKey, sign(null, msg, opened))).toBe(true);

    expect((await rejection(unsealPrivateKey(json, 'not the passphrase', fp))).code).toBe('wrong-passphrase');
    // Bound to its fingerprint: the same blob presented as another key's does not open.
    expect((await rejection(unsealPrivateKey(json, PASSPHRASE, '0'.repeat(64)))).code).toBe('wrong-passphrase');
    // Hostile parameters are refused before any work is done.
    const huge = JSON.stringify({ ...sealed, kdf: { ...sealed.kdf, N: 2 ** 30 } });
    expect((await rejection(unsealPrivateKey(huge, PASSPHRASE, fp))).code).toBe('bad-key');
  });
});

describe('reviewer keys in the store', () => {
  it('needs a reviewer profile and a long enough passphrase', async () => {
    expect((await rejection(generateSigningKey(db, PASSPHRASE))).code).toBe('no-identity');
    saveLocalProfile(db, { displayName: 'Ada Analyst', role: 'analyst' });
    expect((await rejection(generateSigningKey(db, PASSPHRASE))).message).toMatch(/Only a reviewer/);
    saveLocalProfile(db, { displayName: 'Rita Reviewer', role: 'reviewer' });
    const before = dumpDatabase(db);
    expect((await rejection(generateSigningKey(db, 'short'))).message).toMatch(/too short/);
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('generates, unlocks with the passphrase, and refuses a wrong one without changing the store', async () => {
    saveLocalProfile(db, { displayName: 'Rita Reviewer', role: 'reviewer' });
    const key = await generateSigningKey(db, PASSPHRASE);
    expect(listSigningKeys(db)).toHaveLength(1);
    expect(key.sealedPrivateKeyJson).not.toContain('PRIVATE KEY');
    const unlocked = await unlockSigningKey(requireActiveKey(db, currentIdentity(db)!), PASSPHRASE);
    expect(unlocked.fingerprint).toBe(key.fingerprint);
    const before = dumpDatabase(db);
    const err = await rejection(unlockSigningKey(key, 'correct horse battery stapler'));
    expect(err.code).toBe('wrong-passphrase');
    expect(err.message).toMatch(/passphrase does not open your signing key/);
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('exports a public key file that reads back to the same fingerprint, and trusts it', async () => {
    saveLocalProfile(db, { displayName: 'Rita Reviewer', role: 'reviewer' });
    const key = await generateSigningKey(db, PASSPHRASE);
    const out = path.join(dir, 'rita.represent-key.json');
    const exported = await exportPublicKey(db, out);
    expect(exported.fingerprint).toBe(key.fingerprint);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file).toMatchObject({ format: 'represent-public-key', algorithm: 'Ed25519', fingerprint: key.fingerprint, owner: { displayName: 'Rita Reviewer' } });
    expect(readFileSync(out, 'utf8')).not.toMatch(/PRIVATE/);
    expect((await readPublicKeyFile(out)).fingerprint).toBe(key.fingerprint);

    const home = path.join(dir, 'home');
    const trusted = await trustPublicKeyFile(db, home, out);
    expect(trusted.fingerprint).toBe(key.fingerprint);
    const keys = await loadTrustedKeys(path.join(home, 'trusted-keys'));
    expect([...keys.keys()]).toEqual([key.fingerprint]);
  });
});

describe('files that are not keys', () => {
  const cases: [string, string, RegExp][] = [
    ['notes.json', '{"hello": "world"}', /not a Represent public key/],
    ['random.pem', 'just some text\nover two lines', /not a Represent public key/],
    ['garbage.json', '\u0000\u0001binary', /not a Represent public key/],
    ['private.pem', generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), /holds a private key/],
    ['rsa.pem', generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString(), /not a Represent public key/],
  ];
  for (const [name, content, message] of cases)
    it(`refuses ${name} with a clear message`, async () => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      const err = await rejection(readPublicKeyFile(file));
      expect(err.code).toBe('bad-key');
      expect(err.message).toMatch(message);
      expect(err.location.file).toBe(file);
    });

  it('refuses a key file whose stated fingerprint is not its key’s', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const file = path.join(dir, 'lying.json');
    writeFileSync(file, JSON.stringify({ format: 'represent-public-key', formatVersion: 1, algorithm: 'Ed25519', fingerprint: 'f'.repeat(64), publicKey: publicKey.export({ format: 'pem', type: 'spki' }) }));
    expect((await rejection(readPublicKeyFile(file))).message).toMatch(/fingerprint does not match/);
  });

  it('refuses a trusted-keys folder holding a file that is not a key', async () => {
    const trust = path.join(dir, 'trusted');
    mkdirSync(trust);
    writeFileSync(path.join(trust, 'README.txt'), 'ignored: not .json or .pem');
    writeFileSync(path.join(trust, 'broken.pem'), 'not a key');
    expect((await rejection(loadTrustedKeys(trust))).code).toBe('bad-key');
  });
});
