// The tally's tables against a plain group-by of the same rows: for any rows and batch sizes, every
// table's counts and per-column missing counts equal what counting each row's values in a Map
// gives. The wide-table case makes a three-way table outgrow its dense array in the middle of a
// batch (more than 2^20 cells), so the switch from array to Map is checked too, and a column with
// more distinct values than a dimension may hold checks that such rows are left out of every table.
//
// The accumulator counts some tables as sums of wider ones it picks as the extents grow
// (tally-sources.ts), so the whole state is also checked against a plain row-at-a-time tally,
// entry order included: ascending ids while a table fits its dense array, first-seen order after.
// The analysis plan's own tables (six attributes, an outcome, a period) are checked that way too.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTallyAccumulator, planAnalysis, tallySpecFor, type TallySpec, type TallyState, type TallyTable } from '../../../shared/analysis';

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

/**
 * The tally a row-at-a-time pass keeps, worked out plainly (no value past a dimension's cap):
 * value ids in first-seen order; a table's entries in ascending ids while its dense array (8 cells
 * per dimension at least, doubling past each new id) fits its cap, then in first-seen order.
 */
function plainTally(rows: string[][], s: TallySpec, keyOf: (row: string[], d: number) => string): Pick<TallyState, 'values' | 'tables'> {
  const values = s.dimensions.map((): string[] => []);
  const index = values.map(() => new Map<string, number>());
  const rowIds = rows.map((row) =>
    s.dimensions.map((_, d) => {
      const v = keyOf(row, d);
      let id = index[d]!.get(v);
      if (id === undefined) index[d]!.set(v, (id = values[d]!.push(v) - 1));
      return id;
    }),
  );
  const tables = s.tables.map((t): TallyTable => {
    const cap = t.missing ? 2 ** 15 : 2 ** 20;
    const maxId = t.dims.map(() => 0);
    let denseUntil = t.dims.length > 3 ? 0 : rows.length;
    for (let r = 0; r < rows.length && denseUntil === rows.length; r++) {
      t.dims.forEach((d, j) => (maxId[j] = Math.max(maxId[j]!, rowIds[r]![d]!)));
      if (maxId.reduce((n, m) => n * Math.max(8, 2 ** Math.ceil(Math.log2(m + 1))), 1) > cap) denseUntil = r;
    }
    const entries = new Map<string, { ids: number[]; first: number; count: number; missing: number[] }>();
    rows.forEach((row, r) => {
      const ids = t.dims.map((d) => rowIds[r]![d]!);
      const key = ids.join(',');
      const e = entries.get(key) ?? { ids, first: r, count: 0, missing: row.map(() => 0) };
      e.count++;
      row.forEach((v, c) => MISSING.has(v) && e.missing[c]!++);
      entries.set(key, e);
    });
    const all = [...entries.values()];
    const ordered = [...all.filter((e) => e.first < denseUntil).sort((a, b) => lex(a.ids, b.ids)), ...all.filter((e) => e.first >= denseUntil).sort((a, b) => a.first - b.first)];
    const out: TallyTable = { dims: t.dims.slice(), ids: Int32Array.from(ordered.flatMap((e) => e.ids)), counts: Float64Array.from(ordered.map((e) => e.count)) };
    if (t.missing) out.missing = Float64Array.from(ordered.flatMap((e) => e.missing));
    return out;
  });
  return { values, tables };
}

function lex(a: number[], b: number[]): number {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j]! - b[j]!;
  return 0;
}

function tally(rows: string[][], batches: number[], s: TallySpec = spec(200_000), columns = COLUMNS): TallyState {
  const acc = createTallyAccumulator(s, columns, { missingTokens: ['NA'] });
  for (let at = 0, b = 0; at < rows.length; b++) {
    const size = Math.max(1, batches[b % batches.length]!);
    acc.addRows(rows.slice(at, at + size));
    at += size;
  }
  return acc.toState();
}

const value = (n: number) => fc.oneof(fc.integer({ min: 0, max: n - 1 }).map(String), fc.constantFrom('', 'NA'));
const rawKey = (row: string[], d: number) => row[d]!;

// The analysis plan for six attributes, an outcome and a period: 21 tables, several of them sums
// of the same wider table while the extents are small.
const PLAN_COLUMNS = ['AGE', 'SEX', 'GENDER', 'ETHNIC', 'REGION', 'IMD', 'OUTCOME', 'ADMITTED', 'NOTE'];
const PLAN_SPEC = tallySpecFor(
  planAnalysis(
    {
      schemaVersion: 1,
      attributes: [
        { column: 'AGE', kind: 'age', scheme: 'age-in-years' },
        { column: 'SEX', kind: 'sex', scheme: 'nhs-person-phenotypic-sex' },
        { column: 'GENDER', kind: 'gender', scheme: 'nhs-person-stated-gender-code' },
        { column: 'ETHNIC', kind: 'ethnicity', scheme: 'nhs-ethnic-category' },
        { column: 'REGION', kind: 'region', scheme: 'ons-region' },
        { column: 'IMD', kind: 'deprivation', scheme: 'imd', deprivation: { edition: 'IMD2019', unit: 'decile', direction: '1-is-most-deprived' } },
      ],
      outcome: { column: 'OUTCOME', positiveValues: ['1'] },
      period: { column: 'ADMITTED', granularity: 'year' },
    },
    PLAN_COLUMNS,
  ),
  PLAN_COLUMNS,
);
/** The plan's dimension keys: raw values, but the period's dates become quarters. */
const planKey = (row: string[], d: number) => {
  const raw = row[PLAN_SPEC.dimensions[d]!.column]!;
  const date = /^(\d{4})-(\d{2})-\d{2}$/.exec(raw);
  return d === 7 && date ? `${date[1]}-Q${Math.floor((Number(date[2]) - 1) / 3) + 1}` : raw;
};
const pad2 = (n: number) => String(n).padStart(2, '0');
/**
 * Rows whose columns have any number of distinct values up to the given most (so that extents
 * grow as rows come, and a wider table may outgrow its cap and give its sums back mid-pass).
 */
const planRows = (most: number[]) =>
  fc.array(
    fc.tuple(
      ...most.map((n) => value(n)),
      fc.oneof(fc.tuple(fc.integer({ min: 2019, max: 2024 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad2(m)}-15`), fc.constantFrom('', 'NA', 'unknown')),
      value(3),
    ),
    { maxLength: 500 },
  );

describe('tally tables', () => {
  it('equal a plain group-by of the rows, for any rows and batch sizes', () => {
    const rows = fc.array(fc.tuple(value(6), value(4), value(9), value(3)), { maxLength: 400 });
    fc.assert(
      fc.property(rows, fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }), (rs, batches) => {
        const state = tally(rs, batches);
        expect(state.overflowRows).toBe(0);
        spec(0).tables.forEach((t, i) => expect(asMap(state, i)).toEqual(groupBy(rs, t.dims, t.missing)));
        expect({ values: state.values, tables: state.tables }).toEqual(plainTally(rs, spec(0), rawKey));
      }),
      { numRuns: 60 },
    );
  });

  it('equal a plain row-at-a-time tally for the analysis plan’s 21 tables, for any rows, value counts and batch sizes', () => {
    const most = fc.tuple(fc.integer({ min: 1, max: 150 }), ...Array.from({ length: 6 }, () => fc.integer({ min: 1, max: 40 })));
    fc.assert(
      fc.property(
        most.chain((m) => planRows(m)),
        fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 5 }),
        (rs, batches) => {
          const state = tally(rs, batches, PLAN_SPEC, PLAN_COLUMNS);
          expect(state.overflowRows).toBe(0);
          expect(state.rows).toBe(rs.length);
          expect({ values: state.values, tables: state.tables }).toEqual(plainTally(rs, PLAN_SPEC, planKey));
        },
      ),
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
    expect({ values: state.values, tables: state.tables }).toEqual(plainTally(rows, spec(0), rawKey));
  });

  it('move a table to its Map at the row its dense array, counted 8 cells per dimension at least, passes the cap', () => {
    // B has 2 values and C 6000: the [1,2] table with missing counts (cap 2^15 cells) leaves its
    // array when C's extent reaches 8192 (8 × 8192 > 2^15), not later; entries seen after that
    // come out in first-seen order.
    const rows = Array.from({ length: 9000 }, (_, r) => [String(r % 3), String(r % 2), String((r * 7919) % 6000), r % 11 === 0 ? 'NA' : 'x']);
    const state = tally(rows, [1000, 333]);
    expect({ values: state.values, tables: state.tables }).toEqual(plainTally(rows, spec(0), rawKey));
  });

  it('stay exact when the plan’s wider tables outgrow their cap as the values widen, batch by batch', () => {
    // Few values at first (every triple is a sum of one 4-way table), then more and more, so the
    // 4-way tables are given up and chosen again at several sizes, some mid-batch.
    let seed = 11;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const rows = Array.from({ length: 20_000 }, (_, r) => {
      const widen = 2 + Math.floor(r / 1000);
      return [
        String(next(5 * widen)),
        ...Array.from({ length: 5 }, () => String(next(widen))),
        next(20) === 0 ? 'NA' : String(next(2)),
        `20${19 + next(Math.min(6, widen))}-${pad2(1 + next(12))}-01`,
        next(7) === 0 ? '' : 'x',
      ];
    });
    const state = tally(rows, [997, 3001, 64], PLAN_SPEC, PLAN_COLUMNS);
    expect({ values: state.values, tables: state.tables }).toEqual(plainTally(rows, PLAN_SPEC, planKey));
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
