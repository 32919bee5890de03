import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, isValidNhsNumber, mulberry32, nhsCheckDigit, normalSampler, syntheticNhsNumber, weightedSampler } from '../../../shared/synthetic';
import { writeSyntheticNhsNumber } from '../../../shared/synthetic/nhs-number';
import { ChunkWriter } from '../../../shared/synthetic/chunk-writer';

describe('mulberry32', () => {
  it('is deterministic per seed, in [0, 1), and roughly uniform', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 100_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs[0]).not.toBe(c());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const bins = new Array(10).fill(0) as number[];
    for (const x of xs) bins[Math.floor(x * 10)]!++;
    // Chi-square with 9 degrees of freedom; 27.9 is the 0.1% critical value.
    const chi2 = bins.reduce((s, n) => s + (n - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it('weightedSampler draws in proportion and never draws a zero weight', () => {
    const draw = weightedSampler([1, 0, 3, 6], mulberry32(1));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[draw()]!++;
    expect(counts[1]).toBe(0);
    expect(counts[0]! / 1e5).toBeCloseTo(0.1, 2);
    expect(counts[2]! / 1e5).toBeCloseTo(0.3, 2);
    expect(counts[3]! / 1e5).toBeCloseTo(0.6, 2);
    expect(() => weightedSampler([0, 0], mulberry32(1))).toThrow(RangeError);
    expect(() => weightedSampler([1, -1], mulberry32(1))).toThrow(RangeError);
  });

  it('normalSampler has mean 0 and variance 1', () => {
    const z = normalSampler(mulberry32(9));
    const xs = Array.from({ length: 100_000 }, () => z());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });
});

describe('NHS numbers', () => {
  it('Modulus 11 check digit: a known valid number, and stems whose check would be 10 have none', () => {
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    // 999000000: 243 -> remainder 1 -> check 10: no valid number.
    expect(nhsCheckDigit('999000000')).toBeUndefined();
  });

  it('synthetic numbers are in the 999 test range and valid; the byte writer produces the same numbers', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const s = syntheticNhsNumber(mulberry32(seed));
        expect(s.startsWith('999')).toBe(true);
        expect(isValidNhsNumber(s)).toBe(true);
        const w = new ChunkWriter(16);
        writeSyntheticNhsNumber(mulberry32(seed), w);
        expect(w.take()).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('CSV quoting and the chunk writer', () => {
  it('quotes only when needed, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const w = new ChunkWriter(4);
    w.field('a,"b"');
    w.char(44);
    w.uint(0);
    w.char(44);
    w.uint(1234567);
    w.text('xyz');
    expect(w.take()).toBe('"a,""b""",0,1234567xyz');
    expect(w.length).toBe(0);
  });
});
