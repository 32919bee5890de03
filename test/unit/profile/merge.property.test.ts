// Merge-exactness: profiling a file in any number of parts, split anywhere, fed in any batch
// sizes, passed through structured clone and merged in any tree shape, gives the same finished
// profile as profiling it whole (floating-point fields to a relative 1e-9).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createProfileAccumulator,
  finishProfile,
  mergeProfileStates,
  profileAccumulatorFromState,
  type ProfileOptions,
  type ProfileState,
} from '../../../shared/profile';

const pad2 = (n: number): string => String(n).padStart(2, '0');
const day = fc.integer({ min: 1, max: 31 });
const month = fc.integer({ min: 1, max: 13 });
const year = fc.integer({ min: 1890, max: 2030 });

const cellKinds: Record<string, fc.Arbitrary<string>> = {
  smallInt: fc.integer({ min: -5, max: 12 }).map(String),
  wideInt: fc.integer({ min: -1e6, max: 1e9 }).map(String),
  decimal: fc.double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true }).map((x) => x.toFixed(2)),
  tinyDecimal: fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }).map((x) => x.toPrecision(3)),
  isoDate: fc.tuple(year, month, day).map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}`),
  ukDate: fc.tuple(year, month, day).map(([y, m, d]) => `${pad2(d)}/${pad2(m)}/${y}`),
  usDate: fc.tuple(year, month, day).map(([y, m, d]) => `${pad2(m)}/${pad2(d)}/${y}`),
  compactDate: fc.tuple(year, month, day).map(([y, m, d]) => `${y}${pad2(m)}${pad2(d)}`),
  dateTime: fc.tuple(year, month, day, fc.integer({ min: 0, max: 24 })).map(([y, m, d, h]) => `${y}-${pad2(m)}-${pad2(d)}T${pad2(h)}:30:00`),
  missing: fc.constantFrom('', ' ', '  ', 'NA', 'na', ' NULL', 'N/A', 'not known', '\t'),
  category: fc.constantFrom('A', 'B', 'C', 'Z', '99', 'LS1', 'M1', 'E1W'),
  boolean: fc.constantFrom('Y', 'N', 'y', 'yes', 'No', '1', '0', 'true'),
  nhs: fc.constantFrom('9434765919', '4010232137', '943 476 5919', '9876543210', '9434765918'),
  postcode: fc.constantFrom('LS1 4AP', 'SW1A 1AA', 'm1 1ae', 'B33 8TH'),
  contact: fc.constantFrom('a@b.co', 'jo@example.org', '07700 900123', '+44 20 7946 0018'),
  text: fc.string({ maxLength: 8 }),
  words: fc.array(fc.constantFrom('seen', 'ward', 'pain', 'Smith', "O'Neil"), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
};
const kindNames = Object.keys(cellKinds);
const columnNames = ['ID', 'NHS_NUMBER', 'DOB', 'SEX', 'BMI', 'POSTCODE', 'SURNAME', 'NOTE', 'EMAIL', 'X'];

const tableArb = fc
  .array(fc.subarray(kindNames, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 })
  .chain((columnKinds) =>
    fc.record({
      columns: fc.constant(columnKinds.map((_, i) => columnNames[i % columnNames.length]! + (i >= columnNames.length ? i : ''))),
      rows: fc.array(fc.tuple(...columnKinds.map((kinds) => fc.oneof(...kinds.map((k) => cellKinds[k]!)))), { maxLength: 150 }),
    }),
  );

const optionsArb: fc.Arbitrary<Partial<ProfileOptions>> = fc
  .record({
    frequencyCap: fc.integer({ min: 0, max: 8 }),
    extra: fc.integer({ min: 0, max: 12 }),
    nonConformingExamples: fc.integer({ min: 0, max: 4 }),
    typeShareThreshold: fc.constantFrom(0.6, 0.9, 1),
  })
  .map(({ frequencyCap, extra, nonConformingExamples, typeShareThreshold }) => ({
    frequencyCap,
    exactDistinctCap: Math.max(1, frequencyCap + extra),
    nonConformingExamples,
    typeShareThreshold,
  }));

type Shape = 'left' | 'right' | 'balanced';

function mergeAll(states: ProfileState[], shape: Shape): ProfileState {
  if (states.length === 1) return states[0]!;
  if (shape === 'left') return states.reduce((a, b) => mergeProfileStates(a, b));
  if (shape === 'right') return states.reduceRight((b, a) => mergeProfileStates(a, b));
  const mid = Math.floor(states.length / 2);
  return mergeProfileStates(mergeAll(states.slice(0, mid), shape), mergeAll(states.slice(mid), shape));
}

/** Deep equality with numbers compared to a relative 1e-9 (exact for integers in practice). */
function expectClose(a: unknown, b: unknown, path = 'profile'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isFinite(a) || Number.isFinite(b)) {
      expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
    } else expect(a, path).toBe(b);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, `${path}.length`).toBe(b.length);
    a.forEach((x, i) => expectClose(x, b[i], `${path}[${i}]`));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), `${path} keys`).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a)) expectClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(a, path).toEqual(b);
}

describe('merging parts equals profiling the whole', () => {
  it('for random tables, splits, batch sizes and merge orders', () => {
    const seen = { sketchColumns: 0, multiPart: 0, types: new Set<string>(), identifiers: new Set<string>(), examples: 0 };
    fc.assert(
      fc.property(
        tableArb,
        optionsArb,
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<Shape>('left', 'right', 'balanced'),
        fc.boolean(),
        ({ columns, rows }, options, cuts, batchSizes, shape, resume) => {
          const whole = createProfileAccumulator(columns, options);
          whole.addRows(rows);
          const expected = finishProfile(whole.toState());

          const points = [...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((x, y) => x - y);
          const bounds = [0, ...points, rows.length];
          const states: ProfileState[] = [];
          for (let p = 0; p + 1 < bounds.length; p++) {
            const part = rows.slice(bounds[p], bounds[p + 1]);
            let acc = createProfileAccumulator(columns, options);
            let fed = 0;
            for (let k = 0; fed < part.length; k++) {
              const size = batchSizes[k % batchSizes.length]!;
              acc.addRows(part.slice(fed, fed + size));
              fed += size;
              // a worker may hand its state over and carry on from it
              if (resume && k === 0) acc = profileAccumulatorFromState(structuredClone(acc.toState()));
            }
            states.push(structuredClone(acc.toState())); // as postMessage would
          }
          const actual = finishProfile(mergeAll(states, shape));
          expectClose(actual, expected);

          if (states.length > 1) seen.multiPart++;
          for (const c of expected) {
            if (!c.distinct.exact) seen.sketchColumns++;
            seen.types.add(c.type);
            if (c.identifier) seen.identifiers.add(c.identifier.kind);
            seen.examples += c.nonConforming.examples.length;
          }
        },
      ),
      { numRuns: 400 },
    );
    // The generators must reach what the test claims to cover.
    expect(seen.multiPart).toBeGreaterThan(200);
    expect(seen.sketchColumns).toBeGreaterThan(100);
    expect(seen.examples).toBeGreaterThan(30);
    expect([...seen.types].sort()).toEqual(['boolean', 'category', 'date', 'datetime', 'decimal', 'empty', 'integer', 'text']);
    expect(seen.identifiers.size).toBeGreaterThanOrEqual(4);
  });

  it('empty parts and an empty file merge cleanly', () => {
    const columns = ['A', 'B'];
    const empty = createProfileAccumulator(columns).toState();
    const acc = createProfileAccumulator(columns);
    acc.addRows([
      ['1', 'x'],
      ['', 'NA'],
    ]);
    const full = acc.toState();
    expect(finishProfile(mergeProfileStates(empty, full))).toEqual(finishProfile(full));
    expect(finishProfile(mergeProfileStates(full, empty))).toEqual(finishProfile(full));
    expect(finishProfile(mergeProfileStates(empty, empty)).map((c) => c.type)).toEqual(['empty', 'empty']);
  });

  it('refuses to merge parts with different columns or options', () => {
    const a = createProfileAccumulator(['A']).toState();
    expect(() => mergeProfileStates(a, createProfileAccumulator(['B']).toState())).toThrow(/different columns/);
    expect(() => mergeProfileStates(a, createProfileAccumulator(['A'], { frequencyCap: 3 }).toState())).toThrow(/different options/);
  });
});
