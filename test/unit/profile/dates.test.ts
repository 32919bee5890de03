import { describe, expect, it } from 'vitest';
import { parseDate, daysFromCivil, formatDateKey, DATE_FORMATS, type DateFacts } from '../../../shared/profile/dates';
import { profileColumn, values } from './helpers';

function formatsOf(v: string): string[] {
  const out: DateFacts = { formats: 0, key: 0, keyUS: 0, hasTime: false, year: 0 };
  const mask = parseDate(v, out);
  return DATE_FORMATS.filter((_, i) => mask & (1 << i));
}

describe('date recognition', () => {
  it('recognises each supported format', () => {
    expect(formatsOf('2020-03-31')).toEqual(['yyyy-mm-dd']);
    expect(formatsOf('31/03/2020')).toEqual(['dd/mm/yyyy']);
    expect(formatsOf('31-03-2020')).toEqual(['dd-mm-yyyy']);
    expect(formatsOf('31.03.2020')).toEqual(['dd.mm.yyyy']);
    expect(formatsOf('20200331')).toEqual(['yyyymmdd']);
    expect(formatsOf('03/31/2020')).toEqual(['mm/dd/yyyy']);
    expect(formatsOf('1/3/2020')).toEqual(['dd/mm/yyyy', 'mm/dd/yyyy']);
  });

  it('reads an ambiguous slash date both ways', () => {
    expect(formatsOf('03/04/2020')).toEqual(['dd/mm/yyyy', 'mm/dd/yyyy']);
  });

  it('knows leap years: 29 February exists in 2020 and 2000, not in 2019 or 1900', () => {
    expect(formatsOf('2020-02-29')).toEqual(['yyyy-mm-dd']);
    expect(formatsOf('29/02/2000')).toEqual(['dd/mm/yyyy']);
    expect(formatsOf('2019-02-29')).toEqual([]);
    expect(formatsOf('29/02/1900')).toEqual([]);
    expect(formatsOf('19000229')).toEqual([]);
  });

  it('rejects impossible dates and near-misses', () => {
    for (const v of ['2020-13-01', '2020-04-31', '31/04/2020', '00/01/2020', '2020-1-5', '31/03/20', '31/03/20201', '2020/03/31', '0999-01-01', '99999999', '17991231', '2020-03-31x']) {
      expect(formatsOf(v), v).toEqual([]);
    }
  });

  it('accepts times after a date, with seconds, fractions and zones', () => {
    for (const v of ['2020-03-31 10:15', '2020-03-31T10:15:30', '2020-03-31T10:15:30.123Z', '2020-03-31T10:15:30+01:00', '31/03/2020 09:05:00']) {
      const out: DateFacts = { formats: 0, key: 0, keyUS: 0, hasTime: false, year: 0 };
      expect(parseDate(v, out), v).not.toBe(0);
      expect(out.hasTime).toBe(true);
    }
    expect(formatsOf('2020-03-31 24:00')).toEqual([]);
    expect(formatsOf('2020-03-31 10:60')).toEqual([]);
    expect(formatsOf('2020-03-31 10')).toEqual([]);
  });

  it('converts civil dates to days since 1970 and back', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(formatDateKey(daysFromCivil(1900, 2, 28) * 86400, false)).toBe('1900-02-28');
    expect(formatDateKey(daysFromCivil(2024, 2, 29) * 86400 + 3661, true)).toBe('2024-02-29T01:01:01');
  });
});

describe('date columns', () => {
  it('types UK dd/mm/yyyy as date and reports the range in ISO form', () => {
    const p = profileColumn('ADMISSION_DATE', ['01/02/2020', '15/02/2020', '29/02/2020', '03/01/2021']);
    expect(p.type).toBe('date');
    expect(p.date).toEqual({ format: 'dd/mm/yyyy', withTime: 0, range: { min: '2020-02-01', max: '2021-01-03' } });
  });

  it('prefers the UK reading when every value is ambiguous', () => {
    const p = profileColumn('D', ['01/02/2020', '03/04/2020', '05/06/2020']);
    expect(p.date?.format).toBe('dd/mm/yyyy');
    expect(p.date?.range).toEqual({ min: '2020-02-01', max: '2020-06-05' });
  });

  it('switches to US mm/dd/yyyy only when values rule the UK reading out', () => {
    const p = profileColumn('D', ['01/02/2020', '03/04/2020', '12/31/2020', '02/13/2020']);
    expect(p.type).toBe('date');
    expect(p.date?.format).toBe('mm/dd/yyyy');
    expect(p.date?.range).toEqual({ min: '2020-01-02', max: '2020-12-31' });
    expect(p.nonConforming.count).toBe(0);
  });

  it('stays UK when values rule out both readings, counting the US-only ones as non-conforming', () => {
    const uk = values(20, (i) => `${13 + (i % 15)}/0${1 + (i % 9)}/2020`);
    const p = profileColumn('D', [...uk, '12/31/2020'], { nonConformingExamples: 5 });
    expect(p.date?.format).toBe('dd/mm/yyyy');
    expect(p.nonConforming).toEqual({ count: 1, examples: [{ value: '12/31/2020', row: 21 }] });
  });

  it('counts invalid dates (31 April, 29 February 2019) as non-conforming', () => {
    const good = values(30, (i) => `2019-0${1 + (i % 9)}-1${i % 10}`);
    const p = profileColumn('EVENT_DATE', [...good, '2019-04-31', '2019-02-29', 'unknown'], { nonConformingExamples: 5 });
    expect(p.type).toBe('date');
    expect(p.nonConforming.count).toBe(3);
    expect(p.nonConforming.examples.map((e) => e.value)).toEqual(['2019-04-31', '2019-02-29', 'unknown']);
    expect(p.typeShare).toBeCloseTo(30 / 33, 12);
  });

  it('types a column with times as datetime, with second resolution', () => {
    const p = profileColumn('SEEN_AT', ['2021-05-01T08:00:00', '2021-05-01 17:30:15', '2021-04-30T23:59:59Z']);
    expect(p.type).toBe('datetime');
    expect(p.date).toEqual({ format: 'yyyy-mm-dd', withTime: 3, range: { min: '2021-04-30T23:59:59', max: '2021-05-01T17:30:15' } });
  });

  it('types plausible yyyymmdd as a date but ordinary 8-digit numbers as integers', () => {
    expect(profileColumn('D', ['20200131', '19991231', '20000229']).type).toBe('date');
    expect(profileColumn('N', ['12345678', '87654321', '55555555']).type).toBe('integer');
  });
});
