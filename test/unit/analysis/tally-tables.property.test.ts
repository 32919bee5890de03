// The tally's tables against a plain group-by of the same rows: for any rows and batch sizes, every
// table's counts and per-column missing counts equal what counting each row's values in a Map
// gives. The wide-table case makes a three-way table outgrow its dense array in the middle of a
// batch (more than 2^20 cells), so the switch from array to Map is checked too, and a column with
// more distinct values than a dimension may hold checks that such rows are left out of every table.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTallyAccumulator, type TallySpec, type TallyState } from '../../../shared/analysis';

const COLUMNS = ['A', 'B', 'C', 'NOTE'];
const MISSING = new Set(['', 'NA']);

function spec(maxKeys: number): TallySpec {
  return {
    dimensions: COLUMNS.slice(0, 3).map((c, column) => ({ column, columnName: c, role: 'attribute' as const, transform: { kind: 'raw' as const } })),
    tables: [
      { dims: [], missing: true },
      { dims: [0, 1, 2], missing: false },
      { dims: [0], missing: true },
      { dims: [1, 2], missing: true },
    ],
    maxKeys,
  };
}

/** Table t of a state as "v0|v1|…" → [count, missing per column…]. */
function asMap(state: TallyState, t: number): Map<string, number[]> {
  const table = state.tables[t]!;
  const k = table.dims.length;
  const W = state.columns.length;
  const out = new Map<string, number[]>();
  for (let e = 0; e < table.counts.length; e++) {
    const key = table.dims.map((d, j) => state.values[d]![table.ids[e * k + j]!]!).join('|');
    const missing = table.missing ? Array.from(table.missing.subarray(e * W, e * W + W)) : [];
    out.set(key, [table.counts[e]!, ...missing]);
  }
  return out;
}

/** The same tables by plain counting. */
function groupBy(rows: string[][], dims: number[], withMissing: boolean): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const key = dims.map((d) => row[d]!).join('|');
    const entry = out.get(key) ?? [0, ...(withMissing ? COLUMNS.map(() => 0) : [])];
    entry[0]!++;
    if (withMissing) row.forEach((v, c) => MISSING.has(v) && entry[1 + c]!++);
    out.set(key, entry);
  }
  return out;
}

function tally(rows: string[][], batches: number[], maxKeys = 200_000): TallyState {
  const acc = createTallyAccumulator(spec(maxKeys), COLUMNS, { missingTokens: ['NA'] });
  for (let at = 0, b = 0; at < rows.length; b++) {
    const size = Math.max(1, batches[b % batches.length]!);
    acc.addRows(rows.slice(at, at + size));
    at += size;
  }
  return acc.toState();
}

const value = (n: number) => fc.oneof(fc.integer({ min: 0, max: n - 1 }).map(String), fc.constantFrom('', 'NA'));

describe('tally tables', () => {
  it('equal a plain group-by of the rows, for any rows and batch sizes', () => {
    const rows = fc.array(fc.tuple(value(6), value(4), value(9), value(3)), { maxLength: 400 });
    fc.assert(
      fc.property(rows, fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }), (rs, batches) => {
        const state = tally(rs, batches);
        expect(state.overflowRows).toBe(0);
        spec(0).tables.forEach((t, i) => expect(asMap(state, i)).toEqual(groupBy(rs, t.dims, t.missing)));
      }),
      { numRuns: 60 },
    );
  });

  it('stay exact when a three-way table outgrows its dense array in the middle of a batch', () => {
    // 130 values per column: a 256 × 256 × 256 array is past the dense cap, so the [0,1,2] table
    // moves to its Map part-way through; rows are drawn so that happens inside a batch.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const rows = Array.from({ length: 6000 }, (_, r) => [String(r < 3000 ? next(60) : next(130)), String(next(130)), String(next(130)), next(10) === 0 ? 'NA' : 'x']);
    const state = tally(rows, [2500, 1700]);
    spec(0).tables.forEach((t, i) => expect(asMap(state, i)).toEqual(groupBy(rows, t.dims, t.missing)));
  });

  it('skip a row whose value is past a dimension’s cap in every table, counting it once as overflow', () => {
    // 70,000 distinct values of A: past MAX_DIMENSION_VALUES (65,536) a row has no id.
    const rows = Array.from({ length: 70_000 }, (_, r) => [String(r), String(r % 2), String(r % 3), r % 5 === 0 ? 'NA' : 'x']);
    const state = tally(rows, [4096, 999]);
    expect(state.overflowRows).toBe(70_000 - 65_536);
    const kept = rows.slice(0, 65_536);
    spec(0).tables.forEach((t, i) => expect(asMap(state, i)).toEqual(groupBy(kept, t.dims, t.missing)));
  });
});
