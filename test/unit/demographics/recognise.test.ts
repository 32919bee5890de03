import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { detectAttributes, type ColumnProfileSummary, type FrequencyEntry } from '../../../shared/demographics';

const freq = (entries: Record<string, number>): FrequencyEntry[] => Object.entries(entries).map(([value, count]) => ({ value, count }));
const col = (name: string, entries: Record<string, number>, inferredType = 'string'): ColumnProfileSummary => ({ name, inferredType, frequencies: freq(entries) });
const detectOne = (c: ColumnProfileSummary) => detectAttributes([c], { referenceDate: '2025-03-31' })[0];

describe('detectAttributes on built frequency tables', () => {
  it('recognises NHS ethnic letters with messy variants, counting not stated, not known and unmapped separately', () => {
    const s = detectOne(col('ETHNIC_CATEGORY', { A: 700, a: 5, A1: 5, B: 10, C: 60, H: 30, N: 25, R: 8, Z: 40, '99': 50, '': 9, NULL: 3, T: 1, X: 2, Q: 2 }))!;
    expect(s).toMatchObject({ kind: 'ethnicity', scheme: 'nhs-ethnic-category' });
    expect(s.confidence).toBeGreaterThan(0.9);
    expect(s.coverage).toEqual({ rows: 950, categorised: 844, notStated: 40, notKnown: 64, unmapped: 2, distinctValues: 15, distinctUnmapped: 1 });
    expect(s.valueMap).toEqual({ a: 'A', A1: 'A', T: 'C', X: 'not-known', NULL: 'not-known' });
    expect(s.reasons.join(' ')).toMatch(/local second character/);
    expect(s.reasons.join(' ')).toMatch(/40 rows not stated and 64 rows not known/);
  });

  it('prefers the Census 19 categories for numbered codes 1-19', () => {
    const entries: Record<string, number> = {};
    for (let i = 1; i <= 19; i++) entries[String(i)] = 10 * i;
    expect(detectOne(col('ethnic_group', entries, 'integer'))).toMatchObject({ kind: 'ethnicity', scheme: 'census-2021-ethnic-group' });
  });

  it('labels that name only high-level groups choose a 5-group scheme; finer labels choose the 16-letter list', () => {
    expect(detectOne(col('Ethnicity', { White: 800, Mixed: 50, Asian: 100, Black: 40, Other: 10 }))).toMatchObject({ scheme: 'ethnic-group-5-census' });
    const fine = detectOne(col('Ethnicity', { 'White British': 700, 'Black African': 50, 'Asian or Asian British - Indian': 60, Mixed: 5, 'Prefer not to say': 20 }))!;
    expect(fine.scheme).toBe('nhs-ethnic-category');
    expect(fine.coverage!.unmapped).toBe(5);
    expect(fine.coverage!.notStated).toBe(20);
    expect(fine.reasons.join(' ')).toMatch(/5-group scheme would place/);
    const mostlyCoarse = detectOne(col('Ethnicity', { 'White British': 700, Mixed: 100, Asian: 100 }))!;
    expect(mostlyCoarse.scheme).toBe('ethnic-group-5-census');
  });

  it('tells the sex code lists apart by their codes, and gender lists by the column name and values', () => {
    expect(detectOne(col('PERSON_PHENOTYPIC_SEX', { '1': 500, '2': 510, '9': 1, X: 3 }))).toMatchObject({ kind: 'sex', scheme: 'nhs-person-phenotypic-sex' });
    expect(detectOne(col('SEX', { '0': 4, '1': 500, '2': 510, '9': 2 }))).toMatchObject({ kind: 'sex', scheme: 'nhs-person-gender-code' });
    expect(detectOne(col('Sex', { M: 500, F: 510, U: 2 }))).toMatchObject({ kind: 'sex', scheme: 'sex-text' });
    expect(detectOne(col('PERSON_STATED_GENDER_CODE', { '1': 500, '2': 510, X: 9 }))).toMatchObject({ kind: 'gender', scheme: 'nhs-person-stated-gender-code' });
    expect(detectOne(col('GENDER_IDENTITY', { '1': 500, '2': 510, '3': 4, '4': 1, Z: 8, X: 20 }))).toMatchObject({ kind: 'gender', scheme: 'nhs-gender-identity-code' });
    expect(detectOne(col('gender', { Male: 20, Female: 25, 'Non-binary': 2 }))).toMatchObject({ kind: 'gender', scheme: 'nhs-gender-identity-code' });
  });

  it('recognises age, IMD (with unit and edition) and region; needs a name for generic numbers', () => {
    const ages: Record<string, number> = {};
    for (let a = 0; a <= 100; a++) ages[String(a)] = 5;
    expect(detectOne(col('AGE_AT_EXTRACT', ages, 'integer'))).toMatchObject({ kind: 'age', scheme: 'age-in-years' });
    const deciles: Record<string, number> = {};
    for (let d = 1; d <= 10; d++) deciles[String(d)] = 100;
    expect(detectOne(col('IMD_DECILE', deciles, 'integer'))).toMatchObject({ kind: 'deprivation', scheme: 'imd', deprivation: { unit: 'decile', edition: 'IMD2019', direction: '1-is-most-deprived' } });
    expect(detectOne(col('imd2025_quintile', { '1': 5, '2': 5, '3': 5, '4': 5, '5': 5 }, 'integer'))!.deprivation).toEqual({ edition: 'IMD2025', unit: 'quintile', direction: '1-is-most-deprived' });
    expect(detectOne(col('wimd_decile', deciles, 'integer'))!.deprivation!.edition).toBe('WIMD2019');
    expect(detectOne(col('rgn', { E12000007: 10, E12000001: 4 }))).toMatchObject({ kind: 'region', scheme: 'ons-region' });
    // No name hint: region codes are specific enough; plain numbers are not.
    expect(detectOne(col('X17', { E12000007: 10, E12000001: 4, E12000002: 3 }))).toMatchObject({ kind: 'region' });
    expect(detectOne(col('X18', deciles, 'integer'))).toBeUndefined();
    expect(detectOne(col('X19', { '1': 40, '2': 50 }, 'integer'))).toBeUndefined();
  });

  it('high-cardinality columns: dates of birth and ages by name and type; identifiers are skipped', () => {
    expect(detectOne({ name: 'PERSON_BIRTH_DATE', inferredType: 'date' })).toMatchObject({ kind: 'age', scheme: 'date-of-birth', referenceDate: '2025-03-31' });
    expect(detectOne({ name: 'dob', inferredType: 'date', identifierKind: 'date-of-birth' })).toMatchObject({ scheme: 'date-of-birth' });
    expect(detectOne({ name: 'COUNTRY_OF_BIRTH', inferredType: 'string' })).toBeUndefined();
    expect(detectOne({ name: 'BIRTH_WEIGHT', inferredType: 'decimal' })).toBeUndefined();
    expect(detectOne({ name: 'NHS_NUMBER', inferredType: 'string', identifierKind: 'nhs-number' })).toBeUndefined();
    const noRef = detectAttributes([{ name: 'DATE_OF_BIRTH', inferredType: 'date' }])[0]!;
    expect(noRef.referenceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(noRef.reasons.join(' ')).toMatch(/reference date/);
  });

  it('a named column whose values fit no code list is offered as recorded; tagged topics become other', () => {
    const local = detectOne(col('ethnicity', { 'Local group 1': 10, 'Local group 2': 20 }))!;
    expect(local).toMatchObject({ kind: 'ethnicity', scheme: 'as-recorded', confidence: 0.5 });
    expect(detectOne(col('MAIN_SPOKEN_LANGUAGE', { English: 90, Polish: 10 }))).toMatchObject({ kind: 'other', scheme: 'as-recorded', label: 'language' });
    expect(detectOne(col('religion', { None: 10, Christian: 20 }))).toMatchObject({ kind: 'other', label: 'religion or belief' });
    expect(detectOne(col('SEXUAL_ORIENTATION', { Heterosexual: 10, Gay: 2 }))).toMatchObject({ kind: 'other', label: 'sexual orientation' });
  });

  it('never quotes an unrecognised value in its reasons', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 12 }).map((s) => `qz${s.replace(/[^a-z0-9]/gi, 'x')}`), fc.constantFrom('ETHNIC_CATEGORY', 'SEX', 'REGION', 'IMD_DECILE', 'language'), (secret, name) => {
        const s = detectOne(col(name, { A: 10, '1': 10, E12000007: 10, [secret]: 3 }));
        if (s) {
          expect(s.reasons.join(' ')).not.toContain(secret);
          expect(Object.keys(s.valueMap ?? {})).not.toContain(secret);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('detectAttributes on the real CPS 1985 sample', () => {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/cps1985/cps-1985.csv');
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  const columns: ColumnProfileSummary[] = (parsed.meta.fields ?? []).map((name) => {
    const counts = new Map<string, number>();
    for (const row of parsed.data) counts.set(row[name]!, (counts.get(row[name]!) ?? 0) + 1);
    return { name, inferredType: /^\d+(\.\d+)?$/.test(parsed.data[0]![name]!) ? 'decimal' : 'string', frequencies: [...counts].map(([value, count]) => ({ value, count })) };
  });

  it('is the file the fixture README describes (SHA-256)', () => {
    const readme = readFileSync(path.join(path.dirname(file), 'README.md'), 'utf8');
    const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(readme).toContain(digest);
  });

  it('finds gender, race and age and nothing else', () => {
    expect(parsed.data).toHaveLength(534);
    const suggestions = detectAttributes(columns);
    expect(suggestions.map((s) => [s.column, s.kind, s.scheme])).toEqual([
      ['gender', 'gender', 'sex-text'],
      ['age', 'age', 'age-in-years'],
      ['race', 'ethnicity', 'ethnic-group-5-census'],
    ]);
    const race = suggestions.find((s) => s.column === 'race')!;
    // white and other are 5-group labels; hispanic is not a UK category and stays unmapped (27 rows).
    expect(race.coverage).toMatchObject({ rows: 534, categorised: 507, unmapped: 27, distinctUnmapped: 1 });
    expect(race.reasons.join(' ')).not.toContain('hispanic');
    expect(suggestions.find((s) => s.column === 'gender')!.coverage).toMatchObject({ categorised: 534, unmapped: 0 });
  });
});
