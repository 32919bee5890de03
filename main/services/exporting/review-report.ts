// What the reviewer reads on the Review page, taken from the request bundle itself (whose every
// file openRequestBundle has already checked against the manifest's SHA-256): the standards report
// as its model (report.json, validated against the report schema, so the page renders it in React
// as the Report page does: the CSP allows no iframe and no HTML from files) and the export screen's
// verdict recorded when the request was written. Neither is required: a bundle from another tool
// may lack them, and then the reviewer is told why the page shows less.
import { z } from 'zod';
import type { ScreenFinding } from '../../../shared/disclosure';
import { RepresentError } from '../../../shared/errors';
import { parseReportJson, type StandardsReport } from '../../../shared/report';
import { SCREEN_NAME } from '../export-workflow/formats';
import type { OpenedRequest } from '../export-workflow/open-request';
import { describeScreenFinding } from '../report/screen-findings';

const REPORT_JSON = 'report.json';

/** The shape describeScreenFinding reads; the rest of the screen's record is not needed here. */
const ScreenRecordSchema = z.object({
  findings: z.array(
    z.object({
      severity: z.enum(['fail', 'review']),
      rule: z.string().max(100),
      file: z.string().max(4096),
      message: z.string().max(2000),
      location: z.object({ table: z.number().optional(), row: z.number().optional(), column: z.string().optional(), path: z.string().optional(), line: z.number().optional() }),
    }),
  ),
});

function fileWithRole(opened: OpenedRequest, name: string, role: 'output' | 'evidence'): Buffer | null {
  const listed = opened.manifest.files.some((f) => f.path === name && f.role === role);
  return listed ? (opened.files.get(name) ?? null) : null;
}

export function readBundleReport(opened: OpenedRequest): { report: StandardsReport | null; warnings: string[] } {
  const bytes = fileWithRole(opened, REPORT_JSON, 'output');
  if (!bytes) return { report: null, warnings: ['The bundle holds no report.json, so this page cannot show the report. Read the output files themselves.'] };
  let report: StandardsReport;
  try {
    report = parseReportJson(bytes.toString('utf8'), REPORT_JSON);
  } catch (e) {
    if (!(e instanceof RepresentError)) throw e;
    // The error describes where the schema failed (a JSON path), never a value from the file.
    return { report: null, warnings: [`The bundle’s report.json does not match this version’s report format (${e.found ?? e.message}), so this page cannot show the report. Read report.html from the bundle in a browser instead.`] };
  }
  const warnings: string[] = [];
  if (report.dataset.sha256 !== opened.manifest.dataset.sha256)
    warnings.push('The report describes a different data file (another SHA-256) from the one the request names. Ask the requester which is right before deciding.');
  return { report, warnings };
}

export function readBundleScreen(opened: OpenedRequest): { screen: { passed: boolean; findings: string[] } | null; warnings: string[] } {
  const bytes = fileWithRole(opened, SCREEN_NAME, 'evidence');
  if (!bytes) return { screen: null, warnings: [] };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = ScreenRecordSchema.safeParse(json);
  if (!parsed.success) return { screen: null, warnings: [`The bundle’s ${SCREEN_NAME} cannot be read, so this page does not show the export screen’s verdict.`] };
  const findings = parsed.data.findings.map((f) => describeScreenFinding(f as ScreenFinding));
  return { screen: { passed: findings.length === 0, findings }, warnings: [] };
}
