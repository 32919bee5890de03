import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import Papa from 'papaparse';
import {
  ATTRIBUTE_KINDS,
  compileMapping,
  compileOutcome,
  compilePeriod,
  MappingDocumentSchema,
  NOT_KNOWN,
  NOT_STATED,
  suggestMapping,
  UNMAPPED,
  validateMapping,
  type ColumnProfileSummary,
  type MappingDocument,
} from '../../../shared/demographics';
import { getScheme } from '../../../shared/demographics/schemes';
import { RepresentError } from '../../../shared/errors';
import { generateExtract } from '../../../shared/synthetic';

const here = path.dirname(fileURLToPath(import.meta.url));
const COLUMNS = ['ETHNIC_CATEGORY', 'SEX', 'DOB', 'IMD', 'REGION', 'LANG', 'OUTCOME', 'ADMITTED'];

const goodDoc = (): MappingDocument => ({
  schemaVersion: 1,
  attributes: [
    { column: 'ETHNIC_CATEGORY', kind: 'ethnicity', scheme: 'nhs-ethnic-category', grouping: 'ethnic-group-5-census', valueMap: { Q: 'S', 'Local 7': 'not-stated' } },
    { column: 'SEX', kind: 'sex', scheme: 'nhs-person-phenotypic-sex' },
    { column: 'DOB', kind: 'age', scheme: 'date-of-birth', referenceDate: '2025-03-31', grouping: 'age-broad-3' },
    { column: 'IMD', kind: 'deprivation', scheme: 'imd', grouping: 'imd-quintile', deprivation: { edition: 'IMD2019', unit: 'decile', direction: '1-is-least-deprived' } },
    { column: 'REGION', kind: 'region', scheme: 'ons-region' },
    { column: 'LANG', kind: 'other', scheme: 'as-recorded', label: 'language', collection: 'self-reported' },
  ],
  outcome: { column: 'OUTCOME', positiveValues: ['1', 'Y'] },
  period: { column: 'ADMITTED', granularity: 'quarter' },
});

function badMapping(doc: unknown, columns = COLUMNS): RepresentError {
  try {
    validateMapping(doc, columns);
  } catch (e) {
    if (e instanceof RepresentError) return e;
    throw e;
  }
  throw new Error('expected a bad-mapping error');
}

describe('validateMapping', () => {
  it('accepts a good document and returns it typed', () => {
    expect(validateMapping(goodDoc(), COLUMNS)).toEqual(goodDoc());
  });

  it('a missing column names the attribute and the column', () => {
    const e = badMapping(goodDoc(), COLUMNS.filter((c) => c !== 'SEX'));
    expect(e.code).toBe('bad-mapping');
    expect(e.message).toMatch(/Attribute 2 \(sex\) names column "SEX", which is not in the file/);
    expect(e.location.column).toBe('SEX');
  });

  it('an unknown scheme, or one for another kind, names the attribute and column and lists the schemes for the kind', () => {
    const doc = goodDoc();
    doc.attributes[0]!.scheme = 'klingon-ethnicity';
    const e = badMapping(doc);
    expect(e.message).toMatch(/Attribute 1 \(ethnicity\), column "ETHNIC_CATEGORY", names an unknown scheme/);
    expect(e.expected).toMatch(/nhs-ethnic-category/);
    expect(e.location.column).toBe('ETHNIC_CATEGORY');
    const wrongKind = goodDoc();
    wrongKind.attributes[1]!.scheme = 'imd';
    expect(badMapping(wrongKind).message).toMatch(/does not apply to this kind/);
  });

  it('checks groupings, reference dates, deprivation settings and value-map targets', () => {
    const grouping = goodDoc();
    grouping.attributes[1]!.grouping = 'age-broad';
    expect(badMapping(grouping).message).toMatch(/grouping/);
    const noDate = goodDoc();
    delete noDate.attributes[2]!.referenceDate;
    expect(badMapping(noDate).message).toMatch(/reference date/);
    const badDate = goodDoc();
    badDate.attributes[2]!.referenceDate = '2025-02-30';
    expect(badMapping(badDate).found).toMatch(/not a calendar date/);
    const noDepr = goodDoc();
    delete noDepr.attributes[3]!.deprivation;
    expect(badMapping(noDepr).message).toMatch(/edition, unit and direction/);
    const stray = goodDoc();
    stray.attributes[1]!.deprivation = { edition: 'IMD2019', unit: 'decile', direction: '1-is-most-deprived' };
    expect(badMapping(stray).message).toMatch(/not 'imd'/);
    const target = goodDoc();
    target.attributes[0]!.valueMap = { 'SECRET-RAW-VALUE': 'asian' };
    const e = badMapping(target);
    expect(e.message).toMatch(/value map entry 1/);
    expect(e.message + (e.found ?? '') + (e.expected ?? '')).not.toContain('SECRET-RAW-VALUE');
  });

  it('shape errors say where, without quoting value-map keys; other versions are refused', () => {
    const shape = goodDoc() as unknown as { attributes: { kind: string; valueMap?: Record<string, string> }[] };
    shape.attributes[4]!.kind = 'colour';
    const e = badMapping(shape);
    expect(e.message).toMatch(/attributes\[4\]\.kind/);
    expect(e.location.column).toBe('REGION');
    const secret = goodDoc() as unknown as { attributes: { valueMap?: Record<string, string> }[] };
    secret.attributes[0]!.valueMap = { 'SECRET-RAW-VALUE': '' };
    const e2 = badMapping(secret);
    expect(e2.message).toMatch(/valueMap\[one of its entries\]/);
    expect(e2.message).not.toContain('SECRET');
    expect(badMapping({ ...goodDoc(), schemaVersion: 2 }).message).toMatch(/different version/);
    expect(badMapping({ ...goodDoc(), extra: true }).code).toBe('bad-mapping');
    expect(badMapping(null).code).toBe('bad-mapping');
  });

  it('outcome and period columns must exist', () => {
    expect(badMapping(goodDoc(), COLUMNS.filter((c) => c !== 'OUTCOME')).message).toMatch(/The outcome names column "OUTCOME"/);
    expect(badMapping(goodDoc(), COLUMNS.filter((c) => c !== 'ADMITTED')).message).toMatch(/The period names column "ADMITTED"/);
  });
});

describe('compileMapping', () => {
  const categorise = compileMapping(goodDoc());

  it('reports each attribute with its output category set', () => {
    expect(categorise.attributes.map((a) => [a.column, a.categorySet, a.baseCategorySet])).toEqual([
      ['ETHNIC_CATEGORY', 'ethnic-group-5-census', 'nhs-ethnic-category'],
      ['SEX', 'sex', 'sex'],
      ['DOB', 'age-broad-3', 'age-5y'],
      ['IMD', 'imd-quintile', 'imd-decile'],
      ['REGION', 'region', 'region'],
      ['LANG', 'as-recorded', 'as-recorded'],
    ]);
    expect(categorise.attributes[5]!.label).toBe('language');
  });

  it('reads, overrides, groups and keeps specials apart', () => {
    const cases: [number, string, string][] = [
      [0, 'A1', 'white'], [0, 'r', 'asian'], [0, 'Chinese', 'asian'], [0, 'Q', 'other'], [0, 'Local 7', NOT_STATED], [0, 'Z', NOT_STATED],
      [0, '99', NOT_KNOWN], [0, 'BAME', UNMAPPED], [0, '', NOT_KNOWN],
      [1, '0', NOT_KNOWN], [1, 'Female', 'female'], [1, '9', 'indeterminate'],
      [2, '1950-01-01', '65+'], [2, '31/03/2011', '0-14'], [2, '2030-01-01', UNMAPPED],
      // Reversed source direction: raw 1 = least deprived = decile 10 = quintile 5.
      [3, '1', '5'], [3, '10', '1'], [3, '3', '4'], [3, 'NULL', NOT_KNOWN],
      [4, 'London', 'E12000007'], [5, ' Polish ', 'Polish'], [5, 'Prefer not to say', NOT_STATED],
    ];
    for (const [i, raw, expected] of cases) expect(categorise(i, raw), `${i} ${raw}`).toBe(expected);
    expect(() => categorise(9, 'A')).toThrow(RangeError);
  });

  it('memoised results equal a fresh reading, on repeat calls and after the memo restarts', () => {
    const doc = goodDoc();
    const fresh = doc.attributes.map((a) => getScheme(a.scheme)!.createReader({ referenceDate: a.referenceDate, deprivation: a.deprivation }));
    fc.assert(
      fc.property(fc.nat(5), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('A', 'a1', 'Z', '1', '2', '1980-01-01', '7', 'London')), (i, raw) => {
        const once = categorise(i, raw);
        expect(categorise(i, raw)).toBe(once);
        if (i === 1 || i === 4 || i === 5) expect(once).toBe(valueOrRead(doc, i, raw, fresh[i]!));
      }),
      { numRuns: 3000 },
    );
    const open = compileMapping({ schemaVersion: 1, attributes: [{ column: 'LANG', kind: 'other', scheme: 'as-recorded' }] });
    for (let k = 0; k < 140_000; k++) open(0, `v${k}`);
    expect(open(0, 'v1')).toBe('v1');
    expect(open(0, 'v139999')).toBe('v139999');
  });

  it('outcome and period readers', () => {
    const outcome = compileOutcome(goodDoc())!;
    expect([outcome('1'), outcome(' Y '), outcome('0'), outcome('N'), outcome(''), outcome('NULL')]).toEqual([true, true, false, false, undefined, undefined]);
    const period = compilePeriod(goodDoc())!;
    expect([period('15/08/2021'), period('2019-01-01'), period('rubbish')]).toEqual(['2021-Q3', '2019-Q1', NOT_KNOWN]);
    expect(compileOutcome({ schemaVersion: 1, attributes: [] })).toBeUndefined();
  });

  it('rejects a document with a bad scheme (columns are checked by validateMapping)', () => {
    expect(() => compileMapping({ schemaVersion: 1, attributes: [{ column: 'x', kind: 'sex', scheme: 'nope' }] })).toThrow(RepresentError);
  });
});

function valueOrRead(doc: MappingDocument, i: number, raw: string, read: (raw: string) => { key: string }): string {
  return doc.attributes[i]!.valueMap?.[raw] ?? read(raw).key;
}

describe('suggestMapping on the synthetic extract (messy)', () => {
  const text = [...generateExtract({ rows: 20_000, seed: 7, messy: true })].join('');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const types: Record<string, string> = { PERSON_BIRTH_DATE: 'date', ADMISSION_DATE: 'date', AGE_AT_EXTRACT: 'integer', IMD_DECILE: 'integer', SYSTOLIC_BP: 'integer', OUTCOME_30D: 'integer', BMI: 'decimal' };
  const identifiers: Record<string, string> = { NHS_NUMBER: 'nhs-number', PERSON_BIRTH_DATE: 'date-of-birth' };
  const columns: ColumnProfileSummary[] = (parsed.meta.fields ?? []).map((name) => {
    const counts = new Map<string, number>();
    for (const row of parsed.data) counts.set(row[name]!, (counts.get(row[name]!) ?? 0) + 1);
    const c: ColumnProfileSummary = { name, inferredType: types[name] ?? 'string' };
    if (counts.size <= 500) c.frequencies = [...counts].map(([value, count]) => ({ value, count }));
    if (identifiers[name]) c.identifierKind = identifiers[name];
    return c;
  });

  it('maps the demographic columns, the outcome and the period', () => {
    const doc = suggestMapping(columns, { referenceDate: '2025-03-31' });
    expect(doc.attributes.map((a) => [a.column, a.kind, a.scheme])).toEqual([
      ['AGE_AT_EXTRACT', 'age', 'age-in-years'],
      ['PERSON_PHENOTYPIC_SEX', 'sex', 'nhs-person-phenotypic-sex'],
      ['PERSON_STATED_GENDER_CODE', 'gender', 'nhs-person-stated-gender-code'],
      ['ETHNIC_CATEGORY', 'ethnicity', 'nhs-ethnic-category'],
      ['REGION_CODE', 'region', 'ons-region'],
      ['IMD_DECILE', 'deprivation', 'imd'],
    ]);
    expect(doc.outcome).toEqual({ column: 'OUTCOME_30D', positiveValues: ['1'] });
    expect(doc.period).toEqual({ column: 'ADMISSION_DATE', granularity: 'year' });
    const ethnic = doc.attributes.find((a) => a.kind === 'ethnicity')!;
    expect(ethnic.valueMap).toMatchObject({ T: 'C', X: 'not-known', NULL: 'not-known', 'Prefer not to say': 'not-stated', 'White British': 'A', A1: 'A', '  a ': 'A' });
    expect(validateMapping(doc, parsed.meta.fields!)).toEqual(doc);
  });

  it('the compiled mapping places every messy value: nothing unmapped, nothing dropped', () => {
    const doc = suggestMapping(columns, { referenceDate: '2025-03-31' });
    const categorise = compileMapping(doc);
    for (const attr of categorise.attributes) {
      const counts = new Map<string, number>();
      for (const row of parsed.data) {
        const key = categorise(attr.index, row[attr.column]!);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(20_000);
      expect(counts.get(UNMAPPED) ?? 0, attr.column).toBe(0);
    }
  });
});

describe('mapping.schema.json agrees with the zod schema', () => {
  const schema = JSON.parse(readFileSync(path.resolve(here, '../../../shared/demographics/mapping.schema.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  const validate = ajv.compile(schema);

  it('accepts the good document', () => {
    expect(validate(goodDoc())).toBe(true);
  });

  it('on generated documents, valid and invalid, both give the same verdict', () => {
    const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constant(''));
    const maybeWrong = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant(''), fc.array(fc.nat(), { maxLength: 1 })) });
    const attribute = fc.record(
      {
        column: maybeWrong(fc.string({ minLength: 1, maxLength: 6 })),
        kind: maybeWrong(fc.constantFrom(...ATTRIBUTE_KINDS)),
        scheme: maybeWrong(fc.constantFrom('nhs-ethnic-category', 'imd', 'whatever')),
        grouping: maybeWrong(fc.constantFrom('age-broad', 'x')),
        label: maybeWrong(fc.string({ maxLength: 120 })),
        collection: maybeWrong(fc.constantFrom('self-reported', 'inferred', 'guessed')),
        valueMap: maybeWrong(fc.dictionary(fc.string({ maxLength: 4 }).filter((k) => k !== '__proto__'), text, { maxKeys: 3 })),
        referenceDate: maybeWrong(fc.constantFrom('2025-03-31', '2025-3-31', '31/03/2025')),
        deprivation: maybeWrong(
          fc.record(
            { edition: fc.constantFrom('IMD2019', 'IMD2031'), unit: fc.constantFrom('decile', 'tercile'), direction: fc.constantFrom('1-is-most-deprived', 'up') },
            { requiredKeys: [] },
          ),
        ),
        surprise: fc.constant(true),
      },
      { requiredKeys: [] },
    );
    const doc = fc.record(
      {
        schemaVersion: fc.constantFrom(1, 1, 1, 2, '1'),
        attributes: maybeWrong(fc.array(attribute, { maxLength: 3 })),
        outcome: maybeWrong(fc.record({ column: text, positiveValues: fc.array(fc.string(), { maxLength: 2 }) }, { requiredKeys: [] })),
        period: maybeWrong(fc.record({ column: text, granularity: fc.constantFrom('year', 'quarter', 'month') }, { requiredKeys: [] })),
      },
      { requiredKeys: ['schemaVersion'] },
    );
    // Documents built only from valid parts, so both verdicts are always well exercised.
    const validAttribute = fc.record(
      {
        column: fc.string({ minLength: 1, maxLength: 6 }),
        kind: fc.constantFrom(...ATTRIBUTE_KINDS),
        scheme: fc.constantFrom('nhs-ethnic-category', 'imd', 'whatever'),
        grouping: fc.constantFrom('age-broad', 'x'),
        label: fc.string({ minLength: 1, maxLength: 100 }),
        valueMap: fc.dictionary(fc.string({ maxLength: 4 }).filter((k) => k !== '__proto__'), fc.string({ minLength: 1, maxLength: 4 }), { maxKeys: 3 }),
        referenceDate: fc.constant('2025-03-31'),
      },
      { requiredKeys: ['column', 'kind', 'scheme'] },
    );
    const validDoc = fc.record({ schemaVersion: fc.constant(1), attributes: fc.array(validAttribute, { maxLength: 3 }) });
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(doc, validDoc), (d) => {
        const json = JSON.parse(JSON.stringify(d)) as unknown;
        const zodOk = MappingDocumentSchema.safeParse(json).success;
        expect(validate(json)).toBe(zodOk);
        if (zodOk) valid++;
      }),
      { numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(300);
  });
});
