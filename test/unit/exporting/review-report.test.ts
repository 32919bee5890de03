// What the Review page reads from a request bundle besides the manifest: the report as its model
// (report.json, schema-checked) and the export screen's recorded verdict. The files are real (a
// report built from a synthetic extract and rendered as the app renders it); the bundle around them
// is reduced to what these readers look at, since openRequestBundle has checked hashes before.
import { describe, expect, it } from 'vitest';
import { presetPolicy, screenExport } from '../../../shared/disclosure';
import { buildReport, renderReportFiles } from '../../../shared/report';
import type { OpenedRequest } from '../../../main/services/export-workflow/open-request';
import { SCREEN_NAME } from '../../../main/services/export-workflow/formats';
import { readBundleReport, readBundleScreen } from '../../../main/services/exporting/review-report';
import { syntheticReport } from '../report/synthetic-report';

const report = buildReport({ ...syntheticReport(600, 11).input, policy: presetPolicy('acro-default') });
const rendered = renderReportFiles(report);
const reportJson = rendered.find((f) => f.name === 'report.json')!.text;

function bundleWith(files: { path: string; role: 'output' | 'evidence'; text: string }[], datasetSha256 = report.dataset.sha256): OpenedRequest {
  return {
    file: '/bundles/request.zip',
    bundleSha256: 'b'.repeat(64),
    manifest: { dataset: { sha256: datasetSha256 }, files: files.map((f) => ({ path: f.path, role: f.role })) } as unknown as OpenedRequest['manifest'],
    manifestBytes: Buffer.from('{}'),
    manifestSha256: 'm'.repeat(64),
    files: new Map(files.map((f) => [f.path, Buffer.from(f.text, 'utf8')])),
  };
}

describe('the report in a request bundle', () => {
  it('reads report.json as the report model, equal to the report that was built', () => {
    const read = readBundleReport(bundleWith([{ path: 'report.json', role: 'output', text: reportJson }]));
    expect(read.warnings).toEqual([]);
    expect(read.report).toEqual(JSON.parse(reportJson));
    expect(read.report?.tables.length).toBe(report.tables.length);
  });

  it('shows no report, and says why, when report.json is missing, is not JSON, or breaks the schema', () => {
    const missing = readBundleReport(bundleWith([{ path: 'report.html', role: 'output', text: '<p>hi</p>' }]));
    expect(missing).toEqual({ report: null, warnings: [expect.stringMatching(/no report\.json/)] });
    const notJson = readBundleReport(bundleWith([{ path: 'report.json', role: 'output', text: '{"title": ' }]));
    expect(notJson.report).toBeNull();
    expect(notJson.warnings).toEqual([expect.stringMatching(/does not match this version’s report format/)]);
    const broken = JSON.parse(reportJson) as Record<string, unknown>;
    broken.tables = 'PLANTED-VALUE';
    const badSchema = readBundleReport(bundleWith([{ path: 'report.json', role: 'output', text: JSON.stringify(broken) }]));
    expect(badSchema.report).toBeNull();
    expect(badSchema.warnings[0]).toMatch(/\/tables/);
    expect(badSchema.warnings[0]).not.toContain('PLANTED-VALUE');
    // A report.json that is only evidence (not an output the reviewer decides on) is not shown as the report.
    expect(readBundleReport(bundleWith([{ path: 'report.json', role: 'evidence', text: reportJson }])).report).toBeNull();
  });

  it('warns when the report describes another data file than the request names', () => {
    const read = readBundleReport(bundleWith([{ path: 'report.json', role: 'output', text: reportJson }], 'f'.repeat(64)));
    expect(read.report).not.toBeNull();
    expect(read.warnings).toEqual([expect.stringMatching(/different data file/)]);
  });
});

describe('the export screen in a request bundle', () => {
  it('reads the recorded verdict: passed with no findings, or the findings in words', () => {
    const clean = screenExport({ files: rendered }, report.policy.parameters);
    expect(readBundleScreen(bundleWith([{ path: SCREEN_NAME, role: 'evidence', text: JSON.stringify(clean) }]))).toEqual({ screen: { passed: clean.findings.length === 0, findings: [] }, warnings: [] });
    // A screen of a file with a small count: the finding is described by file, place and rule.
    const risky = screenExport({ files: [{ name: 'tables/small.csv', format: 'csv', text: 'group,count\nA,3\nB,120\n' }] }, report.policy.parameters);
    expect(risky.findings.length).toBeGreaterThan(0);
    const read = readBundleScreen(bundleWith([{ path: SCREEN_NAME, role: 'evidence', text: JSON.stringify(risky) }]));
    expect(read.screen?.passed).toBe(false);
    expect(read.screen?.findings[0]).toMatch(/^tables\/small\.csv.*\(.+\)$/);
  });

  it('shows no verdict when the bundle has none, and warns when it cannot be read', () => {
    expect(readBundleScreen(bundleWith([]))).toEqual({ screen: null, warnings: [] });
    expect(readBundleScreen(bundleWith([{ path: SCREEN_NAME, role: 'evidence', text: '{"findings": 3}' }]))).toEqual({ screen: null, warnings: [expect.stringMatching(/cannot be read/)] });
  });
});
