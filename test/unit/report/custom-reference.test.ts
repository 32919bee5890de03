// A report compared with a reference population imported from CSV carries it exactly as a Census
// one: markers on the bars, reference percents and ratios in every format, and the file's own
// label, source and date. Real analysis of a synthetic extract; the HTML's SVG is parsed.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { analyseTally } from '../../../shared/analysis';
import { presetPolicy, screenExport, type Policy } from '../../../shared/disclosure';
import { RepresentError } from '../../../shared/errors';
import { parseCustomReference } from '../../../shared/reference';
import { buildReport, emptyAnswers, parseReportJson, renderHtml, renderReportFiles, sectionsFromAnalysis, type RepresentationBlock, type StandardsReport } from '../../../shared/report';
import { syntheticRows, tallyOf } from '../analysis/helpers';
import suggested from '../disclosure/fixtures/suggested-mapping-s2k.json';
import { CATCHMENT_CSV } from './catchment-fixture';

const reportSchema = JSON.parse(readFileSync(path.resolve(__dirname, '../../../shared/report/report.schema.json'), 'utf8'));

const custom = parseCustomReference(CATCHMENT_CSV, 'catchment.csv');
const { columns, rows } = syntheticRows({ rows: 6_000, seed: 11, messy: true });
const { plan, tally } = tallyOf(suggested, columns, rows);
const analysis = analyseTally(tally, plan, { reference: { custom } });

function build(policy: Policy): StandardsReport {
  return buildReport({
    dataset: { name: 'extract.csv', sizeBytes: 1, modifiedIso: '2026-11-27T09:00:00.000Z', sha256: 'c'.repeat(64) },
    sections: sectionsFromAnalysis(analysis, { customReference: custom }),
    answers: emptyAnswers(),
    policy,
    appVersion: '0.1.0',
    createdAt: '2026-11-27T10:00:00.000Z',
  });
}

/** The chart of one representation block: its bars (by row) and its diamonds (x of the tip, y). */
function chartOf(html: string, block: RepresentationBlock): { labels: string[]; diamonds: { x: number; y: number }[]; gridMax: number } {
  const start = html.indexOf(`<h3 id="${block.id}">`);
  expect(start).toBeGreaterThan(0);
  const svg = /<svg[\s\S]*?<\/svg>/.exec(html.slice(start))![0];
  const labels = [...svg.matchAll(/<text x="212" y="[\d.]+" font-size="13" text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  const diamonds = [...svg.matchAll(/<path d="M([\d.]+) ([\d.]+) l6 10/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  const axis = [...svg.matchAll(/>(\d+)%<\/text>/g)].map((m) => Number(m[1]));
  return { labels, diamonds, gridMax: Math.max(...axis) };
}

/** Cells of the block's table, by header. */
function tableOf(html: string, block: RepresentationBlock): Record<string, string>[] {
  const start = html.indexOf(`<h3 id="${block.id}">`);
  const table = /<table>[\s\S]*?<\/table>/.exec(html.slice(start))![0];
  const cells = (tr: string) => [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]*>/g, '').trim());
  const trs = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]!));
  const header = trs[0]!;
  return trs.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('a report compared with an imported reference population', () => {
  const policy = presetPolicy('acro-default');
  const report = build(policy);
  const ethnicity = report.representation.find((b) => b.attribute === 'ETHNIC_CATEGORY')!;
  const sex = report.representation.find((b) => b.attribute === 'PERSON_PHENOTYPIC_SEX')!;
  const html = renderHtml(report);

  it('names the population as the file does: label, source and date', () => {
    for (const b of [ethnicity, sex]) {
      expect(b.reference).toMatchObject({
        id: 'custom:catchment.csv',
        kind: 'custom',
        name: 'North Trust catchment',
        sourceTitle: 'GP registrations (NHS Digital) April 2024',
        publisher: 'Supplied by the user',
        date: '2024-04',
      });
    }
    const hint = html.slice(html.indexOf(`<h3 id="${ethnicity.id}">`)).match(/<p class="hint">Reference: ([^\n]*?)<\/p>/)![1]!;
    expect(hint).toContain('North Trust catchment (a population imported from a file), GP registrations (NHS Digital) April 2024');
    expect(hint).toContain('figures dated 2024-04');
    expect(html).not.toContain('href=""');
  });

  it('gives every published row the file’s share and a ratio computed from the published counts', () => {
    const shares = new Map(custom.distributions.find((d) => d.attribute === 'ethnicity')!.categories.map((c) => [c.label, c.share]));
    const published = ethnicity.rows.filter((r) => r.n !== null && r.percentOfRecorded !== null);
    expect(published.length).toBeGreaterThanOrEqual(10);
    for (const r of published) {
      const share = shares.get(r.category);
      expect(share, r.category).toBeDefined();
      expect(r.referencePercent).toBeCloseTo(share! * 100, 1);
      expect(r.ratio).not.toBeNull();
      expect(r.ratio!).toBeCloseTo(r.percentOfRecorded! / r.referencePercent!, 1);
    }
    expect(sex.rows.filter((r) => r.ratio !== null).map((r) => r.category).sort()).toEqual(['Female', 'Male']);
  });

  it('draws a reference diamond on each compared bar, at the reference percent (parsed from the SVG)', () => {
    for (const block of [ethnicity, sex]) {
      const chart = chartOf(html, block);
      expect(chart.labels.length).toBe(block.rows.length);
      const withRef = block.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.referencePercent !== null);
      expect(withRef.length).toBeGreaterThan(1);
      expect(chart.diamonds).toHaveLength(withRef.length);
      withRef.forEach(({ r, i }, k) => {
        const d = chart.diamonds[k]!;
        // Row i's band starts at y = 12 + 30 i; the diamond's tip is 2 below it.
        expect(d.y).toBeCloseTo(12 + 30 * i + 2, 5);
        expect(d.x).toBeCloseTo(220 + (r.referencePercent! / chart.gridMax) * 400, 0);
      });
      expect(html.slice(html.indexOf(`<h3 id="${block.id}">`))).toContain('Diamond: reference share.');
    }
  });

  it('shows the same reference percents and ratios in the HTML table, the CSV and the Markdown', () => {
    const table = tableOf(html, ethnicity);
    const files = renderReportFiles(report);
    const csv = Papa.parse<Record<string, string>>(files.find((f) => f.name === 'tables/representation-ethnic-category.csv')!.text, { header: true, skipEmptyLines: true }).data;
    const md = files.find((f) => f.name === 'report.md')!.text;
    for (const r of ethnicity.rows) {
      if (r.ratio === null) continue;
      const row = table.find((x) => x['Group'] === r.category)!;
      expect(row['Reference percent']).toBe(r.referencePercent!.toFixed(1));
      expect(row['Ratio to reference']).toBe(r.ratio.toFixed(2));
      const c = csv.find((x) => x.group === r.category)!;
      expect(c.reference_percent).toBe(r.referencePercent!.toFixed(1));
      expect(c.ratio_to_reference).toBe(r.ratio.toFixed(2));
      expect(md).toContain(`| ${r.category} | `);
    }
    expect(md).toContain('Reference: North Trust catchment (a population imported from a file), GP registrations (NHS Digital) April 2024 (Supplied by the user; As stated by the supplier; figures dated 2024-04).');
  });

  it('validates against the schema, passes the export screen, round-trips, and says where the reference came from in the methods', () => {
    const json = JSON.parse(JSON.stringify(report));
    const validate = new Ajv2020({ strict: false }).compile(reportSchema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const files = renderReportFiles(report);
    expect(screenExport({ files }, policy).findings).toEqual([]);
    const again = parseReportJson(files.find((f) => f.name === 'report.json')!.text, 'report.json');
    expect(renderHtml(again)).toBe(files.find((f) => f.name === 'report.html')!.text);
    const methods = report.methods.find((m) => m.id === 'reference')!.text;
    expect(methods).toContain('the reference population file the analyst imported');
    expect(methods).not.toContain('Census 2021');
  });

  it('refuses to build sections without the imported population the analysis used, rather than drop the comparison', () => {
    let error: unknown;
    try {
      sectionsFromAnalysis(analysis);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RepresentError);
    expect((error as RepresentError).code).toBe('bad-reference');
    const other = parseCustomReference(CATCHMENT_CSV, 'other.csv');
    expect(() => sectionsFromAnalysis(analysis, { customReference: other })).toThrow(RepresentError);
  });

  it('a Census comparison carries its kind and publication date the same way', () => {
    const census = analyseTally(tally, plan, { reference: { builtIn: 'census2021-england' } });
    const r = buildReport({
      dataset: { name: 'extract.csv', sizeBytes: 1, modifiedIso: '2026-11-27T09:00:00.000Z', sha256: 'c'.repeat(64) },
      sections: sectionsFromAnalysis(census),
      answers: emptyAnswers(),
      policy,
      appVersion: '0.1.0',
      createdAt: '2026-11-27T10:00:00.000Z',
    });
    const sexBlock = r.representation.find((b) => b.attribute === 'PERSON_PHENOTYPIC_SEX')!;
    expect(sexBlock.reference).toMatchObject({ id: 'census2021-england', kind: 'census-2021' });
    expect(sexBlock.reference!.date).toMatch(/^2022-06-28/);
    expect(renderHtml(r)).toContain('published 2022-06-28');
  });
});
