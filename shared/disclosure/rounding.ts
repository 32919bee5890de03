// Rounding rules and what a published (possibly rounded) count tells a reader about the true count.

import type { Policy } from './policy';

/**
 * Rounds a non-negative integer count to the nearest multiple of `base` (R11). Halves go up, which
 * only matters for even bases. Integer arithmetic, so no floating-point drift near the halves.
 */
export function roundToBase(count: number, base: number): number {
  if (base <= 1) return count;
  return Math.floor((2 * count + base) / (2 * base)) * base;
}

/**
 * OpenSAFELY's midpoint-6 rounding: ceiling(x/6)*6 - floor(6/2)*(x != 0), so 0→0, 1–6→3, 7–12→9,
 * 13–18→15 … Zero-preserving and unbiased; used for rates where a numeric value is needed.
 * Source: docs.opensafely.org/outputs/sdc (reference b2, rule 3).
 */
export function midpoint6(count: number): number {
  return count === 0 ? 0 : Math.ceil(count / 6) * 6 - 3;
}

/** Whether a true count may be published under the policy's threshold and zero rule (R1, R2). */
export function isPublishable(count: number, policy: Policy): boolean {
  return count === 0 ? !policy.zerosDisclosive : count >= policy.threshold;
}

/**
 * The published form of a count that passed the primary rule: rounded to the base (R11).
 * Zero stays zero for every base.
 */
export function publishCount(count: number, policy: Policy): number {
  return roundToBase(count, policy.rounding.base);
}

/**
 * The NHS Digital sub-national counts rule as a display function: 0 stays 0, 1–7 become `*`, every
 * other count is rounded to the nearest 5 (reference b3; medium confidence on the exact wording).
 * This is the `nhs-england-subnational` preset applied to one cell, without secondary suppression.
 */
export function nhsSubnationalDisplay(count: number): string {
  if (count === 0) return '0';
  if (count <= 7) return '*';
  return String(roundToBase(count, 5));
}

/** The integers a count may have had, given its published value: [lo, hi], both inclusive. */
export interface CountInterval {
  lo: number;
  hi: number;
}

/**
 * The tightest interval of true counts that a reader who knows the policy can infer from one
 * published count: the rounding pre-image of the value, cut to counts the policy would publish
 * (zero if zeros are shown, else at least the threshold). Returns null when no count could have
 * produced this value (a value the policy can never publish).
 */
export function publishedInterval(published: number, policy: Policy): CountInterval | null {
  const base = policy.rounding.base;
  const lo = base <= 1 ? published : Math.max(0, published - Math.floor(base / 2));
  const hi = base <= 1 ? published : published + Math.ceil(base / 2) - 1;
  if (!Number.isInteger(published) || published < 0 || (base > 1 && published % base !== 0)) return null;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  if (lo === 0 && !policy.zerosDisclosive) {
    from = 0;
    to = 0;
  }
  const low = Math.max(lo, policy.threshold, 1);
  if (low <= hi) {
    from = Math.min(from, low);
    to = hi;
  }
  return from <= to ? { lo: from, hi: to } : null;
}
