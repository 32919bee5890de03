// Classifies one non-missing value against every candidate type and identifier pattern at once.
// One pass over the characters counts digits, letters and punctuation; the specific checks
// (number, date, NHS number, postcode, email, phone, boolean word) run only when those counts
// allow them, so most values cost one loop and a switch. No regex, no allocation.
import { parseDate, DATE_FORMAT_COUNT, type DateFacts } from './dates';
import { isValidNhsNumber } from './nhs-number';
import { postcodeKind, POSTCODE_DISTRICT, POSTCODE_FULL, POSTCODE_SECTOR } from './uk-postcode';
import { isEmailAddress, isUkPhoneNumber } from './contact-patterns';

// Candidate types: a value either fits each one or does not. Bits 0..11.
export const BOOLEAN_FAMILIES = ['1/0', 'Y/N', 'yes/no', 'true/false'] as const;
export type BooleanFamily = (typeof BOOLEAN_FAMILIES)[number];
export const BIT_BOOL_FIRST = 0; // + family index (0..3)
export const BIT_DATE_FIRST = 4; // + date format id (0..5)
export const BIT_INTEGER = 10;
export const BIT_NUMBER = 11;
export const CANDIDATE_COUNT = 12;
// Identifier and pattern facts. Bits 12..18.
export const BIT_NHS_NUMBER = 12;
export const BIT_POSTCODE_FULL = 13;
export const BIT_POSTCODE_SECTOR = 14;
export const BIT_POSTCODE_DISTRICT = 15;
export const BIT_EMAIL = 16;
export const BIT_PHONE = 17;
export const BIT_NAME_LIKE = 18;
// "True" values, per boolean family. Bits 19..22.
export const BIT_TRUE_FIRST = 19;
// The value contains a space (free text rather than a key). Bit 23.
export const BIT_HAS_SPACE = 23;
export const FACT_COUNT = 24;

export interface ValueFacts extends DateFacts {
  mask: number;
  /** The numeric value when BIT_NUMBER is set (−0 is read as 0). */
  number: number;
}

export function createValueFacts(): ValueFacts {
  return { mask: 0, number: 0, formats: 0, key: 0, keyUS: 0, hasTime: false, year: 0 };
}

const MAX_EXACT_DIGITS = 15;

/** Fills `out` for a non-missing value and returns its fact mask. */
export function classifyValue(v: string, out: ValueFacts): number {
  const n = v.length;
  if (n > 8 && isLetterCode(v.charCodeAt(0))) return (out.mask = classifyWordy(v, out));
  let digitCount = 0;
  let letters = 0;
  let spaces = 0;
  let nameMarks = 0; // hyphen, apostrophe, full stop: allowed inside names
  let others = 0;
  let ats = 0;
  let exponents = 0; // 'e' or 'E', as in 1e-3
  let digitValue = 0;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digitCount++;
      digitValue = digitValue * 10 + (c - 48);
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)) {
      letters++;
      if ((c | 0x20) === 101) exponents++;
    } else if (c === 32) spaces++;
    else if (c === 45 || c === 39 || c === 46 || c === 0x2019) nameMarks++;
    else if (c === 64) ats++;
    else others++;
  }

  let mask = spaces > 0 ? 1 << BIT_HAS_SPACE : 0;
  out.formats = 0;
  if (digitCount === n) {
    // Plain digits: an integer, maybe a 1/0 flag, an NHS number, a yyyymmdd date or a phone number.
    mask |= (1 << BIT_INTEGER) | (1 << BIT_NUMBER);
    out.number = n <= MAX_EXACT_DIGITS ? digitValue : Number(v);
    if (n === 1 && digitValue <= 1) mask |= (1 << BIT_BOOL_FIRST) | (digitValue === 1 ? 1 << BIT_TRUE_FIRST : 0);
    else if (n === 10 && isValidNhsNumber(v)) mask |= 1 << BIT_NHS_NUMBER;
    else if (n === 8) mask |= dateBits(v, out);
    if ((n === 10 || n === 11) && v.charCodeAt(0) === 48 && isUkPhoneNumber(v)) mask |= 1 << BIT_PHONE;
    return (out.mask = mask);
  }

  const first = v.charCodeAt(0);
  if (letters === exponents && exponents <= 1 && spaces === 0 && ats === 0) {
    if (digitCount > 0) mask |= numberBits(v, out);
    if (letters === 0 && digitCount >= 6 && first >= 48 && first <= 57) mask |= dateBits(v, out);
  } else if (digitCount >= 6 && first >= 48 && first <= 57 && letters <= 2 && ats === 0) {
    mask |= dateBits(v, out); // "2020-01-31 10:00", "2020-01-31T10:00Z"
  }
  if (digitCount >= 1 && letters === 0 && ats === 0) {
    if (n === 12 && digitCount === 10 && spaces === 2 && isValidNhsNumber(v)) mask |= 1 << BIT_NHS_NUMBER;
    if (digitCount >= 10 && digitCount <= 14 && isUkPhoneNumber(v)) mask |= 1 << BIT_PHONE;
  }
  if (ats === 1 && isEmailAddress(v)) mask |= 1 << BIT_EMAIL;
  if (letters > 0 && digitCount > 0 && n <= 8 && others === 0 && ats === 0 && nameMarks === 0 && spaces <= 1) {
    const kind = postcodeKind(v);
    if (kind === POSTCODE_FULL) mask |= 1 << BIT_POSTCODE_FULL;
    else if (kind === POSTCODE_SECTOR) mask |= 1 << BIT_POSTCODE_SECTOR;
    else if (kind === POSTCODE_DISTRICT) mask |= 1 << BIT_POSTCODE_DISTRICT;
  }
  if (digitCount === 0 && others === 0 && ats === 0 && letters > 0) {
    if (isLetterCode(first)) mask |= 1 << BIT_NAME_LIKE;
    if (n <= 5 && spaces === 0 && nameMarks === 0) mask |= booleanWordBits(v);
  }
  return (out.mask = mask);
}

/**
 * Values that start with a letter and are too long for a postcode or a boolean word can only be
 * names, email addresses or text: no number, date, NHS number or phone number starts with a
 * letter. Native indexOf and a scan that stops at the first character a name cannot hold are
 * much cheaper than the full count over long free text.
 */
function classifyWordy(v: string, out: ValueFacts): number {
  out.formats = 0;
  const mask = v.indexOf(' ') >= 0 ? 1 << BIT_HAS_SPACE : 0;
  if (v.indexOf('@') > 0 && isEmailAddress(v)) return mask | (1 << BIT_EMAIL);
  const n = v.length;
  for (let i = 1; i < n; i++) {
    const c = v.charCodeAt(i);
    const nameChar =
      (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 32 || c === 45 || c === 39 || c === 46 || c === 0x2019 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
    if (!nameChar) return mask;
  }
  return mask | (1 << BIT_NAME_LIKE);
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

function dateBits(v: string, out: ValueFacts): number {
  const formats = parseDate(v, out);
  return formats === 0 ? 0 : (formats & ((1 << DATE_FORMAT_COUNT) - 1)) << BIT_DATE_FIRST;
}

/** Signed decimals with optional fraction and exponent: -12, +3.5, .5, 5., 1e-3. */
function numberBits(v: string, out: ValueFacts): number {
  const n = v.length;
  let i = 0;
  let c = v.charCodeAt(0);
  if (c === 43 || c === 45) i++;
  let mantissaDigits = 0;
  let integer = true;
  while (i < n && isDigitCode(v.charCodeAt(i))) {
    i++;
    mantissaDigits++;
  }
  if (i < n && v.charCodeAt(i) === 46) {
    integer = false;
    i++;
    while (i < n && isDigitCode(v.charCodeAt(i))) {
      i++;
      mantissaDigits++;
    }
  }
  if (mantissaDigits === 0) return 0;
  if (i < n) {
    c = v.charCodeAt(i);
    if (c !== 101 && c !== 69) return 0; // e E
    integer = false;
    i++;
    c = v.charCodeAt(i);
    if (c === 43 || c === 45) i++;
    const start = i;
    while (i < n && isDigitCode(v.charCodeAt(i))) i++;
    if (i === start || i !== n) return 0;
  }
  const x = Number(v) + 0; // + 0 turns −0 into 0, so min/max do not depend on order
  if (!Number.isFinite(x)) return 0;
  out.number = x;
  return integer ? (1 << BIT_INTEGER) | (1 << BIT_NUMBER) : 1 << BIT_NUMBER;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Y/N, yes/no, true/false in any case. */
function booleanWordBits(v: string): number {
  const n = v.length;
  const c0 = v.charCodeAt(0) | 0x20;
  if (n === 1) {
    if (c0 === 121) return (1 << (BIT_BOOL_FIRST + 1)) | (1 << (BIT_TRUE_FIRST + 1)); // y
    if (c0 === 110) return 1 << (BIT_BOOL_FIRST + 1); // n
    return 0;
  }
  if (sameLetters(v, 'yes')) return (1 << (BIT_BOOL_FIRST + 2)) | (1 << (BIT_TRUE_FIRST + 2));
  if (sameLetters(v, 'no')) return 1 << (BIT_BOOL_FIRST + 2);
  if (sameLetters(v, 'true')) return (1 << (BIT_BOOL_FIRST + 3)) | (1 << (BIT_TRUE_FIRST + 3));
  if (sameLetters(v, 'false')) return 1 << (BIT_BOOL_FIRST + 3);
  return 0;
}

/** ASCII case-insensitive equality with a lower-case word, without allocating. */
function sameLetters(v: string, lowerWord: string): boolean {
  if (v.length !== lowerWord.length) return false;
  for (let i = 0; i < v.length; i++) if ((v.charCodeAt(i) | 0x20) !== lowerWord.charCodeAt(i)) return false;
  return true;
}
