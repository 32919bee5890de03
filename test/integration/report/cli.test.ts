// `represent answers` and `represent report` run as a user would: a real CSV, a statistics file
// built from it, an answers file; the folder appears whole or not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { runCli } from '../cli-harness';
import { parseReportJson } from '../../../shared/report';
import { syntheticReport } from '../../unit/report/synthetic-report';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('represent report / answers (CLI)', () => {
  let dir: string;
  let data: string;
  let stats: string;
  let answers: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'represent-report-cli-'));
    const s = syntheticReport();
    data = path.join(dir, 'extract.csv');
    await writeFile(data, s.csvText);
    stats = path.join(dir, 'stats.json');
    await writeFile(
      stats,
      JSON.stringify({
        sections: s.input.sections.map((x) => ({
          role: x.role,
          statistic: x.statistic,
          ...(x.variable ? { variable: x.variable } : {}),
          ...(x.reference ? { reference: { id: x.reference.referenceId, attribute: x.reference.attribute, scheme: x.reference.categorySet } } : {}),
        })),
      }),
    );
    const template = await runCli(['answers', 'template']);
    expect(template.code).toBe(0);
    const a = JSON.parse(template.stdout);
    a.provenance.summary = 'Synthetic admissions for testing.';
    a.ethics.approval = { notAvailable: 'Synthetic data.' };
    answers = path.join(dir, 'answers.json');
    await writeFile(answers, JSON.stringify(a));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the report folder: HTML, JSON, Markdown and one CSV per table, with the file fingerprint', async () => {
    const out = path.join(dir, 'report');
    const r = await runCli(['report', data, '--statistics', stats, '--answers', answers, '--policy', 'opensafely', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/export screen: pass/);
    const names = (await readdir(out, { recursive: true })).map(String).sort();
    expect(names).toEqual(expect.arrayContaining(['report.html', 'report.json', 'report.md', 'tables/representation-ethnicity.csv', 'tables/completeness-documentation.csv']));
    const report = parseReportJson(await readFile(path.join(out, 'report.json'), 'utf8'));
    expect(report.dataset.sha256).toBe(sha(await readFile(data)));
    expect(report.dataset.fileName).toBe('extract.csv');
    expect(report.completeness).toHaveLength(29);
    expect(report.completeness.find((c) => c.itemId === '1.1a')!.status).toBe('complete');
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('leaves a non-empty output folder alone without --force, and replaces it with --force', async () => {
    const out = path.join(dir, 'report-2');
    expect((await runCli(['report', data, '--statistics', stats, '--out', out])).code).toBe(0);
    const before = await readFile(path.join(out, 'report.json'));
    const again = await runCli(['report', data, '--statistics', stats, '--policy', 'uk-llc', '--out', out]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('not empty');
    expect(sha(await readFile(path.join(out, 'report.json')))).toBe(sha(before));
    const forced = await runCli(['report', data, '--statistics', stats, '--policy', 'uk-llc', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(parseReportJson(await readFile(path.join(out, 'report.json'), 'utf8')).policy.id).toBe('uk-llc');
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('names the item and field of a bad answer, and writes nothing', async () => {
    const bad = path.join(dir, 'bad-answers.json');
    await writeFile(bad, JSON.stringify({ format: 'represent-answers', formatVersion: 1, labels: { definition: 7 } }));
    const out = path.join(dir, 'report-bad');
    const r = await runCli(['report', data, '--statistics', stats, '--answers', bad, '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('labels.definition');
    expect(r.stderr).toContain('1.3f');
    await expect(readdir(out)).rejects.toThrow();
    const check = await runCli(['answers', 'check', bad]);
    expect(check.code).toBe(3);
    const unknown = path.join(dir, 'unknown-item.json');
    await writeFile(unknown, JSON.stringify({ format: 'represent-answers', formatVersion: 1, itemNotes: { '2.9': 'x' } }));
    expect((await runCli(['answers', 'check', unknown])).stderr).toContain('"2.9"');
  });

  it('refuses to write when the export screen finds something (an e-mail address in an answer), leaving no folder', async () => {
    const withEmail = path.join(dir, 'email-answers.json');
    await writeFile(withEmail, JSON.stringify({ format: 'represent-answers', formatVersion: 1, provenance: { custodian: 'Contact data.custodian@nhs.example.org' } }));
    const out = path.join(dir, 'report-email');
    const r = await runCli(['report', data, '--statistics', stats, '--answers', withEmail, '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('export screen');
    expect(r.stderr).toContain('email');
    expect(r.stderr).not.toContain('custodian@');
    await expect(readdir(out)).rejects.toThrow();
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('analyses the file end to end from a mapping (profile + tally + analysis, then protect, render, screen, write)', async () => {
    const mapping = path.join(dir, 'mapping.json');
    await writeFile(
      mapping,
      JSON.stringify({
        schemaVersion: 1,
        attributes: [
          { column: 'PERSON_PHENOTYPIC_SEX', kind: 'sex', scheme: 'nhs-person-phenotypic-sex' },
          { column: 'ETHNIC_CATEGORY', kind: 'ethnicity', scheme: 'nhs-ethnic-category' },
        ],
        outcome: { column: 'OUTCOME_30D', positiveValues: ['1'] },
      }),
    );
    const out = path.join(dir, 'report-analysed');
    const r = await runCli(['report', data, '--mapping', mapping, '--reference', 'census2021-england', '--policy', 'nhs-england-subnational', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const report = parseReportJson(await readFile(path.join(out, 'report.json'), 'utf8'));
    expect(report.representation.map((b) => b.attribute)).toEqual(['PERSON_PHENOTYPIC_SEX', 'ETHNIC_CATEGORY']);
    expect(report.representation.every((b) => b.reference?.name === 'England, Census 2021')).toBe(true);
    expect(report.missingness.length).toBeGreaterThan(0);
    expect(report.outcomes.length).toBe(2);
    expect(report.intersections.length).toBe(1);
    expect(report.dataset.sha256).toBe(sha(await readFile(data)));
  });
});
