// The worked examples of reference/disclosure-control.md, reproduced exactly.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { midpoint6, nhsSubnationalDisplay, publishedInterval, roundToBase } from '../../../shared/disclosure/rounding';
import { presetPolicy } from '../../../shared/disclosure/presets';
import { protectTable } from '../../../shared/disclosure/protect';
import type { ProtectedCountTable } from '../../../shared/disclosure/evidence';

describe('midpoint-6 rounding (OpenSAFELY, reference b2 rule 3)', () => {
  it('reproduces the worked example: 0→0, 1–6→3, 7–12→9, 13–18→15', () => {
    expect(midpoint6(0)).toBe(0);
    for (let x = 1; x <= 6; x++) expect(midpoint6(x)).toBe(3);
    for (let x = 7; x <= 12; x++) expect(midpoint6(x)).toBe(9);
    for (let x = 13; x <= 18; x++) expect(midpoint6(x)).toBe(15);
  });

  it('matches the published formula ceiling(x/6)*6 - floor(6/2)*(x != 0) for every count', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (x) => {
        expect(midpoint6(x)).toBe(Math.ceil(x / 6) * 6 - Math.floor(6 / 2) * (x !== 0 ? 1 : 0));
        // Airlock's check for midpoint-6 values: x == 0 or (x - 3) % 6 == 0.
        const m = midpoint6(x);
        expect(m === 0 || (m - 3) % 6 === 0).toBe(true);
      }),
    );
  });
});

describe('NHS Digital sub-national counts rule (reference b3)', () => {
  it('0 stays 0, 1–7 are shown as *, every other count is rounded to the nearest 5', () => {
    expect(nhsSubnationalDisplay(0)).toBe('0');
    for (let x = 1; x <= 7; x++) expect(nhsSubnationalDisplay(x)).toBe('*');
    expect([8, 9, 10, 12, 13, 17, 18, 22, 23, 1234].map(nhsSubnationalDisplay)).toEqual(['10', '10', '10', '10', '15', '15', '20', '20', '25', '1235']);
  });

  it('the nhs-england-subnational preset gives the same cells for a table without totals', () => {
    const counts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 99];
    const out = protectTable(
      {
        kind: 'count-table',
        id: 'nhs',
        title: 'NHS rule',
        dimensions: [{ name: 'group', categories: counts.map((_, i) => `g${i}`) }],
        counts,
        margins: 'none',
      },
      presetPolicy('nhs-england-subnational'),
    ).output as ProtectedCountTable;
    expect(out.cells.map((c) => (c.value === null ? out.marker : String(c.value)))).toEqual(counts.map(nhsSubnationalDisplay));
  });
});

describe('rounding to a base (R11)', () => {
  it('rounds to the nearest multiple, halves up', () => {
    expect([0, 1, 2, 3, 7, 8, 12, 13, 22, 23].map((x) => roundToBase(x, 5))).toEqual([0, 0, 0, 5, 5, 10, 10, 15, 20, 25]);
    expect([4, 5, 14, 15].map((x) => roundToBase(x, 10))).toEqual([0, 10, 10, 20]);
    expect(roundToBase(17, 1)).toBe(17);
  });

  it('OpenSAFELY: redact ≤ 7, then round to 5; zeros kept', () => {
    const counts = [0, 5, 7, 8, 11, 13, 101];
    const out = protectTable(
      { kind: 'count-table', id: 'os', title: 'OpenSAFELY', dimensions: [{ name: 'g', categories: counts.map(String) }], counts, margins: 'none' },
      presetPolicy('opensafely'),
    ).output as ProtectedCountTable;
    expect(out.cells.map((c) => c.value)).toEqual([0, null, null, 10, 10, 15, 100]);
    expect(out.marker).toBe('[REDACTED]');
  });

  it('the interval a published count allows is exactly the counts that would publish as it', () => {
    for (const policy of [presetPolicy('opensafely'), presetPolicy('nhs-england-subnational'), presetPolicy('uk-llc')]) {
      for (let v = 0; v <= 60; v++) {
        const from: number[] = [];
        for (let x = 0; x <= 80; x++) {
          const publishable = x === 0 ? !policy.zerosDisclosive : x >= policy.threshold;
          if (publishable && roundToBase(x, policy.rounding.base) === v) from.push(x);
        }
        const interval = publishedInterval(v, policy);
        if (from.length === 0) expect(interval).toBeNull();
        else expect(interval).toEqual({ lo: Math.min(...from), hi: Math.max(...from) });
      }
    }
  });
});
