// Property tests over random tables and every preset: published counts respect the threshold and
// the rounding base, and an LP attacker never narrows a suppressed cell below the protection width.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allPresets } from '../../../shared/disclosure/presets';
import { parsePolicy, protectionWidthOf, type Policy } from '../../../shared/disclosure/policy';
import { protectReport, protectTable } from '../../../shared/disclosure/protect';
import type { ProtectedCountTable, StatisticEvidence } from '../../../shared/disclosure/evidence';
import type { CountTable, Dimension } from '../../../shared/disclosure/table';
import { attack, checkSumOfRoundedTotals } from './lp-attacker';

/** Mostly small counts (where the rules bite), some large ones. */
const count = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 12 }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 90 }), weight: 2 },
);

function dims(sizes: number[]): Dimension[] {
  return sizes.map((n, d) => ({ name: `d${d}`, categories: Array.from({ length: n }, (_, i) => `c${d}.${i}`) }));
}

const shapes = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 })).map((s) => s as number[]),
  fc.tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 })).map((s) => s as number[]),
  fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })).map((s) => s as number[]),
);

const tables = shapes.chain((sizes) =>
  fc.record({
    counts: fc.array(count, { minLength: sizes.reduce((a, b) => a * b, 1), maxLength: sizes.reduce((a, b) => a * b, 1) }),
    margins: fc.oneof({ arbitrary: fc.constant<'all'>('all'), weight: 4 }, { arbitrary: fc.constant<'none'>('none'), weight: 1 }),
    sizes: fc.constant(sizes),
  }),
);

function minimumPublished(policy: Policy): number {
  // A count at the threshold may round down below it (e.g. threshold 12, base 5 → 10); the smallest
  // value a policy can publish for a non-zero count is the rounded threshold.
  const b = policy.rounding.base;
  return b === 1 ? policy.threshold : Math.floor((2 * policy.threshold + b) / (2 * b)) * b;
}

function checkPublished(out: ProtectedCountTable, policy: Policy): void {
  for (const c of out.cells) {
    if (c.value === null) {
      expect(c.status === 'suppressed-primary' || c.status === 'suppressed-secondary').toBe(true);
      continue;
    }
    if (c.value === 0) expect(policy.zerosDisclosive).toBe(false);
    else expect(c.value).toBeGreaterThanOrEqual(minimumPublished(policy));
    expect(c.value % policy.rounding.base).toBe(0);
  }
  checkSumOfRoundedTotals(out);
}

function checkAttack(outs: ProtectedCountTable[], policy: Policy, truthOf: (tableId: string, coords: (string | null)[]) => number): void {
  const width = protectionWidthOf(policy);
  for (const r of attack(outs, policy)) {
    const truth = truthOf(r.tableId, r.coords);
    expect(truth).toBeGreaterThanOrEqual(r.min - 1e-6);
    expect(truth).toBeLessThanOrEqual(r.max + 1e-6);
    expect(r.width, `cell ${r.coords.join('/')} of ${r.tableId}`).toBeGreaterThanOrEqual(width - 1e-6);
  }
}

/** True value of any extended cell of a count table (null coordinates sum over that dimension). */
function truthIn(table: CountTable, coords: (string | null)[]): number {
  let sum = 0;
  const sizes = table.dimensions.map((d) => d.categories.length);
  table.counts.forEach((c, pos) => {
    let rest = pos;
    const idx: number[] = new Array<number>(sizes.length);
    for (let j = sizes.length - 1; j >= 0; j--) {
      idx[j] = rest % sizes[j]!;
      rest = Math.floor(rest / sizes[j]!);
    }
    if (idx.every((v, j) => coords[j] === null || table.dimensions[j]!.categories[v] === coords[j])) sum += c;
  });
  return sum;
}

function checkEvidenceHoldsNoValues(ev: StatisticEvidence, policy: Policy): void {
  const policyNumbers = new Set<number>();
  const walk = (x: unknown): void => {
    if (typeof x === 'number') policyNumbers.add(x);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(policy);
  for (const cell of ev.cells) {
    expect(Object.keys(cell).sort()).toEqual(['coords', 'params', 'reason', 'rule', 'status']);
    for (const v of Object.values(cell.params)) if (typeof v === 'number') expect(policyNumbers.has(v)).toBe(true);
  }
}

describe.each(allPresets().map((p) => [p.id, p] as const))('preset %s', (_id, policy) => {
  it('single tables: threshold, base, and an LP attacker never beats the protection width', () => {
    fc.assert(
      fc.property(tables, ({ counts, margins, sizes }) => {
        const table: CountTable = { kind: 'count-table', id: 't', title: 'T', dimensions: dims(sizes), counts, margins };
        const { output, evidence } = protectTable(table, policy);
        const out = output as ProtectedCountTable;
        checkPublished(out, policy);
        checkAttack([out], policy, (_t, coords) => truthIn(table, coords));
        checkEvidenceHoldsNoValues(evidence, policy);
      }),
      { numRuns: 60 },
    );
  });

  it('a crosstab, its two marginal tables and a second crosstab sharing a dimension stay safe together', () => {
    const linked = fc
      .record({ a: fc.integer({ min: 2, max: 4 }), b: fc.integer({ min: 2, max: 3 }), c: fc.integer({ min: 2, max: 3 }) })
      .chain(({ a, b, c }) =>
        fc.record({
          // The joint A×B×C table; every published table is a margin of it, so they agree.
          joint: fc.array(count, { minLength: a * b * c, maxLength: a * b * c }),
          sizes: fc.constant([a, b, c]),
          abMargins: fc.boolean(),
        }),
      );
    fc.assert(
      fc.property(linked, ({ joint, sizes, abMargins }) => {
        const [A, B, C] = dims([...sizes]) as [Dimension, Dimension, Dimension];
        const full: CountTable = { kind: 'count-table', id: 'abc', title: 'ABC', dimensions: [A, B, C], counts: joint, margins: 'all' };
        const marginal = (id: string, keep: Dimension[], margins: 'all' | 'none'): CountTable => {
          const coordsList = keep.reduce<(string | null)[][]>(
            (acc, d) => acc.flatMap((p) => d.categories.map((c) => [...p, c])),
            [[]],
          );
          return {
            kind: 'count-table',
            id,
            title: id,
            dimensions: keep,
            margins,
            counts: coordsList.map((cs) => truthIn(full, [A, B, C].map((d) => (keep.includes(d) ? cs[keep.indexOf(d)]! : null)))),
          };
        };
        const tablesIn = [
          marginal('ab', [A, B], abMargins ? 'all' : 'none'),
          marginal('ac', [A, C], 'all'),
          marginal('a', [A], 'all'),
          marginal('b', [B], 'all'),
        ];
        const report = protectReport(tablesIn, policy);
        const outs = report.results.map((r) => r.output as ProtectedCountTable);
        for (const o of outs) checkPublished(o, policy);
        // Shared cells agree wherever they appear.
        const seen = new Map<string, number | null>();
        for (const o of outs)
          for (const cell of o.cells) {
            const key = o.dimensions
              .map((d, j) => [d.name, cell.coords[j]] as const)
              .filter(([, c]) => c !== null)
              .map(([n, c]) => `${n}=${c}`)
              .sort()
              .join('&');
            if (o.totals === 'sum-of-rounded-cells' && cell.coords.some((c) => c === null)) continue;
            if (seen.has(key)) expect(cell.value).toBe(seen.get(key));
            else seen.set(key, cell.value);
          }
        const byId = new Map(tablesIn.map((t) => [t.id, t]));
        checkAttack(outs, policy, (id, coords) => truthIn(byId.get(id)!, coords));
        expect(report.links.length).toBe(1);
      }),
      { numRuns: 25 },
    );
  });
});

describe('custom policies', () => {
  const policies = fc
    .record({
      threshold: fc.integer({ min: 1, max: 15 }),
      base: fc.constantFrom(1, 2, 3, 5, 10),
      zerosDisclosive: fc.boolean(),
      totals: fc.constantFrom<'sum-of-rounded-cells' | 'rounded-true-total'>('sum-of-rounded-cells', 'rounded-true-total'),
      extraWidth: fc.integer({ min: 0, max: 8 }),
    })
    .filter((p) => p.threshold >= Math.ceil(p.base / 2))
    .map(({ threshold, base, zerosDisclosive, totals, extraWidth }) =>
      parsePolicy({
        id: 'custom',
        name: 'Custom',
        threshold,
        zerosDisclosive,
        protectionWidth: threshold + extraWidth,
        rounding: { base },
        totals,
        marker: 'c',
        dominance: null,
        pRatio: null,
        rates: { method: 'suppress-and-round' },
        dates: { granularity: 'year' },
        exceptions: 'allowed',
      }),
    );

  it('any valid policy: threshold, base and protection width hold against the LP attacker', () => {
    fc.assert(
      fc.property(policies, tables, (policy, { counts, margins, sizes }) => {
        const table: CountTable = { kind: 'count-table', id: 't', title: 'T', dimensions: dims(sizes), counts, margins };
        const out = protectTable(table, policy).output as ProtectedCountTable;
        checkPublished(out, policy);
        checkAttack([out], policy, (_t, coords) => truthIn(table, coords));
      }),
      { numRuns: 80 },
    );
  });
});
