// Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, numbers as JavaScript
// prints them. For the JSON we hash and sign (strings, finite numbers, booleans, null, arrays and
// plain objects) this is the output RFC 8785 (JCS) specifies, so a hash or signature made here can be
// re-checked by any JCS implementation. Written by hand because it is twenty lines and no package
// in the tree does it; hashing anything else (NaN, undefined in an array, a Date) is refused rather
// than silently changed, since a changed value would change a hash.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite.');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a value of type ${typeof value} cannot be hashed.`);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of the canonical JSON of a value: the hash of a policy, a statement, an event. */
export function canonicalSha256(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
