// Builds the standards report for a remembered dataset as the Report page shows it: the dataset's
// analysis (its saved mapping, against the chosen reference), its project's answers and the policy
// in force, rendered exactly as `represent report` writes the folder and run through the export
// screen. The build is recorded in the store (file names and hashes) and the rendered files are
// kept under the home so the export request sends those very bytes.
import type { ReportView } from '../../../shared/api';
import { screenExport } from '../../../shared/disclosure';
import { renderReportFiles, sectionsFromAnalysis } from '../../../shared/report';
import { canonicalSha256 } from '../../store/canonical-json';
import { recordReportBuilt } from '../../store/reports';
import type { ApiDeps } from '../api-types';
import type { ProfileProgress } from '../profile-job';
import { assembleReport } from '../report/build-report';
import { describeScreenFinding } from '../report/screen-findings';
import { loadAnswers } from '../workspace/answers';
import { analyseDataset } from '../workspace/dataset-analysis';
import { policyInForce } from './policy-in-force';
import { hashFiles, saveReportFiles } from './report-cache';

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
  const { dataset, result } = await analyseDataset(deps, datasetId, {
    ...(options.referenceId !== undefined ? { referenceId: options.referenceId } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const projectId = dataset.projectId;
  const answers = projectId ? loadAnswers(deps.db, projectId).answers : undefined;
  const report = assembleReport({
    dataset: { name: dataset.fileName, sizeBytes: dataset.sizeBytes, modifiedIso: dataset.modifiedAt, sha256: dataset.sha256 },
    sections: sectionsFromAnalysis(result),
    ...(answers ? { answers } : {}),
    policy,
    ...(options.title?.trim() ? { title: options.title.trim() } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const rendered = renderReportFiles(report);
  // As writeReportFolder screens: against the report's own policy.
  const screen = screenExport({ files: rendered }, report.policy.parameters);
  const passed = screen.findings.length === 0;
  const files = rendered.map((f) => ({ name: f.name, bytes: Buffer.from(f.text, 'utf8') }));
  const stored = recordReportBuilt(
    deps.db,
    { projectId, datasetId: dataset.id, policyId: policy.id, policySha256: canonicalSha256(report.policy.parameters), files: hashFiles(files) },
    options.now,
  );
  // Only a report that passed can be exported, so only its files are kept.
  if (passed) await saveReportFiles(deps.home, stored.id, files);
  return {
    reportId: stored.id,
    html: rendered.find((f) => f.name === 'report.html')!.text,
    report,
    screen: { passed, findings: screen.findings.map(describeScreenFinding) },
  };
}
