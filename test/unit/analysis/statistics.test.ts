// The hand-written statistics against published values and their defining properties.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { chiSquareGoodnessOfFit, chiSquareSurvival, jensenShannonDistance, logGamma, normalQuantile, regularisedGammaQ, totalVariation, wilsonInterval } from '../../../shared/analysis';

describe('wilsonInterval', () => {
  it('matches the textbook value for 5 of 10 and for 0 of 20', () => {
    const half = wilsonInterval(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilsonInterval(0, 20);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.1611, 4);
  });
  it('stays inside [0, 1] and contains the observed share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const x = Math.round(f * n);
        const w = wilsonInterval(x, n);
        expect(w.low).toBeGreaterThanOrEqual(0);
        expect(w.high).toBeLessThanOrEqual(1);
        expect(w.low).toBeLessThanOrEqual(x / n + 1e-12);
        expect(w.high).toBeGreaterThanOrEqual(x / n - 1e-12);
      }),
    );
  });
});

describe('chi-square', () => {
  it('gives the tabulated 5% critical values', () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(18.307038053275146, 10)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(124.34211340400407, 100)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(0.10258658877510106, 2)).toBeCloseTo(0.95, 6);
  });
  it('Q(1, x) = exp(-x) and lnΓ(n) = ln((n-1)!)', () => {
    for (const x of [0.1, 1, 2.5, 10, 40]) expect(regularisedGammaQ(1, x)).toBeCloseTo(Math.exp(-x), 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });
  it('computes the goodness-of-fit statistic and warns on small expected counts', () => {
    const r = chiSquareGoodnessOfFit([30, 50, 20], [0.25, 0.5, 0.25]);
    // expected 25, 50, 25: (25 + 0 + 25) / 25 = 2
    expect(r.statistic).toBeCloseTo(2, 12);
    expect(r.degreesOfFreedom).toBe(2);
    expect(r.pValue).toBeCloseTo(Math.exp(-1), 10);
    expect(r.smallExpectedCells).toBe(0);
    expect(chiSquareGoodnessOfFit([3, 5, 2], [0.25, 0.5, 0.25]).smallExpectedCells).toBe(2);
  });
});

describe('distances', () => {
  it('are 0 for equal distributions and 1 for disjoint ones', () => {
    expect(totalVariation([0.2, 0.8], [0.2, 0.8])).toBe(0);
    expect(jensenShannonDistance([0.2, 0.8], [0.2, 0.8])).toBe(0);
    expect(totalVariation([1, 0], [0, 1])).toBe(1);
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(1, 12);
  });
  it('Jensen–Shannon distance is symmetric and in [0, 1]', () => {
    const dist = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }).filter((a) => a.reduce((s, x) => s + x, 0) > 0).map((a) => a.map((x) => x / a.reduce((s, y) => s + y, 0)));
    fc.assert(
      fc.property(dist, dist, (p, q) => {
        const d = jensenShannonDistance(p, q);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(d).toBeCloseTo(jensenShannonDistance(q, p), 12);
      }),
    );
  });
  it('normalQuantile inverts the 95% z', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
  });
});

import { crossedCombinations } from '../../../shared/analysis/plan';
describe('crossedCombinations', () => {
  it('covers every pair of up to six attributes with few tables', () => {
    for (let a = 0; a <= 8; a++) {
      const { pairs, triples } = crossedCombinations(a);
      const P = Math.min(a, 6);
      expect(pairs.length).toBe(Math.abs((P * (P - 1)) / 2));
      const tables = triples.length + pairs.filter((p) => !triples.some((t) => p.every((x) => t.includes(x)))).length;
      if (a === 6) expect(tables).toBe(8);
      for (const t of triples) expect(new Set(t).size).toBe(3);
    }
  });
});
