// The attacker must be able to break what is not protected, or the property tests prove nothing.

import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../../shared/disclosure/presets';
import type { ProtectedCountTable, PublishedCell } from '../../../shared/disclosure/evidence';
import { attack, attackerInterval } from './lp-attacker';

function table(id: string, dims: [string, string[]][], cells: [(string | null)[], number | null][], totals: ProtectedCountTable['totals'], base: number): ProtectedCountTable {
  return {
    kind: 'count-table',
    id,
    title: id,
    population: 'default',
    statisticClass: 'count',
    dimensions: dims.map(([name, categories]) => ({ name, categories })),
    margins: cells.some(([c]) => c.includes(null)) ? 'all' : 'none',
    totals,
    roundingBase: base,
    marker: '*',
    cells: cells.map(([coords, value]): PublishedCell => ({ coords, value, status: value === null ? 'suppressed-primary' : base > 1 ? 'rounded' : 'shown' })),
  };
}

describe('LP attacker', () => {
  it('recovers a lone suppressed cell exactly from a true total (primary suppression only)', () => {
    const acro = presetPolicy('acro-default');
    const t = table('t', [['x', ['a', 'b', 'c']]], [[['a'], null], [['b'], 50], [['c'], 60], [[null], 113]], 'rounded-true-total', 1);
    const [r] = attack([t], acro);
    expect(r!.min).toBeCloseTo(3);
    expect(r!.max).toBeCloseTo(3);
    expect(r!.width).toBeCloseTo(0);
  });

  it('narrows a * cell through rounded totals when rounding alone is relied on (NHS rule without secondary suppression)', () => {
    const nhs = presetPolicy('nhs-england-subnational');
    // True row [1, 10], total 11: published [*, 10], total 10. The * cell is pinned to [0, 4].
    const t = table('t', [['x', ['a', 'b']]], [[['a'], null], [['b'], 10], [[null], 10]], 'rounded-true-total', 5);
    const [r] = attack([t], nhs);
    expect(r!.min).toBeCloseTo(0);
    expect(r!.max).toBeCloseTo(4);
    expect(r!.width).toBeLessThan(nhs.threshold);
  });

  it('subtracts a published marginal table from a crosstab', () => {
    const acro = presetPolicy('acro-default');
    // Crosstab without margins suppresses (a, u) = 4, but the 1-way table publishes a = 44.
    const cross = table(
      'ab',
      [['A', ['a', 'b']], ['B', ['u', 'v']]],
      [[['a', 'u'], null], [['a', 'v'], 40], [['b', 'u'], 30], [['b', 'v'], 30]],
      'none',
      1,
    );
    const marginal = table('a', [['A', ['a', 'b']]], [[['a'], 44], [['b'], 60], [[null], 104]], 'rounded-true-total', 1);
    const [r] = attack([cross, marginal], acro);
    expect(r!.width).toBeCloseTo(0);
    expect(r!.min).toBeCloseTo(4);
  });

  it('knows the policy: a published 10 under "redact ≤ 7, round to 5" means 8 to 12', () => {
    expect(attackerInterval(10, presetPolicy('opensafely'))).toEqual([8, 12]);
    expect(attackerInterval(0, presetPolicy('opensafely'))).toEqual([0, 0]);
    expect(attackerInterval(15, presetPolicy('nhs-england-subnational'))).toEqual([13, 17]);
    expect(attackerInterval(12, presetPolicy('uk-llc'))).toEqual([12, 12]);
  });
});
