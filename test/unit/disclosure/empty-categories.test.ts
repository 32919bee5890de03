// Categories no one has are left out before protection when zeros are disclosive; the tables that
// remain are the true tables without those categories, and an LP attacker still cannot narrow any
// suppressed cell of what is published.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyCategoriesNote, leaveOutEmptyCategories } from '../../../shared/disclosure/empty-categories';
import { allPresets, presetPolicy } from '../../../shared/disclosure/presets';
import { protectionWidthOf } from '../../../shared/disclosure/policy';
import { protectReport } from '../../../shared/disclosure/protect';
import type { ProtectedCountTable } from '../../../shared/disclosure/evidence';
import type { CountTable, RateTable, StatisticInput } from '../../../shared/disclosure/table';
import { attack } from './lp-attacker';

const region = { name: 'region', categories: ['North', 'South', 'Wales'] };
const sex = { name: 'sex', categories: ['Female', 'Male'] };
const age = { name: 'age', categories: ['0-39', '40+'] };

// Row-major region × sex × age, with no one from Wales.
const joint = [30, 25, 22, 41, 15, 33, 28, 19, 0, 0, 0, 0];

function table(id: string, dims: (typeof region)[], counts: number[]): CountTable {
  return { kind: 'count-table', id, title: id, dimensions: dims, counts, margins: 'all', population: 'p' };
}

const oneWay = table('region', [region], [118, 95, 0]);
const byRegionSex = table('region-sex', [region, sex], [55, 63, 43, 52, 0, 0]);
const threeWay = table('region-sex-age', [region, sex, age], joint);
const missing: RateTable = {
  kind: 'rates',
  id: 'missing-by-region',
  title: 'missing',
  dimensions: [region],
  numerators: [4, 9, 0],
  denominators: [118, 95, 0],
  per: 100,
  population: 'p',
};

describe('leaveOutEmptyCategories', () => {
  it('drops a category empty in the whole population from every table and rate crossing it, re-indexing the cells', () => {
    const inputs: StatisticInput[] = [oneWay, byRegionSex, threeWay, missing, table('sex', [sex], [98, 115])];
    const { inputs: out, leftOut } = leaveOutEmptyCategories(inputs, presetPolicy('acro-default'));
    expect([...leftOut.entries()]).toEqual([
      [0, ['region']],
      [1, ['region']],
      [2, ['region']],
      [3, ['region']],
    ]);
    expect((out[0] as CountTable).dimensions[0]!.categories).toEqual(['North', 'South']);
    expect((out[0] as CountTable).counts).toEqual([118, 95]);
    expect((out[1] as CountTable).counts).toEqual([55, 63, 43, 52]);
    expect((out[2] as CountTable).counts).toEqual(joint.slice(0, 8));
    expect((out[2] as CountTable).dimensions.map((d) => d.categories.length)).toEqual([2, 2, 2]);
    expect((out[3] as RateTable).denominators).toEqual([118, 95]);
    expect(out[4]).toBe(inputs[4]);
    // The inputs are not changed.
    expect(oneWay.counts).toEqual([118, 95, 0]);
    expect(emptyCategoriesNote(leftOut.get(0)!)).not.toContain('Wales');
  });

  it('leaves everything as it is when zeros may be published', () => {
    for (const id of ['opensafely', 'nhs-england-subnational'] as const) {
      const policy = presetPolicy(id);
      expect(policy.zerosDisclosive).toBe(false);
      const { inputs, leftOut } = leaveOutEmptyCategories([oneWay, byRegionSex], policy);
      expect(leftOut.size).toBe(0);
      expect(inputs).toEqual([oneWay, byRegionSex]);
    }
  });

  it('keeps a category that is zero in one crosstab row but not overall, and a rate whose empty group has events', () => {
    // Wales has people here, just no men.
    const someWales = table('region-sex', [region, sex], [55, 63, 43, 52, 12, 0]);
    const oddRate: RateTable = { ...missing, denominators: [118, 95, 3] };
    const emptyRegion = table('region', [region], [118, 95, 0]);
    const first = leaveOutEmptyCategories([someWales], presetPolicy('acro-default'));
    expect(first.leftOut.size).toBe(0);
    // The rate's Wales group is not empty, so it is not the same population's count: left whole.
    const second = leaveOutEmptyCategories([emptyRegion, oddRate], presetPolicy('acro-default'));
    expect([...second.leftOut.keys()]).toEqual([0]);
    expect(second.inputs[1]).toBe(oddRate);
  });

  it('does not drop every category of a dimension whose table is all zeros', () => {
    const allEmpty = table('region', [region], [0, 0, 0]);
    expect(leaveOutEmptyCategories([allEmpty], presetPolicy('uk-llc')).leftOut.size).toBe(0);
  });

  it('publishes the 2-way table that hiding the empty row would otherwise cost, and the attacker gains nothing', () => {
    const policy = presetPolicy('acro-default');
    // A crosstab whose only small cells are the empty Wales row.
    const inputs = [oneWay, byRegionSex, table('sex', [sex], [98, 115])];
    const before = protectReport(inputs, policy);
    const beforeHidden = (before.results[1]!.output as ProtectedCountTable).cells.filter((c) => c.value === null).length;
    expect(beforeHidden).toBeGreaterThan(2);
    const after = protectReport(leaveOutEmptyCategories(inputs, policy).inputs, policy);
    const outs = after.results.map((r) => r.output as ProtectedCountTable);
    expect(outs[1]!.cells.every((c) => c.value !== null)).toBe(true);
    expect(outs[0]!.cells.every((c) => c.value !== null)).toBe(true);
  });

  it('property: for random tables with empty categories, under every zeros-disclosive preset, no suppressed cell can be narrowed', () => {
    const presets = allPresets().filter((p) => p.zerosDisclosive);
    expect(presets.length).toBeGreaterThan(0);
    const small = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 }));
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 3 }),
        fc.array(small, { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: presets.length - 1 }),
        (rows, cols, values, emptyRow, p) => {
          const policy = presets[p]!;
          const a = { name: 'a', categories: Array.from({ length: rows }, (_, i) => `a${i}`) };
          const b = { name: 'b', categories: Array.from({ length: cols }, (_, i) => `b${i}`) };
          const empty = emptyRow % rows;
          const counts = Array.from({ length: rows * cols }, (_, k) => (Math.floor(k / cols) === empty ? 0 : values[k]!));
          const rowTotals = a.categories.map((_, i) => counts.slice(i * cols, i * cols + cols).reduce((s, x) => s + x, 0));
          const colTotals = b.categories.map((_, j) => a.categories.reduce((s, _c, i) => s + counts[i * cols + j]!, 0));
          const inputs = [table('a', [a], rowTotals), table('b', [b], colTotals), table('ab', [a, b], counts)];
          const { inputs: trimmed } = leaveOutEmptyCategories(inputs, policy);
          const outs = protectReport(trimmed, policy).results.map((r) => r.output as ProtectedCountTable);
          if (rowTotals.some((t) => t > 0)) {
            for (const o of outs) for (const c of o.cells) expect(c.coords).not.toContain(`a${empty}`);
          } else {
            // Every category is empty: nothing is left out (see the all-zeros test above), and the
            // all-zero tables are protected as such, so not one of their cells is published.
            expect(trimmed).toEqual(inputs);
            for (const o of outs) for (const c of o.cells) expect(c.value, `${o.id} ${c.coords.join('/')}`).toBeNull();
          }
          const width = protectionWidthOf(policy);
          for (const r of attack(outs, policy)) expect(r.width, `${r.tableId} ${r.coords.join('/')}`).toBeGreaterThanOrEqual(width - 1e-6);
        },
      ),
      // The all-zero table (found by a random seed once) is always tried.
      { numRuns: 40, examples: [[2, 2, new Array<number>(12).fill(0), 0, 0]] },
    );
  });
});
