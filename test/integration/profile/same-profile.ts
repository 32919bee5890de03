// Deep equality of two profiles (or parts of them), with floating-point figures (means, SDs)
// equal to 12 significant digits: splitting a file differently may round the merged moments
// differently, and nothing else may differ.
import { expect } from 'vitest';

export function expectSameProfile(a: unknown, b: unknown, where = '$'): void {
  if (typeof a === 'number' && typeof b === 'number' && !Number.isInteger(a)) {
    expect(Math.abs(a - b), where).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a)));
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(b.length, where).toBe(a.length);
    a.forEach((x, i) => expectSameProfile(x, b[i], `${where}[${i}]`));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(b as object).sort(), where).toEqual(Object.keys(a as object).sort());
    for (const k of Object.keys(a as object)) expectSameProfile((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${where}.${k}`);
    return;
  }
  expect(b, where).toEqual(a);
}
