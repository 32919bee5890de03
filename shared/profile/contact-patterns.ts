// Email addresses and UK telephone numbers, recognised by shape (no regex: per-value hot path).

/** One '@' with something before it, a dotted domain after it, no spaces. */
export function isEmailAddress(s: string): boolean {
  const n = s.length;
  const at = s.indexOf('@');
  if (at < 1 || at !== s.lastIndexOf('@') || at > n - 4) return false;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 44 /* , */ || c === 59 /* ; */) return false;
    if (c === 46 && i > at) {
      if (i === at + 1 || i === dot + 1) return false; // "a@.b", "a@b..c"
      dot = i;
    }
  }
  return dot > at && dot < n - 1;
}

const digits = new Uint8Array(16);

/**
 * UK numbers as written: national "0" + 9–10 digits, or "+44"/"0044" + 9–10 digits (an optional
 * "(0)" after the country code is allowed), with spaces, hyphens and brackets as separators.
 * The digit after the trunk 0 must start a UK number range (1, 2, 3, 5, 7, 8 or 9).
 */
export function isUkPhoneNumber(s: string): boolean {
  const n = s.length;
  if (n < 10 || n > 20) return false;
  let count = 0;
  let plus = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (count === 16) return false;
      digits[count++] = c - 48;
    } else if (c === 43 /* + */) {
      if (i !== 0) return false;
      plus = true;
    } else if (c !== 32 && c !== 45 && c !== 40 && c !== 41) {
      return false;
    }
  }
  let start: number;
  if (plus) {
    if (digits[0] !== 4 || digits[1] !== 4) return false;
    start = 2;
  } else if (digits[0] === 0 && digits[1] === 0) {
    if (digits[2] !== 4 || digits[3] !== 4) return false;
    start = 4;
  } else {
    if (digits[0] !== 0) return false;
    start = 1;
  }
  if (start > 1 && digits[start] === 0) start++; // +44 (0)20 …
  const national = count - start;
  if (national !== 9 && national !== 10) return false;
  const lead = digits[start]!;
  return lead === 1 || lead === 2 || lead === 3 || lead === 5 || lead === 7 || lead === 8 || lead === 9;
}
