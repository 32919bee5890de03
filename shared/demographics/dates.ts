// Reading dates of birth and computing ages, on whole day numbers (see shared/calendar.ts).
import { civilFromDays, daysFromCivil, daysInMonth, type CivilDate } from '../calendar';

export { civilFromDays, daysFromCivil, daysInMonth, type CivilDate };

function digitsAt(s: string, start: number, count: number): number {
  let v = 0;
  for (let i = start; i < start + count; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/**
 * Reads a calendar date in the forms health extracts use: yyyy-mm-dd, yyyy/mm/dd, yyyymmdd and,
 * UK order, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy; a trailing time ('T10:00', ' 00:00:00') is ignored.
 * Two-digit years and US month-first dates are not guessed. Returns days since 1970-01-01.
 */
export function parseDate(raw: string): number | undefined {
  const ymd = readYmd(raw);
  return ymd < 0 ? undefined : daysFromCivil(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100);
}

/** The quarter a date falls in ('2021-Q3'), or undefined when parseDate would not read it. */
export function quarterOf(raw: string): string | undefined {
  const ymd = readYmd(raw);
  return ymd < 0 ? undefined : `${Math.floor(ymd / 10000)}-Q${Math.floor((Math.floor(ymd / 100) % 100 - 1) / 3) + 1}`;
}

/**
 * The date as yyyymmdd in one number, or -1. No regular expression and no object: the analysis
 * tally reads every distinct date of a period column with it during the pass (~2,200 per part on
 * the bench file), mostly before the JIT has compiled it.
 */
function readYmd(raw: string): number {
  let s = raw.trim();
  // A time after the date ('T10:00', ' 00:00:00'): cut at the first 'T' or space after the start.
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 84 /* T */ || c === 32) {
      s = s.slice(0, i);
      break;
    }
  }
  let y: number, m: number, d: number;
  if (s.length === 8) {
    y = digitsAt(s, 0, 4);
    m = digitsAt(s, 4, 2);
    d = digitsAt(s, 6, 2);
  } else if (s.length === 10 && (s[4] === '-' || s[4] === '/') && s[7] === s[4]) {
    y = digitsAt(s, 0, 4);
    m = digitsAt(s, 5, 2);
    d = digitsAt(s, 8, 2);
  } else if (s.length === 10 && (s[2] === '/' || s[2] === '-' || s[2] === '.') && s[5] === s[2]) {
    d = digitsAt(s, 0, 2);
    m = digitsAt(s, 3, 2);
    y = digitsAt(s, 6, 4);
  } else {
    return -1;
  }
  if (y < 1800 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return y * 10000 + m * 100 + d;
}

/** Completed years between a date of birth and a reference date (both days since epoch). */
export function ageInYears(birthDays: number, referenceDays: number): number {
  const b = civilFromDays(birthDays);
  const r = civilFromDays(referenceDays);
  let age = r.year - b.year;
  if (r.month < b.month || (r.month === b.month && r.day < b.day)) age--;
  return age;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

export function formatIsoDate(days: number): string {
  const c = civilFromDays(days);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
}

export function formatUkDate(days: number): string {
  const c = civilFromDays(days);
  return `${pad2(c.day)}/${pad2(c.month)}/${c.year}`;
}
