// Small helpers shared by the profile tests.
import { createProfileAccumulator, finishProfile, type ColumnProfile, type ProfileOptions } from '../../../shared/profile';

/** Profiles one column of values (rows of one field each). */
export function profileColumn(name: string, values: readonly string[], options?: Partial<ProfileOptions>): ColumnProfile {
  return profileTable([name], values.map((v) => [v]), options)[0]!;
}

export function profileTable(columns: string[], rows: readonly (readonly string[])[], options?: Partial<ProfileOptions>): ColumnProfile[] {
  const acc = createProfileAccumulator(columns, options);
  acc.addRows(rows);
  return finishProfile(acc.toState());
}

/** `count` values from `make(i)`. */
export function values(count: number, make: (i: number) => string): string[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

/** mulberry32: seeded pseudo-random numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid NHS number in the 999 test range, built with its Modulus 11 check digit. */
export function testNhsNumber(random: () => number): string {
  for (;;) {
    const digits = [9, 9, 9, ...Array.from({ length: 6 }, () => Math.floor(random() * 10))];
    const sum = digits.reduce((s, d, i) => s + d * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return digits.join('') + String(check === 11 ? 0 : check);
  }
}
