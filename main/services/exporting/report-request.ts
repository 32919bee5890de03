// Writes the export request for a built report: the files kept when it was built (hash-checked
// against the store's record), the disclosure evidence and ACRO results derived from the report
// itself, the report's policy and the dataset's fingerprint, as `represent request create` would.
// Once written, the project's export draft (export-draft.ts) is cleared.
import type { ExportRequestRequest, ExportRequestSummary } from '../../../shared/api';
import { parsePolicy, tightenOnly } from '../../../shared/disclosure';
import { RepresentError } from '../../../shared/errors';
import { parseReportJson } from '../../../shared/report';
import type { Db } from '../../store/database-type';
import { clearExportDraft } from '../../store/export-drafts';
import { getReport } from '../../store/reports';
import { createExportRequest } from '../export-workflow/request';
import { screenFormatOf } from '../export-workflow/screenable';
import { loadLockedPolicy } from './policy-in-force';
import { readReportFiles } from './report-cache';
import { reportOutputs } from './report-outputs';

export async function writeRequestForReport(db: Db, home: string, input: ExportRequestRequest, now: Date = new Date()): Promise<ExportRequestSummary> {
  const stored = getReport(db, input.reportId);
  if (!stored)
    throw new RepresentError('bad-argument', 'Represent has no record of that report.', {
      expected: 'a report built in this Represent home',
      found: 'an id the store does not hold',
    });
  // Only files the disclosure screen can read leave (export-workflow/screenable.ts): report.pdf, a
  // print of the screened report.html kept for reading inside the TRE, stays behind.
  const files = (await readReportFiles(home, stored.id, stored.files)).filter((f) => screenFormatOf(f.name) !== undefined);
  const json = files.find((f) => f.name === 'report.json');
  if (!json)
    throw new RepresentError('store-error', 'The report’s files are incomplete. Build the report again.', { expected: 'report.json among them', found: 'none' });
  const report = parseReportJson(json.bytes.toString('utf8'), 'report.json');
  const policy = parsePolicy(report.policy.parameters, 'report.json');
  // A lock placed (or tightened) after the build applies to what leaves now.
  const locked = await loadLockedPolicy(home);
  if (locked) tightenOnly(locked, policy);

  const { acroResults, evidence } = reportOutputs(report, files.map((f) => f.name), input.justification.trim());
  const written = await createExportRequest(
    db,
    {
      files,
      evidence,
      acroResults,
      policy,
      dataset: { sha256: report.dataset.sha256, sizeBytes: report.dataset.byteLength, fileName: report.dataset.fileName },
      purpose: input.purpose,
      justification: input.justification,
      reportId: stored.id,
    },
    input.path,
    now,
  );
  // The request is on disk and recorded: the draft it was written from has done its job. (Cleared
  // after, not inside, the write's transaction: a draft left behind by a crash here is harmless.)
  if (stored.projectId !== null) clearExportDraft(db, stored.projectId);
  return {
    requestId: written.requestId,
    path: written.bundlePath,
    sha256: written.bundleSha256,
    outputs: written.manifest.outputs.length,
    screenPassed: written.screen.findings.length === 0,
  };
}
