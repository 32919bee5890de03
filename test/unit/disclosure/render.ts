// Plain renderers of protected outputs, standing in for shared/report in these tests: long-format
// tables with the column names the export screen reads ("n", "percent", "mean", "p50" …).

import type { ProtectedCountTable, ProtectedGroupTable, ProtectedStatistic } from '../../../shared/disclosure/evidence';

export interface Grid {
  header: string[];
  rows: string[][];
}

function show(value: number | null, marker: string): string {
  return value === null ? marker : String(value);
}

export function gridOf(out: ProtectedStatistic): Grid | null {
  if (out.kind === 'count-table') return countGrid(out);
  if (out.kind === 'means' || out.kind === 'quantiles' || out.kind === 'rates') return groupGrid(out);
  return null;
}

function countGrid(t: ProtectedCountTable): Grid {
  const header = [...t.dimensions.map((d) => d.name), 'n', ...(t.shares ? ['percent'] : [])];
  const rows = t.cells.map((c, i) => [
    ...c.coords.map((x) => x ?? 'Total'),
    show(c.value, t.marker),
    ...(t.shares ? [show(t.shares.cells[i]!.value, t.marker)] : []),
  ]);
  return { header, rows };
}

function groupGrid(t: ProtectedGroupTable): Grid {
  const fields = [...new Set(t.groups.flatMap((g) => Object.keys(g.values)))];
  const suffix = t.method === 'midpoint6' ? '_midpoint6' : '';
  const header = [
    ...t.dimensions.map((d) => d.name),
    ...(t.kind === 'rates' ? [] : ['n']),
    ...fields.map((f) => (t.kind === 'rates' && f !== 'rate' ? `${f}${suffix}` : f)),
  ];
  const rows = t.groups.map((g) => [
    ...g.coords.map((x) => x ?? 'Total'),
    ...(t.kind === 'rates' ? [] : [show(g.n, t.marker)]),
    ...fields.map((f) => show(g.values[f] ?? null, t.marker)),
  ]);
  return { header, rows };
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(g: Grid): string {
  return [g.header, ...g.rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

export function toMarkdown(title: string, g: Grid, prose = ''): string {
  const line = (r: string[]): string => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [`## ${title}`, '', prose, '', line(g.header), `|${g.header.map(() => ' --- ').join('|')}|`, ...g.rows.map(line), ''].join('\n');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function toHtml(title: string, g: Grid, prose = ''): string {
  return [
    '<!doctype html><html><head><title>Report</title><style>td{padding:2px}</style></head><body>',
    `<h2>${esc(title)}</h2><p>${esc(prose)}</p>`,
    '<table><thead><tr>',
    ...g.header.map((h) => `<th scope="col">${esc(h)}</th>`),
    '</tr></thead><tbody>',
    ...g.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`),
    '</tbody></table></body></html>',
  ].join('\n');
}
