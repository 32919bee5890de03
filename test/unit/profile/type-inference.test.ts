import { describe, expect, it } from 'vitest';
import { profileColumn, values } from './helpers';

describe('type inference', () => {
  it('integer: whole numbers, with signs and leading zeros', () => {
    const p = profileColumn('AGE', ['34', '-2', '+7', '007', '0']);
    expect(p.type).toBe('integer');
    expect(p.typeShare).toBe(1);
    expect(p.numeric).toMatchObject({ count: 5, min: -2, max: 34, mean: 46 / 5, quantileMethod: 'exact' });
  });

  it('decimal: fractions and exponents, integers included', () => {
    const p = profileColumn('BMI', ['23.4', '19', '.5', '1e2', '-3.25', '5.']);
    expect(p.type).toBe('decimal');
    expect(p.numeric?.min).toBe(-3.25);
    expect(p.numeric?.max).toBe(100);
  });

  it('integer with a few decimals stays integer above the threshold and counts them as non-conforming', () => {
    const p = profileColumn('BP', [...values(19, (i) => String(100 + (i % 7))), '120.5'], { nonConformingExamples: 5 });
    expect(p.type).toBe('integer');
    expect(p.typeShare).toBeCloseTo(0.95, 12);
    expect(p.nonConforming).toEqual({ count: 1, examples: [{ value: '120.5', row: 20 }] });
    expect(p.numeric?.count).toBe(20); // every value that reads as a number is summarised
  });

  it('below the threshold a numeric-looking column falls back to category', () => {
    const p = profileColumn('CODE', ['1', '2', '3', 'A', 'B', '4', '5', 'C', '6', '7']);
    expect(p.type).toBe('category');
    expect(p.typeShare).toBe(1);
    expect(p.numeric).toBeNull();
  });

  it('does not read thousands separators, words or padded numbers as numbers', () => {
    const p = profileColumn('X', ['1,000', 'Infinity', 'NaN', ' 12', '0x1F', '1e', '--1', '.']);
    expect(p.numeric).toBeNull();
    expect(p.type).toBe('category');
  });

  it.each([
    [['1', '0', '1', '1'], '1/0', 3],
    [['Y', 'N', 'y', 'n'], 'Y/N', 2],
    [['Yes', 'no', 'YES', 'No'], 'yes/no', 2],
    [['true', 'FALSE', 'True', 'false'], 'true/false', 2],
  ] as const)('boolean %j is family %s', (vals, family, trueCount) => {
    const p = profileColumn('FLAG', vals);
    expect(p.type).toBe('boolean');
    expect(p.boolean).toEqual({ family, trueCount, falseCount: vals.length - trueCount });
  });

  it('sex codes 1/2/9 are integers, not booleans', () => {
    expect(profileColumn('SEX', ['1', '2', '9', '1', '2']).type).toBe('integer');
  });

  it('category: few distinct codes; text: many distinct strings', () => {
    const ethnicity = values(200, (i) => 'ABCDEFGHJKLMNPRSZ'[i % 17]!);
    expect(profileColumn('ETHNIC_CATEGORY', ethnicity).type).toBe('category');
    const notes = values(100, (i) => `seen on ward ${i}`);
    expect(profileColumn('NOTE', notes).type).toBe('text');
    // more distinct values than the frequency cap is text even when values repeat
    const many = values(300, (i) => `code${i % 150}`);
    expect(profileColumn('C', many, { frequencyCap: 100 }).type).toBe('text');
  });

  it('empty: every value missing', () => {
    const p = profileColumn('UNUSED', ['', ' ', 'NA', 'null']);
    expect(p).toMatchObject({ type: 'empty', typeShare: null, nonMissing: 0, length: null, numeric: null, frequencies: [] });
    expect(p.missing.total).toBe(4);
  });

  it('respects a custom threshold', () => {
    const vals = [...values(8, (i) => String(i)), 'x', 'y'];
    expect(profileColumn('N', vals).type).toBe('category');
    expect(profileColumn('N', vals, { typeShareThreshold: 0.8 }).type).toBe('integer');
  });

  it('lengths are over non-missing values, in UTF-16 units', () => {
    const p = profileColumn('T', ['a', 'abc', '', 'NA', 'é']);
    expect(p.length).toEqual({ min: 1, mean: 5 / 3, max: 3 });
  });

  it('frequencies: exact, most frequent first, ties by value, missing values excluded', () => {
    const p = profileColumn('SEX', ['2', '1', '2', '9', '1', '2', '', 'NA']);
    expect(p.frequencies).toEqual([
      { value: '2', count: 3 },
      { value: '1', count: 2 },
      { value: '9', count: 1 },
    ]);
    expect(p.distinct).toEqual({ count: 3, exact: true, relativeStandardError: null });
  });

  it('no frequency table above frequencyCap; exact distinct count up to exactDistinctCap', () => {
    const p = profileColumn('LSOA', values(500, (i) => `E01${String(i % 250).padStart(6, '0')}`), { frequencyCap: 100 });
    expect(p.frequencies).toBeNull();
    expect(p.distinct).toEqual({ count: 250, exact: true, relativeStandardError: null });
  });

  it('past exactDistinctCap the distinct count is a HyperLogLog estimate, marked as such', () => {
    const p = profileColumn('NOTE', values(5000, (i) => `note ${i % 3000}`), { exactDistinctCap: 1000 });
    expect(p.distinct.exact).toBe(false);
    expect(p.distinct.relativeStandardError).toBeCloseTo(1.04 / 128, 12);
    expect(Math.abs(p.distinct.count - 3000) / 3000).toBeLessThan(3 * (1.04 / 128));
  });
});

describe('missing values', () => {
  it('counts empty, whitespace and each token separately, tokens case-insensitive after trimming', () => {
    const p = profileColumn('BP', ['120', '', '  ', '\t', 'NULL', 'null', ' NA ', 'n/a', 'N/A', 'not KNOWN', 'Not known ', 'NAN', '130']);
    expect(p.missing).toEqual({
      total: 10,
      empty: 1,
      whitespace: 2,
      tokens: [
        { token: 'NULL', count: 2 },
        { token: 'NA', count: 1 },
        { token: 'N/A', count: 2 },
        { token: 'Not known', count: 2 },
      ],
    });
    expect(p.nonMissing).toBe(3); // 'NAN' is a value, not a token
    expect(p.rows).toBe(13);
  });

  it('uses the configured tokens instead of the defaults', () => {
    const p = profileColumn('X', ['-', 'NA', '1', ' - '], { missingTokens: ['-', ' unknown '] });
    expect(p.missing.tokens).toEqual([
      { token: '-', count: 2 },
      { token: 'unknown', count: 0 },
    ]);
    expect(p.nonMissing).toBe(2);
  });

  it('counts missing values the same way past the exact cap', () => {
    const vals = [...values(300, (i) => `v${i}`), '', ' ', 'na', 'NULL', 'n/a', 'Not Known', ...values(70, (i) => ' '.repeat(i + 1))];
    const p = profileColumn('X', vals, { exactDistinctCap: 50, frequencyCap: 10 });
    expect(p.distinct.exact).toBe(false);
    expect(p.missing).toMatchObject({ total: 76, empty: 1, whitespace: 71 });
  });

  it('treats a field absent from a short row as empty', () => {
    const p = profileColumn('X', []);
    expect(p.rows).toBe(0);
  });
});

describe('non-conforming examples', () => {
  it('are off by default: an example is a row-level value', () => {
    const vals = values(40, (i) => String(100 + (i % 19)));
    vals[5] = 'patient declined';
    const p = profileColumn('BP', vals);
    expect(p.nonConforming).toEqual({ count: 1, examples: [] });
  });

  it('a few small integers are a code, not a measurement', () => {
    const p = profileColumn('SEX', values(60, (i) => ['1', '2', '9'][i % 3]!));
    expect(p.type).toBe('category');
    expect(p.numeric).toBeNull();
    expect(p.frequencies?.map((f) => f.value).sort()).toEqual(['1', '2', '9']);
  });

  it('are the first distinct non-conforming values in file order, with the row each first occurs', () => {
    const vals = values(50, (i) => String(60 + (i % 19)));
    vals[3] = 'refused';
    vals[10] = '>200';
    vals[12] = 'refused';
    vals[20] = 'x';
    const p = profileColumn('HEART_RATE', vals, { nonConformingExamples: 2 });
    expect(p.type).toBe('integer');
    expect(p.nonConforming).toEqual({
      count: 4,
      examples: [
        { value: 'refused', row: 4 },
        { value: '>200', row: 11 },
      ],
    });
  });

  it('show only the length of long values, which may be free text about a person', () => {
    const vals = values(40, (i) => String(100 + (i % 9)));
    vals[7] = 'not measured because the patient was distressed after the fall at home';
    const p = profileColumn('BP', vals, { nonConformingExamples: 5 });
    expect(p.nonConforming.examples).toEqual([{ value: '‹text of 70 characters›', row: 8 }]);
  });
});
