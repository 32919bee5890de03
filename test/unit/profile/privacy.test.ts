// An identifier column keeps counts, missingness, distinct count and lengths, but none of its
// values: plant distinctive values (including non-conforming ones, extremes and the most
// frequent value) and search the whole serialised profile for them.
import { describe, expect, it } from 'vitest';
import { createProfileAccumulator, finishProfile, mergeProfileStates, type ColumnProfile } from '../../../shared/profile';
import { seededRandom, testNhsNumber } from './helpers';

const ROWS = 400;

interface Planted {
  column: string;
  kind: string;
  /** Strings that must not appear anywhere in the profile. */
  secrets: string[];
  make: (i: number) => string;
}

function buildTable(): { columns: string[]; rows: string[][]; planted: Planted[] } {
  const random = seededRandom(2024);
  const nhs = Array.from({ length: ROWS }, () => testNhsNumber(random));
  const planted: Planted[] = [
    {
      column: 'NHS_NUMBER',
      kind: 'nhs-number',
      secrets: [nhs[0]!, nhs[17]!, 'NHSPLANTEDBAD'],
      make: (i) => (i === 5 ? 'NHSPLANTEDBAD' : nhs[i % 300]!),
    },
    {
      column: 'PSEUDO_ID',
      kind: 'record-key',
      secrets: ['987654321', '100000001', 'KEYPLANTED'],
      make: (i) => (i === 0 ? '987654321' : i === 9 ? 'KEYPLANTED' : String(100000000 + i)),
    },
    {
      column: 'PERSON_BIRTH_DATE',
      kind: 'date-of-birth',
      secrets: ['23/07/1901', '1901-07-23', '1901-07', '2019-12-31', '31/12/2019', '31/02/1950'],
      make: (i) => (i === 3 ? '23/07/1901' : i === 4 ? '31/12/2019' : i === 8 ? '31/02/1950' : `${10 + (i % 18)}/0${1 + (i % 9)}/19${50 + (i % 40)}`),
    },
    {
      column: 'POSTCODE',
      kind: 'postcode',
      secrets: ['LS1 4AP', 'ZE2 9QT', 'PLANTEDPC'],
      make: (i) => (i === 1 ? 'ZE2 9QT' : i === 2 ? 'PLANTEDPC' : 'LS1 4AP'),
    },
    {
      column: 'EMAIL',
      kind: 'email',
      secrets: ['planted.person@example.org', 'common@example.org'],
      make: (i) => (i === 7 ? 'planted.person@example.org' : i % 2 ? 'common@example.org' : `p${i}@example.org`),
    },
    {
      column: 'MOBILE',
      kind: 'phone',
      secrets: ['07700 900999', '07700 900001'],
      make: (i) => (i === 11 ? '07700 900999' : `07700 9000${String(i % 50).padStart(2, '0')}`),
    },
    {
      column: 'SURNAME',
      kind: 'name',
      secrets: ['Zzyzxplanted', 'Smith'],
      make: (i) => (i === 13 ? 'Zzyzxplanted' : i % 3 ? 'Smith' : `Name${String.fromCharCode(97 + (i % 26))}abc`.replace(/\d/g, '')),
    },
    {
      column: 'CLINICAL_NOTE',
      kind: 'free-text',
      secrets: ['planted note about a rare condition', 'note number'],
      make: (i) => (i === 21 ? 'planted note about a rare condition' : `note number ${i} written today`),
    },
  ];
  // A non-identifier control column proves the search can find values that are kept.
  const columns = [...planted.map((p) => p.column), 'SEX'];
  const rows = Array.from({ length: ROWS }, (_, i) => [...planted.map((p) => p.make(i)), ['1', '2', '9'][i % 3]!]);
  return { columns, rows, planted };
}

function expectNoSecrets(profile: ColumnProfile[], planted: Planted[]): void {
  const json = JSON.stringify(profile);
  for (const p of planted) {
    const column = profile.find((c) => c.name === p.column)!;
    expect(column.identifier?.kind, p.column).toBe(p.kind);
    expect(column.valuesWithheld).toBe(true);
    expect(column).toMatchObject({ frequencies: null, numeric: null, boolean: null, nonConforming: { examples: [] } });
    if (column.date) expect(column.date.range).toBeNull();
    // what is kept
    expect(column.rows).toBe(ROWS);
    expect(column.length).not.toBeNull();
    expect(column.distinct.count).toBeGreaterThan(0);
    for (const secret of p.secrets) expect(json, `${p.column} leaks a planted value`).not.toContain(secret);
  }
}

describe('identifier columns never carry values', () => {
  const { columns, rows, planted } = buildTable();

  it('in the exact tier', () => {
    const acc = createProfileAccumulator(columns);
    acc.addRows(rows);
    const profile = finishProfile(acc.toState());
    expectNoSecrets(profile, planted);
    // control: an ordinary column keeps its frequency table, so the search would have found values
    expect(JSON.stringify(profile.find((c) => c.name === 'SEX')!.frequencies)).toContain('"value":"9"');
  });

  it('in the sketch tier, after merging parts', () => {
    const options = { exactDistinctCap: 20, frequencyCap: 10 };
    const a = createProfileAccumulator(columns, options);
    const b = createProfileAccumulator(columns, options);
    a.addRows(rows.slice(0, 150));
    b.addRows(rows.slice(150));
    const profile = finishProfile(mergeProfileStates(structuredClone(a.toState()), structuredClone(b.toState())));
    expect(profile.filter((c) => !c.distinct.exact).length).toBeGreaterThan(4);
    expectNoSecrets(profile, planted);
  });

  it('not even in the reason or the non-conforming count description', () => {
    const acc = createProfileAccumulator(columns);
    acc.addRows(rows);
    for (const c of finishProfile(acc.toState())) {
      if (!c.identifier) continue;
      expect(c.identifier.reason).not.toMatch(/\d{6,}/); // no long digit runs: shares only
    }
  });
});
