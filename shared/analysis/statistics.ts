// The few statistics the representation analysis needs, written out here because each is a few
// lines and no small, well-kept JavaScript library covering them is installed (jStat and
// simple-statistics are not in the project; pulling one in for four functions is not worth it).
// Definitions: /shared/reference/profiling-and-fairness.md §2.2.

export interface Interval {
  low: number;
  high: number;
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion x/n. Stays inside [0, 1] and behaves for small groups,
 * which is why Fair-Code uses it for group shares. n = 0 gives the uninformative [0, 1].
 */
export function wilsonInterval(x: number, n: number, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('normalQuantile needs 0 < p < 1');
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lowTail) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Total variation distance ½ Σ |p − q|, in [0, 1]. */
export function totalVariation(p: readonly number[], q: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += Math.abs(p[i]! - (q[i] ?? 0));
  return s / 2;
}

/** Jensen–Shannon distance √JSD with log base 2, so it lies in [0, 1]; zero shares need no smoothing. */
export function jensenShannonDistance(p: readonly number[], q: readonly number[]): number {
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    const qi = q[i] ?? 0;
    const m = (pi + qi) / 2;
    if (pi > 0) js += 0.5 * pi * Math.log2(pi / m);
    if (qi > 0) js += 0.5 * qi * Math.log2(qi / m);
  }
  return Math.sqrt(Math.min(1, Math.max(0, js)));
}

export interface ChiSquareResult {
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
  /** Cells whose expected count is below 5: the χ² approximation is then doubtful. */
  smallExpectedCells: number;
}

/**
 * χ² goodness of fit of observed counts to reference shares (categories with share 0 are left
 * out: an observation there makes the statistic infinite, which the caller flags separately).
 */
export function chiSquareGoodnessOfFit(observed: readonly number[], shares: readonly number[]): ChiSquareResult {
  let n = 0;
  let qTotal = 0;
  for (let i = 0; i < observed.length; i++) {
    if ((shares[i] ?? 0) > 0) {
      n += observed[i]!;
      qTotal += shares[i]!;
    }
  }
  let statistic = 0;
  let cells = 0;
  let small = 0;
  for (let i = 0; i < observed.length; i++) {
    const q = shares[i] ?? 0;
    if (q <= 0) continue;
    cells++;
    const expected = (n * q) / qTotal;
    if (expected < 5) small++;
    if (expected > 0) statistic += (observed[i]! - expected) ** 2 / expected;
  }
  const df = Math.max(0, cells - 1);
  return { statistic, degreesOfFreedom: df, pValue: df > 0 ? chiSquareSurvival(statistic, df) : 1, smallExpectedCells: small };
}

/** P(X ≥ x) for X ~ χ²(df): the regularised upper incomplete gamma Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  return regularisedGammaQ(df / 2, x / 2);
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0. */
export function logGamma(x: number): number {
  const g = 7;
  const coef = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const xx = x - 1;
  let a = coef[0]!;
  const t = xx + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += coef[i]! / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Q(a, x) = Γ(a, x) / Γ(a): the series for P when x < a + 1, else Lentz's continued fraction for Q
 * (the standard split, as in Numerical Recipes §6.2), both to double precision.
 */
export function regularisedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, Math.exp(lnPrefix) * h);
}
