// Which wider tables the tally counts in place of narrower ones (tally-sources.ts). The counts
// themselves are checked in tally-tables.property.test.ts; here, the choice: for any tables and
// extents, every table summed from a wider one is inside it, each table has at most one source,
// sources stay within their caps, and no two of the tables counted could still be merged.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseSources, type SourceGroup } from '../../../shared/analysis/tally-sources';

const D = 10;
const tableArb = fc.option(fc.uniqueArray(fc.integer({ min: 0, max: D - 1 }), { maxLength: 4 }), { nil: null, freq: 6 });
const extentsArb = fc.array(fc.integer({ min: 0, max: 9 }).map((b) => 2 ** b), { minLength: D, maxLength: D });

const cellsOf = (dims: readonly number[], extentOf: readonly number[]) => dims.reduce((n, d) => n * extentOf[d]!, 1);

/** The dimension sets counted once the groups are chosen: each group's, and each table left on its own. */
function counted(tables: readonly (readonly number[] | null)[], groups: SourceGroup[]): number[][] {
  const grouped = new Set(groups.flatMap((g) => g.members));
  return [...groups.map((g) => g.dims), ...tables.flatMap((t, i) => (t === null || grouped.has(i) ? [] : [[...t]]))];
}

describe('chooseSources', () => {
  it('groups tables inside a wider table within the caps, each table once, until no two counted tables can merge', () => {
    fc.assert(
      fc.property(fc.array(tableArb, { maxLength: 24 }), extentsArb, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 6 }), (tables, extentOf, cellBits, maxDims) => {
        const maxCells = 2 ** cellBits;
        const groups = chooseSources(tables, extentOf, maxCells, maxDims);
        const seen = new Set<number>();
        for (const g of groups) {
          expect(g.members.length).toBeGreaterThan(1);
          expect(g.dims).toEqual([...new Set(g.dims)].sort((a, b) => a - b));
          expect(g.dims.length).toBeLessThanOrEqual(maxDims);
          expect(cellsOf(g.dims, extentOf)).toBeLessThanOrEqual(maxCells);
          for (const m of g.members) {
            expect(seen.has(m)).toBe(false);
            seen.add(m);
            const dims = tables[m];
            expect(dims).not.toBeNull();
            for (const d of dims!) expect(g.dims).toContain(d);
          }
          // A group is exactly the union of its members (no dimension counted for nothing).
          expect(g.dims).toEqual([...new Set(g.members.flatMap((m) => tables[m]!))].sort((a, b) => a - b));
        }
        const units = counted(tables, groups);
        for (let i = 0; i < units.length; i++) {
          for (let j = i + 1; j < units.length; j++) {
            const union = [...new Set([...units[i]!, ...units[j]!])];
            expect(union.length > maxDims || cellsOf(union, extentOf) > maxCells).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts 8 tables for the 21 of six attributes, an outcome and a period at the bench file’s extents', () => {
    // Dimensions 0-5: age (128), sex (4), gender (4), ethnicity (32), region (16), IMD (16);
    // 6: outcome (2); 7: quarter (32). The tables tallySpecFor makes for them, in its order.
    const tables = ['6.7', '0.6.7', '1.6.7', '2.6.7', '3.6.7', '4.6.7', '5.6.7', '0.1.2', '0.1.3', '0.2.3', '1.2.3', '0.4.5', '1.2.4', '1.2.5', '3.4.5', '0', '1', '2', '3', '4', '5'].map((t) => t.split('.').map(Number));
    const groups = chooseSources(tables, [128, 4, 4, 32, 16, 16, 2, 32]);
    expect(counted(tables, groups)).toHaveLength(8);
    // The four attribute triples are sums of one 4-way table (64 Ki cells, the cap).
    expect(groups).toContainEqual({ dims: [0, 1, 2, 3], members: [7, 8, 9, 10, 15, 18] });
  });

  it('leaves out tables over a dimension of index 30 or more', () => {
    expect(chooseSources([[0, 31], [0], [31]], new Array<number>(32).fill(2))).toEqual([]);
  });
});
