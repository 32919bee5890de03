// `represent analyse` and `represent mapping suggest` run as a user would, including bad input:
// each a clear message on stderr, exit code 3, and no data value quoted.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../cli-harness';
import type { AnalysisResult } from '../../../shared/analysis';

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'represent-analyse-cli-'));
  const r = await runCli(['sample', '--out', at('extract.csv'), '--rows', '5000', '--seed', '3']);
  expect(r.code, r.stderr).toBe(0);
  writeFileSync(at('small.csv'), 'id,ethnicity,dob,discharge,seen\n1,A,1980-02-01,home,2022-01-05\n2,M,2031-01-01,died,2023-03-01\n3,Z,1975-06-30,care home,2023-07-15\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: unknown) => {
  writeFileSync(at(name), typeof content === 'string' ? content : JSON.stringify(content));
  return at(name);
};

describe('represent mapping suggest + analyse', () => {
  it('suggests a mapping that analyse then uses, with a reference, an outcome and periods', async () => {
    const suggest = await runCli(['mapping', 'suggest', at('extract.csv'), '--reference-date', '2025-03-31']);
    expect(suggest.code, suggest.stderr).toBe(0);
    const mapping = JSON.parse(suggest.stdout) as { attributes: { column: string }[] };
    expect(mapping.attributes.map((a) => a.column)).toContain('ETHNIC_CATEGORY');
    writeFileSync(at('m.json'), suggest.stdout);
    const r = await runCli(['analyse', at('extract.csv'), '--mapping', at('m.json'), '--reference', 'england-2021', '--json', at('a.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ETHNIC_CATEGORY \(ethnicity, nhs-ethnic-category\)/);
    expect(r.stdout).toMatch(/Ratio \(CI\)/);
    expect(r.stdout).toMatch(/Total variation [\d.]+; Jensen–Shannon distance [\d.]+; chi-square/);
    expect(r.stdout).toMatch(/Outcome: OUTCOME_30D/);
    expect(r.stdout).toMatch(/By year: ADMISSION_DATE/);
    const result = JSON.parse(readFileSync(at('a.json'), 'utf8')) as AnalysisResult;
    expect(result.rows).toBe(5000);
    expect(result.reference?.id).toBe('census2021-england');
  });

  it('without --mapping, uses the suggested one and says so', async () => {
    const r = await runCli(['analyse', at('extract.csv'), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/No --mapping given/);
  });
});

describe('worker threads', () => {
  it('gives the same analysis with 1 and 2 workers (a 21 MB file is split in two)', async () => {
    const big = at('big.csv');
    // Note: a 2-part pass over a ~21 MB file currently takes ~60 s in plain `represent profile`
    // too (not caused by the tally; reported to the lead), hence the long timeout.
    const made = await runCli(['sample', '--out', big, '--rows', '200000', '--seed', '8']);
    expect(made.code, made.stderr).toBe(0);
    const mapping = write('big-m.json', {
      schemaVersion: 1,
      attributes: [
        { column: 'ETHNIC_CATEGORY', kind: 'ethnicity', scheme: 'nhs-ethnic-category' },
        { column: 'PERSON_PHENOTYPIC_SEX', kind: 'sex', scheme: 'nhs-person-phenotypic-sex' },
        { column: 'PERSON_BIRTH_DATE', kind: 'age', scheme: 'date-of-birth', referenceDate: '2025-03-31' },
        { column: 'REGION_CODE', kind: 'region', scheme: 'ons-region' },
      ],
      outcome: { column: 'OUTCOME_30D', positiveValues: ['1'] },
      period: { column: 'ADMISSION_DATE', granularity: 'quarter' },
    });
    const results: string[] = [];
    for (const workers of ['1', '2']) {
      const r = await runCli(['analyse', big, '--mapping', mapping, '--reference', 'england-2021', '--workers', workers, '--json', at(`w${workers}.json`), '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      results.push(readFileSync(at(`w${workers}.json`), 'utf8'));
    }
    expect(results[1]).toBe(results[0]);
    expect((JSON.parse(results[0]!) as AnalysisResult).rows).toBe(200_000);
  }, 120_000);
});

describe('bad input', () => {
  const base = { schemaVersion: 1, attributes: [{ column: 'ethnicity', kind: 'ethnicity', scheme: 'nhs-ethnic-category' }] };

  it('a mapping naming a missing column', async () => {
    const m = write('missing-col.json', { schemaVersion: 1, attributes: [{ column: 'ETHNICITY_CODE', kind: 'ethnicity', scheme: 'nhs-ethnic-category' }] });
    const r = await runCli(['analyse', at('small.csv'), '--mapping', m]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/names column "ETHNICITY_CODE", which is not in the file/);
  });

  it('an unknown scheme', async () => {
    const m = write('scheme.json', { schemaVersion: 1, attributes: [{ column: 'ethnicity', kind: 'ethnicity', scheme: 'census-1881' }] });
    const r = await runCli(['analyse', at('small.csv'), '--mapping', m]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/unknown scheme/);
  });

  it('a reference whose shares do not sum to 1', async () => {
    const ref = write('ref-sum.csv', 'attribute,category,share\nethnicity,A,0.5\nethnicity,M,0.3\n');
    const r = await runCli(['analyse', at('small.csv'), '--mapping', write('m1.json', base), '--reference', ref]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/shares of an attribute do not add up to 1/);
    expect(r.stderr).toMatch(/ref-sum\.csv/);
  });

  it('a reference with a negative count', async () => {
    const ref = write('ref-neg.csv', 'attribute,category,count\nethnicity,A,900\nethnicity,M,-4\n');
    const r = await runCli(['analyse', at('small.csv'), '--mapping', write('m2.json', base), '--reference', ref]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/count is negative/);
  });

  it('an unknown built-in reference', async () => {
    const r = await runCli(['analyse', at('small.csv'), '--mapping', write('m3.json', base), '--reference', 'narnia-2021']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no built-in reference population with that name/);
  });

  it('an outcome column with more than two values and no stated positive value', async () => {
    const r = await runCli(['analyse', at('small.csv'), '--mapping', write('m4.json', base), '--outcome', 'discharge']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/outcome column "discharge" is not plainly yes\/no/);
    expect(r.stderr).toMatch(/3 distinct recorded value/);
    expect(r.stderr).not.toMatch(/care home|died/);
    const ok = await runCli(['analyse', at('small.csv'), '--mapping', write('m5.json', base), '--outcome', 'discharge', '--positive', 'died', '--quiet']);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('a date-of-birth column with future dates', async () => {
    const m = write('dob.json', { schemaVersion: 1, attributes: [{ column: 'dob', kind: 'age', scheme: 'date-of-birth', referenceDate: '2025-03-31' }] });
    const r = await runCli(['analyse', at('small.csv'), '--mapping', m]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Warning: Column "dob" holds 1 date\(s\) of birth after the reference date; they are counted as unmapped\./);
    expect(r.stdout).not.toMatch(/2031/);
  });

  it('a mapping file that is not JSON, and bad options', async () => {
    const r = await runCli(['analyse', at('small.csv'), '--mapping', write('bad.json', '{ not json')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not valid JSON/);
    const band = await runCli(['analyse', at('small.csv'), '--mapping', write('m6.json', base), '--parity-band', '1.2,0.8']);
    expect(band.code).toBe(2);
    const mapping = await runCli(['mapping', 'propose', at('small.csv')]);
    expect(mapping.code).toBe(2);
  });
});
