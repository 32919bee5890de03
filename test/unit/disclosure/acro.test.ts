// results.json in ACRO's 0.4.x layout, checked the way SACRO-Viewer reads it (sacro/models.py,
// sacro/versioning.py): "version" and "results" present, every result with a non-empty "files"
// list of objects with "name", a version no older than 0.4, and sdc.cells positions that point
// at the suppressed cells of the CSV they describe.

import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { presetPolicy } from '../../../shared/disclosure/presets';
import { protectReport } from '../../../shared/disclosure/protect';
import { ACRO_LAYOUT_VERSION, acroTableCsv, buildAcroResults } from '../../../shared/disclosure/acro';
import type { ProtectedCountTable } from '../../../shared/disclosure/evidence';
import type { StatisticInput } from '../../../shared/disclosure/table';

const inputs: StatisticInput[] = [
  {
    kind: 'count-table',
    id: 'eth-sex',
    title: 'Ethnicity by sex',
    dimensions: [{ name: 'ethnicity', categories: ['Asian', 'Black', 'Mixed', 'White'] }, { name: 'sex', categories: ['Female', 'Male'] }],
    counts: [120, 133, 61, 58, 3, 4, 2310, 2288],
    margins: 'all',
  },
  { kind: 'means', id: 'bmi', title: 'BMI by sex', variable: 'bmi', dimensions: [{ name: 'sex', categories: ['Female', 'Male', 'Unknown'] }], groups: [{ n: 40, mean: 27.1, sum: 1084, largest: [41, 39] }, { n: 12, mean: 100, sum: 1200, largest: [1140, 10] }, { n: 3, mean: 25 }], population: 'bmi-recorded' },
  { kind: 'date-range', id: 'dates', title: 'Admission dates', variable: 'admitted', n: 900, earliest: '2019-03-14', latest: '2024-11-02' },
];

function sacroViewerAccepts(doc: unknown): void {
  const d = doc as { version: string; results: Record<string, { files: { name: string }[] }> };
  expect(typeof d.version).toBe('string');
  const [major, minor] = d.version.split('.').map(Number);
  expect(major! > 0 || (major === 0 && minor! >= 4)).toBe(true);
  for (const r of Object.values(d.results)) {
    expect(r.files.length).toBeGreaterThan(0);
    for (const f of r.files) expect(typeof f.name).toBe('string');
  }
}

describe('ACRO-compatible results.json', () => {
  const policy = presetPolicy('acro-default');
  const report = protectReport(inputs, policy);
  const doc = buildAcroResults(
    report.results.map((r) => ({ result: r, files: [`${r.output.id}.csv`], command: `represent: ${r.output.title}`, timestamp: '2026-08-20T09:00:00' })),
    'Represent 0.1.0',
  );

  it('has the 0.4.x layout and passes SACRO-Viewer’s structural checks', () => {
    expect(doc.version).toBe(ACRO_LAYOUT_VERSION);
    sacroViewerAccepts(JSON.parse(JSON.stringify(doc)));
    const r = doc.results['eth-sex']!;
    expect(Object.keys(r).sort()).toEqual(['command', 'comments', 'exception', 'files', 'outcome', 'properties', 'status', 'summary', 'timestamp', 'type', 'uid']);
    expect(r.type).toBe('table');
    expect(r.properties.method).toBe('crosstab');
    expect(Object.keys(r.files[0]!.sdc).sort()).toEqual(['cells', 'summary']);
  });

  it('points sdc.cells and outcome at exactly the suppressed cells of the wide CSV', () => {
    const r = doc.results['eth-sex']!;
    const table = report.results[0]!.output as ProtectedCountTable;
    const csv = Papa.parse<string[]>(acroTableCsv(table), { skipEmptyLines: true }).data;
    const header = csv[0]!;
    const body = csv.slice(1);
    const flagged = new Set(Object.values((r.files[0]!.sdc as { cells: Record<string, [number, number][]> }).cells).flat().map(([row, col]) => `${row},${col}`));
    body.forEach((row, i) =>
      row.slice(1).forEach((cell, j) => {
        expect(flagged.has(`${i},${j}`)).toBe(cell === table.marker);
        const label = r.outcome[header[j + 1]!]![row[0]!]!;
        expect(label === 'ok').toBe(cell !== table.marker);
      }),
    );
    expect(header).toEqual(['ethnicity', 'Female', 'Male', 'All']);
    expect(body.map((row) => row[0])).toEqual(['Asian', 'Black', 'Mixed', 'White', 'All']);
    const summary = (r.files[0]!.sdc as { summary: Record<string, number | boolean> }).summary;
    expect(summary.suppressed).toBe(true);
    expect(summary.threshold).toBe(report.results[0]!.evidence.summary.suppressedPrimary);
    expect(summary.secondary).toBe(report.results[0]!.evidence.summary.suppressedSecondary);
    expect(r.summary).toMatch(/^review; threshold: \d+ cells suppressed; secondary: \d+ cells suppressed; $/);
  });

  it('follows ACRO’s status rules: mitigated outputs are review with the automatic exception, custom outputs review', () => {
    expect(doc.results['eth-sex']!.status).toBe('review');
    expect(doc.results['eth-sex']!.exception).toBe('Suppression automatically applied where needed');
    expect(doc.results['bmi']!.outcome.mean).toEqual({ Female: 'ok', Male: 'nk-rule; ', Unknown: 'threshold; ' });
    expect(doc.results['dates']!.type).toBe('custom');
    expect(doc.results['dates']!.status).toBe('review');
    const os = protectReport([inputs[0]!], presetPolicy('opensafely'));
    const rounded = buildAcroResults([{ result: os.results[0]!, files: ['t.csv'], command: 'c', timestamp: 't', exception: 'Needed for the equality impact assessment' }], 'Represent');
    expect(rounded.results['eth-sex']!.properties).toMatchObject({ mitigation: 'round', round_base: 5 });
    expect(rounded.results['eth-sex']!.exception).toBe('Needed for the equality impact assessment');
  });

  it('carries no suppressed value', () => {
    const text = JSON.stringify(doc);
    // Mixed/Female = 3 and Mixed/Male = 4 are suppressed; their row total 7 too.
    expect(text).not.toMatch(/"Mixed[^"]*":\s*[347]\b/);
    const table = report.results[0]!.output as ProtectedCountTable;
    expect(acroTableCsv(table)).toMatch(/^Mixed,\[suppressed\],\[suppressed\],\[suppressed\]$/m);
  });
});
