// Frequencies and missing counts from `represent profile` against an independent computation:
// DuckDB's CSV reader and GROUP BY over the same files. The two must agree exactly.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { runCli, repoRoot } from '../cli-harness';
import type { ColumnProfile, DatasetProfile } from '../../../shared/profile';

let dir: string;
let duck: DuckDBConnection;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'represent-counts-'));
  duck = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function profileOf(file: string): Promise<DatasetProfile> {
  const json = path.join(dir, `${path.basename(file)}.json`);
  const r = await runCli(['profile', file, '--json', json, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8')) as DatasetProfile;
}

/** Raw value → count per column, as DuckDB reads the file (every column as text, nothing treated as NULL but the empty field). */
async function duckCounts(file: string, column: string): Promise<Map<string, number>> {
  const q = `SELECT "${column.replaceAll('"', '""')}" AS v, count(*)::INTEGER AS n
             FROM read_csv('${file.replaceAll("'", "''")}', all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')
             GROUP BY 1`;
  const rows = (await duck.runAndReadAll(q)).getRowObjects() as { v: string | null; n: number }[];
  return new Map(rows.map((r) => [r.v ?? '', Number(r.n)]));
}

/** Our accounting of one raw value: which bucket of the profile it must be counted in. */
function expectedBucket(raw: string, tokens: string[]): { kind: 'empty' | 'whitespace' | 'token' | 'value'; key: string } {
  if (raw === '') return { kind: 'empty', key: '' };
  if (raw.trim() === '') return { kind: 'whitespace', key: '' };
  const token = tokens.find((t) => t.toLowerCase() === raw.trim().toLowerCase());
  if (token !== undefined) return { kind: 'token', key: token };
  return { kind: 'value', key: raw };
}

function compareColumn(column: ColumnProfile, duckdb: Map<string, number>, tokens: string[]) {
  const expected = { empty: 0, whitespace: 0, tokens: new Map<string, number>(), values: new Map<string, number>() };
  for (const [raw, n] of duckdb) {
    const b = expectedBucket(raw, tokens);
    if (b.kind === 'empty') expected.empty += n;
    else if (b.kind === 'whitespace') expected.whitespace += n;
    else if (b.kind === 'token') expected.tokens.set(b.key, (expected.tokens.get(b.key) ?? 0) + n);
    else expected.values.set(b.key, n);
  }
  expect(column.missing.empty, `${column.name} empty`).toBe(expected.empty);
  expect(column.missing.whitespace, `${column.name} whitespace`).toBe(expected.whitespace);
  for (const { token, count } of column.missing.tokens) {
    expect(count, `${column.name} token ${token}`).toBe(expected.tokens.get(token) ?? 0);
  }
  expect(column.frequencies, `${column.name} has an exact frequency table`).not.toBeNull();
  const ours = new Map(column.frequencies!.map((f) => [f.value, f.count]));
  expect(ours).toEqual(expected.values);
}

describe('profile counts match DuckDB GROUP BY exactly', () => {
  it('on the CPS 1985 fixture (real data)', async () => {
    const file = path.join(repoRoot, 'test/fixtures/cps1985/cps-1985.csv');
    const profile = await profileOf(file);
    const tokens = profile.options.missingTokens;
    const lowCardinality = profile.columns.filter((c) => c.frequencies !== null);
    expect(lowCardinality.length).toBeGreaterThanOrEqual(5);
    for (const column of lowCardinality) compareColumn(column, await duckCounts(file, column.name), tokens);
  });

  it('on a messy synthetic extract (local codes, lower case, blanks, NULL, words, quoted commas)', async () => {
    const file = path.join(dir, 'messy.csv');
    const made = await runCli(['sample', '--rows', '30000', '--seed', '11', '--messy', '--out', file]);
    expect(made.code, made.stderr).toBe(0);
    const profile = await profileOf(file);
    expect(profile.rows).toBe(30000);
    const tokens = profile.options.missingTokens;
    const checked = profile.columns.filter((c) => c.frequencies !== null);
    expect(checked.map((c) => c.name)).toEqual(expect.arrayContaining(['ETHNIC_CATEGORY', 'PERSON_PHENOTYPIC_SEX', 'IMD_DECILE', 'REGION_CODE']));
    for (const column of checked) compareColumn(column, await duckCounts(file, column.name), tokens);
    // Identifier columns keep counts but no values.
    const nhs = profile.columns.find((c) => c.name === 'NHS_NUMBER')!;
    expect(nhs.identifier?.kind).toBe('nhs-number');
    expect(nhs.frequencies).toBeNull();
    expect(nhs.numeric).toBeNull();
  });
});
