// The tally reads the profile accumulator's per-cell results (cell codes: missing flag and
// exact-tier key) instead of looking every cell up again. These properties pin that shortcut to
// the plain path: for any rows, batch sizes and exact-tier cap (so columns leave the exact tier
// mid-batch, and some missing spellings are counted without being held), the tally fed the
// accumulator's codes equals the tally that works everything out from the strings, and every
// code says exactly what the strings say.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createProfileAccumulator, MISSING_NO_KEY, PRESENT_NO_KEY, resolveProfileOptions, type ProfileOptions } from '../../../shared/profile';
import { MissingMatcher, NOT_MISSING } from '../../../shared/profile/missing-values';
import { createTallyAccumulator, type TallySpec } from '../../../shared/analysis';

const COLUMNS = ['ETHNIC', 'SEX', 'DOB', 'OUTCOME', 'ADMITTED', 'NOTE'];

// More than 64 distinct missing spellings (the most a column holds as keys) and some longer
// than 64 characters, so some missing cells have no key.
const missingSpellings = fc.oneof(
  fc.constantFrom('', ' ', 'NA', 'na', 'NULL', 'N/A', 'not known', '\t'),
  fc.integer({ min: 1, max: 90 }).map((n) => ' '.repeat(n) + 'NA'),
);
const pad2 = (n: number) => String(n).padStart(2, '0');
const date = fc
  .tuple(fc.integer({ min: 1920, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}`);
const cell: Record<string, fc.Arbitrary<string>> = {
  ETHNIC: fc.oneof(fc.constantFrom('A', 'B', 'C', 'a1', 'Z', '99', 'x'), missingSpellings),
  SEX: fc.oneof(fc.constantFrom('1', '2', '9', 'X', 'M'), missingSpellings),
  DOB: fc.oneof(date, fc.constantFrom('not a date', '31/02/1990'), missingSpellings),
  OUTCOME: fc.oneof(fc.constantFrom('0', '1'), missingSpellings),
  ADMITTED: fc.oneof(date, missingSpellings),
  NOTE: fc.oneof(fc.string({ maxLength: 6 }), missingSpellings),
};
const rowsArb = fc.array(fc.tuple(...COLUMNS.map((c) => cell[c]!)), { maxLength: 300 });

const SPEC: TallySpec = {
  dimensions: [
    { column: 0, columnName: 'ETHNIC', role: 'attribute', transform: { kind: 'raw' } },
    { column: 1, columnName: 'SEX', role: 'attribute', transform: { kind: 'raw' } },
    { column: 2, columnName: 'DOB', role: 'attribute', transform: { kind: 'age-at', referenceDate: '2025-03-31' } },
    { column: 3, columnName: 'OUTCOME', role: 'outcome', transform: { kind: 'raw' } },
    { column: 4, columnName: 'ADMITTED', role: 'period', transform: { kind: 'quarter' } },
  ],
  tables: [
    { dims: [], missing: false },
    { dims: [0, 3, 4], missing: true },
    { dims: [1, 3, 4], missing: true },
    { dims: [2, 3, 4], missing: true },
    { dims: [0, 1, 2], missing: false },
    { dims: [0, 1], missing: false },
  ],
  maxKeys: 200_000,
};

/** Feeds rows in the given batch sizes, cycling; returns the tally state and checks every batch's codes. */
function run(rows: string[][], batches: number[], options: Partial<ProfileOptions>, withCells: boolean, keyColumns?: number[]) {
  const accumulator = createProfileAccumulator(COLUMNS, options, { recordCells: withCells, ...(keyColumns ? { keyColumns } : {}) });
  const tally = createTallyAccumulator(SPEC, COLUMNS, options);
  const matcher = new MissingMatcher(resolveProfileOptions(options).missingTokens);
  const valueOfKey = COLUMNS.map(() => new Map<number, string>());
  for (let at = 0, b = 0; at < rows.length; b++) {
    const batch = rows.slice(at, at + batches[b % batches.length]!);
    at += batch.length;
    accumulator.addRows(batch);
    const cells = accumulator.cells;
    if (withCells) {
      expect(cells?.rows).toBe(batch.length);
      // Collected, then asserted once: an expect per cell makes the property slow.
      const wrong: string[] = [];
      // The listed missing cells are exactly the missing cells, in every column.
      const listed = new Set(Array.from({ length: cells!.missingCount }, (_, i) => `${cells!.missingRows[i]},${cells!.missingColumns[i]}`));
      const actual = new Set(batch.flatMap((row, r) => row.flatMap((raw, c) => (c < COLUMNS.length && matcher.bucketOf(raw) !== NOT_MISSING ? [`${r},${c}`] : []))));
      expect(listed.size).toBe(cells!.missingCount);
      expect([...listed].sort()).toEqual([...actual].sort());
      for (let c = 0; c < COLUMNS.length; c++) {
        const columnCodes = cells!.columns[c];
        if (keyColumns && !keyColumns.includes(c)) {
          if (columnCodes !== undefined) wrong.push(`codes for column ${c}, which was not asked for`);
          continue;
        }
        for (let r = 0; r < batch.length; r++) {
          const raw = batch[r]![c]!;
          const code = columnCodes![r]!;
          const missing = matcher.bucketOf(raw) !== NOT_MISSING;
          if ((code & 1) !== (missing ? 1 : 0)) wrong.push(`missing flag of column ${c}, row ${at - batch.length + r}`);
          if (code >= 0) {
            // A key always stands for the same string, and a string for the same key.
            const seen = valueOfKey[c]!.get(code);
            if (seen === undefined) valueOfKey[c]!.set(code, raw);
            else if (seen !== raw) wrong.push(`key ${code >> 1} of column ${c} names two values`);
          } else if (code !== MISSING_NO_KEY && code !== PRESENT_NO_KEY) {
            wrong.push(`code ${code} in column ${c}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    } else {
      expect(cells).toBeUndefined();
    }
    tally.addRows(batch, cells);
  }
  for (const keys of valueOfKey) expect(new Set(keys.values()).size).toBe(keys.size);
  return { tally: tally.toState(), profile: accumulator.toState() };
}

describe('tally from the profile accumulator’s cell codes', () => {
  it('equals the tally worked out from the strings, for any rows, batch sizes and exact-tier cap', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.integer({ min: 1, max: 70 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 40 }), (rows, batches, cap) => {
        const options = { exactDistinctCap: cap, frequencyCap: Math.min(cap, 10) };
        const shortcut = run(rows, batches, options, true);
        const plain = run(rows, batches, options, false);
        // As in a profiling worker: codes for the tallied columns only, missing cells for all.
        const keyed = run(rows, batches, options, true, [...new Set(SPEC.dimensions.map((d) => d.column))]);
        expect(shortcut.tally).toEqual(plain.tally);
        expect(keyed.tally).toEqual(plain.tally);
        // Recording the codes changes nothing in the profile itself.
        expect(shortcut.profile).toEqual(plain.profile);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses codes that belong to other rows', () => {
    const accumulator = createProfileAccumulator(COLUMNS, {}, { recordCells: true });
    const tally = createTallyAccumulator(SPEC, COLUMNS);
    const rows = [['A', '1', '1980-01-01', '0', '2021-05-01', 'x']];
    accumulator.addRows(rows);
    expect(() => tally.addRows([...rows, ...rows], accumulator.cells)).toThrow(/cell codes for other rows/);
  });
});
