// Normalisation of raw cell text before it is looked up in a code set. Runs once per distinct
// raw value (compiled mappings memoise), so clarity beats micro-optimisation here.

/**
 * Lower case; every run of characters that is not a letter or digit becomes one space; '&' reads
 * as 'and'; trimmed. 'White - British', 'White: British' and ' white  british ' all give
 * 'white british', and '-', '.', 'N/A' give '', 'n a'.
 */
export function normaliseLabel(raw: string): string {
  const lower = raw.toLowerCase();
  let out = '';
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    const code = ch.charCodeAt(0);
    const ascii = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (ascii || (code > 127 && /\p{L}|\p{N}/u.test(ch))) {
      if (gap && out.length > 0) out += ' ';
      out += ch;
      gap = false;
    } else if (ch === '&') {
      if (out.length > 0) out += ' ';
      out += 'and';
      gap = true;
    } else {
      gap = true;
    }
  }
  return out;
}

/** Trimmed and upper-cased: the form short codes ('a1 ', ' x') are compared in. */
export function normaliseCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Parses a whole number written plainly ('7', ' 07 ', '7.0'), or returns undefined. Decimals other
 * than .0 are rejected because deciles, codes and band numbers are whole.
 */
export function parseWholeNumber(raw: string): number | undefined {
  const s = raw.trim();
  // Long strings are not codes or deciles; the bound also keeps values within exact integers.
  if (s.length === 0 || s.length > 24) return undefined;
  let i = 0;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    i = 1;
  }
  let value = 0;
  let digits = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    digits++;
  }
  if (digits === 0 || digits > 15) return undefined;
  if (i < s.length) {
    // Allow a trailing ".0", ".00" (numbers exported from spreadsheets).
    if (s[i] !== '.') return undefined;
    for (i++; i < s.length; i++) if (s[i] !== '0') return undefined;
  }
  return negative ? -value : value;
}

/** Parses a non-negative decimal number ('45', '45.7', '90+') and returns its whole part. */
export function parseAgeYears(raw: string): number | undefined {
  let s = raw.trim();
  if (s.endsWith('+')) s = s.slice(0, -1).trimEnd();
  if (s.length === 0 || s.length > 12) return undefined;
  let value = 0;
  let digits = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    digits++;
  }
  if (digits === 0) return undefined;
  if (i < s.length) {
    if (s[i] !== '.' || i === s.length - 1) return undefined;
    for (i++; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
    }
  }
  return value;
}

/** Splits a column name into lower-case words: 'PERSON_STATED_GENDER_CODE', 'ethnicGroup', 'IMD Decile'. */
export function columnNameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}
