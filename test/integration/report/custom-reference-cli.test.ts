// `represent report --reference-file` and `represent analyse --reference-file`, run as child
// processes: a real synthetic extract, a mapping file and a catchment CSV with its own label,
// source and date. The report's bars carry the catchment's markers and ratios.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli-harness';
import { parseReportJson } from '../../../shared/report';
import { generateExtract } from '../../../shared/synthetic/extract';
import suggested from '../../unit/disclosure/fixtures/suggested-mapping-s2k.json';
import { CATCHMENT_CSV } from '../../unit/report/catchment-fixture';
import { syntheticReport } from '../../unit/report/synthetic-report';

describe('represent report / analyse --reference-file (CLI)', () => {
  let dir: string;
  let data: string;
  let mapping: string;
  let catchment: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'represent-refcli-'));
    data = path.join(dir, 'extract.csv');
    await writeFile(data, [...generateExtract({ rows: 4_000, seed: 5, messy: true })].join(''));
    mapping = path.join(dir, 'mapping.json');
    await writeFile(mapping, JSON.stringify(suggested));
    catchment = path.join(dir, 'catchment.csv');
    await writeFile(catchment, CATCHMENT_CSV);
    // Any store the CLI records to lives in this test's own home.
    env = { REPRESENT_HOME: path.join(dir, 'home') };
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('report: compares with the imported population, with markers and ratios in the HTML', async () => {
    const out = path.join(dir, 'report');
    const r = await runCli(['report', data, '--mapping', mapping, '--reference-file', catchment, '--out', out], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/export screen: pass/);
    const report = parseReportJson(await readFile(path.join(out, 'report.json'), 'utf8'));
    const eth = report.representation.find((b) => b.attribute === 'ETHNIC_CATEGORY')!;
    expect(eth.reference).toMatchObject({ id: 'custom:catchment.csv', kind: 'custom', name: 'North Trust catchment', date: '2024-04' });
    const compared = eth.rows.filter((x) => x.ratio !== null);
    expect(compared.length).toBeGreaterThanOrEqual(8);
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html.slice(html.indexOf(`<h3 id="${eth.id}">`)))![0];
    expect([...svg.matchAll(/<path d="M[\d.]+ [\d.]+ l6 10/g)].length).toBe(eth.rows.filter((x) => x.referencePercent !== null).length);
    expect(html).toContain('GP registrations (NHS Digital) April 2024');
  });

  it('report --statistics: sections name the imported population by its id', async () => {
    const s = syntheticReport();
    const stats = path.join(dir, 'stats.json');
    await writeFile(
      stats,
      JSON.stringify({
        sections: s.input.sections.map((x) => ({
          role: x.role,
          statistic: x.statistic,
          ...(x.variable ? { variable: x.variable } : {}),
          // The ethnicity table is compared with the catchment instead of the Census.
          ...(x.reference ? { reference: { id: x.reference.attribute === 'ethnicity' ? 'custom:catchment.csv' : x.reference.referenceId, attribute: x.reference.attribute, scheme: x.reference.categorySet } } : {}),
        })),
      }),
    );
    const out = path.join(dir, 'report-stats');
    const r = await runCli(['report', data, '--statistics', stats, '--reference-file', catchment, '--policy', 'opensafely', '--out', out], { env });
    expect(r.code, r.stderr).toBe(0);
    const report = parseReportJson(await readFile(path.join(out, 'report.json'), 'utf8'));
    const kinds = report.representation.map((b) => b.reference?.kind);
    expect(kinds).toContain('custom');
    expect(kinds).toContain('census-2021');
    const eth = report.representation.find((b) => b.reference?.kind === 'custom')!;
    expect(eth.rows.filter((x) => x.ratio !== null).length).toBeGreaterThanOrEqual(5);
  });

  it('analyse: takes the same file by --reference-file', async () => {
    const json = path.join(dir, 'analysis.json');
    const r = await runCli(['analyse', data, '--mapping', mapping, '--reference-file', catchment, '--json', json, '--quiet'], { env });
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(await readFile(json, 'utf8'));
    expect(result.reference).toEqual({ id: 'custom:catchment.csv', name: 'North Trust catchment' });
  });

  it('refuses a bad reference file before reading the data, naming the row and column, and writes nothing', async () => {
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'attribute,category,count,label\nsex,Female,10,A\nsex,Male,ten,A\n');
    const out = path.join(dir, 'not-written');
    const r = await runCli(['report', data, '--mapping', mapping, '--reference-file', bad, '--out', out], { env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('bad.csv');
    expect(r.stderr).toMatch(/row 2/i);
    expect(r.stderr).toContain('count');
    expect(r.stderr).not.toContain('ten');
    await expect(stat(out)).rejects.toThrow();
    const both = await runCli(['report', data, '--reference', 'census2021-england', '--reference-file', catchment, '--out', out], { env });
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('not both');
  });
});
