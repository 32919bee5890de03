// Ed25519 signatures over canonical JSON, so a signed statement can be re-checked byte for byte
// by anyone who re-serialises it the same way (RFC 8785 style, see store/canonical-json.ts).
import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../store/canonical-json';

export function signJson(privateKey: KeyObject, value: unknown): string {
  return sign(null, Buffer.from(canonicalJson(value), 'utf8'), privateKey).toString('base64');
}

export function verifyJsonSignature(publicKey: KeyObject, value: unknown, signatureBase64: string): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(value), 'utf8'), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
