// The finished profile, wrapped as the profiling service wraps it, validates against
// shared/profile/profile.schema.json — for a real file (the CPS 1985 fixture) and for a
// synthetic extract that exercises every type, both tiers and every identifier kind.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import Ajv2020 from 'ajv/dist/2020';
import schema from '../../../shared/profile/profile.schema.json';
import { sniffDialect } from '../../../shared/ingest/dialect';
import { createProfileAccumulator, finishProfile, resolveProfileOptions, type DatasetProfile, type ColumnProfile } from '../../../shared/profile';
import { seededRandom, testNhsNumber } from './helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.resolve(here, '../../fixtures/cps1985/cps-1985.csv');

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function wrap(columns: ColumnProfile[], rows: number, bytes: Uint8Array, name: string): DatasetProfile {
  return {
    schemaVersion: 1,
    file: { name, sizeBytes: bytes.length, modifiedIso: '2024-05-01T09:30:00.000Z', sha256: createHash('sha256').update(bytes).digest('hex') },
    dialect: sniffDialect(bytes, { file: name, totalBytes: bytes.length }),
    rows,
    columns,
    ingest: { ragged: { tooFew: 0, tooMany: 0, firstRows: [] }, blankLines: 0, warnings: [] },
    options: resolveProfileOptions(),
  };
}

function expectValid(profile: DatasetProfile): void {
  const ok = validate(JSON.parse(JSON.stringify(profile)));
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
  expect(ok).toBe(true);
}

describe('profile.schema.json', () => {
  it('accepts the profile of a real file (CPS May 1985 sample)', () => {
    const bytes = new Uint8Array(readFileSync(fixture));
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    const acc = createProfileAccumulator(header!);
    acc.addRows(rows);
    const columns = finishProfile(acc.toState());
    expectValid(wrap(columns, rows.length, bytes, 'cps-1985.csv'));

    // and the profile says what the fixture's README says
    const byName = Object.fromEntries(columns.map((c) => [c.name, c]));
    expect(byName.gender!.frequencies).toEqual([
      { value: 'male', count: 289 },
      { value: 'female', count: 245 },
    ]);
    expect(byName.race!.frequencies?.map((f) => [f.value, f.count])).toEqual([
      ['white', 440],
      ['other', 67],
      ['hispanic', 27],
    ]);
    expect(byName.age!.type).toBe('integer');
    expect(byName.wage!.type).toBe('decimal');
    expect(byName.south!.type).toBe('boolean');
    expect(columns.every((c) => c.rows === 534 && c.missing.total === 0)).toBe(true);
  });

  it('accepts a profile with every type, both tiers and every identifier kind', () => {
    const random = seededRandom(11);
    const columns = ['NHS_NUMBER', 'PSEUDO_ID', 'DOB', 'SEEN_AT', 'POSTCODE', 'DISTRICT', 'EMAIL', 'PHONE', 'SURNAME', 'NOTE', 'FLAG', 'BMI', 'SEX', 'SYSTOLIC_BP', 'UNUSED'];
    const rows = Array.from({ length: 3000 }, (_, i) => [
      testNhsNumber(random),
      String(10_000 + i),
      `${1 + (i % 28)}/${1 + (i % 12)}/${1930 + (i % 80)}`,
      `2023-0${1 + (i % 9)}-1${i % 10}T${String(i % 24).padStart(2, '0')}:15:00`,
      ['LS1 4AP', 'M1 1AE'][i % 2]!,
      ['LS1', 'M1', 'B33'][i % 3]!,
      `person${i}@example.org`,
      `07700 9${String(i).padStart(5, '0')}`,
      ['Smith', 'Patel', 'Jones', 'Nowak', 'Okafor'][i % 5]!,
      `seen on ward ${i}`,
      i % 3 ? 'Y' : 'N',
      i % 10 ? (18 + random() * 20).toFixed(2) : 'NA',
      i % 40 === 0 ? 'X' : ['1', '2', '9'][i % 3]!,
      String(90 + (i % 60)),
      '',
    ]);
    const acc = createProfileAccumulator(columns, { exactDistinctCap: 1000, frequencyCap: 100 });
    acc.addRows(rows);
    const profile = finishProfile(acc.toState());
    expect(new Set(profile.map((c) => c.identifier?.kind ?? c.type))).toEqual(
      new Set(['nhs-number', 'record-key', 'date-of-birth', 'datetime', 'postcode', 'category', 'email', 'phone', 'name', 'free-text', 'boolean', 'decimal', 'integer', 'empty']),
    );
    const bytes = new TextEncoder().encode([columns, ...rows].map((r) => r.join(',')).join('\n'));
    expectValid(wrap(profile, rows.length, bytes, 'synthetic.csv'));
  });

  it('rejects an identifier column that carries values', () => {
    const acc = createProfileAccumulator(['PSEUDO_ID']);
    acc.addRows(Array.from({ length: 100 }, (_, i) => [String(i)]));
    const [column] = finishProfile(acc.toState());
    expect(column!.identifier?.kind).toBe('record-key');
    const bytes = new TextEncoder().encode('PSEUDO_ID\n1\n');
    const leaky = wrap([{ ...column!, frequencies: [{ value: '42', count: 1 }] }], 100, bytes, 'x.csv');
    expect(validate(JSON.parse(JSON.stringify(leaky)))).toBe(false);
    const leakyRange = wrap([{ ...column!, valuesWithheld: false }], 100, bytes, 'x.csv');
    expect(validate(JSON.parse(JSON.stringify(leakyRange)))).toBe(false);
  });
});
