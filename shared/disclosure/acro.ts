// An ACRO-compatible results.json, so output checkers who use SACRO-Viewer can open our exports.
//
// Layout: ACRO 0.4.x `Records.finalise_json` (acro/record.py), as summarised in
// shared/reference/disclosure-control.md c1 and read from the ACRO source:
//   { "version", "results": { <uid>: { uid, status, type, properties: { method },
//       files: [ { name, sdc: { summary: {...}, cells: { <check>: [[row, col], …] } } } ],
//       outcome: { <column>: { <row>: "ok" | "<check>; …" } },
//       command, summary, timestamp, comments, exception } } }
// SACRO-Viewer (sacro/models.py) only requires "version" and "results", each result with a
// non-empty "files" list of objects with a "name"; it refuses a version older than its supported
// 0.4.x, highlights cells from sdc.cells, and verifies checksums/<file>.txt itself.
//
// Uncertain, and so kept out of any decision: (1) the exact [row, col] origin SACRO-Viewer uses to
// highlight cells of a CSV (we count from the first data row and first value column of the wide
// CSV from `acroTableCsv`); (2) how ACRO names rows of a 3-way table (pandas MultiIndex: we join
// labels with " / "); (3) "secondary" is our own sdc check name: ACRO 0.4 has no secondary
// suppression. Our own evidence (./evidence.ts) remains the authority; this file is a view of it.

import type { ProtectedCountTable, ProtectedGroupTable, ProtectedResult, StatisticEvidence } from './evidence';

/** The results.json layout version we follow (the one SACRO-Viewer supports), not an ACRO install. */
export const ACRO_LAYOUT_VERSION = '0.4.12';

/** ACRO's default margins name (pandas `margins_name`). */
const ACRO_MARGINS_NAME = 'All';

export interface AcroOutputInput {
  result: ProtectedResult;
  /** File names of this output in the export folder; the first should be `acroTableCsv`'s CSV for tables. */
  files: string[];
  /** What produced it (ACRO stores the calling source line). */
  command: string;
  timestamp: string;
  comments?: string[];
  /** The analyst's justification, required by checkers for anything that is not "pass". */
  exception?: string;
}

export interface AcroSdc {
  summary: Record<string, number | boolean>;
  cells: Record<string, [number, number][]>;
}

export interface AcroResult {
  uid: string;
  status: 'pass' | 'fail' | 'review';
  type: 'table' | 'histogram' | 'custom';
  properties: Record<string, string | number>;
  files: { name: string; sdc: AcroSdc | Record<string, never> }[];
  outcome: Record<string, Record<string, string>>;
  command: string;
  summary: string;
  timestamp: string;
  comments: string[];
  exception: string;
}

export interface AcroResultsJson {
  version: string;
  results: Record<string, AcroResult>;
  /** Extra key (ignored by SACRO-Viewer): who wrote this file and where the authoritative evidence is. */
  represent: { generator: string; note: string };
}

/** The wide layout ACRO writes: rows = every dimension but the last (joined), columns = the last. */
interface WideLayout {
  rowLabels: string[];
  columnLabels: string[];
  /** Row and column of each published cell (same order as `cells`). */
  position: [number, number][];
}

function label(coord: string | null): string {
  return coord === null ? ACRO_MARGINS_NAME : coord;
}

function wideLayout(t: ProtectedCountTable): WideLayout {
  const rowLabels: string[] = [];
  const columnLabels: string[] = [];
  const rowIndex = new Map<string, number>();
  const colIndex = new Map<string, number>();
  const position: [number, number][] = [];
  const oneWay = t.dimensions.length === 1;
  for (const cell of t.cells) {
    const rowKey = oneWay ? label(cell.coords[0]!) : cell.coords.slice(0, -1).map(label).join(' / ');
    const colKey = oneWay ? 'count' : label(cell.coords[cell.coords.length - 1]!);
    if (!rowIndex.has(rowKey)) {
      rowIndex.set(rowKey, rowLabels.length);
      rowLabels.push(rowKey);
    }
    if (!colIndex.has(colKey)) {
      colIndex.set(colKey, columnLabels.length);
      columnLabels.push(colKey);
    }
    position.push([rowIndex.get(rowKey)!, colIndex.get(colKey)!]);
  }
  return { rowLabels, columnLabels, position };
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The count table as the wide CSV that the results.json cell positions refer to. */
export function acroTableCsv(t: ProtectedCountTable): string {
  const { rowLabels, columnLabels, position } = wideLayout(t);
  const grid = rowLabels.map(() => columnLabels.map(() => ''));
  t.cells.forEach((cell, i) => {
    const [r, c] = position[i]!;
    grid[r]![c] = cell.value === null ? t.marker : String(cell.value);
  });
  const rowHeader = t.dimensions.length === 1 ? t.dimensions[0]!.name : t.dimensions.slice(0, -1).map((d) => d.name).join(' / ');
  const lines = [[rowHeader, ...columnLabels].map(csvField).join(',')];
  rowLabels.forEach((r, i) => lines.push([r, ...grid[i]!].map(csvField).join(',')));
  return lines.join('\n') + '\n';
}

function acroType(ev: StatisticEvidence): AcroResult['type'] {
  if (ev.statisticClass === 'count' || ev.statisticClass === 'mean' || ev.statisticClass === 'quantile' || ev.statisticClass === 'rate') return 'table';
  if (ev.statisticClass === 'histogram') return 'histogram';
  return 'custom';
}

function acroMethod(ev: StatisticEvidence): string {
  if (ev.statisticClass === 'count' || ev.statisticClass === 'rate') return 'crosstab';
  if (ev.statisticClass === 'mean' || ev.statisticClass === 'quantile') return 'pivot_table';
  if (ev.statisticClass === 'histogram') return 'hist';
  return 'custom';
}

/** ACRO check name for an evidence rule on a withheld cell. */
function checkName(rule: string, status: string): string {
  if (status === 'suppressed-secondary') return 'secondary';
  if (rule === 'R3') return 'nk-rule';
  if (rule === 'R4') return 'p-ratio';
  return 'threshold';
}

function sdcFor(result: ProtectedResult): { sdc: AcroSdc; outcome: AcroResult['outcome'] } {
  const ev = result.evidence;
  const summary: AcroSdc['summary'] = {
    suppressed: ev.summary.suppressedPrimary + ev.summary.suppressedSecondary > 0,
    negative: 0,
    missing: 0,
    threshold: 0,
    'p-ratio': 0,
    'nk-rule': 0,
    'all-values-are-same': 0,
  };
  const cells: AcroSdc['cells'] = { negative: [], missing: [], threshold: [], 'p-ratio': [], 'nk-rule': [], 'all-values-are-same': [] };
  const outcome: AcroResult['outcome'] = {};
  const out = result.output;
  if (out.kind === 'count-table') {
    const { rowLabels, columnLabels, position } = wideLayout(out);
    for (const c of columnLabels) outcome[c] = Object.fromEntries(rowLabels.map((r) => [r, 'ok']));
    out.cells.forEach((cell, i) => {
      const ev = result.evidence.cells[i]!;
      if (cell.value !== null) return;
      const check = checkName(ev.rule, cell.status);
      const [r, c] = position[i]!;
      summary[check] = ((summary[check] as number | undefined) ?? 0) + 1;
      (cells[check] ??= []).push([r, c]);
      outcome[columnLabels[c]!]![rowLabels[r]!] = `${check}; `;
    });
  } else if (out.kind === 'means' || out.kind === 'quantiles' || out.kind === 'rates') {
    const table = out as ProtectedGroupTable;
    const fields = [...new Set(table.groups.flatMap((g) => ['n', ...Object.keys(g.values)]))];
    const rows = table.groups.map((g) => g.coords.map(label).join(' / '));
    for (const f of fields) outcome[f] = Object.fromEntries(rows.map((r) => [r, 'ok']));
    table.groups.forEach((g, r) => {
      const fieldEvidence = ev.cells.filter((c) => c.coords.slice(0, -1).join('\u0001') === g.coords.join('\u0001'));
      for (const e of fieldEvidence) {
        if (!e.status.startsWith('suppressed')) continue;
        const field = String(e.coords[e.coords.length - 1]);
        const c = fields.indexOf(field);
        if (c < 0) continue;
        const check = checkName(e.rule, e.status);
        summary[check] = ((summary[check] as number | undefined) ?? 0) + 1;
        (cells[check] ??= []).push([r, c]);
        outcome[field]![rows[r]!] = `${check}; `;
      }
    });
  }
  return { sdc: { summary, cells }, outcome };
}

function acroSummary(status: AcroResult['status'], sdc: AcroSdc, rounded: number | null): string {
  const parts: string[] = [];
  for (const [name, n] of Object.entries(sdc.summary)) {
    if (name === 'suppressed' || typeof n !== 'number' || n === 0) continue;
    parts.push(`${name}: ${n} cells suppressed; `);
  }
  if (rounded) parts.push(`rounded to nearest ${rounded}; `);
  return parts.length > 0 ? `${status}; ${parts.join('')}` : status;
}

/**
 * Builds results.json for a set of protected outputs. Status follows ACRO: "fail" if a rule still
 * fails; "review" when our evidence says review, when a mitigation was applied (ACRO then adds an
 * exception text automatically) or for custom outputs; else "pass".
 */
export function buildAcroResults(outputs: readonly AcroOutputInput[], generator: string): AcroResultsJson {
  const results: Record<string, AcroResult> = {};
  for (const o of outputs) {
    const ev = o.result.evidence;
    const type = acroType(ev);
    const { sdc, outcome } = type === 'custom' ? { sdc: null, outcome: {} } : sdcFor(o.result);
    const suppressed = ev.summary.suppressedPrimary + ev.summary.suppressedSecondary > 0;
    const rounded = ev.mitigations.includes('rounding') ? ev.policy.parameters.rounding.base : null;
    let status: AcroResult['status'] = ev.outcome;
    let exception = o.exception ?? '';
    if (status === 'pass' && (type === 'custom' || ev.mitigations.length > 0)) status = 'review';
    if (!exception && ev.outcome === 'pass') {
      if (suppressed) exception = 'Suppression automatically applied where needed';
      else if (rounded) exception = `Rounding automatically applied to nearest ${rounded}`;
    }
    const uid = ev.statisticId;
    results[uid] = {
      uid,
      status,
      type,
      properties: { method: acroMethod(ev), ...(rounded ? { mitigation: 'round', round_base: rounded } : suppressed ? { mitigation: 'suppress' } : {}) },
      files: (o.files.length > 0 ? o.files : [`${uid}.csv`]).map((name) => ({ name, sdc: sdc ?? {} })),
      outcome,
      command: o.command,
      summary: sdc ? acroSummary(status, sdc, rounded) : status,
      timestamp: o.timestamp,
      comments: [...(o.comments ?? []), ...ev.reasons],
      exception,
    };
  }
  return {
    version: ACRO_LAYOUT_VERSION,
    results,
    represent: {
      generator,
      note: 'Written by Represent in the ACRO 0.4.x results.json layout so that SACRO-Viewer can open it. Represent’s own evidence file is the authority on every rule and decision.',
    },
  };
}
