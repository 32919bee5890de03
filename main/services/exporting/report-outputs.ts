// What the output checker decides on for a standards report: one ACRO-style output per protected
// statistic, plus one for the documentation. The report's HTML, JSON and Markdown hold every
// table, so each output lists them beside its own CSV: a file is released only when every output
// it belongs to is approved (review-rules releasedFilePaths), so rejecting one table also keeps
// back the documents that repeat it.
import { buildAcroResults, type AcroResult, type AcroResultsJson, type ProtectedResult } from '../../../shared/disclosure';
import { renderCsvTables, type StandardsReport } from '../../../shared/report';
import { slug } from '../../../shared/report/format';

/** Output id of the documentation (completeness tables and the answers in the report documents). */
export const DOCUMENTATION_OUTPUT = 'report-documentation';
/** The report documents that carry every table. */
export const REPORT_DOCUMENTS = ['report.html', 'report.json', 'report.md'] as const;
const GENERATOR = 'Represent standards report';

export interface ReportOutputs {
  acroResults: AcroResultsJson;
  evidence: { tables: StandardsReport['evidence']; links: StandardsReport['links'] };
}

/**
 * `justification` becomes the exception of any output that is not a plain pass and has no
 * automatic one (ACRO fills those in for suppression and rounding): the export page asks the
 * analyst for one justification, and checkExceptions refuses outputs that need review without one.
 * A policy that allows no exceptions still refuses any failing output.
 */
export function reportOutputs(report: StandardsReport, fileNames: readonly string[], justification: string): ReportOutputs {
  const byStatistic = csvFilesByStatistic(report, fileNames);
  const documents = REPORT_DOCUMENTS.filter((d) => fileNames.includes(d));
  const evidenceById = new Map(report.evidence.map((e) => [e.statisticId, e]));
  const inputs = report.tables.flatMap((output) => {
    const evidence = evidenceById.get(output.id);
    if (!evidence) return [];
    const result: ProtectedResult = { output, evidence };
    return [{ result, files: [...(byStatistic.get(output.id) ?? []), ...documents], command: `represent report: ${output.title}`, timestamp: report.createdAt }];
  });
  const acro = buildAcroResults(inputs, GENERATOR);
  const used = new Set(Object.values(acro.results).flatMap((r) => r.files.map((f) => f.name)));
  const documentation = fileNames.filter((n) => !used.has(n) || (REPORT_DOCUMENTS as readonly string[]).includes(n));
  if (documentation.length > 0) acro.results[DOCUMENTATION_OUTPUT] = documentationResult(documentation, report.createdAt);
  for (const r of Object.values(acro.results)) if (r.status !== 'pass' && r.exception.trim() === '') r.exception = justification;
  return { acroResults: acro, evidence: { tables: report.evidence, links: report.links } };
}

function documentationResult(files: string[], timestamp: string): AcroResult {
  return {
    uid: DOCUMENTATION_OUTPUT,
    status: 'review',
    type: 'custom',
    properties: { method: 'custom' },
    files: files.map((name) => ({ name, sdc: {} })),
    outcome: {},
    command: 'represent report: documentation',
    summary: 'review; the STANDING Together documentation (answers and completeness), no counts of its own',
    timestamp,
    comments: ['The curator’s answers are free text: read them for anything that identifies a person.'],
    exception: '',
  };
}

/**
 * Which CSV holds which statistics. renderCsvTables names its files from the blocks in a fixed
 * order (completeness, representation, intersections, periods, sites, missingness, outcomes,
 * overview) with "-2", "-3" for repeats; this follows the same order. If the names do not match
 * what was rendered (the renderer changed), every CSV is given to every statistic: coarser for the
 * checker, never a file released without the decision on a table it holds.
 */
export function csvFilesByStatistic(report: StandardsReport, fileNames: readonly string[]): Map<string, string[]> {
  const used = new Set<string>(['tables/completeness-documentation.csv', 'tables/completeness-use.csv']);
  const planned: { name: string; tableIds: string[] }[] = [];
  const add = (base: string, tableIds: string[]) => {
    let name = `tables/${base}.csv`;
    for (let i = 2; used.has(name); i++) name = `tables/${base}-${i}.csv`;
    used.add(name);
    planned.push({ name, tableIds });
  };
  for (const b of report.representation) add(`representation-${slug(b.attribute)}`, [b.tableId]);
  for (const b of report.intersections) add(`intersection-${slug(b.tableId)}`, [b.tableId]);
  for (const b of report.periods) add(`period-${slug(b.tableId)}`, [b.tableId]);
  for (const b of report.sites) add(`site-${slug(b.tableId)}`, [b.tableId]);
  for (const m of report.missingness) add(`missingness-by-${slug(m.attribute)}`, m.blocks.map((b) => b.tableId));
  for (const b of report.outcomes) add(`outcome-${slug(b.tableId)}`, [b.tableId]);
  for (const b of report.overview) add(`overview-${slug(b.tableId)}`, [b.tableId]);

  const rendered = renderCsvTables(report).map((f) => f.name);
  const matches = rendered.length === used.size && rendered.every((n) => used.has(n)) && planned.every((p) => fileNames.includes(p.name));
  const out = new Map<string, string[]>();
  if (!matches) {
    const allCsv = rendered.filter((n) => !n.startsWith('tables/completeness-') && fileNames.includes(n));
    for (const t of report.tables) out.set(t.id, allCsv);
    return out;
  }
  for (const p of planned) for (const id of p.tableIds) out.set(id, [...(out.get(id) ?? []), p.name]);
  return out;
}
