// Count, mean, variance (as M2, the sum of squared deviations), min and max, kept with the
// weighted Welford update and merged with Chan et al.'s pairwise formula: numerically stable,
// and the merged result equals the whole-file result up to floating-point rounding.

export interface MomentsState {
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

export function emptyMoments(): MomentsState {
  return { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
}

export function addToMoments(m: MomentsState, x: number, weight: number): void {
  m.n += weight;
  const delta = x - m.mean;
  m.mean += (delta * weight) / m.n;
  m.m2 += weight * delta * (x - m.mean);
  if (x < m.min) m.min = x;
  if (x > m.max) m.max = x;
}

export function mergeMoments(a: MomentsState, b: MomentsState): MomentsState {
  if (b.n === 0) return { ...a };
  if (a.n === 0) return { ...b };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return {
    n,
    mean: a.mean + (delta * b.n) / n,
    m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
  };
}

/** Sample standard deviation (n − 1 denominator); null below two values. */
export function sampleSd(m: MomentsState): number | null {
  return m.n < 2 ? null : Math.sqrt(Math.max(0, m.m2) / (m.n - 1));
}
