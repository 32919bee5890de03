// Figures derived from protected counts: shares, Wilson intervals, ratios. Pure arithmetic, kept
// apart so the methods section and the tests can point at one definition.

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Wilson score interval for k of n, as proportions; null when n is 0. */
export function wilsonInterval(k: number, n: number, z = Z95): { low: number; high: number } | null {
  if (!(n > 0) || k < 0 || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A percentage rounded to one decimal place. */
export function percent1(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/** A ratio rounded to two decimal places. */
export function ratio2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Loose label matching between data categories and reference categories. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
