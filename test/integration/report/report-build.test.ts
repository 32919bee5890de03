// The app's report build (report:build through the API gate): with a host that prints (a fake
// renderPdf standing in for Electron's printToPDF), report.pdf joins the cached files with its hash
// recorded like the others; without one, no PDF and no error. A report compared with an imported
// reference population carries its markers and ratios. The export request still holds only files
// the disclosure screen can read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiChannel, ApiRequest, ApiResponse } from '../../../shared/api';
import type { SerializedError } from '../../../shared/errors';
import { screenExport } from '../../../shared/disclosure';
import { renderReportFiles } from '../../../shared/report';
import { generateExtract } from '../../../shared/synthetic';
import { dispatchApiCall } from '../../../main/services/api-handlers';
import { createNodeApiDeps } from '../../../main/services/api-deps';
import type { ApiDeps, CallContext } from '../../../main/services/api-types';
import { reportCacheDir } from '../../../main/services/exporting/report-cache';
import { readZipFile } from '../../../main/services/export-workflow/zip-io';
import { getReport } from '../../../main/store/reports';
import { removeDir, tempDir } from '../workflow/fixtures';
import { CATCHMENT_CSV } from '../../unit/report/catchment-fixture';

const ctx: CallContext = { sender: { frameUrl: 'app://represent/index.html', isMainFrame: true }, trustedOrigin: 'app://represent', emit: () => undefined };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function call<C extends ApiChannel>(deps: ApiDeps, channel: C, input: ApiRequest<C>): Promise<ApiResponse<C>> {
  const result = await dispatchApiCall(deps, channel, input, ctx);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as ApiResponse<C>;
}

async function callError<C extends ApiChannel>(deps: ApiDeps, channel: C, input: ApiRequest<C>): Promise<SerializedError> {
  const result = await dispatchApiCall(deps, channel, input, ctx);
  if (result.ok) throw new Error(`${channel} was expected to fail`);
  return result.error;
}

/** A printer that records what it was given and returns a small, well-formed PDF naming the HTML's hash. */
function fakePrinter() {
  const printed: string[] = [];
  const renderPdf = async (html: string) => {
    printed.push(html);
    return new TextEncoder().encode(`%PDF-1.7\n% printed from ${sha(new TextEncoder().encode(html))}\n%%EOF\n`);
  };
  return { printed, renderPdf };
}

function depsFor(home: string, renderPdf?: ApiDeps['renderPdf']): ApiDeps {
  mkdirSync(home, { recursive: true });
  const deps = createNodeApiDeps({
    appInfo: { name: 'Represent', version: '0.0.0-test', offline: true },
    chooseDataFile: async () => null,
    chooseSavePath: async () => null,
    chooseBundle: async () => null,
    home,
    workers: 1,
  });
  return renderPdf ? { ...deps, renderPdf } : deps;
}

let root: string;
let csv: string;
const opened: ApiDeps[] = [];

async function preparedDataset(deps: ApiDeps): Promise<string> {
  await call(deps, 'identity:save', { displayName: 'Ada Analyst', role: 'analyst' });
  const overview = await call(deps, 'profile:run', { jobId: 'job-profile', path: csv });
  const mapping = await call(deps, 'mapping:get', { datasetId: overview.datasetId });
  await call(deps, 'mapping:save', { datasetId: overview.datasetId, mapping: mapping.mapping });
  return overview.datasetId;
}

beforeAll(() => {
  root = tempDir('report-build');
  csv = path.join(root, 'extract.csv');
  writeFileSync(csv, [...generateExtract({ rows: 3000, seed: 20261127 })].join(''));
  writeFileSync(path.join(root, 'catchment.csv'), CATCHMENT_CSV);
});
afterAll(() => {
  for (const d of opened) d.db.close();
  removeDir(root);
});

describe('report:build with a PDF printer', () => {
  it('adds report.pdf, printed from the screened HTML, with its hash recorded and its bytes kept', async () => {
    const printer = fakePrinter();
    const deps = depsFor(path.join(root, 'home-pdf'), printer.renderPdf);
    opened.push(deps);
    const datasetId = await preparedDataset(deps);
    const built = await call(deps, 'report:build', { jobId: 'job-report', datasetId });
    expect(built.screen.passed).toBe(true);
    // Printed once, from exactly the HTML the screen passed and the page shows.
    expect(printer.printed).toEqual([built.html]);
    const rendered = renderReportFiles(built.report);
    expect(screenExport({ files: rendered }, built.report.policy.parameters).findings).toEqual([]);

    const stored = getReport(deps.db, built.reportId)!;
    const names = stored.files.map((f) => f.path);
    expect(names).toEqual([...rendered.map((f) => f.name), 'report.pdf']);
    const pdfHash = stored.files.find((f) => f.path === 'report.pdf')!.sha256;
    const kept = readFileSync(path.join(reportCacheDir(deps.home, built.reportId), 'report.pdf'));
    expect(kept.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha(kept)).toBe(pdfHash);
    expect(kept.toString('latin1')).toContain(sha(new TextEncoder().encode(built.html)));

    // The export request carries the screenable files only: the PDF cannot be screened, so it stays.
    const bundle = path.join(root, 'request.zip');
    const summary = await call(deps, 'export:request', { reportId: built.reportId, purpose: 'Equity audit.', justification: 'Aggregates only.', path: bundle });
    expect(summary.screenPassed).toBe(true);
    const zip = await readZipFile(bundle);
    const manifest = JSON.parse(zip.entries.get('manifest.json')!.toString('utf8')) as { files: { path: string }[] };
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toContain('report.html');
    expect(paths).not.toContain('report.pdf');
    expect([...zip.entries.keys()].some((n) => n.endsWith('.pdf'))).toBe(false);
  });

  it('without a printer: no PDF and no error', async () => {
    const deps = depsFor(path.join(root, 'home-plain'));
    opened.push(deps);
    const datasetId = await preparedDataset(deps);
    const built = await call(deps, 'report:build', { jobId: 'job-report', datasetId });
    expect(built.screen.passed).toBe(true);
    const stored = getReport(deps.db, built.reportId)!;
    expect(stored.files.map((f) => f.path)).not.toContain('report.pdf');
    expect(existsSync(path.join(reportCacheDir(deps.home, built.reportId), 'report.pdf'))).toBe(false);
  });

  it('a printer that fails or returns something other than a PDF stops the build with a plain error', async () => {
    const broken = depsFor(path.join(root, 'home-broken'), async () => {
      throw new Error('the GPU process crashed');
    });
    const junk = depsFor(path.join(root, 'home-junk'), async () => new Uint8Array([1, 2, 3, 4, 5, 6]));
    opened.push(broken, junk);
    for (const deps of [broken, junk]) {
      const datasetId = await preparedDataset(deps);
      const error = await callError(deps, 'report:build', { jobId: 'job-report', datasetId });
      expect(error.code).toBe('internal');
      expect(error.message).toContain('PDF');
      expect(JSON.stringify(error)).not.toContain('GPU');
    }
  });

  it('uses the imported reference population the analysis used: markers and ratios in the report', async () => {
    const printer = fakePrinter();
    const deps = depsFor(path.join(root, 'home-custom'), printer.renderPdf);
    opened.push(deps);
    const datasetId = await preparedDataset(deps);
    const imported = await call(deps, 'reference:import', { path: path.join(root, 'catchment.csv') });
    const built = await call(deps, 'report:build', { jobId: 'job-report', datasetId, referenceId: imported.id });
    const eth = built.report.representation.find((b) => b.reference?.kind === 'custom' && b.attribute === 'ETHNIC_CATEGORY');
    expect(eth?.reference).toMatchObject({ id: 'custom:catchment.csv', name: 'North Trust catchment', sourceTitle: 'GP registrations (NHS Digital) April 2024', date: '2024-04' });
    expect(eth!.rows.filter((r) => r.ratio !== null).length).toBeGreaterThanOrEqual(5);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(built.html.slice(built.html.indexOf(`<h3 id="${eth!.id}">`)))![0];
    expect([...svg.matchAll(/<path d="M[\d.]+ [\d.]+ l6 10/g)].length).toBe(eth!.rows.filter((r) => r.referencePercent !== null).length);
    expect(built.screen.passed).toBe(true);
  });
});
