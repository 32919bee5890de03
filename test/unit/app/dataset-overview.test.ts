// The privacy boundary between a profile and the screen, checked on a real profile of a real
// file: the overview keeps counts and labels and no value from the data.
import { beforeAll, describe, expect, it } from 'vitest';
import { profileFile } from '../../../main/services/profile-job';
import { toColumnOverview, toDatasetOverview } from '../../../main/services/dataset-overview';
import type { ProfileOverview } from '../../../main/services/dataset-overview';
import type { ColumnProfile, DatasetProfile } from '../../../shared/profile';
import { CPS_FIXTURE as fixture, cpsTextValues as dataValues } from './fixture-values';

describe('toDatasetOverview on a real profile (CPS 1985 fixture)', () => {
  let profile: DatasetProfile;
  let overview: ProfileOverview;

  beforeAll(async () => {
    profile = await profileFile(fixture, { workers: 1 });
    overview = toDatasetOverview(profile);
  });

  it('describes the file and every column in file order', () => {
    expect(overview.rows).toBe(534);
    expect(overview.file).toEqual(profile.file);
    expect(overview.file.sha256).toBe('3f3543dcc9f564189b7354327370782b400514c4261c06a29b53c906b57ba0ed');
    expect(overview.columns.map((c) => c.name)).toEqual(['education', 'south', 'gender', 'experience', 'union', 'wage', 'age', 'race', 'occupation', 'sector', 'married']);
    expect(overview.dialect).toEqual({ encoding: 'utf-8', delimiter: ',', hasHeader: true });
  });

  it('carries the counts the page shows', () => {
    const byName = new Map(overview.columns.map((c) => [c.name, c]));
    expect(byName.get('gender')).toMatchObject({ missingCount: 0, missingShare: 0, distinctCount: 2, distinctIsEstimate: false, rows: 534 });
    expect(byName.get('race')?.distinctCount).toBe(3);
    expect(byName.get('age')?.typeLabel).toBe('Whole number');
    for (const c of overview.columns) expect(c.distinctCount).toBe(profile.columns.find((p) => p.name === c.name)!.distinct.count);
  });

  it('holds no value from the data, although the profile itself does', () => {
    const values = dataValues();
    expect(values).toEqual(expect.arrayContaining(['female', 'hispanic', 'manufacturing']));
    const profileText = JSON.stringify(profile);
    expect(values.some((v) => profileText.includes(`"${v}"`))).toBe(true); // frequencies are in the profile…
    const overviewText = JSON.stringify(overview);
    for (const v of values) expect(overviewText, v).not.toContain(`"${v}"`); // …and not in the overview
    for (const v of values) expect(overviewText.toLowerCase(), v).not.toContain(v.toLowerCase());
  });
});

describe('toColumnOverview flags', () => {
  const base: ColumnProfile = {
    name: 'c',
    position: 0,
    rows: 100,
    nonMissing: 100,
    missing: { total: 0, empty: 0, whitespace: 0, tokens: [] },
    type: 'integer',
    typeShare: 1,
    nonConforming: { count: 0, examples: [] },
    distinct: { count: 10, exact: true, relativeStandardError: null },
    length: { min: 1, mean: 1, max: 2 },
    numeric: null,
    date: null,
    boolean: null,
    frequencies: [{ value: 'SECRET-VALUE', count: 100 }],
    identifier: null,
    pattern: null,
    valuesWithheld: false,
  };
  const kinds = (c: ColumnProfile) => toColumnOverview(c).flags.map((f) => f.kind);

  it('names identifiers and says their values are hidden', () => {
    const column = { ...base, identifier: { kind: 'nhs-number' as const, reason: 'valid check digits' }, valuesWithheld: true, distinct: { count: 100, exact: true, relativeStandardError: null } };
    expect(toColumnOverview(column).flags).toEqual([{ kind: 'identifier', label: 'Identifier (NHS number): values hidden' }]);
  });

  it('flags empty, mostly missing, constant, mixed and unique columns', () => {
    expect(kinds({ ...base, nonMissing: 0, missing: { ...base.missing, total: 100 }, distinct: { count: 0, exact: true, relativeStandardError: null }, type: 'empty' })).toEqual(['all-missing']);
    expect(kinds({ ...base, nonMissing: 40, missing: { ...base.missing, total: 60 } })).toEqual(['mostly-missing']);
    expect(kinds({ ...base, distinct: { count: 1, exact: true, relativeStandardError: null } })).toEqual(['constant']);
    expect(kinds({ ...base, typeShare: 0.97, nonConforming: { count: 3, examples: [{ value: 'SECRET-VALUE', row: 7 }] } })).toEqual(['mixed-types']);
    expect(kinds({ ...base, distinct: { count: 100, exact: true, relativeStandardError: null } })).toEqual(['unique']);
    expect(kinds({ ...base, distinct: { count: 100, exact: false, relativeStandardError: 0.01 } })).toEqual([]);
  });

  it('never copies a frequency or an example into the overview', () => {
    const column = { ...base, typeShare: 0.97, nonConforming: { count: 3, examples: [{ value: 'SECRET-VALUE', row: 7 }] } };
    expect(JSON.stringify(toColumnOverview(column))).not.toContain('SECRET');
    expect(toColumnOverview({ ...base, missing: { ...base.missing, total: 25 } }).missingShare).toBe(0.25);
  });
});
