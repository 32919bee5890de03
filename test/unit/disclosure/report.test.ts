// Across tables: shared margins agree after protection, and no suppressed cell of a crosstab can be
// found by subtracting it from a published marginal table.

import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../../shared/disclosure/presets';
import { protectReport, protectTable } from '../../../shared/disclosure/protect';
import type { ProtectedCountTable, ProtectedGroupTable } from '../../../shared/disclosure/evidence';
import type { CountTable, MeanTable } from '../../../shared/disclosure/table';
import { attack } from './lp-attacker';

const ethnicity = { name: 'ethnicity', categories: ['Asian', 'Black', 'Mixed', 'White', 'Other', 'Not stated'] };
const sex = { name: 'sex', categories: ['Female', 'Male'] };
const age = { name: 'age', categories: ['0-17', '18-64', '65+'] };

// Ethnicity × sex × age, from which every table below is a margin.
const joint = [
  [[30, 210, 55], [28, 190, 61]],
  [[12, 120, 20], [15, 111, 18]],
  [[4, 9, 0], [2, 11, 1]],
  [[400, 2100, 900], [380, 2050, 850]],
  [[3, 25, 6], [1, 30, 4]],
  [[20, 80, 30], [22, 75, 35]],
];

function margin(id: string, dims: ('ethnicity' | 'sex' | 'age')[], margins: 'all' | 'none' = 'all'): CountTable {
  const all = { ethnicity, sex, age };
  const order = ['ethnicity', 'sex', 'age'] as const;
  const chosen = order.filter((d) => dims.includes(d));
  const counts: number[] = [];
  const walk = (prefix: number[]): void => {
    if (prefix.length === chosen.length) {
      let sum = 0;
      joint.forEach((bySex, e) =>
        bySex.forEach((byAge, s) =>
          byAge.forEach((n, a) => {
            const at = { ethnicity: e, sex: s, age: a };
            if (chosen.every((d, j) => at[d] === prefix[j])) sum += n;
          }),
        ),
      );
      counts.push(sum);
      return;
    }
    all[chosen[prefix.length]!].categories.forEach((_, i) => walk([...prefix, i]));
  };
  walk([]);
  return { kind: 'count-table', id, title: id, dimensions: chosen.map((d) => all[d]), counts, margins };
}

describe('protectReport', () => {
  it('protecting tables one by one leaks; protecting them as a report does not', () => {
    const policy = presetPolicy('acro-default');
    const cross = margin('eth-age', ['ethnicity', 'age'], 'none');
    const marginal = margin('eth', ['ethnicity']);
    // One by one: the crosstab has no totals, so its suppressed cells look safe on their own…
    const alone = [protectTable(cross, policy).output, protectTable(marginal, policy).output] as ProtectedCountTable[];
    const leaks = attack(alone, policy).filter((r) => r.width < policy.threshold);
    expect(leaks.length).toBeGreaterThan(0);
    // …together they are protected jointly.
    const report = protectReport([cross, marginal], policy);
    const outs = report.results.map((r) => r.output as ProtectedCountTable);
    for (const r of attack(outs, policy)) expect(r.width).toBeGreaterThanOrEqual(policy.threshold);
    expect(report.links).toEqual([
      expect.objectContaining({ population: 'default', tables: ['eth-age', 'eth'], sharedDimensions: ['ethnicity'], method: 'joint-suppression' }),
    ]);
    expect(report.results[0]!.evidence.protection!.linkedWith).toEqual(['eth']);
  });

  it('tables that share a dimension agree after protection, for every preset', () => {
    for (const id of ['acro-default', 'opensafely', 'nhs-england-subnational', 'uk-llc'] as const) {
      const policy = presetPolicy(id);
      const tables = [margin('eth-sex', ['ethnicity', 'sex']), margin('eth-age', ['ethnicity', 'age']), margin('eth', ['ethnicity']), margin('sex', ['sex']), margin('all3', ['ethnicity', 'sex', 'age'], 'none')];
      const report = protectReport(tables, policy);
      const outs = report.results.map((r) => r.output as ProtectedCountTable);
      const ethTable = outs[2]!;
      for (const cross of [outs[0]!, outs[1]!]) {
        // Linked tables publish true (rounded) totals even under "sum of rounded cells", so they agree.
        expect(cross.totals).toBe('rounded-true-total');
        for (const cat of [...ethnicity.categories, null]) {
          const inCross = cross.cells.find((c) => c.coords[0] === cat && c.coords[1] === null)!;
          const inEth = ethTable.cells.find((c) => c.coords[0] === cat)!;
          expect([inCross.value, inCross.status]).toEqual([inEth.value, inEth.status]);
        }
      }
      for (const r of attack(outs, policy)) expect(r.width, `${id}: ${r.tableId} ${r.coords.join('/')}`).toBeGreaterThanOrEqual(policy.threshold);
    }
  });

  it('publishes the counts behind means from the linked count table, and withholds means whose count is suppressed', () => {
    const policy = presetPolicy('nhs-england-subnational');
    const eth = margin('eth', ['ethnicity']);
    const means: MeanTable = {
      kind: 'means',
      id: 'age-mean',
      title: 'Mean age by ethnicity',
      variable: 'age',
      dimensions: [ethnicity],
      groups: eth.counts.map((n, i) => ({ n, mean: 40 + i })),
    };
    const report = protectReport([eth, means], policy);
    const ethOut = report.results[0]!.output as ProtectedCountTable;
    const meansOut = report.results[1]!.output as ProtectedGroupTable;
    meansOut.groups.forEach((g, i) => {
      expect(g.n).toBe(ethOut.cells[i]!.value);
      if (g.n === null) expect(g.values.mean).toBeNull();
    });
    expect(report.results[1]!.evidence.reasons.join(' ')).toMatch(/protected together/);
  });

  it('protects group counts that are not the population counts on their own, and asks for review', () => {
    const policy = presetPolicy('acro-default');
    const eth = margin('eth', ['ethnicity']);
    const means: MeanTable = {
      kind: 'means',
      id: 'bmi-mean',
      title: 'Mean BMI by ethnicity (recorded values only)',
      variable: 'bmi',
      dimensions: [ethnicity],
      groups: eth.counts.map((n, i) => ({ n: Math.max(0, n - 3), mean: 25 + i })),
    };
    const report = protectReport([eth, means], policy);
    expect(report.results[1]!.evidence.outcome).toBe('review');
    expect(report.outcome).toBe('review');
  });

  it('asks for review when midpoint-6 rates share their groups with count tables', () => {
    const policy = { ...presetPolicy('opensafely'), rates: { method: 'midpoint6' as const } };
    const eth = margin('eth', ['ethnicity']);
    const rates = { kind: 'rates' as const, id: 'r', title: 'r', dimensions: [ethnicity], numerators: eth.counts.map((n) => Math.floor(n / 10)), denominators: eth.counts, per: 1000 };
    const report = protectReport([eth, rates], policy);
    expect(report.results[1]!.evidence.outcome).toBe('review');
    const alone = protectReport([{ ...rates, population: 'elsewhere' }, eth], policy);
    expect(alone.results[0]!.evidence.outcome).toBe('pass');
  });

  it('refuses tables that cannot be slices of one population, or share an id', () => {
    const policy = presetPolicy('acro-default');
    const eth = margin('eth', ['ethnicity']);
    const otherCats: CountTable = { ...margin('eth2', ['ethnicity']), dimensions: [{ name: 'ethnicity', categories: ['A', 'B', 'C', 'D', 'E', 'F'] }] };
    expect(() => protectReport([eth, otherCats], policy)).toThrow(/different categories/);
    const disagree: CountTable = { ...margin('eth-sex', ['ethnicity', 'sex']), counts: margin('eth-sex', ['ethnicity', 'sex']).counts.map((n, i) => (i === 0 ? n + 1 : n)) };
    expect(() => protectReport([eth, disagree], policy)).toThrow(/disagrees/);
    expect(() => protectReport([eth, eth], policy)).toThrow(/share the id/);
    // Different populations are never linked.
    const elsewhere = { ...disagree, population: 'another-dataset' };
    expect(protectReport([eth, elsewhere], policy).links).toEqual([]);
  });
});

describe('group counts that repeat across a non-partition dimension', () => {
  // A missingness table: one row per group and column, every column of a group with the group's
  // size as denominator. Those denominators are the 1-way counts; they must carry the 1-way
  // table's decisions, not be published beside a suppressed 1-way cell.
  it('publish a group size exactly where the 1-way table does, and hide it where it is hidden', () => {
    const columns = { name: 'column', categories: ['BMI', 'SMOKING', 'BP'] };
    for (const id of ['acro-default', 'opensafely'] as const) {
      const policy = presetPolicy(id);
      const ethnicity = { name: 'group', categories: ['A', 'B', 'C', 'D'] };
      const eth: CountTable = { kind: 'count-table', id: 'eth', title: 'Rows by group', dimensions: [ethnicity], counts: [500, 7, 300, 40], margins: 'all' };
      const missing = {
        kind: 'rates' as const,
        id: 'missing-by-eth',
        title: 'Missing by ethnicity',
        dimensions: [ethnicity, columns],
        numerators: eth.counts.flatMap((n) => columns.categories.map((_, c) => Math.floor(n / (c + 3)))),
        denominators: eth.counts.flatMap((n) => columns.categories.map(() => n)),
        per: 100,
      };
      const report = protectReport([eth, missing], policy);
      const ethOut = report.results[0]!.output as ProtectedCountTable;
      const rateOut = report.results[1]!.output as ProtectedGroupTable;
      expect(ethOut.cells.some((c) => c.value === null)).toBe(true);
      ethnicity.categories.forEach((cat, e) => {
        const published = ethOut.cells.find((c) => c.coords[0] === cat)!.value;
        for (let c = 0; c < columns.categories.length; c++) expect(rateOut.groups[e * columns.categories.length + c]!.n, `${id} ${cat}`).toBe(published);
      });
    }
  });
});
