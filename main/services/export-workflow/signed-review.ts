// Checking a signed review statement (approval.json, or a rejection's response file): the embedded
// public key must be Ed25519, its fingerprint must be the one the statement names, and the signature
// must verify over the statement exactly as stored. Whether the key is *trusted* is a separate
// question (see verify.ts): anyone can make a key that verifies its own signature.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { keyFingerprint } from './keys';
import { verifyJsonSignature } from './signing';
import type { SignedReview } from './formats';

export type SignatureCheck = { ok: true; publicKey: KeyObject } | { ok: false; reason: string };

export function checkReviewSignature(signed: SignedReview, rawStatement: unknown): SignatureCheck {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: signed.signature.publicKey, format: 'pem' });
  } catch {
    return { ok: false, reason: 'the signature carries no readable public key' };
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') return { ok: false, reason: 'the signing key is not an Ed25519 key' };
  const fingerprint = keyFingerprint(publicKey);
  if (fingerprint !== signed.signature.keyFingerprint || fingerprint !== signed.statement.keyFingerprint)
    return { ok: false, reason: `the signing key (fingerprint ${fingerprint}) is not the key the statement names (${signed.statement.keyFingerprint})` };
  if (!verifyJsonSignature(publicKey, rawStatement, signed.signature.value))
    return { ok: false, reason: 'the signature does not match the statement: the statement was changed or signed by another key' };
  return { ok: true, publicKey };
}
