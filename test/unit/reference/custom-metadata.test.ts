// The optional label, source and date columns of a custom reference population: quoted as written,
// one value per attribute, and a conflict refused with the row and column.
import { describe, expect, it } from 'vitest';
import { parseCustomReference } from '../../../shared/reference';
import { RepresentError } from '../../../shared/errors';

const rows = (extra: string[]) => ['Attribute,Category,Count,Label,Source,Date', ...extra].join('\n');

describe('custom reference metadata', () => {
  it('takes the label as the population’s name, the source as its title and the date as written', () => {
    const ref = parseCustomReference(
      rows(['sex,Female,510,Trust catchment,ONS mid-year estimates 2023,mid-2023', 'sex,Male,490,,,', 'age,0-4,,Trust catchment,ONS mid-year estimates 2023,mid-2023', 'age,5-9,10,,,']).replace('age,0-4,,', 'age,0-4,5,'),
      'catchment.csv',
    );
    expect(ref.name).toBe('Trust catchment');
    for (const d of ref.distributions) {
      expect(d.name).toBe('Trust catchment');
      expect(d.source).toMatchObject({ title: 'ONS mid-year estimates 2023', published: 'mid-2023', table: 'catchment.csv', publisher: 'Supplied by the user' });
    }
  });

  it('falls back to the file name and says the file is the source when the columns are absent', () => {
    const ref = parseCustomReference('attribute,category,share\nsex,Female,0.5\nsex,Male,0.5\n', 'gp-list.csv');
    expect(ref.name).toBe('gp-list');
    expect(ref.distributions[0]!.source.title).toBe('Custom reference file gp-list.csv');
    expect(ref.distributions[0]!.source.published).toBeUndefined();
  });

  it('names the population by the file when attributes give different labels', () => {
    const ref = parseCustomReference(rows(['sex,Female,5,Catchment A,,', 'sex,Male,5,Catchment A,,', 'age,0-4,5,Catchment B,,', 'age,5-9,5,,,']), 'mixed.csv');
    expect(ref.name).toBe('mixed');
    expect(ref.distributions.map((d) => d.name)).toEqual(['Catchment A', 'Catchment B']);
  });

  it('refuses two different values of one attribute, naming the row and column without quoting them', () => {
    let error: RepresentError | undefined;
    try {
      parseCustomReference(rows(['sex,Female,5,,Source one,2024', 'sex,Male,5,,Source two,2024']), 'catchment.csv');
    } catch (e) {
      error = e as RepresentError;
    }
    expect(error).toBeInstanceOf(RepresentError);
    expect(error!.code).toBe('bad-reference');
    expect(error!.location).toEqual({ file: 'catchment.csv', row: 2, column: 'source' });
    expect(JSON.stringify(error!.toJSON())).not.toContain('Source two');
  });
});
