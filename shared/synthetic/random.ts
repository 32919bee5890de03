// Seeded randomness for the synthetic extract: mulberry32 (a 32-bit generator by Tommy Ettinger,
// public domain) is tiny, fast and good enough for test data; the same seed always gives the same
// stream, which is what makes generated files reproducible.

export type Random = () => number;

/** Uniform [0, 1) numbers from a 32-bit seed. */
export function mulberry32(seed: number): Random {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws an index in proportion to `weights` with one uniform and a binary search over the
 * cumulative weights (weights need not sum to 1; zero weights are never drawn).
 */
export function weightedSampler(weights: readonly number[], random: Random): () => number {
  const n = weights.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError('weights must be finite and non-negative');
    total += w;
    cumulative[i] = total;
  }
  if (total <= 0) throw new RangeError('weights must not all be zero');
  return () => {
    const u = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (u < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Standard normal draws (Box-Muller), keeping the second value of each pair. */
export function normalSampler(random: Random): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u = random();
    while (u === 0) u = random();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * random();
    spare = r * Math.sin(theta);
    hasSpare = true;
    return r * Math.cos(theta);
  };
}
