// The standards report: answers, report model, and renderers (pure string builders, no DOM).
export * from './answers';
export { buildReport, type ReportInput, type ReportSectionInput, type SectionRole } from './build';
export * from './model';
export { renderHtml } from './render-html';
export { renderMarkdown } from './render-markdown';
export { renderCsvTables, type CsvFile } from './render-csv';
export { renderJson } from './render-json';
export { renderReportFiles, parseReportJson, type RenderedFile } from './render-all';
export { wilsonInterval } from './figures';
export { UNDER_RATIO, OVER_RATIO, HIGH_MISSING_PERCENT, DIFFERENTIAL_POINTS } from './flags';
export { sectionsFromAnalysis, type SectionsOptions } from './from-analysis';
