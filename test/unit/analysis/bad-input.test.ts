// Bad input to the analysis: each a RepresentError with a clear message that quotes no data value.
import { describe, it, expect } from 'vitest';
import { RepresentError } from '../../../shared/errors';
import { analyseTally, createTallyAccumulator, planAnalysis, tallySpecFor } from '../../../shared/analysis';
import { parseCustomReference } from '../../../shared/reference';
import { EXTRACT_MAPPING, tallyOf } from './helpers';

function thrown(f: () => unknown): RepresentError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RepresentError);
    return e as RepresentError;
  }
  throw new Error('expected a RepresentError');
}

const columns = ['id', 'ethnicity', 'sex', 'dob', 'outcome', 'admitted'];
const row = (eth: string, sex: string, dob: string, outcome: string, admitted = '2021-05-01') => [String(Math.random()), eth, sex, dob, outcome, admitted];
const mapping = (extra: object = {}) => ({
  schemaVersion: 1,
  attributes: [
    { column: 'ethnicity', kind: 'ethnicity', scheme: 'nhs-ethnic-category' },
    { column: 'sex', kind: 'sex', scheme: 'sex-text' },
    { column: 'dob', kind: 'age', scheme: 'date-of-birth', referenceDate: '2025-03-31' },
  ],
  ...extra,
});

describe('bad input', () => {
  it('a mapping naming a column the file lacks', () => {
    const e = thrown(() => planAnalysis(EXTRACT_MAPPING, columns));
    expect(e.code).toBe('bad-mapping');
    expect(e.message).toMatch(/names column "ETHNIC_CATEGORY", which is not in the file/);
    expect(e.location.column).toBe('ETHNIC_CATEGORY');
  });

  it('an outcome or period column the file lacks', () => {
    expect(thrown(() => planAnalysis(mapping(), columns, { outcome: 'died' })).message).toMatch(/outcome names column "died"/);
    expect(thrown(() => planAnalysis(mapping(), columns, { period: 'seen' })).message).toMatch(/period names column "seen"/);
  });

  it('an unknown scheme', () => {
    const doc = { schemaVersion: 1, attributes: [{ column: 'ethnicity', kind: 'ethnicity', scheme: 'nhs-ethnic-2099' }] };
    const e = thrown(() => planAnalysis(doc, columns));
    expect(e.code).toBe('bad-mapping');
    expect(e.message).toMatch(/unknown scheme/);
    expect(e.expected).toMatch(/nhs-ethnic-category/);
  });

  it('a reference whose shares do not sum to 1, or with a negative count', () => {
    const sums = thrown(() => parseCustomReference('attribute,category,share\nsex,male,0.6\nsex,female,0.6\n', 'catchment.csv'));
    expect(sums.code).toBe('bad-reference');
    expect(sums.message).toMatch(/do not add up to 1/);
    expect(sums.location.file).toBe('catchment.csv');
    const negative = thrown(() => parseCustomReference('attribute,category,count\nsex,male,100\nsex,female,-5\n', 'catchment.csv'));
    expect(negative.message).toMatch(/negative/);
    expect(negative.location.row).toBe(2);
  });

  it('an unknown built-in reference', () => {
    const { plan, tally } = tallyOf(mapping(), columns, [row('A', 'Male', '1980-01-01', '0')]);
    const e = thrown(() => analyseTally(tally, plan, { reference: { builtIn: 'census2021-atlantis' } }));
    expect(e.code).toBe('bad-reference');
  });

  it('an outcome with more than two values and no stated positive value', () => {
    const rows = [row('A', 'Male', '1980-01-01', 'home'), row('A', 'Female', '1980-01-01', 'care home'), row('B', 'Male', '1970-01-01', 'died')];
    const { plan, tally } = tallyOf(mapping(), columns, rows, { overrides: { outcome: 'outcome' } });
    const e = thrown(() => analyseTally(tally, plan));
    expect(e.code).toBe('bad-mapping');
    expect(e.message).toMatch(/not plainly yes\/no, and no positive value was stated/);
    expect(e.found).toBe('3 distinct recorded value(s)');
    expect(e.message).not.toMatch(/care home/);
    // Stating the positive value resolves it.
    const ok = tallyOf(mapping(), columns, rows, { overrides: { outcome: 'outcome', positiveValues: ['died'] } });
    expect(analyseTally(ok.tally, ok.plan).outcome!.overall).toMatchObject({ recorded: 3, positive: 1 });
  });

  it('a plainly binary outcome needs no stated positive value; missing outcomes are kept apart', () => {
    const rows = [row('A', 'Male', '1980-01-01', 'Y'), row('A', 'Female', '1980-01-01', 'N'), row('B', 'Male', '1970-01-01', ''), row('B', 'Male', '1970-01-01', 'NULL')];
    const { plan, tally } = tallyOf(mapping(), columns, rows, { overrides: { outcome: 'outcome' } });
    const o = analyseTally(tally, plan).outcome!;
    expect(o.positiveFrom).toBe('recognised');
    expect(o.positiveValues).toEqual(['Y']);
    expect(o.overall).toMatchObject({ recorded: 2, positive: 1, missing: 2 });
  });

  it('dates of birth after the reference date: a warning, counted as unmapped, never dropped', () => {
    const rows = [row('A', 'Male', '1980-01-01', '0'), row('A', 'Male', '2031-07-09', '0'), row('A', 'Female', '2030-01-01', '1')];
    const { plan, tally } = tallyOf(mapping(), columns, rows);
    const result = analyseTally(tally, plan);
    expect(result.warnings).toEqual(['Column "dob" holds 2 date(s) of birth after the reference date; they are counted as unmapped.']);
    expect(result.attributes[2]!.special.unmapped).toBe(2);
    expect(result.warnings.join()).not.toMatch(/2031|2030/);
  });

  it('a mapped column with too many distinct values (an identifier mapped as an attribute)', () => {
    const doc = { schemaVersion: 1, attributes: [{ column: 'id', kind: 'other', scheme: 'as-recorded', label: 'site' }, { column: 'ethnicity', kind: 'ethnicity', scheme: 'nhs-ethnic-category' }] };
    // More distinct values than a dimension holds (65,536): every id is new.
    const rows = Array.from({ length: 66_000 }, (_, i) => [String(i), i % 2 ? 'A' : 'B', 'Male', '1980-01-01', '0', '2021-05-01']);
    const capped = tallyOfCapped(doc, rows, 1000);
    const e = thrown(() => analyseTally(capped.tally, capped.plan));
    expect(e.code).toBe('bad-mapping');
    expect(e.message).toMatch(/too many distinct values or combinations/);
  });
});

/** A pass with a small key cap (the real cap is 200,000 combinations per table). */
function tallyOfCapped(doc: unknown, rows: string[][], maxKeys: number) {
  const plan = planAnalysis(doc, columns);
  const acc = createTallyAccumulator(tallySpecFor(plan, columns, maxKeys), columns);
  acc.addRows(rows);
  return { plan, tally: acc.toState() };
}
