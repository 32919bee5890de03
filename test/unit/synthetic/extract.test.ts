import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { EXTRACT_COLUMNS, generateExtract, isValidNhsNumber, SYNTHETIC_ASSUMPTIONS, type ExtractOptions } from '../../../shared/synthetic';
import { getReference } from '../../../shared/reference';
import { ageInYears, parseDate } from '../../../shared/demographics';
import { nhsEthnicCategory } from '../../../shared/demographics/codesets';
import { census2021Sex, ENGLAND, ts021 } from '../../../shared/reference/census2021';
import { RepresentError } from '../../../shared/errors';

type Row = Record<(typeof EXTRACT_COLUMNS)[number], string>;

function rowsOf(options: ExtractOptions): Row[] {
  const parsed = Papa.parse<Row>([...generateExtract(options)].join(''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function shares(rows: Row[], column: keyof Row, keep: (v: string) => boolean = () => true): Map<string, number> {
  const counts = new Map<string, number>();
  let n = 0;
  for (const r of rows) {
    const v = r[column];
    if (!keep(v)) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
    n++;
  }
  return new Map([...counts].map(([k, c]) => [k, c / n]));
}

/** |observed - expected| within `z` binomial standard errors (plus a hair for rounding). */
function expectNear(observed: number, expected: number, n: number, label: string, z = 5): void {
  const se = Math.sqrt((expected * (1 - expected)) / n);
  expect(Math.abs(observed - expected), `${label}: ${observed.toFixed(5)} vs ${expected.toFixed(5)}`).toBeLessThanOrEqual(z * se + 1e-4);
}

const LETTERS = nhsEthnicCategory.codes.map((c) => c.code);
const recorded = (v: string) => LETTERS.includes(v);

describe('shape, determinism and validity', () => {
  it('yields the header first, then chunks of whole rows ending in a newline', () => {
    const chunks = [...generateExtract({ rows: 25_000, seed: 1, chunkRows: 10_000 })];
    expect(chunks).toHaveLength(3);
    expect(chunks[0]!.startsWith(EXTRACT_COLUMNS.join(',') + '\n')).toBe(true);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    const lines = chunks.join('').split('\n');
    expect(lines).toHaveLength(25_002); // header + rows + the empty string after the last newline
    const bytesPerRow = chunks.join('').length / 25_000;
    expect(bytesPerRow).toBeGreaterThan(90);
    expect(bytesPerRow).toBeLessThan(125);
    expect([...generateExtract({ rows: 0, seed: 1 })]).toEqual([EXTRACT_COLUMNS.join(',') + '\n']);
    // Another extract date: ages still agree with dates of birth (29 February included).
    const leap = Papa.parse<Row>([...generateExtract({ rows: 3000, seed: 2, extractDate: '2024-02-29' })].join(''), { header: true, skipEmptyLines: true }).data;
    expect(leap.filter((r) => ageInYears(parseDate(r.PERSON_BIRTH_DATE)!, parseDate('2024-02-29')!) !== Number(r.AGE_AT_EXTRACT))).toEqual([]);
  });

  it('is deterministic for a seed, whatever the chunk size, and differs between seeds', () => {
    const a = [...generateExtract({ rows: 20_000, seed: 123, messy: true })].join('');
    const b = [...generateExtract({ rows: 20_000, seed: 123, messy: true, chunkRows: 777 })].join('');
    const c = [...generateExtract({ rows: 20_000, seed: 124, messy: true })].join('');
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('every field is well formed and consistent (NHS numbers, dates, ages, regions)', () => {
    const rows = rowsOf({ rows: 30_000, seed: 5 });
    const extract = parseDate('2025-03-31')!;
    const years = new Set<string>();
    const regionNames = new Map<string, Set<string>>();
    // Collect problems and assert once: one expect per field per row would dominate the run time.
    const problems: string[] = [];
    const check = (ok: boolean, what: string, i: number) => {
      if (!ok && problems.length < 20) problems.push(`row ${i + 1}: ${what}`);
    };
    const sexCodes = ['1', '2', '9', 'X'];
    const ethnicCodes = [...LETTERS, 'Z', '99'];
    const smoking = ['Never smoked', 'Ex-smoker', 'Current smoker', 'Not recorded'];
    rows.forEach((r, i) => {
      check(r.PSEUDO_ID === String(i + 1), 'PSEUDO_ID', i);
      check(isValidNhsNumber(r.NHS_NUMBER) && r.NHS_NUMBER.startsWith('999'), 'NHS_NUMBER', i);
      check(/^\d{4}-\d{2}-\d{2}$/.test(r.PERSON_BIRTH_DATE), 'PERSON_BIRTH_DATE format', i);
      check(ageInYears(parseDate(r.PERSON_BIRTH_DATE)!, extract) === Number(r.AGE_AT_EXTRACT), 'AGE_AT_EXTRACT vs date of birth', i);
      check(Number(r.AGE_AT_EXTRACT) <= SYNTHETIC_ASSUMPTIONS.oldestAge, 'age range', i);
      check(sexCodes.includes(r.PERSON_PHENOTYPIC_SEX) && sexCodes.includes(r.PERSON_STATED_GENDER_CODE), 'sex / gender code', i);
      check(ethnicCodes.includes(r.ETHNIC_CATEGORY), 'ETHNIC_CATEGORY', i);
      check(/^E1200000[1-9]$/.test(r.REGION_CODE), 'REGION_CODE', i);
      regionNames.set(r.REGION_CODE, (regionNames.get(r.REGION_CODE) ?? new Set()).add(r.REGION_NAME));
      check(/^[A-Z]{1,2}\d{1,2}$/.test(r.POSTCODE_DISTRICT), 'POSTCODE_DISTRICT', i);
      check(r.IMD_DECILE === '' || (Number(r.IMD_DECILE) >= 1 && Number(r.IMD_DECILE) <= 10), 'IMD_DECILE', i);
      check(/^\d{2}\/\d{2}\/(2019|202[0-4])$/.test(r.ADMISSION_DATE) && parseDate(r.ADMISSION_DATE) !== undefined, 'ADMISSION_DATE', i);
      years.add(r.ADMISSION_DATE.slice(6));
      check(/^[A-Z]\d{2}[0-9X]$/.test(r.PRIMARY_DIAGNOSIS), 'PRIMARY_DIAGNOSIS', i);
      check(/^$|^\d{2}\.\d$/.test(r.BMI), 'BMI', i);
      check(/^(\d{2,3}|NULL|Not known)$/.test(r.SYSTOLIC_BP), 'SYSTOLIC_BP', i);
      check(smoking.includes(r.SMOKING_STATUS), 'SMOKING_STATUS', i);
      check(r.OUTCOME_30D === '0' || r.OUTCOME_30D === '1', 'OUTCOME_30D', i);
    });
    expect(problems).toEqual([]);
    expect([...years].sort()).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    for (const names of regionNames.values()) expect(names.size).toBe(1);
    expect([...regionNames.get('E12000007')!]).toEqual(['London']);
  });

  it('refuses bad options with a bad-argument error', () => {
    // Thrown at the call, before any chunk is asked for.
    const bad = (o: Partial<ExtractOptions>) => () => generateExtract({ rows: 10, seed: 1, ...o } as ExtractOptions);
    for (const o of [{ rows: -1 }, { rows: 1.5 }, { seed: 0.5 }, { chunkRows: 0 }, { extractDate: '2025-02-30' }, { extractDate: '31/03/2025' }, { undersample: { attribute: 'ethnicity' as const, category: 'Q', factor: 0.1 } }, { undersample: { attribute: 'ethnicity' as const, category: 'N', factor: -1 } }, { missingEthnicity: { notStated: 0.7, notKnown: 0.5 } }])
      expect(bad(o)).toThrow(RepresentError);
  });
});

describe('fidelity to Census 2021 on 200,000 rows', () => {
  const N = 200_000;
  const rows = rowsOf({ rows: N, seed: 2021 });

  it('ethnicity: every NHS letter within 5 standard errors of England (§1.7), Z and 99 at their rates', () => {
    const reference = getReference('census2021-england', 'ethnicity', 'nhs-ethnic-category');
    const observed = shares(rows, 'ETHNIC_CATEGORY', recorded);
    const n = rows.filter((r) => recorded(r.ETHNIC_CATEGORY)).length;
    for (const c of reference.categories) expectNear(observed.get(c.key) ?? 0, c.share, n, c.key);
    const all = shares(rows, 'ETHNIC_CATEGORY');
    expectNear(all.get('Z')!, SYNTHETIC_ASSUMPTIONS.ethnicityNotStated, N, 'Z');
    expectNear(all.get('99')!, SYNTHETIC_ASSUMPTIONS.ethnicityNotKnown, N, '99');
  });

  it('sex: female share matches England (51.04%)', () => {
    const sex = census2021Sex.areas[ENGLAND]!;
    const known = rows.filter((r) => r.PERSON_PHENOTYPIC_SEX === '1' || r.PERSON_PHENOTYPIC_SEX === '2');
    expectNear(known.filter((r) => r.PERSON_PHENOTYPIC_SEX === '2').length / known.length, sex.female / sex.persons, known.length, 'female');
  });

  it('age: every 5-year band within 5 standard errors of England (P02)', () => {
    const reference = getReference('census2021-england', 'age', 'age-5y');
    const bandOf = (age: number) => (age >= 90 ? '90+' : `${Math.floor(age / 5) * 5}-${Math.floor(age / 5) * 5 + 4}`);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(bandOf(Number(r.AGE_AT_EXTRACT)), (counts.get(bandOf(Number(r.AGE_AT_EXTRACT))) ?? 0) + 1);
    for (const c of reference.categories) expectNear((counts.get(c.key) ?? 0) / N, c.share, N, c.key);
  });

  it('region: every region within 5 standard errors of its share of usual residents', () => {
    const reference = getReference('census2021-england', 'region', 'region');
    const observed = shares(rows, 'REGION_CODE');
    for (const c of reference.categories) expectNear(observed.get(c.key) ?? 0, c.share, N, c.key);
  });

  it('regional ethnic mix follows each region\'s published 5-group shares (London vs North East)', () => {
    const group = new Map(nhsEthnicCategory.codes.map((c) => [c.code, c.censusGroup]));
    for (const region of ['E12000007', 'E12000001']) {
      const inRegion = rows.filter((r) => r.REGION_CODE === region && recorded(r.ETHNIC_CATEGORY));
      for (const [g, pct] of Object.entries(ts021.regions[region]!.groups5Percent)) {
        const observed = inRegion.filter((r) => group.get(r.ETHNIC_CATEGORY) === g).length / inRegion.length;
        expectNear(observed, pct / 100, inRegion.length, `${region} ${g}`, 6);
      }
    }
  });

  it('outcome prevalence varies mildly by group and rises with age', () => {
    const rate = (pred: (r: Row) => boolean) => {
      const sel = rows.filter(pred);
      return sel.filter((r) => r.OUTCOME_30D === '1').length / sel.length;
    };
    const group = new Map(nhsEthnicCategory.codes.map((c) => [c.code, c.group]));
    const byGroup = ['white', 'mixed', 'asian', 'black', 'other'].map((g) => rate((r) => group.get(r.ETHNIC_CATEGORY) === g));
    for (const p of byGroup) expect(p).toBeGreaterThan(0.01);
    expect(Math.max(...byGroup) / Math.min(...byGroup)).toBeLessThan(2.5);
    expect(rate((r) => Number(r.AGE_AT_EXTRACT) >= 75)).toBeGreaterThan(2 * rate((r) => Number(r.AGE_AT_EXTRACT) < 40));
  });
});

describe('undersampling and missing ethnicity', () => {
  const N = 200_000;

  it('undersampling N by 0.1 scales its share as intended and leaves the others in proportion', () => {
    const england = getReference('census2021-england', 'ethnicity', 'nhs-ethnic-category');
    const p = england.categories.find((c) => c.key === 'N')!.share;
    const rows = rowsOf({ rows: N, seed: 99, undersample: { attribute: 'ethnicity', category: 'N', factor: 0.1 } });
    const observed = shares(rows, 'ETHNIC_CATEGORY', recorded);
    const n = rows.filter((r) => recorded(r.ETHNIC_CATEGORY)).length;
    const expectedN = (0.1 * p) / (1 - p + 0.1 * p);
    expectNear(observed.get('N')!, expectedN, n, 'N');
    // Every other letter keeps its England share among the non-N rows.
    const nonN = observed.get('N')!;
    for (const c of england.categories.filter((x) => x.key !== 'N')) expectNear((observed.get(c.key) ?? 0) / (1 - nonN), c.share / (1 - p), n, c.key);
  });

  it('missing-ethnicity rates can be set', () => {
    const all = shares(rowsOf({ rows: 50_000, seed: 3, missingEthnicity: { notStated: 0.2, notKnown: 0 } }), 'ETHNIC_CATEGORY');
    expectNear(all.get('Z')!, 0.2, 50_000, 'Z');
    expect(all.has('99')).toBe(false);
  });
});

describe('messy mode', () => {
  it('contains every robustness variant and still parses as RFC 4180 CSV', () => {
    const rows = rowsOf({ rows: 50_000, seed: 11, messy: true });
    const values = (c: keyof Row) => new Set(rows.map((r) => r[c]));
    const ethnic = values('ETHNIC_CATEGORY');
    expect([...ethnic].some((v) => /^[A-S]\d$/.test(v))).toBe(true);
    expect([...ethnic].some((v) => /^[a-s]$/.test(v))).toBe(true);
    expect([...ethnic].some((v) => /^ +[a-s] $/.test(v))).toBe(true);
    for (const v of ['', 'NULL', 'T', 'X', 'White British', 'Prefer not to say']) expect(ethnic.has(v), v).toBe(true);
    const sex = values('PERSON_PHENOTYPIC_SEX');
    for (const v of ['0', '9', 'Male', 'Female', 'M', 'f', '']) expect(sex.has(v), v).toBe(true);
    expect(values('IMD_DECILE').has('NULL')).toBe(true);
    expect([...values('SMOKING_STATUS')].filter((v) => v.includes(','))).toEqual(expect.arrayContaining(['Ex-smoker, stopped over a year ago', 'Current smoker, "social" only']));
    expect([...values('ADMISSION_DATE')].some((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))).toBe(true);
    expect(rows.filter((r) => Object.keys(r).length !== EXTRACT_COLUMNS.length)).toEqual([]);
  });
});
