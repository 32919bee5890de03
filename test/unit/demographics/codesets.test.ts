import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ALL_CODE_SETS,
  ageBands,
  censusEthnicGroup,
  genderIdentity,
  imd,
  nhsEthnicCategory,
  personGenderCode,
  phenotypicSex,
  regions,
  statedGender,
} from '../../../shared/demographics/codesets';
import { CATEGORY_SET_IDS, getCategorySet, groupingMap, groupingTargets } from '../../../shared/demographics/category-sets';
import { SCHEME_IDS, getScheme, schemeGroupings } from '../../../shared/demographics/schemes';

const codesetDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/demographics/codesets');

describe('code-set data files', () => {
  it('every JSON file carries source, url, retrieved and licence, and every file is loaded', () => {
    const files = readdirSync(codesetDir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(ALL_CODE_SETS.length);
    for (const file of files) {
      const json = JSON.parse(readFileSync(path.join(codesetDir, file), 'utf8')) as Record<string, unknown>;
      for (const field of ['id', 'title', 'source', 'url', 'retrieved', 'licence']) expect(typeof json[field], `${file}: ${field}`).toBe('string');
      expect(String(json.url)).toMatch(/^https:\/\//);
      expect(ALL_CODE_SETS.some((c) => c.id === json.id)).toBe(true);
    }
  });

  it('NHS ETHNIC CATEGORY: the 16 national letters A-S without I, O, Q; Z not stated; 99 not known; legacy 9, X and T documented', () => {
    const letters = nhsEthnicCategory.codes.map((c) => c.code);
    expect(letters).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S']);
    expect(Object.fromEntries(nhsEthnicCategory.specialCodes.map((c) => [c.code, c.category]))).toEqual({ Z: 'not-stated', '99': 'not-known' });
    expect(Object.fromEntries(nhsEthnicCategory.legacyCodes.map((c) => [c.code, c.category]))).toEqual({ '9': 'not-known', X: 'not-known', T: 'C' });
    for (const legacy of nhsEthnicCategory.legacyCodes) expect(legacy.meaning.length).toBeGreaterThan(30);
  });

  it('Census 2021: 19 categories numbered 1-19 in the ONS order, each folding to one NHS letter', () => {
    expect(censusEthnicGroup.codes.map((c) => c.code)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    expect(censusEthnicGroup.codes[0]!.shortLabel).toBe('Asian: Bangladeshi');
    expect(censusEthnicGroup.codes[18]!.shortLabel).toBe('Other: Any other ethnic group');
    const fold = groupingMap('census-2021-ethnic-group', 'nhs-ethnic-category')!;
    expect(['15', '16', '17'].map((c) => fold.get(c))).toEqual(['C', 'C', 'C']);
    expect(['18', '19'].map((c) => fold.get(c))).toEqual(['S', 'S']);
    expect(fold.get('2')).toBe('R');
    expect(new Set(fold.values()).size).toBe(16);
  });

  it('Chinese is Asian in the Census grouping and Other in the NHS grouping; every other category agrees', () => {
    const nhs5 = groupingMap('nhs-ethnic-category', 'ethnic-group-5-nhs')!;
    const census5 = groupingMap('nhs-ethnic-category', 'ethnic-group-5-census')!;
    expect(nhs5.get('R')).toBe('other');
    expect(census5.get('R')).toBe('asian');
    const differing = [...nhs5.keys()].filter((k) => nhs5.get(k) !== census5.get(k));
    expect(differing).toEqual(['R']);
    const fromCensus = groupingMap('census-2021-ethnic-group', 'ethnic-group-5-nhs')!;
    expect(fromCensus.get('2')).toBe('other');
    expect(fromCensus.get('18')).toBe('other');
  });

  it('sex and gender code lists follow the reference', () => {
    const table = (s: { codes: { code: string; category: string }[] }) => Object.fromEntries(s.codes.map((c) => [c.code, c.category]));
    expect(table(phenotypicSex)).toEqual({ '1': 'male', '2': 'female', '9': 'indeterminate', X: 'not-known' });
    expect(table(statedGender)).toEqual({ '1': 'male', '2': 'female', '9': 'indeterminate', X: 'not-known' });
    expect(table(personGenderCode)).toEqual({ '0': 'not-known', '1': 'male', '2': 'female', '9': 'indeterminate' });
    expect(table(genderIdentity)).toEqual({ '1': 'male', '2': 'female', '3': 'non-binary', '4': 'other', Z: 'not-stated', X: 'not-known' });
    expect(phenotypicSex.codes.find((c) => c.code === 'X')).toMatchObject({ confidence: 'medium' });
  });

  it('age band sets tile 0 to open-ended without gaps, and nest into the broad sets', () => {
    for (const set of ageBands.sets) {
      expect(set.bands[0]!.min).toBe(0);
      expect(set.bands.at(-1)!.max).toBeNull();
      for (let i = 1; i < set.bands.length; i++) expect(set.bands[i]!.min).toBe(set.bands[i - 1]!.max! + 1);
    }
    expect(groupingTargets('age-5y').sort()).toEqual(['age-broad', 'age-broad-3']);
    expect(groupingMap('age-5y', 'age-broad')!.get('85-89')).toBe('85+');
    expect(groupingMap('age-5y', 'age-broad-3')!.get('60-64')).toBe('15-64');
  });

  it('IMD: official direction is 1 = most deprived; editions carry unit counts and confidence', () => {
    expect(imd.directions.map((d) => d.id)).toEqual(['1-is-most-deprived', '1-is-least-deprived']);
    expect(imd.editions.find((e) => e.id === 'IMD2019')).toMatchObject({ units: 32844, geography: 'LSOA 2011' });
    expect(imd.editions.find((e) => e.id === 'IMD2025')).toMatchObject({ units: 33755, confidence: 'medium' });
    expect(groupingMap('imd-decile', 'imd-quintile')!.get('2')).toBe('1');
    expect(groupingMap('imd-decile', 'imd-quintile')!.get('10')).toBe('5');
  });

  it('regions: E12000001-E12000009 with names, and Wales W92000004', () => {
    expect(regions.regions.map((r) => r.code)).toEqual([...Array.from({ length: 9 }, (_, i) => `E1200000${i + 1}`), 'W92000004']);
    expect(regions.regions.find((r) => r.code === 'E12000007')!.name).toBe('London');
  });

  it('every scheme reads into a known category set and its groupings exist', () => {
    for (const id of SCHEME_IDS) {
      const scheme = getScheme(id)!;
      const base = scheme.baseCategorySet({ deprivation: { edition: 'IMD2019', unit: 'decile', direction: '1-is-most-deprived' }, referenceDate: '2025-01-01' });
      expect(CATEGORY_SET_IDS).toContain(base);
      for (const g of schemeGroupings(id)) expect(getCategorySet(g)).toBeDefined();
    }
  });
});
