// Builds the standards report for a remembered dataset as the Report page shows it: the dataset's
// analysis (its saved mapping, against the chosen reference), its project's answers and the policy
// in force, rendered exactly as `represent report` writes the folder and run through the export
// screen. The build is recorded in the store (file names and hashes) and the rendered files are
// kept under the home so the export request sends those very bytes. Where the host can print
// (deps.renderPdf: Electron's printToPDF in the app), a report that passed the screen also gets
// report.pdf, printed from the very HTML the screen passed, recorded and kept like the others.
import type { ReportView } from '../../../shared/api';
import { screenExport } from '../../../shared/disclosure';
import { RepresentError } from '../../../shared/errors';
import { renderReportFiles, sectionsFromAnalysis } from '../../../shared/report';
import type { ApiDeps } from '../api-types';
import type { ProfileProgress } from '../profile-job';
import { assembleReport } from '../report/build-report';
import { recordBuiltReport } from '../report/record-report';
import { describeScreenFinding } from '../report/screen-findings';
import { loadAnswers } from '../workspace/answers';
import { analyseDatasetInDetail } from '../workspace/dataset-analysis';
import { policyInForce } from './policy-in-force';
import { hashFiles, saveReportFiles, type ReportFile } from './report-cache';

export const REPORT_PDF_NAME = 'report.pdf';

export interface BuildReportOptions {
  referenceId?: string;
  title?: string;
  signal?: AbortSignal;
  onProgress?(p: ProfileProgress): void;
  now?: Date;
}

export async function buildDatasetReport(deps: ApiDeps, datasetId: string, options: BuildReportOptions = {}): Promise<ReportView> {
  // The policy first: a broken lock should stop the build before the file is read.
  const { active: policy } = await policyInForce(deps.db, deps.home);
  const { dataset, result, reference } = await analyseDatasetInDetail(deps, datasetId, {
    ...(options.referenceId !== undefined ? { referenceId: options.referenceId } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const projectId = dataset.projectId;
  const answers = projectId ? loadAnswers(deps.db, projectId).answers : undefined;
  const report = assembleReport({
    dataset: { name: dataset.fileName, sizeBytes: dataset.sizeBytes, modifiedIso: dataset.modifiedAt, sha256: dataset.sha256 },
    // An imported reference population's figures come with the analysis's choice, so the report
    // shows the same markers and ratios the Representation page does.
    sections: sectionsFromAnalysis(result, 'custom' in reference ? { customReference: reference.custom } : {}),
    ...(answers ? { answers } : {}),
    policy,
    ...(options.title?.trim() ? { title: options.title.trim() } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const rendered = renderReportFiles(report);
  // As writeReportFolder screens: against the report's own policy.
  const screen = screenExport({ files: rendered }, report.policy.parameters);
  const passed = screen.findings.length === 0;
  const html = rendered.find((f) => f.name === 'report.html')!.text;
  const files: ReportFile[] = rendered.map((f) => ({ name: f.name, bytes: Buffer.from(f.text, 'utf8') }));
  // Printed only from HTML the screen passed: a report that failed is neither kept nor printed.
  if (passed && deps.renderPdf) files.push({ name: REPORT_PDF_NAME, bytes: await printPdf(deps.renderPdf, html) });
  // The same record `represent report` makes: policy id and hash from the report, file hashes.
  const stored = recordBuiltReport(deps.db, { projectId, datasetId: dataset.id, report, files: hashFiles(files) }, options.now);
  // Only a report that passed can be exported, so only its files are kept.
  if (passed) await saveReportFiles(deps.home, stored.id, files);
  return {
    reportId: stored.id,
    html,
    report,
    screen: { passed, findings: screen.findings.map(describeScreenFinding) },
  };
}

async function printPdf(renderPdf: NonNullable<ApiDeps['renderPdf']>, html: string): Promise<Buffer> {
  let bytes: Uint8Array;
  try {
    bytes = await renderPdf(html);
  } catch {
    // Said plainly rather than leaving a report without the PDF the analyst expects to find.
    throw new RepresentError('internal', 'The report could not be printed to PDF.', { expected: 'a PDF printed from the report’s HTML', found: 'a printing error' });
  }
  if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
    throw new RepresentError('internal', 'The report could not be printed to PDF.', { expected: 'bytes starting %PDF-', found: 'something else' });
  return Buffer.from(bytes);
}
