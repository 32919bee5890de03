// `represent analyse` counts against an independent computation: DuckDB's CSV reader and GROUP BY
// over the same files (the CPS 1985 fixture and a generated extract). They must agree exactly.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { runCli, repoRoot } from '../cli-harness';
import type { AnalysisResult } from '../../../shared/analysis';
import { compileMapping, type MappingDocument } from '../../../shared/demographics';

let dir: string;
let duck: DuckDBConnection;
const cps = path.join(repoRoot, 'test/fixtures/cps1985/cps-1985.csv');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'represent-analyse-'));
  duck = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function analyse(file: string, mapping: object, extra: string[] = []): Promise<AnalysisResult> {
  const m = path.join(dir, `m-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(m, JSON.stringify(mapping));
  const out = path.join(dir, `a-${Math.random().toString(36).slice(2)}.json`);
  const r = await runCli(['analyse', file, '--mapping', m, '--json', out, '--quiet', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as AnalysisResult;
}

async function query(file: string, select: string, groupBy: string): Promise<Record<string, unknown>[]> {
  const q = `SELECT ${select} FROM read_csv('${file.replaceAll("'", "''")}', all_varchar = true, header = true, delim = ',', quote = '"', escape = '"') GROUP BY ${groupBy}`;
  return (await duck.runAndReadAll(q)).getRowObjects() as Record<string, unknown>[];
}

const groupCounts = (result: AnalysisResult, column: string) => new Map(result.attributes.find((a) => a.column === column)!.missingness.groups.map((g) => [g.key, g.rows]));

describe('CPS 1985 (534 rows)', () => {
  const mapping = {
    schemaVersion: 1,
    attributes: [
      { column: 'race', kind: 'other', scheme: 'as-recorded', label: 'race' },
      { column: 'gender', kind: 'sex', scheme: 'sex-text' },
      { column: 'age', kind: 'age', scheme: 'age-in-years' },
    ],
    outcome: { column: 'union', positiveValues: ['1'] },
  };
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyse(cps, mapping);
  });

  it('counts by race, gender and 5-year age band match GROUP BY', async () => {
    const race = await query(cps, 'race AS k, count(*)::INTEGER AS n', '1');
    expect(groupCounts(result, 'race')).toEqual(new Map(race.map((r) => [String(r.k), Number(r.n)])));
    const gender = await query(cps, 'gender AS k, count(*)::INTEGER AS n', '1');
    const ours = groupCounts(result, 'gender');
    for (const r of gender) expect(ours.get(String(r.k))).toBe(Number(r.n));
    const age = await query(cps, "CASE WHEN age::INTEGER >= 90 THEN '90+' ELSE (age::INTEGER // 5 * 5)::VARCHAR || '-' || (age::INTEGER // 5 * 5 + 4)::VARCHAR END AS k, count(*)::INTEGER AS n", '1');
    const ourAge = groupCounts(result, 'age');
    expect([...ourAge.values()].reduce((s, n) => s + n, 0)).toBe(534);
    for (const r of age) expect(ourAge.get(String(r.k)), String(r.k)).toBe(Number(r.n));
  });

  it('the race × gender crosstab and union membership by race match GROUP BY', async () => {
    const pair = result.intersections.find((x) => x.dimensions.map((d) => d.name).join() === 'race,gender')!;
    const [dr, dg] = pair.dimensions;
    const duckPairs = await query(cps, 'race AS r, gender AS g, count(*)::INTEGER AS n', '1, 2');
    for (const row of duckPairs) {
      const pos = dr!.keys.indexOf(String(row.r)) * dg!.keys.length + dg!.keys.indexOf(String(row.g));
      expect(pair.counts[pos]).toBe(Number(row.n));
    }
    expect(pair.counts.reduce((s, n) => s + n, 0)).toBe(534);
    const unionBy = await query(cps, "race AS r, sum(CASE WHEN \"union\" = '1' THEN 1 ELSE 0 END)::INTEGER AS pos, count(*)::INTEGER AS n", '1');
    const byRace = result.outcome!.byAttribute.find((b) => b.attribute === 0)!;
    for (const row of unionBy) {
      const g = byRace.groups.find((x) => x.key === String(row.r))!;
      expect(g.positive).toBe(Number(row.pos));
      expect(g.recorded).toBe(Number(row.n));
    }
  });
});

describe('a generated extract (20,000 rows, messy)', () => {
  const file = () => path.join(dir, 'extract.csv');
  const mapping = {
    schemaVersion: 1,
    attributes: [
      { column: 'ETHNIC_CATEGORY', kind: 'ethnicity', scheme: 'nhs-ethnic-category' },
      { column: 'REGION_CODE', kind: 'region', scheme: 'ons-region' },
    ],
    outcome: { column: 'OUTCOME_30D', positiveValues: ['1'] },
    period: { column: 'ADMISSION_DATE', granularity: 'year' },
  };
  let result: AnalysisResult;
  beforeAll(async () => {
    const r = await runCli(['sample', '--out', file(), '--rows', '20000', '--seed', '77', '--messy']);
    expect(r.code, r.stderr).toBe(0);
    result = await analyse(file(), mapping, ['--workers', '2']);
  });

  it('rows by ethnic category and the ethnicity × region crosstab match GROUP BY, read through the same mapping', async () => {
    // DuckDB counts raw values; each raw value is read into its category with the mapping (the
    // reading is the mapping's job; the counting here is independent of the pass).
    const categorise = compileMapping(mapping as MappingDocument);
    const duckPairs = await query(file(), "coalesce(ETHNIC_CATEGORY, '') AS e, coalesce(REGION_CODE, '') AS r, count(*)::INTEGER AS n", '1, 2');
    const expectedEth = new Map<string, number>();
    const expectedPair = new Map<string, number>();
    for (const row of duckPairs) {
      const e = categorise(0, String(row.e));
      const r = categorise(1, String(row.r));
      expectedEth.set(e, (expectedEth.get(e) ?? 0) + Number(row.n));
      expectedPair.set(`${e}|${r}`, (expectedPair.get(`${e}|${r}`) ?? 0) + Number(row.n));
    }
    const ours = new Map([...groupCounts(result, 'ETHNIC_CATEGORY')].filter(([, n]) => n > 0));
    expect(ours).toEqual(expectedEth);
    expect(expectedEth.get('not-stated')).toBeGreaterThan(0);
    expect(expectedEth.get('not-known')).toBeGreaterThan(0);
    const pair = result.intersections[0]!;
    const [de, dr] = pair.dimensions;
    const ourPairs = new Map<string, number>();
    pair.counts.forEach((n, pos) => {
      if (n > 0) ourPairs.set(`${de!.keys[Math.floor(pos / dr!.keys.length)]}|${dr!.keys[pos % dr!.keys.length]}`, n);
    });
    expect(ourPairs).toEqual(expectedPair);
  });

  it('rows and missing BMI by admission year match GROUP BY', async () => {
    const isMissing = (c: string) => `(${c} IS NULL OR trim(${c}) = '' OR upper(trim(${c})) IN ('NULL', 'NA', 'N/A', 'NOT KNOWN'))`;
    const year = "CASE WHEN regexp_matches(ADMISSION_DATE, '^\\d{4}-\\d{2}-\\d{2}') THEN substr(ADMISSION_DATE, 1, 4) WHEN regexp_matches(ADMISSION_DATE, '^\\d{2}/\\d{2}/\\d{4}') THEN substr(ADMISSION_DATE, 7, 4) ELSE 'not-known' END";
    const rows = await query(file(), `${year} AS y, count(*)::INTEGER AS n, count(*) FILTER (WHERE ${isMissing('BMI')})::INTEGER AS m`, '1');
    const p = result.period!;
    const bmi = p.columnMissing.columns.indexOf('BMI');
    expect(p.periods.length).toBe(rows.length);
    for (const r of rows) {
      const i = p.periods.indexOf(String(r.y));
      expect(i, String(r.y)).toBeGreaterThanOrEqual(0);
      expect(p.rows[i]).toBe(Number(r.n));
      expect(p.columnMissing.missing[i]![bmi]).toBe(Number(r.m));
    }
  });

  it('outcome positives by region code match GROUP BY', async () => {
    const rows = await query(file(), "REGION_CODE AS k, sum(CASE WHEN trim(OUTCOME_30D) = '1' THEN 1 ELSE 0 END)::INTEGER AS pos", '1');
    const by = result.outcome!.byAttribute[1]!;
    for (const r of rows) expect(by.groups.find((g) => g.key === String(r.k))?.positive ?? 0, String(r.k)).toBe(Number(r.pos));
  });
});
