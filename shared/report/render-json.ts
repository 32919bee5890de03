// The report as JSON: the model itself. The other renderers read only this model, so parsing this
// file and rendering it again gives the same HTML, Markdown and CSV.

import type { StandardsReport } from './model';

export function renderJson(report: StandardsReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
