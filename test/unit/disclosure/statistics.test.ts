import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../../shared/disclosure/presets';
import { protectTable } from '../../../shared/disclosure/protect';
import type { ProtectedGroupTable, ProtectedHistogram, ProtectedScalar } from '../../../shared/disclosure/evidence';

const acro = presetPolicy('acro-default');
const os = presetPolicy('opensafely');
const sex = { name: 'sex', categories: ['Female', 'Male', 'Unknown'] };

describe('means and SDs', () => {
  it('publish only with enough values, and check NK dominance and the p-ratio (ACRO defaults)', () => {
    const { output, evidence } = protectTable(
      {
        kind: 'means',
        id: 'bmi',
        title: 'BMI by sex',
        variable: 'bmi',
        dimensions: [sex],
        groups: [
          // Ordinary group: passes everything.
          { n: 40, mean: 27.1, sd: 4.2, sum: 1084, largest: [41, 39.5] },
          // One value is 95% of the total: NK (2, 0.9) fails.
          { n: 12, mean: 100, sd: 300, sum: 1200, largest: [1140, 10] },
          // Too few values.
          { n: 6, mean: 25, sd: 3, sum: 150, largest: [31, 29] },
        ],
      },
      acro,
    );
    const out = output as ProtectedGroupTable;
    expect(out.groups.map((g) => g.values.mean)).toEqual([27.1, null, null]);
    expect(out.groups[1]!.status.mean).toBe('suppressed-primary');
    expect(evidence.cells.find((c) => c.coords.join('/') === 'Male/mean')!.rule).toBe('R3');
    expect(evidence.cells.find((c) => c.coords.join('/') === 'Unknown/mean')!.rule).toBe('R7');
    expect(out.groups[2]!.n).toBeNull();
    expect(evidence.outcome).toBe('pass');
  });

  it('p-ratio: the remainder after the two largest must be at least p × the largest', () => {
    // total 1000, x1 = 700, x2 = 250 → remainder 50 < 0.1 × 700 → fail; NK top-2 = 95% also fails,
    // so use a policy with only the p-ratio to see it alone.
    const pOnly = { ...acro, dominance: null };
    const { output, evidence } = protectTable(
      { kind: 'means', id: 'p', title: 'p', variable: 'x', dimensions: [{ name: 'g', categories: ['a'] }], groups: [{ n: 20, mean: 50, sum: 1000, largest: [700, 250] }] },
      pOnly,
    );
    expect((output as ProtectedGroupTable).groups[0]!.values.mean).toBeNull();
    expect(evidence.cells.find((c) => c.coords.join('/') === 'a/mean')!.rule).toBe('R4');
  });

  it('ask for review when dominance cannot be checked, values are negative, or the SD is 0', () => {
    const { evidence } = protectTable(
      {
        kind: 'means',
        id: 'r',
        title: 'r',
        variable: 'x',
        dimensions: [sex],
        groups: [
          { n: 30, mean: 1, sd: 1 },
          { n: 30, mean: -2, sd: 1, hasNegative: true },
          { n: 30, mean: 5, sd: 0, sum: 150, largest: [5, 5] },
        ],
      },
      acro,
    );
    expect(evidence.outcome).toBe('review');
    expect(evidence.reasons.join(' ')).toMatch(/not supplied/);
    expect(evidence.reasons.join(' ')).toMatch(/negative/);
    expect(evidence.reasons.join(' ')).toMatch(/SD of 0/);
  });
});

describe('quantiles', () => {
  it('need the threshold on each side; the minimum and maximum are never published', () => {
    const { output, evidence } = protectTable(
      {
        kind: 'quantiles',
        id: 'age-q',
        title: 'Age quantiles',
        variable: 'age',
        dimensions: [{ name: 'all', categories: ['All'] }],
        groups: [{ n: 30, quantiles: [{ p: 0, value: 18 }, { p: 0.25, value: 31 }, { p: 0.5, value: 44 }, { p: 0.9, value: 70 }, { p: 1, value: 93 }] }],
      },
      acro,
    );
    const g = (output as ProtectedGroupTable).groups[0]!;
    // 0.25 × 30 = 7.5 < 10 below; 0.9 leaves 3 above.
    expect(g.values).toEqual({ p0: null, p25: null, p50: 44, p90: null, p100: null });
    expect(evidence.cells.find((c) => c.coords.join('/') === 'All/p100')!.rule).toBe('R8');
  });
});

describe('rates', () => {
  const rates = {
    kind: 'rates' as const,
    id: 'adm',
    title: 'Admissions per 1,000',
    dimensions: [sex],
    numerators: [23, 5, 0],
    denominators: [1000, 812, 4],
    per: 1000,
  };

  it('suppress-and-round: rate from the protected numerator and denominator, suppressed with either', () => {
    const { output } = protectTable(rates, os);
    const out = output as ProtectedGroupTable;
    expect(out.groups[0]!.values).toEqual({ numerator: 25, denominator: 1000, rate: 25 });
    expect(out.groups[1]!.values.numerator).toBeNull();
    expect(out.groups[1]!.values.rate).toBeNull();
    // Zero events in a group of 4: the denominator is suppressed, so is the rate.
    expect(out.groups[2]!.values).toEqual({ numerator: 0, denominator: null, rate: null });
  });

  it('midpoint-6 option: zero-preserving rounding of numerator and denominator, nothing suppressed', () => {
    const { output, evidence } = protectTable(rates, { ...os, rates: { method: 'midpoint6' } });
    const out = output as ProtectedGroupTable;
    expect(out.groups.map((g) => [g.values.numerator, g.values.denominator])).toEqual([[21, 999], [3, 813], [0, 3]]);
    expect(out.groups[0]!.values.rate).toBe(Math.round((21 / 999) * 1000 * 100) / 100);
    expect(out.method).toBe('midpoint6');
    expect(evidence.cells.filter((c) => c.params.method === 'midpoint6').length).toBeGreaterThan(0);
  });
});

describe('extremes, histograms, distinct counts and dates', () => {
  it('extremes are never exported; coarse bounds with enough values beyond them instead', () => {
    const { output, evidence } = protectTable(
      { kind: 'extremes', id: 'age-x', title: 'Age range', variable: 'age', n: 500, min: 18, max: 103, tails: { low: 21, countBelow: 12, high: 89, countAbove: 11 }, unit: 10 },
      acro,
    );
    const out = output as ProtectedScalar;
    expect(out.fields).toEqual({ lowerBound: 20, upperBound: 90 });
    expect(JSON.stringify(out)).not.toMatch(/103|"min"|"max"/);
    expect(evidence.cells.filter((c) => c.coords[0] === 'min' || c.coords[0] === 'max').every((c) => c.status === 'suppressed-primary')).toBe(true);
    const none = protectTable({ kind: 'extremes', id: 'x2', title: 'x', variable: 'age', n: 500, min: 18, max: 103 }, acro).output as ProtectedScalar;
    expect(none.fields).toEqual({ lowerBound: null, upperBound: null });
  });

  it('histograms: small and empty edge bins merge inward, outer bins are open-ended, small interior bins merge', () => {
    const { output, evidence } = protectTable(
      { kind: 'histogram', id: 'h', title: 'Age', variable: 'age', edges: [0, 10, 20, 30, 40, 50, 60, 70], counts: [0, 2, 30, 4, 45, 12, 1] },
      acro,
    );
    const bins = (output as ProtectedHistogram).bins;
    expect(bins).toEqual([
      // 0 and 2 merge into 30 at the low edge; 4 joins its smaller neighbour (that merged bin, 32 < 45).
      { lower: null, upper: 40, value: 36, status: 'shown' },
      { lower: 40, upper: 50, value: 45, status: 'shown' },
      { lower: 50, upper: null, value: 13, status: 'shown' },
    ]);
    expect(bins.reduce((a, b) => a + (b.value ?? 0), 0)).toBe(94);
    expect(evidence.mitigations).toContain('merging');
    const rounded = (protectTable({ kind: 'histogram', id: 'h2', title: 'Age', variable: 'age', edges: [0, 10, 20, 30], counts: [9, 31, 12] }, os).output as ProtectedHistogram).bins;
    expect(rounded.map((b) => b.value)).toEqual([10, 30, 10]);
    expect(rounded[0]!.lower).toBeNull();
    expect(rounded[2]!.upper).toBeNull();
  });

  it('a histogram of too few records is one suppressed bin', () => {
    const bins = (protectTable({ kind: 'histogram', id: 'h3', title: 'x', variable: 'x', edges: [0, 1, 2], counts: [3, 4] }, acro).output as ProtectedHistogram).bins;
    expect(bins).toEqual([{ lower: null, upper: null, value: null, status: 'suppressed-primary' }]);
  });

  it('distinct counts: published for enough records, flagged when every value is unique or the same', () => {
    const ok = protectTable({ kind: 'distinct-count', id: 'd', title: 'd', variable: 'ward', n: 400, distinct: 23 }, acro);
    expect((ok.output as ProtectedScalar).fields.distinct).toBe(23);
    expect(ok.evidence.outcome).toBe('pass');
    expect(protectTable({ kind: 'distinct-count', id: 'd2', title: 'd', variable: 'id', n: 400, distinct: 400 }, acro).evidence.outcome).toBe('review');
    expect((protectTable({ kind: 'distinct-count', id: 'd3', title: 'd', variable: 'x', n: 4, distinct: 2 }, acro).output as ProtectedScalar).fields.distinct).toBeNull();
  });

  it('date ranges are coarsened to the month (or year), never the exact dates', () => {
    const stat = { kind: 'date-range' as const, id: 'adm-dates', title: 'Admission dates', variable: 'admitted', n: 900, earliest: '2019-03-14', latest: '2024-11-02' };
    expect((protectTable(stat, acro).output as ProtectedScalar).fields).toEqual({ from: '2019-03', to: '2024-11' });
    expect((protectTable(stat, { ...acro, dates: { granularity: 'year' } }).output as ProtectedScalar).fields).toEqual({ from: '2019', to: '2024' });
    expect((protectTable({ ...stat, n: 5 }, acro).output as ProtectedScalar).fields).toEqual({ from: null, to: null });
    expect(() => protectTable({ ...stat, earliest: '14/03/2019' }, acro)).toThrow(/ISO 8601/);
  });
});
