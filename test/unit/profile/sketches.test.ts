import { describe, expect, it } from 'vitest';
import { murmur3String } from '../../../shared/profile/string-hash';
import { createHll, hllAdd, hllEstimate, hllMerge, HLL_RELATIVE_STANDARD_ERROR } from '../../../shared/profile/hyperloglog';
import {
  createQuantileSketch,
  mergeQuantileSketchStates,
  quantileSketchToState,
  sketchQuantiles,
  QUANTILE_RELATIVE_ACCURACY,
} from '../../../shared/profile/quantile-sketch';
import { exactQuantiles } from '../../../shared/profile/finish-column';
import { profileColumn, seededRandom, values } from './helpers';

/** Reference MurmurHash3 x86_32 over bytes, written from the specification for the test. */
function murmur3Bytes(bytes: Uint8Array, seed: number): number {
  let h = seed >>> 0;
  const blocks = bytes.length >> 2;
  for (let b = 0; b < blocks; b++) {
    let k = bytes[b * 4]! | (bytes[b * 4 + 1]! << 8) | (bytes[b * 4 + 2]! << 16) | (bytes[b * 4 + 3]! << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = blocks * 4;
  const rest = bytes.length & 3;
  if (rest > 0) {
    if (rest === 3) k ^= bytes[tail + 2]! << 16;
    if (rest >= 2) k ^= bytes[tail + 1]! << 8;
    k ^= bytes[tail]!;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >>> 8;
  }
  return out;
}

describe('murmur3 string hash', () => {
  it('the byte reference matches published MurmurHash3 x86_32 test vectors', () => {
    const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
    expect(murmur3Bytes(ascii(''), 0)).toBe(0);
    expect(murmur3Bytes(ascii(''), 1)).toBe(0x514e28b7);
    expect(murmur3Bytes(ascii(''), 0xffffffff)).toBe(0x81f16f39);
    expect(murmur3Bytes(new Uint8Array(4), 0)).toBe(0x2362f9de);
    expect(murmur3Bytes(ascii('aaaa'), 0x9747b28c)).toBe(0x5a97808a);
    expect(murmur3Bytes(ascii('Hello, world!'), 0x9747b28c)).toBe(0x24884cba);
    expect(murmur3Bytes(ascii('The quick brown fox jumps over the lazy dog'), 0x9747b28c)).toBe(0x2fa826cd);
  });

  it('hashes a string as murmur3 of its UTF-16LE bytes', () => {
    for (const s of ['', 'a', 'ab', 'abc', '9434765919', 'Zoë Ó Briain', '😀 emoji', 'x'.repeat(101)]) {
      expect(murmur3String(s), s).toBe(murmur3Bytes(utf16le(s), 0));
    }
  });
});

describe('HyperLogLog (precision 14)', () => {
  it.each([0, 1, 10, 1_000, 20_000, 100_000, 500_000])('estimates %i distinct values within 3 standard errors', (n) => {
    const hll = createHll();
    for (let i = 0; i < n; i++) hllAdd(hll, murmur3String(`value-${i}`));
    for (let i = 0; i < n; i += 3) hllAdd(hll, murmur3String(`value-${i}`)); // repeats change nothing
    const estimate = hllEstimate(hll);
    if (n === 0) expect(estimate).toBe(0);
    else expect(Math.abs(estimate - n)).toBeLessThanOrEqual(Math.max(3 * HLL_RELATIVE_STANDARD_ERROR * n, 1));
  });

  it('merging sketches of two sets gives the sketch of their union', () => {
    const a = createHll();
    const b = createHll();
    const union = createHll();
    for (let i = 0; i < 30_000; i++) {
      const h = murmur3String(`k${i}`);
      if (i < 20_000) hllAdd(a, h);
      if (i >= 10_000) hllAdd(b, h);
      hllAdd(union, h);
    }
    hllMerge(a, b);
    expect(a).toEqual(union);
  });
});

describe('DDSketch quantiles', () => {
  const qs = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];

  it('are within the stated relative error of the exact (lower) quantiles on random data', () => {
    const random = seededRandom(99);
    for (const shape of ['uniform', 'lognormal', 'mixed-sign'] as const) {
      const xs = values(20_000, () => {
        const u = random();
        if (shape === 'uniform') return String(Math.floor(u * 1000));
        if (shape === 'lognormal') return Math.exp(4 * (u + random() - 1)).toFixed(4);
        return ((u - 0.3) * 500).toFixed(2);
      }).map(Number);
      const sketch = createQuantileSketch();
      for (const x of xs) sketch.accept(x);
      const est = sketchQuantiles(quantileSketchToState(sketch), qs, Math.min(...xs), Math.max(...xs));
      const exact = exactQuantiles({ values: xs, weights: xs.map(() => 1) }, qs);
      qs.forEach((q, i) => {
        expect(Math.abs(est[i]! - exact[i]!), `${shape} q=${q}`).toBeLessThanOrEqual(QUANTILE_RELATIVE_ACCURACY * Math.abs(exact[i]!) + 1e-12);
      });
    }
  });

  it('profile quantiles past the exact cap keep the bound and say they are estimates', () => {
    const random = seededRandom(5);
    const xs = values(5000, () => (20 + random() * 30).toFixed(3));
    const p = profileColumn('BMI', xs, { exactDistinctCap: 100, frequencyCap: 50 });
    expect(p.numeric?.quantileMethod).toBe('ddsketch');
    expect(p.numeric?.quantileRelativeError).toBe(QUANTILE_RELATIVE_ACCURACY);
    const exact = profileColumn('BMI', xs).numeric!;
    expect(exact.quantileMethod).toBe('exact');
    for (const k of ['p1', 'p5', 'p25', 'p50', 'p75', 'p95', 'p99'] as const) {
      expect(Math.abs(p.numeric!.quantiles[k] - exact.quantiles[k])).toBeLessThanOrEqual(QUANTILE_RELATIVE_ACCURACY * Math.abs(exact.quantiles[k]));
    }
    expect(p.numeric!.min).toBe(exact.min);
    expect(p.numeric!.max).toBe(exact.max);
    expect(p.numeric!.mean).toBeCloseTo(exact.mean, 9);
    expect(p.numeric!.sd!).toBeCloseTo(exact.sd!, 9);
  });

  it('merging states adds buckets, negative ones included (DDSketch.merge in 2.1.1 drops them)', () => {
    const whole = createQuantileSketch();
    const a = createQuantileSketch();
    const b = createQuantileSketch();
    const xs = values(2000, (i) => String((i % 2 ? -1 : 1) * (i * 1.37 + 0.5))).map(Number);
    xs.forEach((x, i) => {
      whole.accept(x);
      (i < 700 ? a : b).accept(x);
    });
    a.accept(0);
    whole.accept(0);
    const merged = mergeQuantileSketchStates(quantileSketchToState(a), quantileSketchToState(b));
    expect(merged).toEqual(quantileSketchToState(whole));
    expect(sketchQuantiles(merged, qs, -Infinity, Infinity)).toEqual(sketchQuantiles(quantileSketchToState(whole), qs, -Infinity, Infinity));
  });

  it('exact quantiles use the lower rank floor(q·(n−1)) with weights', () => {
    expect(exactQuantiles({ values: [3, 1, 2], weights: [1, 1, 2] }, [0, 0.25, 0.5, 0.75, 1])).toEqual([1, 1, 2, 2, 3]); // sorted 1,2,2,3: ranks 0,0,1,2,3
    expect(exactQuantiles({ values: [10, 20], weights: [1, 1] }, [0.5, 0.99, 1])).toEqual([10, 10, 20]);
  });
});
