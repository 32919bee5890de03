// Detectors for direct identifiers in finished export text: NHS numbers, UK postcodes, e-mail
// addresses, and full dates. Used by the export screen, which must not trust how the content was
// made. (shared/profile has its own column-level identifier detection; this one scans text.)

/** Valid NHS number check digit (Modulus 11, weights 10…2); false for a check value of 10. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === digits.charCodeAt(9) - 48;
}

// Ten digits, optionally grouped 3-3-4 by spaces or hyphens, not part of a longer run of letters
// or digits (so a hash or a longer number does not match).
const NHS_CANDIDATE = /(?<![0-9A-Za-z])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![0-9A-Za-z])/g;
// A full UK postcode (outward and inward code). Upper case only, as postcodes are written.
const POSTCODE = /(?<![0-9A-Za-z])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9ABEHMNPRV-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})(?![0-9A-Za-z])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY with plausible month and day.
const FULL_DATE = /(?<!\d)(?:(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])[/-](?:0?[1-9]|1[0-2])[/-](?:19|20)\d{2})(?!\d)/g;

export type IdentifierKind = 'nhs-number' | 'postcode' | 'email';

/** Kinds of direct identifier found in a text (each kind once). */
export function findIdentifiers(text: string): IdentifierKind[] {
  const found: IdentifierKind[] = [];
  for (const m of text.matchAll(NHS_CANDIDATE)) {
    if (isValidNhsNumber(`${m[1]}${m[2]}${m[3]}`)) {
      found.push('nhs-number');
      break;
    }
  }
  POSTCODE.lastIndex = 0;
  if (POSTCODE.test(text)) found.push('postcode');
  EMAIL.lastIndex = 0;
  if (EMAIL.test(text)) found.push('email');
  return found;
}

export function hasFullDate(text: string): boolean {
  FULL_DATE.lastIndex = 0;
  return FULL_DATE.test(text);
}
