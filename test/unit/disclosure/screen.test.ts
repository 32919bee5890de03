// The independent export screen: clean content from the real protection pipeline passes; a single
// planted problem in otherwise clean content is caught, located, and never quoted.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allPresets, presetPolicy } from '../../../shared/disclosure/presets';
import { protectReport } from '../../../shared/disclosure/protect';
import { buildAcroResults } from '../../../shared/disclosure/acro';
import { isValidNhsNumber } from '../../../shared/disclosure/identifiers';
import { screenExport, type ExportContent, type ExportFile, type ScreenResult } from '../../../shared/disclosure/screen';
import type { Policy } from '../../../shared/disclosure/policy';
import type { StatisticInput } from '../../../shared/disclosure/table';
import { gridOf, toCsv, toHtml, toMarkdown, type Grid } from './render';

const ethnicity = { name: 'ethnicity', categories: ['Asian', 'Black', 'Mixed', 'White', 'Other', 'Not stated'] };
const sex = { name: 'sex', categories: ['Female', 'Male'] };

const statistics: StatisticInput[] = [
  { kind: 'count-table', id: 'eth-sex', title: 'Ethnicity by sex', dimensions: [ethnicity, sex], counts: [295, 279, 152, 144, 13, 14, 3400, 3280, 34, 35, 130, 132], margins: 'all', shares: { over: ['sex'] } },
  { kind: 'count-table', id: 'eth', title: 'Ethnicity', dimensions: [ethnicity], counts: [574, 296, 27, 6680, 69, 262], margins: 'all' },
  { kind: 'count-table', id: 'eth-outcome', title: 'Readmitted by ethnicity', dimensions: [ethnicity, { name: 'readmitted', categories: ['Yes', 'No'] }], counts: [40, 534, 22, 274, 3, 24, 500, 6180, 5, 64, 30, 232], margins: 'all' },
  { kind: 'means', id: 'age-mean', title: 'Mean age by ethnicity', variable: 'age', dimensions: [ethnicity], groups: [574, 296, 27, 6680, 69, 262].map((n, i) => ({ n, mean: 40.5 + i, sd: 12.25, sum: n * (40.5 + i), largest: [101, 99] })) },
  { kind: 'quantiles', id: 'age-q', title: 'Age quartiles by sex', variable: 'age', dimensions: [sex], groups: [{ n: 4098, quantiles: [{ p: 0.25, value: 31 }, { p: 0.5, value: 45 }, { p: 0.75, value: 61 }] }, { n: 3890, quantiles: [{ p: 0.25, value: 29 }, { p: 0.5, value: 44 }, { p: 0.75, value: 60 }] }] },
  { kind: 'rates', id: 'readm-rate', title: 'Readmissions per 1,000', dimensions: [sex], numerators: [310, 294], denominators: [4098, 3890], per: 1000, population: 'admissions' },
  { kind: 'histogram', id: 'age-hist', title: 'Age', variable: 'age', edges: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], counts: [2, 410, 900, 1500, 1600, 1400, 1100, 700, 300, 70, 3] },
  { kind: 'extremes', id: 'age-range', title: 'Age range', variable: 'age', n: 7988, min: 0, max: 104, tails: { low: 4, countBelow: 80, high: 92, countAbove: 60 }, unit: 10 },
  { kind: 'date-range', id: 'adm-dates', title: 'Admission dates', variable: 'admitted', n: 7988, earliest: '2019-01-03', latest: '2024-12-30' },
  { kind: 'distinct-count', id: 'wards', title: 'Wards', variable: 'ward', n: 7988, distinct: 41 },
];

function cleanExport(policy: Policy): { content: ExportContent; grids: { name: string; grid: Grid }[] } {
  const report = protectReport(statistics, policy);
  const files: ExportFile[] = [];
  const grids: { name: string; grid: Grid }[] = [];
  let markdown = '# Representation report\n\nThis report was checked against the disclosure policy before export.\n';
  let html = '';
  for (const r of report.results) {
    const grid = gridOf(r.output);
    if (!grid) continue;
    grids.push({ name: `${r.output.id}.csv`, grid });
    files.push({ name: `${r.output.id}.csv`, format: 'csv', text: toCsv(grid) });
    markdown += '\n' + toMarkdown(r.output.title, grid, 'Counts are protected; see the evidence file for every rule applied.');
    html += toHtml(r.output.title, grid, 'Counts are protected.');
  }
  files.push({ name: 'report.md', format: 'markdown', text: markdown });
  files.push({ name: 'report.html', format: 'html', text: html });
  files.push({ name: 'report.json', format: 'json', text: JSON.stringify({ generatedAt: '2026-08-20T10:11:12Z', statistics: report.results.map((r) => r.output) }, null, 2) });
  files.push({ name: 'evidence.json', format: 'json', text: JSON.stringify({ links: report.links, evidence: report.results.map((r) => r.evidence) }, null, 2) });
  const acro = buildAcroResults(
    report.results.map((r) => ({ result: r, files: [`${r.output.id}.csv`], command: `represent report ${r.output.id}`, timestamp: '2026-08-20T10:11:12Z' })),
    'Represent 0.1.0',
  );
  files.push({ name: 'results.json', format: 'json', text: JSON.stringify(acro, null, 2) });
  return { content: { files }, grids };
}

function replaceFile(content: ExportContent, name: string, edit: (text: string) => string): ExportContent {
  return { files: content.files.map((f) => (f.name === name ? { ...f, text: edit(f.text) } : f)) };
}

function expectCaught(result: ScreenResult, rule: string, file: string, planted: string[]): void {
  const hits = result.findings.filter((f) => f.rule === rule && f.file === file);
  expect(hits.length, JSON.stringify(result.findings)).toBeGreaterThan(0);
  expect(result.outcome).toBe('fail');
  for (const f of result.findings) for (const v of planted) expect(JSON.stringify(f)).not.toContain(v);
}

/** A valid NHS number (Modulus 11) from nine digits, or null when the check digit would be 10. */
function nhsNumber(nine: string): string | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : `${nine}${check}`;
}

describe('screenExport', () => {
  it.each(allPresets().map((p) => [p.id, p] as const))('passes clean content from the protection pipeline (%s)', (_id, policy) => {
    const { content } = cleanExport(policy);
    const result = screenExport(content, policy);
    expect(result.findings.filter((f) => f.severity === 'fail'), JSON.stringify(result.findings, null, 1)).toEqual([]);
    expect(result.findings, JSON.stringify(result.findings, null, 1)).toEqual([]);
    expect(result.outcome).toBe('pass');
    expect(result.checked.numbers).toBeGreaterThan(100);
    expect(result.checked.tables).toBeGreaterThan(10);
  });

  describe('catches a planted small count', () => {
    const policy = presetPolicy('nhs-england-subnational');
    const { content, grids } = cleanExport(policy);
    const eth = grids.find((g) => g.name === 'eth.csv')!.grid;
    const row = eth.rows.findIndex((r) => r[1] !== '*' && r[0] !== 'Total');

    it('in a CSV', () => {
      const planted = eth.rows.map((r, i) => (i === row ? [r[0]!, '3'] : r));
      const result = screenExport(replaceFile(content, 'eth.csv', () => toCsv({ header: eth.header, rows: planted })), policy);
      expectCaught(result, 'small-count', 'eth.csv', []);
      expect(result.findings[0]!.location).toEqual({ table: 1, row: row + 1, column: 'n', line: row + 2 });
    });

    it('in Markdown and HTML tables', () => {
      const md = replaceFile(content, 'report.md', (t) => t.replace(`| ${eth.rows[row]![0]} | ${eth.rows[row]![1]} |`, `| ${eth.rows[row]![0]} | 4 |`));
      expectCaught(screenExport(md, policy), 'small-count', 'report.md', []);
      const html = replaceFile(content, 'report.html', (t) => t.replace(`<td>${eth.rows[row]![0]}</td><td>${eth.rows[row]![1]}</td>`, `<td>${eth.rows[row]![0]}</td><td>4</td>`));
      expectCaught(screenExport(html, policy), 'small-count', 'report.html', []);
    });

    it('in structured JSON, including a value left in a suppressed cell', () => {
      const json = replaceFile(content, 'report.json', (t) => {
        const doc = JSON.parse(t) as { statistics: { kind: string; cells?: { value: number | null; status: string }[] }[] };
        const table = doc.statistics.find((s) => s.kind === 'count-table' && s.cells!.some((c) => c.value === null))!;
        const hidden = table.cells!.find((c) => c.value === null)!;
        hidden.value = 6;
        return JSON.stringify(doc);
      });
      const result = screenExport(json, policy);
      expectCaught(result, 'small-count', 'report.json', []);
      expect(result.findings.some((f) => f.rule === 'suppressed-value-present')).toBe(true);
      const loose = replaceFile(content, 'report.json', (t) => t.replace('"generatedAt"', '"patientsSeen": 5, "generatedAt"'));
      expectCaught(screenExport(loose, policy), 'small-count', 'report.json', []);
    });

    it('an unrounded count', () => {
      const planted = eth.rows.map((r, i) => (i === row ? [r[0]!, '1234'] : r));
      const result = screenExport(replaceFile(content, 'eth.csv', () => toCsv({ header: eth.header, rows: planted })), policy);
      expectCaught(result, 'off-base-count', 'eth.csv', ['1234']);
    });
  });

  describe('catches a planted NHS number', () => {
    const policy = presetPolicy('opensafely');
    const { content } = cleanExport(policy);
    const planted = nhsNumber('943476591')!;

    it('in prose, in a table label and in JSON, grouped or not', () => {
      expect(isValidNhsNumber(planted)).toBe(true);
      const spaced = `${planted.slice(0, 3)} ${planted.slice(3, 6)} ${planted.slice(6)}`;
      const md = replaceFile(content, 'report.md', (t) => t.replace('This report was checked', `Patient ${spaced} was checked`));
      expectCaught(screenExport(md, policy), 'nhs-number', 'report.md', [planted, spaced]);
      const csv = replaceFile(content, 'eth.csv', (t) => t.replace('Mixed', planted));
      expectCaught(screenExport(csv, policy), 'nhs-number', 'eth.csv', [planted]);
      const json = replaceFile(content, 'report.json', (t) => t.replace('"Black"', `"${planted}"`));
      expectCaught(screenExport(json, policy), 'nhs-number', 'report.json', [planted]);
    });

    it('any valid NHS number, but not ten digits with a wrong check digit', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[0-9]{9}$/), (nine) => {
          const valid = nhsNumber(nine);
          if (valid === null) return;
          const wrong = `${nine}${(Number(valid[9]) + 1) % 10}`;
          const withValid = screenExport({ files: [{ name: 'notes.txt', format: 'text', text: `See record ${valid}.` }] }, policy);
          expect(withValid.findings.map((f) => f.rule)).toEqual(['nhs-number']);
          const withWrong = screenExport({ files: [{ name: 'notes.txt', format: 'text', text: `See record ${wrong}.` }] }, policy);
          expect(withWrong.findings.filter((f) => f.rule === 'nhs-number')).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });

    it('also postcodes and e-mail addresses', () => {
      const md = replaceFile(content, 'report.md', (t) => t.replace('This report was checked', 'Sent from SW1A 1AA by someone@example.nhs.uk, checked'));
      const result = screenExport(md, policy);
      expect(result.findings.map((f) => f.rule).sort()).toEqual(['email', 'postcode']);
      expect(JSON.stringify(result.findings)).not.toMatch(/SW1A|example/);
    });
  });

  describe('catches a planted minimum or maximum', () => {
    const policy = presetPolicy('acro-default');
    const { content } = cleanExport(policy);

    it('as a JSON field', () => {
      const json = replaceFile(content, 'report.json', (t) => t.replace('"lowerBound":', '"max": 104, "lowerBound":'));
      expectCaught(screenExport(json, policy), 'extreme-value', 'report.json', ['104']);
    });

    it('as a table column, and as a histogram edge', () => {
      const csv = replaceFile(content, 'age-mean.csv', (t) => {
        const lines = t.trimEnd().split('\n');
        return [lines[0] + ',max_age', ...lines.slice(1).map((l, i) => `${l},${90 + i}`)].join('\n');
      });
      expectCaught(screenExport(csv, policy), 'extreme-value', 'age-mean.csv', []);
      const hist = replaceFile(content, 'report.json', (t) => t.replace('"lower": null', '"lower": 0'));
      expectCaught(screenExport(hist, policy), 'open-ended-histogram', 'report.json', []);
    });
  });

  it('catches identifier columns, row-level data, full dates, free text and derived figures of suppressed counts', () => {
    const policy = presetPolicy('acro-default');
    const rows = Array.from({ length: 30 }, (_, i) => [`P${1000 + i}`, i % 2 ? 'F' : 'M', '2001-04-0' + ((i % 9) + 1)]);
    const rowLevel = screenExport({ files: [{ name: 'extract.csv', format: 'csv', text: toCsv({ header: ['patient_id', 'sex', 'date_admitted'], rows }) }] }, policy);
    expect(new Set(rowLevel.findings.map((f) => f.rule))).toEqual(new Set(['identifier-column', 'row-level-data', 'full-date']));
    expect(JSON.stringify(rowLevel.findings)).not.toMatch(/P10|2001/);

    const freeText = screenExport(
      { files: [{ name: 't.csv', format: 'csv', text: toCsv({ header: ['reason', 'n'], rows: [['Patient said that the pain began after the fall on the stairs at home last winter and has not improved since', '20']] }) }] },
      policy,
    );
    expect(freeText.findings.map((f) => [f.rule, f.severity])).toEqual([['free-text', 'review']]);

    const derived = screenExport({ files: [{ name: 'd.csv', format: 'csv', text: toCsv({ header: ['group', 'n', 'percent'], rows: [['a', '[suppressed]', '4.1'], ['b', '230', '95.9']] }) }] }, policy);
    expect(derived.findings.map((f) => f.rule)).toEqual(['derived-from-suppressed']);

    const smallGroupMean = screenExport({ files: [{ name: 'm.csv', format: 'csv', text: toCsv({ header: ['group', 'n', 'mean'], rows: [['a', '[suppressed]', '41.2']] }) }] }, policy);
    expect(smallGroupMean.findings.map((f) => f.rule)).toEqual(['statistic-on-small-group']);

    const tooLong = screenExport({ files: [{ name: 'l.csv', format: 'csv', text: toCsv({ header: ['code', 'n'], rows: Array.from({ length: 5001 }, (_, i) => [`c${i}`, '20']) }) }] }, policy);
    expect(tooLong.findings.map((f) => f.rule)).toContain('too-many-rows');

    const named = screenExport({ files: [{ name: 'x.csv', format: 'csv', text: toCsv({ header: ['local_ref', 'n'], rows: [['a', '20']] }) }] }, policy, { identifierColumns: ['Local Ref'] });
    expect(named.findings.map((f) => f.rule)).toEqual(['identifier-column']);

    const broken = screenExport({ files: [{ name: 'b.json', format: 'json', text: '{"n": ' }] }, policy);
    expect(broken.findings.map((f) => f.rule)).toEqual(['unreadable-file']);
  });

  it('reads report JSON written without our "kind": count cells, statuses beside values, derived figures', () => {
    const policy = presetPolicy('nhs-england-subnational');
    const doc = {
      tables: [{ id: 't', title: 'Ethnicity', hasMargins: true, cells: [{ coords: ['a'], value: 15, status: 'rounded' }, { coords: ['b'], value: 3, status: 'rounded' }] }],
      rows: [
        { category: 'a', n: 15, status: 'rounded', percentOfAll: 83.3, referencePercent: 80.1, intervalLow: 61.2, intervalHigh: 94.1 },
        { category: 'b', n: null, status: 'suppressed-primary', percentOfAll: 16.7, referencePercent: 19.9 },
      ],
      groups: [{ group: ['x'], n: 12, nStatus: 'suppressed-secondary', events: null, eventsStatus: 'suppressed-primary', percent: null }],
    };
    const result = screenExport({ files: [{ name: 'model.json', format: 'json', text: JSON.stringify(doc) }] }, policy);
    expect(result.findings.map((f) => [f.rule, f.location.path])).toEqual([
      ['small-count', '$.tables[0].cells[1].value'],
      ['derived-from-suppressed', '$.rows[1].percentOfAll'],
      ['suppressed-value-present', '$.groups[0].n'],
      ['off-base-count', '$.groups[0].n'],
    ]);
    const intervals = screenExport({ files: [{ name: 'i.csv', format: 'csv', text: toCsv({ header: ['category', 'n', 'interval_low', 'interval_high'], rows: [['a', '15', '61.2', '94.1'], ['b', '20', '3.5', '9.9']] }) }] }, policy);
    expect(intervals.findings).toEqual([]);
  });

  it('checks midpoint-6 columns by their OpenSAFELY names', () => {
    const policy = { ...presetPolicy('opensafely'), rates: { method: 'midpoint6' as const } };
    const ok = screenExport({ files: [{ name: 'r.csv', format: 'csv', text: toCsv({ header: ['sex', 'numerator_midpoint6', 'denominator_midpoint6', 'rate'], rows: [['F', '21', '999', '21.02'], ['M', '0', '3', '0']] }) }] }, policy);
    expect(ok.findings).toEqual([]);
    const bad = screenExport({ files: [{ name: 'r.csv', format: 'csv', text: toCsv({ header: ['sex', 'numerator_midpoint6'], rows: [['F', '20']] }) }] }, policy);
    expect(bad.findings.map((f) => f.rule)).toEqual(['midpoint6']);
  });
});
