import { describe, expect, it } from 'vitest';
import { findCustomDistribution, parseCustomReference } from '../../../shared/reference';
import { RepresentError } from '../../../shared/errors';

function error(csv: string): RepresentError {
  try {
    parseCustomReference(csv, 'catchment.csv');
  } catch (e) {
    if (e instanceof RepresentError) return e;
    throw e;
  }
  throw new Error('expected a RepresentError');
}

describe('parseCustomReference', () => {
  it('reads counts and shares for several attributes, resolving codes, labels and words', () => {
    const csv = [
      'Attribute,Category,Count,Share',
      'ethnicity,White British,700,',
      'ethnicity,Indian,100,',
      'ethnicity,Black African,50,',
      'ethnicity,Chinese,30,',
      'ethnicity,Arab,20,',
      'ethnicity,Roma,100,',
      'sex,Female,,51%',
      'sex,M,,0.49',
      'age,0-4,,0.5',
      'age,5-9,,0.5',
      'language,English,900,',
      'language,"Polish, Silesian",100,',
    ].join('\r\n');
    const ref = parseCustomReference(csv, 'catchment.csv');
    expect(ref.id).toBe('custom:catchment.csv');
    expect(ref.name).toBe('catchment');
    const eth = ref.distributions.find((d) => d.attribute === 'ethnicity')!;
    // Roma and Arab exist only in the 19 categories, so the finest set wins.
    expect(eth.categorySet).toBe('census-2021-ethnic-group');
    expect(eth.categories.map((c) => c.key)).toEqual(['2', '3', '6', '13', '16', '18']);
    expect(eth.total).toBe(1000);
    expect(eth.categories.find((c) => c.key === '13')!.share).toBeCloseTo(0.7, 12);
    const sex = findCustomDistribution(ref, 'sex', 'nhs-person-phenotypic-sex')!;
    expect(sex.measure).toBe('percent');
    expect(sex.categories.map((c) => [c.key, c.share])).toEqual([
      ['male', 0.49],
      ['female', 0.51],
    ]);
    expect(findCustomDistribution(ref, 'age', 'age-5y')!.categories).toHaveLength(2);
    const language = findCustomDistribution(ref, 'other', 'as-recorded', 'Language')!;
    expect(language.label).toBe('language');
    expect(language.categories.map((c) => c.key)).toEqual(['English', 'Polish, Silesian']);
  });

  it('picks the NHS letters when the categories are NHS codes, and honours an explicit scheme column', () => {
    const letters = parseCustomReference('attribute,category,count\nethnicity,A,10\nethnicity,C,5\nethnicity,R,1\n', 'x.csv');
    expect(letters.distributions[0]!.categorySet).toBe('nhs-ethnic-category');
    const groups = parseCustomReference('attribute,category,count,scheme\nethnicity,Asian,10,ethnic-group-5-nhs\nethnicity,Chinese,5,ethnic-group-5-nhs\n', 'x.csv');
    // In the NHS grouping Chinese is Other; a duplicate would have been reported had it read as Asian.
    expect(groups.distributions[0]!.categories.map((c) => c.key)).toEqual(['asian', 'other']);
  });

  it('rejects a negative count, naming row and column', () => {
    const e = error('attribute,category,count\nsex,male,10\nsex,female,-3\n');
    expect(e.code).toBe('bad-reference');
    expect(e.location).toEqual({ file: 'catchment.csv', row: 2, column: 'count' });
    expect(e.message).toMatch(/negative/);
  });

  it('rejects shares that do not sum to 1 within the tolerance, naming the last row', () => {
    const e = error('attribute,category,share\nsex,male,0.4\nsex,female,0.5\n');
    expect(e.location).toEqual({ file: 'catchment.csv', row: 2, column: 'share' });
    expect(e.found).toMatch(/0\.9000/);
    // Rounded published percentages (99.9%) pass.
    expect(parseCustomReference('attribute,category,share\nsex,male,49.0%\nsex,female,50.9%\n', 'x.csv').distributions[0]!.categories[1]!.share).toBeCloseTo(50.9 / 99.9, 12);
  });

  it('rejects an unknown category without quoting it', () => {
    const e = error('attribute,category,count\nethnicity,White British,10\nethnicity,Martian,2\n');
    expect(e.location).toEqual({ file: 'catchment.csv', row: 2, column: 'category' });
    expect(e.message).not.toMatch(/Martian/);
    expect(e.found).not.toMatch(/Martian/);
    expect(error('attribute,category,count\nregion,Atlantis,2\n').location.row).toBe(1);
    expect(error('attribute,category,count\nage,0-17,2\n').location.column).toBe('category');
  });

  it('rejects missing columns, empty cells, non-numbers, shares above 1, duplicates and mixed measures', () => {
    expect(error('attr,category,count\nsex,male,1\n').location).toEqual({ file: 'catchment.csv', row: 0, column: 'attribute' });
    expect(error('attribute,category\nsex,male\n').location.column).toBe('count or share');
    expect(error('attribute,category,count\n').message).toMatch(/no rows/);
    expect(error('attribute,category,count\nsex,,1\n').location).toMatchObject({ row: 1, column: 'category' });
    expect(error('attribute,category,count\nsex,male,lots\n').location).toMatchObject({ row: 1, column: 'count' });
    expect(error('attribute,category,share\nsex,male,1.5\n').location).toMatchObject({ row: 1, column: 'share' });
    expect(error('attribute,category,count\nsex,male,1\nsex,M,2\n').location).toMatchObject({ row: 2, column: 'category' });
    expect(error('attribute,category,count,share\nsex,male,1,\nsex,female,,0.5\n').location).toMatchObject({ row: 1, column: 'share' });
    expect(error('attribute,category,count\nsex,male,0\nsex,female,0\n').message).toMatch(/zero/);
    expect(error('attribute,category,count,scheme\nsex,male,1,nonsense\n').location.column).toBe('scheme');
  });
});
