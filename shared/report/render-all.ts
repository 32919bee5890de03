// Every format of a report, by relative path, plus reading a JSON report back in (for
// re-rendering from the JSON alone).

import Ajv2020 from 'ajv/dist/2020';
import { RepresentError } from '../errors';
import type { ExportFormat } from '../disclosure';
import type { StandardsReport } from './model';
import { renderCsvTables } from './render-csv';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
import reportSchema from './report.schema.json';

export interface RenderedFile {
  name: string;
  format: ExportFormat;
  text: string;
}

export function renderReportFiles(report: StandardsReport): RenderedFile[] {
  return [
    { name: 'report.html', format: 'html', text: renderHtml(report) },
    { name: 'report.json', format: 'json', text: renderJson(report) },
    { name: 'report.md', format: 'markdown', text: renderMarkdown(report) },
    ...renderCsvTables(report).map((f) => ({ name: f.name, format: 'csv' as const, text: f.text })),
  ];
}

let validate: ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null } | undefined;

/** Parses and validates a JSON report against report.schema.json. */
export function parseReportJson(text: string, file?: string): StandardsReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RepresentError('bad-argument', 'The report file is not valid JSON.', { expected: 'a JSON standards report', found: 'text that does not parse', location: { file } });
  }
  validate ??= new Ajv2020({ allErrors: false, strict: false }).compile(reportSchema);
  if (!validate(json)) {
    const err = validate.errors?.[0];
    throw new RepresentError('bad-argument', 'The report file does not match the report schema.', {
      expected: 'a report matching shared/report/report.schema.json',
      found: `a problem at ${err?.instancePath || 'the top level'}${err?.message ? ` (${err.message})` : ''}`,
      location: { file },
    });
  }
  return json as StandardsReport;
}
