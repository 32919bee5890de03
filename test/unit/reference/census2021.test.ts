// The Census 2021 data files must reproduce the totals and percentages the reference notes
// publish (shared/reference/uk-populations-and-codes.md §1.2-1.7). The expected figures below are
// copied from those tables as test oracles; the data files are summed and compared with them.
import { describe, expect, it } from 'vitest';
import { census2021Age, census2021Sex, ts021, ENGLAND, ENGLAND_AND_WALES, WALES } from '../../../shared/reference/census2021';
import { getReference, listReferences } from '../../../shared/reference';
import { RepresentError } from '../../../shared/errors';
import { censusEthnicGroup } from '../../../shared/demographics/codesets';

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
const pct = (n: number, d: number) => (100 * n) / d;

// §1.4: E&W %, England %, Wales % for categories 1..19 (two decimals).
const PUBLISHED_19: Record<string, [number, number, number]> = {
  '1': [1.08, 1.11, 0.49], '2': [0.75, 0.76, 0.47], '3': [3.13, 3.26, 0.68], '4': [2.66, 2.78, 0.56], '5': [1.63, 1.69, 0.66],
  '6': [2.5, 2.6, 0.64], '7': [1.05, 1.1, 0.12], '8': [0.5, 0.52, 0.13], '9': [0.82, 0.84, 0.45], '10': [0.42, 0.43, 0.26],
  '11': [0.86, 0.88, 0.44], '12': [0.78, 0.8, 0.41], '13': [74.42, 73.54, 90.56], '14': [0.85, 0.87, 0.43], '15': [0.11, 0.11, 0.11],
  '16': [0.17, 0.18, 0.06], '17': [6.15, 6.35, 2.67], '18': [0.56, 0.57, 0.37], '19': [1.55, 1.61, 0.48],
};
// §1.3: 5 groups, % (one decimal) for E&W, England, Wales.
const PUBLISHED_5: Record<string, [number, number, number]> = {
  asian: [9.3, 9.6, 2.9], black: [4.0, 4.2, 0.9], mixed: [2.9, 3.0, 1.6], white: [81.7, 81.0, 93.8], other: [2.1, 2.2, 0.9],
};
// §1.7: NHS letters, England count, England %, E&W %.
const PUBLISHED_NHS: Record<string, [number, number, number]> = {
  A: [41540791, 73.54, 74.42], B: [494251, 0.87, 0.85], C: [3748359, 6.64, 6.44], D: [499310, 0.88, 0.86], E: [241528, 0.43, 0.42],
  F: [474190, 0.84, 0.82], G: [454350, 0.8, 0.78], H: [1843247, 3.26, 3.13], J: [1570285, 2.78, 2.66], K: [629567, 1.11, 1.08],
  L: [952127, 1.69, 1.63], M: [619417, 1.1, 1.05], N: [1468474, 2.6, 2.5], P: [293827, 0.52, 0.5], R: [431165, 0.76, 0.75], S: [1229151, 2.18, 2.11],
};
// §1.6: 5-year bands %, E&W / England / Wales (one decimal).
const PUBLISHED_AGE_PCT: Record<string, [number, number, number]> = {
  '0-4': [5.4, 5.4, 5.0], '5-9': [5.9, 5.9, 5.7], '10-14': [6.0, 6.0, 5.9], '15-19': [5.7, 5.7, 5.7], '20-24': [6.0, 6.0, 6.0],
  '25-29': [6.5, 6.6, 6.0], '30-34': [7.0, 7.0, 6.3], '35-39': [6.7, 6.7, 6.0], '40-44': [6.3, 6.3, 5.6], '45-49': [6.4, 6.4, 6.0],
  '50-54': [6.9, 6.9, 6.9], '55-59': [6.8, 6.7, 7.2], '60-64': [5.8, 5.8, 6.4], '65-69': [4.9, 4.9, 5.7], '70-74': [5.0, 5.0, 5.8],
  '75-79': [3.6, 3.6, 4.2], '80-84': [2.5, 2.5, 2.9], '85-89': [1.6, 1.5, 1.7], '90+': [0.9, 0.9, 1.0],
};
// §1.6 broad bands %, E&W / England / Wales.
const PUBLISHED_BROAD: Record<string, [number, number, number]> = {
  '0-14': [17.4, 17.4, 16.5], '15-24': [11.7, 11.7, 11.7], '25-44': [26.5, 26.6, 24.0], '45-64': [25.8, 25.8, 26.5], '65-84': [16.1, 16.0, 18.6], '85+': [2.4, 2.4, 2.7],
};
const AREAS = [ENGLAND_AND_WALES, ENGLAND, WALES] as const;

describe('TS021 ethnic group data reproduce the published figures', () => {
  it('sums to the stated totals (59,597,533 = official 59,597,542 less 9 from perturbation)', () => {
    expect(sum(ts021.categories19[ENGLAND_AND_WALES]!)).toBe(59_597_533);
    expect(sum(ts021.categories19[ENGLAND]!)).toBe(56_490_039);
    expect(sum(ts021.categories19[WALES]!)).toBe(3_107_494);
    expect(59_597_542 - sum(ts021.categories19[ENGLAND_AND_WALES]!)).toBe(9);
  });

  it('England and Wales is England plus Wales, category by category', () => {
    for (const c of Object.keys(PUBLISHED_19))
      expect(ts021.categories19[ENGLAND_AND_WALES]![c]).toBe(ts021.categories19[ENGLAND]![c]! + ts021.categories19[WALES]![c]!);
  });

  it('matches the headline figures checked in the reference', () => {
    const ew = ts021.categories19[ENGLAND_AND_WALES]!;
    expect(ew['13']).toBe(44_355_038);
    expect(pct(ew['13']!, sum(ew)).toFixed(1)).toBe('74.4');
    expect(ew['16']).toBe(100_981);
    expect(ew['15']).toBe(67_768);
    expect(ts021.groups5[ENGLAND]!.white).toBe(45_783_401);
    expect(pct(ts021.groups5[ENGLAND]!.white!, sum(ts021.groups5[ENGLAND]!)).toFixed(1)).toBe('81.0');
    expect(Math.round(ew['19']! / 100) * 100).toBe(923_800); // "rose ... to 923,800"
  });

  it('reproduces every published 19-category percentage to two decimals', () => {
    AREAS.forEach((area, i) => {
      const counts = ts021.categories19[area]!;
      const total = sum(counts);
      for (const [c, published] of Object.entries(PUBLISHED_19)) expect(Math.abs(pct(counts[c]!, total) - published[i]!)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });

  it('5-group counts equal the sums of their 19 categories and reproduce the published percentages', () => {
    const groupOf = new Map(censusEthnicGroup.codes.map((c) => [c.code, c.group]));
    AREAS.forEach((area, i) => {
      const fromCategories: Record<string, number> = {};
      for (const [c, n] of Object.entries(ts021.categories19[area]!)) fromCategories[groupOf.get(c)!] = (fromCategories[groupOf.get(c)!] ?? 0) + n;
      expect(ts021.groups5[area]).toEqual(fromCategories);
      const total = sum(ts021.groups5[area]!);
      for (const [g, published] of Object.entries(PUBLISHED_5)) expect(Math.abs(pct(ts021.groups5[area]![g]!, total) - published[i]!)).toBeLessThanOrEqual(0.05 + 1e-9);
    });
  });

  it('regional usual residents add up to England and Wales; regional percentages add to 100 within rounding', () => {
    const regions = Object.entries(ts021.regions);
    expect(regions).toHaveLength(10);
    expect(regions.filter(([c]) => c.startsWith('E12')).reduce((s, [, r]) => s + r.usualResidents, 0)).toBe(56_490_039);
    expect(ts021.regions[WALES]!.usualResidents).toBe(3_107_494);
    for (const [, r] of regions) expect(Math.abs(sum(r.groups5Percent) - 100)).toBeLessThanOrEqual(0.1 + 1e-9);
  });
});

describe('NHS 16+1 fold (§1.7)', () => {
  it('folded counts and percentages match the published table', () => {
    const england = getReference('census2021-england', 'ethnicity', 'nhs-ethnic-category');
    const ew = getReference('census2021-england-and-wales', 'ethnicity', 'nhs-ethnic-category');
    expect(england.categories.map((c) => c.key)).toEqual(Object.keys(PUBLISHED_NHS));
    for (const c of england.categories) {
      const [count, englandPct, ewPct] = PUBLISHED_NHS[c.key]!;
      expect(c.count).toBe(count);
      expect(Math.abs(100 * c.share - englandPct)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(100 * ew.categories.find((x) => x.key === c.key)!.share - ewPct)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    expect(england.derivation).toMatch(/Roma/);
  });

  it('the NHS 5-group grouping moves Chinese from Asian to Other', () => {
    const census5 = getReference('census2021-england', 'ethnicity', 'ethnic-group-5-census');
    const nhs5 = getReference('census2021-england', 'ethnicity', 'ethnic-group-5-nhs');
    const count = (d: typeof census5, k: string) => d.categories.find((c) => c.key === k)!.count!;
    expect(count(census5, 'asian') - count(nhs5, 'asian')).toBe(431_165);
    expect(count(nhs5, 'other') - count(census5, 'other')).toBe(431_165);
    expect(nhs5.total).toBe(census5.total);
  });
});

describe('sex (§1.2)', () => {
  it('male + female = persons, with the published female shares', () => {
    for (const [area, expectedPct] of [[ENGLAND_AND_WALES, 51.0], [ENGLAND, 51.04], [WALES, 51.06]] as const) {
      const a = census2021Sex.areas[area]!;
      expect(a.male + a.female).toBe(a.persons);
      const decimals = area === ENGLAND_AND_WALES ? 1 : 2;
      expect(pct(a.female, a.persons).toFixed(decimals)).toBe(expectedPct.toFixed(decimals));
    }
    expect(census2021Sex.areas[ENGLAND_AND_WALES]!.persons).toBe(59_597_542);
    // Wales = E&W rounded - England rounded.
    const ewRounded = { female: 30_420_100, male: 29_177_200 };
    expect(census2021Sex.areas[WALES]!.female).toBe(ewRounded.female - census2021Sex.areas[ENGLAND]!.female);
    expect(census2021Sex.areas[WALES]!.male).toBe(ewRounded.male - census2021Sex.areas[ENGLAND]!.male);
  });

  it('getReference gives male and female only (the census had no other category)', () => {
    const d = getReference('census2021-england', 'sex', 'nhs-person-phenotypic-sex');
    expect(d.categorySet).toBe('sex');
    expect(d.categories.map((c) => c.key)).toEqual(['male', 'female']);
    expect(d.total).toBe(56_489_800);
  });
});

describe('age (§1.6)', () => {
  it('5-year bands sum to the stated (rounded) totals and reproduce the published percentages', () => {
    const totals = [59_597_500, 56_489_700, 3_107_600];
    AREAS.forEach((area, i) => {
      const bands = census2021Age.bands5[area]!;
      expect(sum(bands)).toBe(totals[i]);
      for (const [band, published] of Object.entries(PUBLISHED_AGE_PCT)) expect(Math.abs(pct(bands[band]!, totals[i]!) - published[i]!)).toBeLessThanOrEqual(0.05 + 1e-9);
    });
    expect(census2021Age.bands5[ENGLAND_AND_WALES]!['90+']).toBe(527_900);
  });

  it('broad bands derived by getReference reproduce the published broad percentages, and 65+ is 18.6% of E&W', () => {
    ['census2021-england-and-wales', 'census2021-england', 'census2021-wales'].forEach((id, i) => {
      const broad = getReference(id, 'age', 'age-broad');
      for (const c of broad.categories) expect(Math.abs(100 * c.share - PUBLISHED_BROAD[c.key]![i]!)).toBeLessThanOrEqual(0.05 + 1e-9);
    });
    const three = getReference('census2021-england-and-wales', 'age', 'age-broad-3');
    expect((100 * three.categories.find((c) => c.key === '65+')!.share).toFixed(1)).toBe('18.6');
  });

  it('regional broad-3 percentages add to 100 within rounding; London has 70% aged 15-64', () => {
    for (const r of Object.values(census2021Age.regionsBroad3Percent)) expect(Math.abs(sum(r) - 100)).toBeLessThanOrEqual(0.1 + 1e-9);
    const london = getReference('census2021-london', 'age', 'age-broad-3');
    expect(london.measure).toBe('percent');
    expect(london.categories.find((c) => c.key === '15-64')!.publishedPercent).toBe(70.0);
    expect(london.total).toBeUndefined();
  });
});

describe('listReferences / getReference', () => {
  it('lists E&W, England, Wales and the nine English regions, each saying what it has and lacks', () => {
    const refs = listReferences();
    expect(refs.map((r) => r.areaCode).sort()).toEqual([ENGLAND, 'E12000001', 'E12000002', 'E12000003', 'E12000004', 'E12000005', 'E12000006', 'E12000007', 'E12000008', 'E12000009', 'K04000001', WALES].sort());
    const england = refs.find((r) => r.id === 'census2021-england')!;
    expect(england.available.map((a) => `${a.attribute}:${a.categorySet}`)).toEqual(
      expect.arrayContaining(['ethnicity:census-2021-ethnic-group', 'ethnicity:nhs-ethnic-category', 'ethnicity:ethnic-group-5-census', 'ethnicity:ethnic-group-5-nhs', 'sex:sex', 'age:age-5y', 'age:age-broad', 'age:age-broad-3', 'region:region']),
    );
    const london = refs.find((r) => r.id === 'census2021-london')!;
    expect(london.available.map((a) => `${a.attribute}:${a.categorySet}:${a.measure}`)).toEqual(['ethnicity:ethnic-group-5-census:percent', 'age:age-broad-3:percent']);
    expect(london.notAvailable.join(' ')).toMatch(/19 categories/);
    expect(refs.find((r) => r.id === 'census2021-wales')!.available.some((a) => a.attribute === 'region')).toBe(false);
  });

  it('every listed combination can be fetched, with shares summing to 1, provenance and the OGL licence', () => {
    for (const ref of listReferences()) {
      for (const a of ref.available) {
        const d = getReference(ref.id, a.attribute, a.categorySet);
        expect(d.categories.length).toBeGreaterThan(1);
        expect(Math.abs(d.categories.reduce((s, c) => s + c.share, 0) - 1)).toBeLessThan(1e-9);
        expect(d.source.licence).toBe('Open Government Licence v3.0');
        expect(d.source.attribution).toMatch(/Office for National Statistics/);
        expect(d.caveats.length).toBeGreaterThan(0);
        if (d.measure === 'count') expect(d.total).toBe(d.categories.reduce((s, c) => s + c.count!, 0));
      }
    }
  });

  it('region reference for England: nine regions summing to the TS021 England total', () => {
    const d = getReference('census2021-england', 'region', 'ons-region');
    expect(d.categories).toHaveLength(9);
    expect(d.total).toBe(56_490_039);
    expect(getReference('census2021-england-and-wales', 'region', 'region').categories).toHaveLength(10);
  });

  it('refuses combinations the source does not have, saying what exists', () => {
    const attempt = () => getReference('census2021-london', 'ethnicity', 'census-2021-ethnic-group');
    expect(attempt).toThrow(RepresentError);
    try {
      attempt();
    } catch (e) {
      expect((e as RepresentError).code).toBe('bad-reference');
      expect((e as RepresentError).expected).toMatch(/ethnicity in ethnic-group-5-census/);
    }
    expect(() => getReference('census2021-london', 'sex', 'sex')).toThrow(/no sex figures/);
    expect(() => getReference('census2021-england', 'gender', 'gender-identity')).toThrow(RepresentError);
    expect(() => getReference('census2021-england', 'deprivation', 'imd-decile')).toThrow(RepresentError);
    expect(() => getReference('atlantis', 'sex', 'sex')).toThrow(/no built-in reference population/);
  });
});
