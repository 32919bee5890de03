// Date and date-time recognition by hand-written scanners (no regex, no Date objects: this runs
// per value in large columns). A value is tested against every format at once; ambiguous
// slash dates (03/04/2020) count for both the UK and the US reading, and the column's format is
// chosen later from the counts, UK first on ties (see type-inference.ts).
import { civilFromDays, daysFromCivil, daysInMonth, isLeapYear } from '../calendar';

/** Format ids, in the order that breaks ties: ISO, then UK forms, then compact, then US last. */
export const DATE_FORMATS = ['yyyy-mm-dd', 'dd/mm/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy', 'yyyymmdd', 'mm/dd/yyyy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DATE_ISO = 0;
export const DATE_DMY_SLASH = 1;
export const DATE_DMY_DASH = 2;
export const DATE_DMY_DOT = 3;
export const DATE_YMD_COMPACT = 4;
export const DATE_MDY_SLASH = 5;
export const DATE_FORMAT_COUNT = DATE_FORMATS.length;

/** Compact yyyymmdd is also an 8-digit integer, so it needs a plausible year to count as a date. */
const COMPACT_MIN_YEAR = 1800;
const COMPACT_MAX_YEAR = 2199;
/** Years a date of birth can plausibly have. No clock is read, so the upper end is generous. */
export const BIRTH_MIN_YEAR = 1880;
export const BIRTH_MAX_YEAR = 2099;

export interface DateFacts {
  /** Bit (1 << format id) for each format the value is a valid date in. */
  formats: number;
  /** Seconds since 1970-01-01T00:00:00 (zone offsets ignored) for every format but the US one. */
  key: number;
  /** The same for the mm/dd/yyyy reading. */
  keyUS: number;
  hasTime: boolean;
  /** Year of the main reading (the US reading shares the year). */
  year: number;
}

const DIGIT_0 = 48;

function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - DIGIT_0;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Reads exactly `count` digits at i, or returns -1. */
function fixedDigits(s: string, i: number, count: number): number {
  if (i + count > s.length) return -1;
  let v = 0;
  for (let k = 0; k < count; k++) {
    const d = digitAt(s, i + k);
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return v;
}

export { isLeapYear, daysInMonth, daysFromCivil };

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO 8601 text for a key: 'yyyy-mm-dd', or 'yyyy-mm-ddThh:mm:ss' when withTime. */
export function formatDateKey(key: number, withTime: boolean): string {
  const days = Math.floor(key / 86400);
  const secs = key - days * 86400;
  const { year: y, month: m, day: d } = civilFromDays(days);
  const date = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  if (!withTime) return date;
  const h = Math.floor(secs / 3600);
  const mi = Math.floor((secs % 3600) / 60);
  return `${date}T${pad2(h)}:${pad2(mi)}:${pad2(secs % 60)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Time of day after a date: h or hh, ':' mm, optional ':' ss, optional fraction, optional 'Z'
 * or ±hh[:mm]. Returns seconds into the day, or -1 unless it runs exactly to the end.
 */
function parseTime(s: string, i: number): number {
  const n = s.length;
  let h = digitAt(s, i);
  if (h < 0) return -1;
  i++;
  const h2 = digitAt(s, i);
  if (h2 >= 0) {
    h = h * 10 + h2;
    i++;
  }
  if (s.charCodeAt(i) !== 58 /* : */) return -1;
  const mi = fixedDigits(s, i + 1, 2);
  if (mi < 0) return -1;
  i += 3;
  let sec = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    sec = fixedDigits(s, i + 1, 2);
    if (sec < 0) return -1;
    i += 3;
    const c = s.charCodeAt(i);
    if (i < n && (c === 46 /* . */ || c === 44) /* , */) {
      i++;
      const start = i;
      while (i < n && digitAt(s, i) >= 0) i++;
      if (i === start) return -1;
    }
  }
  if (h > 23 || mi > 59 || sec > 59) return -1;
  if (i < n) {
    const c = s.charCodeAt(i);
    if (c === 90 /* Z */ && i + 1 === n) return h * 3600 + mi * 60 + sec;
    if (c !== 43 /* + */ && c !== 45 /* - */) return -1;
    const oh = fixedDigits(s, i + 1, 2);
    if (oh < 0 || oh > 14) return -1;
    i += 3;
    if (i < n) {
      if (s.charCodeAt(i) === 58) i++;
      const om = fixedDigits(s, i, 2);
      if (om < 0 || om > 59) return -1;
      i += 2;
    }
    if (i !== n) return -1;
  }
  return h * 3600 + mi * 60 + sec;
}

/** Reads 1–2 digits; returns value * 4 + count (count in the low bits), or -1. */
function shortNumber(s: string, i: number): number {
  const a = digitAt(s, i);
  if (a < 0) return -1;
  const b = digitAt(s, i + 1);
  return b < 0 ? a * 4 + 1 : (a * 10 + b) * 4 + 2;
}

/**
 * Fills `out` for a value. Returns the format bitmask (0 when it is no date). Callers only
 * invoke it when the value starts with a digit and holds at least six digits.
 */
export function parseDate(s: string, out: DateFacts): number {
  out.formats = 0;
  out.hasTime = false;
  const n = s.length;
  if (n === 8 && fixedDigits(s, 0, 8) >= 0) {
    const y = fixedDigits(s, 0, 4);
    const m = fixedDigits(s, 4, 2);
    const d = fixedDigits(s, 6, 2);
    if (y >= COMPACT_MIN_YEAR && y <= COMPACT_MAX_YEAR && validDate(y, m, d)) {
      out.key = daysFromCivil(y, m, d) * 86400;
      out.year = y;
      out.formats = 1 << DATE_YMD_COMPACT;
    }
    return out.formats;
  }
  let end: number;
  const c4 = s.charCodeAt(4);
  if (c4 === 45 /* - */ && fixedDigits(s, 0, 4) >= 0) {
    // yyyy-mm-dd
    const y = fixedDigits(s, 0, 4);
    const m = fixedDigits(s, 5, 2);
    const d = fixedDigits(s, 8, 2);
    if (m < 0 || d < 0 || s.charCodeAt(7) !== 45 || y < 1000 || !validDate(y, m, d)) return 0;
    end = 10;
    if (!finishDateTime(s, end, out)) return 0;
    out.key += daysFromCivil(y, m, d) * 86400;
    out.year = y;
    out.formats = 1 << DATE_ISO;
    return out.formats;
  }
  // d/m/yyyy, d-m-yyyy, d.m.yyyy (1–2 digit day and month)
  const first = shortNumber(s, 0);
  if (first < 0) return 0;
  let i = first & 3;
  const sep = s.charCodeAt(i);
  if (sep !== 47 /* / */ && sep !== 45 && sep !== 46) return 0;
  const second = shortNumber(s, i + 1);
  if (second < 0) return 0;
  i += 1 + (second & 3);
  if (s.charCodeAt(i) !== sep) return 0;
  const y = fixedDigits(s, i + 1, 4);
  if (y < 1000) return 0;
  end = i + 5;
  if (end < n && digitAt(s, end) >= 0) return 0; // a fifth year digit
  if (!finishDateTime(s, end, out)) return 0;
  const time = out.key;
  const a = first >> 2;
  const b = second >> 2;
  out.year = y;
  if (validDate(y, b, a)) {
    out.formats |= 1 << (sep === 47 ? DATE_DMY_SLASH : sep === 45 ? DATE_DMY_DASH : DATE_DMY_DOT);
    out.key = time + daysFromCivil(y, b, a) * 86400;
  }
  if (sep === 47 && validDate(y, a, b)) {
    out.formats |= 1 << DATE_MDY_SLASH;
    out.keyUS = time + daysFromCivil(y, a, b) * 86400;
  }
  return out.formats;
}

/** After the date part: nothing, or ' '/'T' and a time. Puts the time's seconds in out.key. */
function finishDateTime(s: string, end: number, out: DateFacts): boolean {
  out.key = 0;
  if (end === s.length) return true;
  const c = s.charCodeAt(end);
  if (c !== 32 && c !== 84 /* T */) return false;
  const secs = parseTime(s, end + 1);
  if (secs < 0) return false;
  out.key = secs;
  out.hasTime = true;
  return true;
}
