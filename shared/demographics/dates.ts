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
  let s = raw.trim();
  const cut = s.search(/[T ]/);
  if (cut > 0) s = s.slice(0, cut);
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
    return undefined;
  }
  if (y < 1800 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
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
