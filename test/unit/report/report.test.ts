import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, test } from 'vitest';
import { PRESET_IDS, presetPolicy, screenExport, type Policy, type ProtectedCountTable, type ProtectedGroupTable } from '../../../shared/disclosure';
import { buildReport, parseAnswers, parseReportJson, renderHtml, renderMarkdown, renderCsvTables, renderReportFiles, wilsonInterval, type StandardsReport } from '../../../shared/report';
import { syntheticReport, type TrueCell } from './synthetic-report';

const reportSchema = JSON.parse(readFileSync(path.resolve(__dirname, '../../../shared/report/report.schema.json'), 'utf8'));

function build(policy: Policy, answers?: unknown): { report: StandardsReport; truth: TrueCell[] } {
  const s = syntheticReport();
  return { report: buildReport({ ...s.input, ...(answers ? { answers: parseAnswers(answers) } : {}), policy }), truth: s.truth };
}

/** Tables of an HTML file as grids of cell text (our renderer writes simple, well-formed tables). */
function htmlGrids(html: string): { header: string[]; rows: string[][] }[] {
  const strip = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => {
    const trs = [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) => [...tr[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => strip(c[1]!)));
    return { header: trs[0] ?? [], rows: trs.slice(1) };
  });
}

function markdownGrids(md: string): { header: string[]; rows: string[][] }[] {
  const lines = md.split('\n');
  const out: { header: string[]; rows: string[][] }[] = [];
  const split = (l: string) => l.slice(2, -2).split(/(?<!\\) \| /).map((c) => c.replace(/\\\|/g, '|').replace(/\\\\/g, '\\'));
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith('| ') && lines[i + 1]?.startsWith('| ---')) {
      const header = split(lines[i]!);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.startsWith('| ')) rows.push(split(lines[i++]!));
      out.push({ header, rows });
    }
  }
  return out;
}

/** The protected status of a true cell, from the report's own protected tables. */
function publishedOf(report: StandardsReport, cell: TrueCell): { value: number | null } | undefined {
  const [id, field] = cell.tableId.split('#') as [string, string | undefined];
  const t = report.tables.find((x) => x.id === id);
  if (!t) return undefined;
  if (t.kind === 'count-table') {
    const c = (t as ProtectedCountTable).cells.find((x) => x.coords.length === cell.coords.length && x.coords.every((v, i) => v === cell.coords[i]));
    return c ? { value: c.value } : undefined;
  }
  const g = (t as ProtectedGroupTable).groups.find((x) => x.coords.every((v, i) => v === cell.coords[i]));
  return g ? { value: g.values[field ?? 'numerator'] ?? null } : undefined;
}

const numberText = (v: number) => [String(v), v >= 1000 ? String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : null].filter((x): x is string => x !== null);

describe('standards report', () => {
  for (const id of PRESET_IDS) {
    test(`no suppressed cell's true count appears in context in HTML, JSON, Markdown or CSV (${id})`, () => {
      const policy = presetPolicy(id);
      const { report, truth } = build(policy);
      const suppressed = truth.filter((c) => publishedOf(report, c)?.value === null);
      // The fixture must really have small groups for this test to mean anything.
      expect(suppressed.length).toBeGreaterThan(10);
      expect(suppressed.some((c) => c.value > 0 && c.value < policy.threshold)).toBe(true);
      const files = renderReportFiles(report);
      const grids = files.flatMap((f) =>
        f.format === 'html' ? htmlGrids(f.text) : f.format === 'markdown' ? markdownGrids(f.text) : f.format === 'csv' ? [(() => { const rows = Papa.parse<string[]>(f.text.trim()).data; return { header: rows[0]!, rows: rows.slice(1) }; })()] : [],
      );
      let checkedRows = 0;
      for (const cell of suppressed) {
        const labels = cell.coords.filter((c): c is string => c !== null);
        const forbidden = new Set(numberText(cell.value));
        for (const g of grids) {
          for (const row of g.rows) {
            // A row in context: every label of the cell is in the row or its header.
            if (!labels.every((l) => row.includes(l) || g.header.includes(l))) continue;
            if (labels.length === 0 && row[0] !== 'Total') continue;
            checkedRows++;
            // A value equal to the true count may appear only as often as published cells of that row hold it.
            const hits = row.filter((x) => forbidden.has(x)).length;
            const publishedSame = row.filter((x) => forbidden.has(x)).length === 0 ? 0 : countPublishedEqual(report, cell, row);
            expect(hits, `${cell.tableId} ${JSON.stringify(cell.coords)} in a table headed ${g.header.join('|')}`).toBeLessThanOrEqual(publishedSame);
          }
        }
        // JSON: nowhere a field holding the value at these coordinates.
        const json = JSON.parse(files.find((f) => f.name === 'report.json')!.text) as StandardsReport;
        for (const b of json.representation) for (const r of b.rows) if (labels.length === 1 && r.category === labels[0] && cell.tableId === b.tableId) expect(r.n).toBeNull();
        for (const b of json.intersections) if (b.tableId === cell.tableId) expect(b.cells.find((c) => c.coords.every((v, i) => v === cell.coords[i]))?.value).toBeNull();
      }
      expect(checkedRows).toBeGreaterThan(suppressed.length);
      // And the independent screen agrees.
      const screen = screenExport({ files }, policy);
      expect(screen.findings).toEqual([]);
    });
  }

  test('derived figures are suppressed with their count, and computed from published counts only', () => {
    const { report } = build(presetPolicy('nhs-england-subnational'));
    const eth = report.representation.find((b) => b.attribute === 'ethnicity')!;
    for (const r of eth.rows) {
      if (r.n === null) {
        expect([r.percentOfAll, r.percentOfRecorded, r.intervalLow, r.intervalHigh, r.ratio, r.referencePercent]).toEqual([null, null, null, null, null, null]);
      } else if (eth.total !== null) {
        expect(r.percentOfAll).toBeCloseTo((100 * r.n) / eth.total, 1);
        expect(r.n % 5).toBe(0);
      }
    }
    const recorded = eth.rows.filter((r) => r.percentOfRecorded !== null);
    expect(recorded.length).toBeGreaterThan(3);
    const r0 = recorded[0]!;
    const denom = Math.round((100 * r0.n!) / r0.percentOfRecorded!);
    const w = wilsonInterval(r0.n!, denom)!;
    expect(r0.intervalLow).toBeCloseTo(100 * w.low, 0);
    for (const m of report.missingness) for (const b of m.blocks) for (const r of b.rows) if (r.events === null || r.n === null) expect(r.percent).toBeNull();
  });

  test('the JSON validates against its schema and the completeness table lists all 29 items', () => {
    const { report } = build(presetPolicy('acro-default'));
    const validate = new Ajv2020({ strict: false }).compile(reportSchema);
    const json = JSON.parse(renderReportFiles(report).find((f) => f.name === 'report.json')!.text);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(report.completeness).toHaveLength(29);
    const html = renderHtml(report);
    for (const item of report.items) expect(html).toContain(`href="#item-${item.id.replace(/[^A-Za-z0-9]+/g, '-')}"`);
    expect(renderCsvTables(report).filter((f) => f.name.startsWith('tables/completeness')).map((f) => Papa.parse(f.text.trim()).data.length - 1)).toEqual([18, 11]);
  });

  test('round trip: the JSON report alone regenerates the same HTML, Markdown and CSV', () => {
    const { report } = build(presetPolicy('opensafely'), { format: 'represent-answers', formatVersion: 1, provenance: { summary: 'Synthetic admissions | with a pipe & <tag>' } });
    const files = renderReportFiles(report);
    const again = parseReportJson(files.find((f) => f.name === 'report.json')!.text);
    expect(renderReportFiles(again)).toEqual(files);
    expect(renderHtml(again)).toBe(renderHtml(report));
    expect(renderMarkdown(again)).toBe(renderMarkdown(report));
    // Curator text is escaped, never injected.
    expect(renderHtml(report)).toContain('with a pipe &amp; &lt;tag&gt;');
    expect(renderMarkdown(report)).toContain('admissions \\| with a pipe & &lt;tag&gt;');
  });

  test('the HTML is self-contained: no script, no external reference', () => {
    const { report } = build(presetPolicy('acro-default'));
    const html = renderHtml(report);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    const srcs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    // Only in-page anchors and the reference source's URL shown as a link.
    for (const s of srcs) expect(s.startsWith('#') || report.representation.some((b) => b.reference?.sourceUrl === s)).toBe(true);
    expect(html).toContain('@media print');
  });

  test('completeness reflects the answers, and flags use plain words', () => {
    const { report } = build(presetPolicy('opensafely'), {
      format: 'represent-answers',
      formatVersion: 1,
      ethics: { approval: { notAvailable: 'Service evaluation: no REC review.' }, legalBasis: 'UK GDPR Art 6(1)(e) and 9(2)(h)', dataProtection: 'DPIA 2024/17' },
      governance: { accessGovernance: 'Trust data access committee', dataSovereignty: { notAvailable: 'No community sovereignty agreement applies.' } },
      involvement: { activities: { notAvailable: 'None held.' }, sharingBack: { notAvailable: 'None planned.' } },
      composition: { referenceChoice: 'Census 2021 England: the catchment is national.' },
    });
    const status = (id: string) => report.completeness.find((c) => c.itemId === id)!.status;
    expect(status('1.4a')).toBe('complete');
    expect(status('1.4b')).toBe('not-available');
    expect(status('1.2a')).toBe('partial');
    expect(status('1.3b')).toBe('missing');
    expect(report.flags.some((f) => f.kind === 'under-represented' || f.kind === 'suppressed-group')).toBe(true);
    for (const f of report.flags) expect(f.text).not.toMatch(/undefined|NaN|null/);
  });
});

function countPublishedEqual(report: StandardsReport, cell: TrueCell, row: string[]): number {
  // Values in the row equal to the true count that are published figures of other cells (for
  // example the same number in another column): allowed, since they are published.
  const t = report.tables.find((x) => x.id === cell.tableId.split('#')[0]);
  if (!t) return 0;
  const wanted = numberText(cell.value);
  let n = 0;
  if (t.kind === 'count-table')
    for (const c of (t as ProtectedCountTable).cells) if (c.value !== null && wanted.includes(String(c.value)) && c.coords.some((x) => x !== null && row.includes(x))) n++;
  if (t.kind === 'rates')
    for (const g of (t as ProtectedGroupTable).groups) for (const v of Object.values(g.values)) if (v !== null && wanted.includes(String(v)) && g.coords.some((x) => x !== null && row.includes(x))) n++;
  // Other tables of the report may publish the same number in the same row (margins shared).
  for (const other of report.tables) if (other.kind === 'count-table' && other.id !== t.id) for (const c of other.cells) if (c.value !== null && wanted.includes(String(c.value)) && c.coords.some((x) => x !== null && row.includes(x))) n++;
  return n;
}
