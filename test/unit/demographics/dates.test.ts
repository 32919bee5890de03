import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageInYears, civilFromDays, daysFromCivil, formatIsoDate, formatUkDate, parseDate, quarterOf } from '../../../shared/demographics/dates';

const DAY = 86_400_000;

describe('calendar arithmetic', () => {
  it('agrees with Date.UTC and round-trips for every day 1800-2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1800, 1, 1), max: daysFromCivil(2200, 12, 31) }), (days) => {
        const d = new Date(days * DAY);
        const c = civilFromDays(days);
        expect([c.year, c.month, c.day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(days);
        expect(formatIsoDate(days)).toBe(d.toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
  });

  it('ageInYears counts completed years, birthdays included', () => {
    const ref = daysFromCivil(2025, 3, 31);
    expect(ageInYears(daysFromCivil(1980, 3, 31), ref)).toBe(45);
    expect(ageInYears(daysFromCivil(1980, 4, 1), ref)).toBe(44);
    expect(ageInYears(daysFromCivil(2000, 2, 29), daysFromCivil(2025, 2, 28))).toBe(24);
    expect(ageInYears(daysFromCivil(2000, 2, 29), daysFromCivil(2025, 3, 1))).toBe(25);
  });

  it('parses the date forms extracts use and rejects impossible or ambiguous ones', () => {
    const d = daysFromCivil(2021, 3, 21);
    for (const s of ['2021-03-21', '2021/03/21', '20210321', '21/03/2021', '21-03-2021', '21.03.2021', '2021-03-21T10:15:00Z', '21/03/2021 00:00']) expect(parseDate(s), s).toBe(d);
    for (const s of ['2021-02-29', '2021-13-01', '32/01/2021', '21/03/21', '03/21/2021x', 'yesterday', '', '1799-12-31']) expect(parseDate(s), s).toBeUndefined();
    expect(parseDate('29/02/2020')).toBe(daysFromCivil(2020, 2, 29));
    expect(formatUkDate(d)).toBe('21/03/2021');
  });

  it('quarterOf reads exactly the dates parseDate reads, and names their quarter', () => {
    const spelling = fc.oneof(fc.constant('iso'), fc.constant('slash'), fc.constant('compact'), fc.constant('uk'), fc.constant('dots'));
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1790, 1, 1), max: daysFromCivil(2100, 12, 31) }), spelling, fc.constantFrom('', ' ', 'T10:15:00Z', ' 00:00'), fc.constantFrom('', ' ', '\t'), (days, form, time, pad) => {
        const c = civilFromDays(days);
        const [y, m, d] = [String(c.year), String(c.month).padStart(2, '0'), String(c.day).padStart(2, '0')];
        const text = { iso: `${y}-${m}-${d}`, slash: `${y}/${m}/${d}`, compact: `${y}${m}${d}`, uk: `${d}/${m}/${y}`, dots: `${d}.${m}.${y}` }[form];
        const raw = `${pad}${text}${time}${pad}`;
        const parsed = parseDate(raw);
        expect(parsed, raw).toBe(c.year < 1800 ? undefined : days);
        expect(quarterOf(raw), raw).toBe(parsed === undefined ? undefined : `${c.year}-Q${Math.floor((c.month - 1) / 3) + 1}`);
      }),
      { numRuns: 1000 },
    );
    for (const s of ['2021-02-29', '2021-13-01', '21/03/21', 'T2021-03-21', 'yesterday', '']) expect(quarterOf(s), s).toBeUndefined();
  });
});
