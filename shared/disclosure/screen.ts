// The independent export screen: re-checks finished export content from scratch, without trusting
// how it was produced (no evidence, no protection state). It reads each file as a reader would,
// finds its tables and numbers, and checks every number against the rules of its statistic class,
// plus direct identifiers, extremes, full dates, free text and row-level data. It is run when an
// export is written and again by `represent verify`.
//
// Column roles come from header names (see ROLE_* below): renderers must name columns accordingly
// ("n"/"count" for counts, "percent" for shares, "mean", "p25" …). An integer column with an
// unrecognised name is treated as a possible count and raises a "review" finding if it breaks a
// count rule, so an unexpected name cannot hide a small count.
//
// Findings give file, table, row, column or JSON path; they never quote a value.

import Papa from 'papaparse';
import { findIdentifiers, hasFullDate, type IdentifierKind } from './identifiers';
import type { Policy } from './policy';
import { worst, type Outcome } from './evidence';

export type ExportFormat = 'csv' | 'json' | 'markdown' | 'html' | 'text';

export interface ExportFile {
  /** File name inside the export (used only in findings). */
  name: string;
  format: ExportFormat;
  text: string;
}

export interface ExportContent {
  files: readonly ExportFile[];
}

export type ScreenRule =
  | 'small-count'
  | 'off-base-count'
  | 'not-a-count'
  | 'midpoint6'
  | 'statistic-on-small-group'
  | 'statistic-without-count'
  | 'derived-from-suppressed'
  | 'suppressed-value-present'
  | 'extreme-value'
  | 'open-ended-histogram'
  | 'full-date'
  | 'nhs-number'
  | 'postcode'
  | 'email'
  | 'free-text'
  | 'identifier-column'
  | 'row-level-data'
  | 'too-many-rows'
  | 'file-too-large'
  | 'unreadable-file';

export interface ScreenLocation {
  table?: number;
  row?: number;
  column?: string;
  path?: string;
  line?: number;
}

export interface ScreenFinding {
  severity: 'fail' | 'review';
  rule: ScreenRule;
  file: string;
  location: ScreenLocation;
  message: string;
}

export interface ScreenResult {
  outcome: Outcome;
  findings: ScreenFinding[];
  checked: { files: number; tables: number; numbers: number };
}

export interface ScreenOptions {
  /** Names of columns the profile found to be identifiers; no export may carry them. */
  identifierColumns?: readonly string[];
}

/** OpenSAFELY job-runner limits (reference b2 item 9, R15). */
export const MAX_FILE_CHARS = 16 * 1024 * 1024;
export const MAX_CSV_ROWS = 5000;
/** Longer cell text, or more words, reads as free text rather than a category label. */
const FREE_TEXT_CHARS = 100;
const FREE_TEXT_WORDS = 15;

// ---------------------------------------------------------------------------------------------
// Column roles by name.

type Role = 'count' | 'midpoint6' | 'midpoint6-derived' | 'share' | 'rate' | 'needs-n' | 'extreme' | 'identifier' | 'label' | 'exempt';

/** snake_case, lower case, ASCII letters and digits only: "Mean age (years)" → "mean_age_years". */
export function normaliseName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/%/g, '_percent_')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const COUNT_WORDS = new Set(['n', 'count', 'counts', 'frequency', 'freq', 'number', 'num', 'total', 'numerator', 'denominator', 'records', 'rows', 'patients', 'people', 'persons', 'individuals', 'events', 'population', 'size']);
const SHARE_WORDS = new Set(['percent', 'percentage', 'pct', 'share', 'proportion', 'prop', 'ratio']);
const NEEDS_N_WORDS = new Set(['mean', 'average', 'avg', 'sd', 'std', 'stdev', 'stddev', 'median', 'iqr', 'q1', 'q3', 'quartile', 'percentile', 'quantile', 'variance', 'var', 'skewness', 'kurtosis', 'mode']);
const EXTREME_WORDS = new Set(['min', 'max', 'minimum', 'maximum', 'range', 'smallest', 'largest', 'lowest', 'highest']);
const IDENTIFIER_NAMES = new Set([
  'patient_id', 'patientid', 'person_id', 'subject_id', 'participant_id', 'nhs_number', 'nhs_no', 'nhsnumber', 'mrn', 'hospital_number',
  'chi', 'chi_number', 'postcode', 'post_code', 'date_of_birth', 'dob', 'birth_date', 'forename', 'surname', 'first_name', 'last_name',
  'full_name', 'address', 'email', 'phone', 'telephone',
]);
const EXEMPT_WORDS = new Set(['year', 'month', 'decile', 'quintile', 'imd', 'band', 'code', 'rank', 'group', 'category', 'label', 'level', 'week', 'day']);

function roleOf(header: string, extraIdentifiers: ReadonlySet<string>): Role {
  const name = normaliseName(header);
  if (IDENTIFIER_NAMES.has(name) || extraIdentifiers.has(name)) return 'identifier';
  const words = name.split('_').filter(Boolean);
  if (name.endsWith('midpoint6_derived')) return 'midpoint6-derived';
  if (name.endsWith('midpoint6')) return 'midpoint6';
  if (words.some((w) => EXTREME_WORDS.has(w))) return 'extreme';
  if (words.some((w) => SHARE_WORDS.has(w))) return 'share';
  if (words.includes('rate') || /^per_\d+/.test(name)) return 'rate';
  if (words.some((w) => NEEDS_N_WORDS.has(w)) || /^p\d+(_\d+)?$/.test(name)) return 'needs-n';
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (COUNT_WORDS.has(first) || COUNT_WORDS.has(last)) return 'count';
  if (words.some((w) => EXEMPT_WORDS.has(w))) return 'exempt';
  return 'label';
}

// ---------------------------------------------------------------------------------------------

interface Grid {
  header: string[];
  rows: string[][];
  /** Where the grid is, for findings. */
  table: number;
  firstLine?: number;
}

class Screen {
  readonly findings: ScreenFinding[] = [];
  tables = 0;
  numbers = 0;
  private readonly markers: Set<string>;
  readonly minPublished: number;
  readonly identifierNames: Set<string>;

  constructor(
    readonly policy: Policy,
    options: ScreenOptions,
  ) {
    this.markers = new Set(['[redacted]', 'redacted', '[suppressed]', 'suppressed', '*', 'c', 'x', 'na', 'n/a', '<=7', '<8', '<10', '-', '—', 'nan', 'null']);
    this.markers.add(policy.marker.trim().toLowerCase());
    const b = policy.rounding.base;
    // The smallest non-zero value the policy can publish is the rounded threshold.
    this.minPublished = b === 1 ? policy.threshold : Math.floor((2 * policy.threshold + b) / (2 * b)) * b;
    this.identifierNames = new Set((options.identifierColumns ?? []).map(normaliseName));
  }

  add(severity: ScreenFinding['severity'], rule: ScreenRule, file: string, location: ScreenLocation, message: string): void {
    this.findings.push({ severity, rule, file, location, message });
  }

  isMarker(text: string): boolean {
    return this.markers.has(text.trim().toLowerCase());
  }

  /** Checks one published count. Returns a problem description, or null. */
  countProblem(value: number): { rule: ScreenRule; message: string } | null {
    this.numbers++;
    const p = this.policy;
    if (!Number.isInteger(value) || value < 0) return { rule: 'not-a-count', message: 'A count that is not a non-negative whole number' };
    if (value === 0) return p.zerosDisclosive ? { rule: 'small-count', message: 'A zero count, which this policy treats as disclosive' } : null;
    if (value < this.minPublished) return { rule: 'small-count', message: `A count below the threshold (${p.threshold})` };
    if (value % p.rounding.base !== 0) return { rule: 'off-base-count', message: `A count not rounded to the base (${p.rounding.base})` };
    return null;
  }

  scanText(file: string, text: string, location: ScreenLocation): void {
    for (const kind of findIdentifiers(text)) this.add('fail', kind, file, location, IDENTIFIER_MESSAGES[kind]);
  }

  /** Every check on one table cell's text, apart from its column's statistic rules. */
  scanCell(file: string, text: string, location: ScreenLocation): void {
    this.scanText(file, text, location);
    if (hasFullDate(text)) this.add('fail', 'full-date', file, location, 'A full date: dates must be coarsened to month or year');
    const trimmed = text.trim();
    if (trimmed.length > FREE_TEXT_CHARS || trimmed.split(/\s+/).length > FREE_TEXT_WORDS)
      this.add('review', 'free-text', file, location, 'Long free text in a table cell: it may come from the data');
  }

  screenGrid(file: string, grid: Grid): void {
    this.tables++;
    const roles = grid.header.map((h) => roleOf(h, this.identifierNames));
    const loc = (row: number | undefined, col: number | undefined): ScreenLocation => ({
      table: grid.table,
      ...(row === undefined ? {} : { row: row + 1 }),
      ...(col === undefined ? {} : { column: grid.header[col] ?? `column ${col + 1}` }),
      ...(grid.firstLine === undefined || row === undefined ? {} : { line: grid.firstLine + row + 1 }),
    });
    roles.forEach((r, c) => {
      if (r === 'identifier') this.add('fail', 'identifier-column', file, loc(undefined, c), 'A column named like an identifier');
      this.scanText(file, grid.header[c] ?? '', loc(undefined, c));
    });
    if (grid.rows.length > MAX_CSV_ROWS)
      this.add('fail', 'too-many-rows', file, loc(undefined, undefined), `More than ${MAX_CSV_ROWS} rows: aggregate outputs are short`);
    const aggregate = roles.some((r) => r !== 'label' && r !== 'exempt' && r !== 'identifier');
    // A column of whole numbers under an unknown name may be counts; decimals are not.
    const numericUnknown = roles.map((r, c) => r === 'label' && grid.rows.length > 0 && grid.rows.every((row) => isWholeNumberOrMarker(row[c] ?? '', this)));
    if (!aggregate && !numericUnknown.some(Boolean) && grid.rows.length >= 20)
      this.add('review', 'row-level-data', file, loc(undefined, undefined), 'A table with no counts or statistics: it may be row-level data');
    const countCols = roles.flatMap((r, c) => (r === 'count' ? [c] : []));
    const nCol = countCols.find((c) => ['n', 'count', 'number', 'denominator', 'population', 'size', 'total'].includes(normaliseName(grid.header[c]!)));

    grid.rows.forEach((row, r) => {
      const suppressedCounts = countCols.filter((c) => this.isMarker(row[c] ?? ''));
      row.forEach((text, c) => {
        const role = roles[c] ?? 'label';
        const value = parseNumber(text);
        if (value === null) {
          this.scanCell(file, text, loc(r, c));
          if (role === 'extreme' && hasFullDate(text)) this.add('fail', 'extreme-value', file, loc(r, c), 'A minimum or maximum is published');
          return;
        }
        this.scanText(file, text, loc(r, c));
        switch (role) {
          case 'count': {
            const problem = this.countProblem(value);
            if (problem) this.add('fail', problem.rule, file, loc(r, c), problem.message);
            break;
          }
          case 'midpoint6':
            this.numbers++;
            if (!(value === 0 || (Number.isInteger(value) && (value - 3) % 6 === 0)))
              this.add('fail', 'midpoint6', file, loc(r, c), 'A *_midpoint6 value that is not midpoint-6 rounded (0, 3, 9, 15 …)');
            break;
          case 'midpoint6-derived':
            this.numbers++;
            if (!(Number.isInteger(value) && value % 6 === 0)) this.add('fail', 'midpoint6', file, loc(r, c), 'A *_midpoint6_derived value that is not a multiple of 6');
            break;
          case 'extreme':
            this.numbers++;
            this.add('fail', 'extreme-value', file, loc(r, c), 'A minimum, maximum or range is published');
            break;
          case 'share':
          case 'rate':
            this.numbers++;
            if (suppressedCounts.length > 0)
              this.add(countCols.length === 1 ? 'fail' : 'review', 'derived-from-suppressed', file, loc(r, c), 'A percentage or rate shown beside a suppressed count');
            break;
          case 'needs-n': {
            this.numbers++;
            if (nCol === undefined) {
              this.add('review', 'statistic-without-count', file, loc(r, c), 'A statistic without the count behind it');
              break;
            }
            const n = parseNumber(row[nCol] ?? '');
            if (n === null || n < this.minPublished)
              this.add('fail', 'statistic-on-small-group', file, loc(r, c), `A statistic on a suppressed group or one smaller than the threshold (${this.policy.threshold})`);
            break;
          }
          case 'label': {
            if (!numericUnknown[c]) break;
            const problem = this.countProblem(value);
            if (problem) this.add('review', problem.rule, file, loc(r, c), `${problem.message} (in a column not named as a count)`);
            break;
          }
          default:
            break;
        }
      });
    });
  }

  // -------------------------------------------------------------------------------------------
  // Structured JSON: our protected shapes by their "kind", and any key named like a count, an
  // extreme or an identifier anywhere.

  screenJson(file: string, value: unknown, path: string, parentKey: string | null, inKnownShape = false): void {
    if (Array.isArray(value)) {
      value.forEach((v, i) => this.screenJson(file, v, `${path}[${i}]`, parentKey, inKnownShape));
      return;
    }
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'string') {
        this.scanText(file, value, { path });
        if (parentKey === 'categories' || parentKey === 'coords') this.scanCell(file, value, { path });
      }
      return;
    }
    const obj = value as Record<string, unknown>;
    // Inside one of our shapes its own checks apply; the name-based checks would count twice.
    const known = inKnownShape || this.screenKnownShape(file, obj, path);
    this.screenStatuses(file, obj, path);
    for (const [key, v] of Object.entries(obj)) {
      const p = `${path}.${key}`;
      const role = roleOf(key, this.identifierNames);
      if (role === 'identifier' && v !== null && v !== undefined) this.add('fail', 'identifier-column', file, { path: p }, 'A field named like an identifier');
      this.scanText(file, key, { path: p });
      if (role === 'extreme' && (typeof v === 'number' || (typeof v === 'string' && (hasFullDate(v) || parseNumber(v) !== null))))
        this.add('fail', 'extreme-value', file, { path: p }, 'A minimum, maximum or range is published');
      else if (!known && role === 'count' && typeof v === 'number') {
        const problem = this.countProblem(v);
        if (problem) this.add('fail', problem.rule, file, { path: p }, problem.message);
      }
      this.screenJson(file, v, p, key, known);
    }
  }

  /**
   * Status fields beside values, in any JSON: a value next to "status": "suppressed…" (or `n` next
   * to `nStatus`) must be absent, and no percentage, rate or statistic may sit beside a suppressed
   * count in the same object.
   */
  private screenStatuses(file: string, obj: Record<string, unknown>, path: string): void {
    let anySuppressed = false;
    for (const [key, v] of Object.entries(obj)) {
      if (!isSuppressedStatus(v)) continue;
      if (key === 'status' || key.endsWith('Status') || key.endsWith('_status')) {
        anySuppressed = true;
        const field = key === 'status' ? 'value' : key.replace(/_?[Ss]tatus$/, '');
        const shown = obj[field];
        if (shown !== null && shown !== undefined)
          this.add('fail', 'suppressed-value-present', file, { path: `${path}.${field}` }, 'A value marked suppressed is still published');
      }
    }
    if (!anySuppressed) return;
    for (const [key, v] of Object.entries(obj)) {
      if (typeof v !== 'number' || isReferenceFigure(key)) continue;
      const role = roleOf(key, this.identifierNames);
      if (role === 'share' || role === 'rate' || role === 'needs-n')
        this.add('fail', 'derived-from-suppressed', file, { path: `${path}.${key}` }, 'A percentage, rate or statistic shown beside a suppressed count');
    }
  }

  /** Checks our own protected shapes by their kind; true when the object was one of them. */
  private screenKnownShape(file: string, obj: Record<string, unknown>, path: string): boolean {
    // A disclosure policy, or the rule parameters in evidence, hold rule settings (dominance n = 2 …),
    // not counts of people: their text is still scanned, their numbers are not counts.
    if ('threshold' in obj && 'zerosDisclosive' in obj && 'rounding' in obj) return true;
    if ('rule' in obj && 'reason' in obj && 'params' in obj) return true;
    const kind = obj.kind;
    if (kind === undefined && Array.isArray(obj.cells) && !('decimals' in obj) && (obj.statisticClass === undefined || obj.statisticClass === 'count')) {
      // A table of count cells written without our "kind" (for example by the report model).
      const cells = obj.cells as unknown[];
      if (cells.length > 0 && cells.every((c) => c !== null && typeof c === 'object' && 'coords' in c && 'value' in c && 'status' in c)) {
        this.tables++;
        cells.forEach((cell, i) => this.checkCell(file, cell as { value?: unknown; status?: unknown }, `${path}.cells[${i}]`, true));
        return true;
      }
    }
    if (kind === 'count-table' && Array.isArray(obj.cells)) {
      this.tables++;
      const cells = obj.cells as { value?: unknown; status?: unknown }[];
      cells.forEach((cell, i) => this.checkCell(file, cell, `${path}.cells[${i}]`, true));
      const shares = obj.shares as { cells?: { value?: unknown }[] } | undefined;
      shares?.cells?.forEach((s, i) => {
        this.numbers++;
        if (typeof s.value === 'number' && cells[i] && cells[i]!.value === null)
          this.add('fail', 'derived-from-suppressed', file, { path: `${path}.shares.cells[${i}]` }, 'A percentage shown for a suppressed count');
      });
      return true;
    }
    if ((kind === 'means' || kind === 'quantiles' || kind === 'rates') && Array.isArray(obj.groups)) {
      this.tables++;
      const midpoint = obj.method === 'midpoint6';
      (obj.groups as { n?: unknown; values?: Record<string, unknown> }[]).forEach((g, i) => {
        const p = `${path}.groups[${i}]`;
        if (typeof g.n === 'number') {
          if (midpoint) {
            if (!(g.n === 0 || (Number.isInteger(g.n) && (g.n - 3) % 6 === 0))) this.add('fail', 'midpoint6', file, { path: `${p}.n` }, 'A midpoint-6 count that is not midpoint-6 rounded');
          } else {
            const problem = this.countProblem(g.n);
            if (problem) this.add('fail', problem.rule, file, { path: `${p}.n` }, problem.message);
          }
        }
        const values = g.values ?? {};
        for (const [k, v] of Object.entries(values)) {
          if (typeof v !== 'number') continue;
          if (kind === 'rates' && (k === 'numerator' || k === 'denominator')) {
            this.numbers++;
            const ok = midpoint ? v === 0 || (Number.isInteger(v) && (v - 3) % 6 === 0) : this.countProblem(v) === null;
            if (!ok) this.add('fail', midpoint ? 'midpoint6' : 'small-count', file, { path: `${p}.values.${k}` }, 'A rate numerator or denominator that breaks the count rules');
            continue;
          }
          this.numbers++;
          const n = g.n;
          if (kind !== 'rates' && (typeof n !== 'number' || n < this.minPublished))
            this.add('fail', 'statistic-on-small-group', file, { path: `${p}.values.${k}` }, `A statistic on a suppressed group or one smaller than the threshold (${this.policy.threshold})`);
          if (kind === 'rates' && (values.numerator === null || values.denominator === null))
            this.add('fail', 'derived-from-suppressed', file, { path: `${p}.values.${k}` }, 'A rate shown beside a suppressed numerator or denominator');
        }
      });
      return true;
    }
    if (kind === 'histogram' && Array.isArray(obj.bins)) {
      this.tables++;
      const bins = obj.bins as { lower?: unknown; upper?: unknown; value?: unknown; status?: unknown }[];
      bins.forEach((b, i) => this.checkCell(file, b, `${path}.bins[${i}]`, true));
      if (bins.length > 0 && (bins[0]!.lower !== null || bins[bins.length - 1]!.upper !== null))
        this.add('fail', 'open-ended-histogram', file, { path }, 'A histogram whose outer bins are not open-ended: an edge may be a minimum or maximum');
      return true;
    }
    return false;
  }

  /** A count cell's value against the count rules (its status is checked with every object's). */
  private checkCell(file: string, cell: { value?: unknown; status?: unknown }, path: string, isCount: boolean): void {
    if (isCount && typeof cell.value === 'number') {
      const problem = this.countProblem(cell.value);
      if (problem) this.add('fail', problem.rule, file, { path: `${path}.value` }, problem.message);
    }
  }
}

const IDENTIFIER_MESSAGES: Record<IdentifierKind, string> = {
  'nhs-number': 'Something shaped like an NHS number (10 digits with a valid check digit)',
  postcode: 'Something shaped like a full UK postcode',
  email: 'Something shaped like an e-mail address',
};

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

/** A cell's number, or null if it is not one (thousands separators and a trailing % allowed). */
function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  return Number(t.replace(/[,%]/g, ''));
}

function isWholeNumberOrMarker(text: string, screen: Screen): boolean {
  if (text.trim() === '' || screen.isMarker(text)) return true;
  const n = parseNumber(text);
  return n !== null && Number.isInteger(n);
}

function isSuppressedStatus(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith('suppressed');
}

/** Published figures that come from outside the data (Census reference shares) are not derived from its counts. */
function isReferenceFigure(key: string): boolean {
  return /reference|census/.test(normaliseName(key));
}

// ---------------------------------------------------------------------------------------------
// Table extraction.

function csvGrids(text: string): Grid[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const rows = parsed.data.filter((r) => Array.isArray(r));
  if (rows.length === 0) return [];
  return [{ header: rows[0]!.map(String), rows: rows.slice(1).map((r) => r.map(String)), table: 1, firstLine: 1 }];
}

function markdownGrids(text: string): { grids: Grid[]; prose: { line: number; text: string }[] } {
  const lines = text.split(/\r?\n/);
  const grids: Grid[] = [];
  const prose: { line: number; text: string }[] = [];
  const split = (line: string): string[] =>
    line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (line.includes('|') && next !== undefined && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(next)) {
      const header = split(line);
      const rows: string[][] = [];
      const firstLine = i + 1;
      i += 2;
      while (i < lines.length && lines[i]!.includes('|') && lines[i]!.trim() !== '') rows.push(split(lines[i++]!));
      i--;
      grids.push({ header, rows, table: grids.length + 1, firstLine: firstLine + 1 });
    } else prose.push({ line: i + 1, text: line });
  }
  return { grids, prose };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

// A small tag-level reader rather than a DOM: shared/ has no DOM, and our renderer writes simple,
// well-formed tables. Anything it cannot read as a table is still scanned as text.
function htmlGrids(html: string): { grids: Grid[]; prose: string } {
  const clean = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  const grids: Grid[] = [];
  const prose = clean.replace(/<table\b[\s\S]*?<\/table>/gi, (table) => {
    const rows: { cells: string[]; header: boolean }[] = [];
    for (const tr of table.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
      const cells: string[] = [];
      let header = true;
      for (const cell of tr[1]!.matchAll(/<(t[hd])\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
        if (cell[1]!.toLowerCase() === 'td') header = false;
        cells.push(stripTags(cell[2]!));
      }
      rows.push({ cells, header });
    }
    if (rows.length > 0) {
      const headerRow = rows.findIndex((r) => r.header);
      const h = headerRow >= 0 ? headerRow : 0;
      grids.push({ header: rows[h]!.cells, rows: rows.filter((_, i) => i !== h).map((r) => r.cells), table: grids.length + 1 });
    }
    return ' ';
  });
  return { grids, prose: stripTags(prose) };
}

// ---------------------------------------------------------------------------------------------

/** Re-checks finished export content against the policy, from scratch. */
export function screenExport(content: ExportContent, policy: Policy, options: ScreenOptions = {}): ScreenResult {
  const screen = new Screen(policy, options);
  for (const file of content.files) {
    if (file.text.length > MAX_FILE_CHARS) {
      screen.add('fail', 'file-too-large', file.name, {}, 'A file larger than 16 MB');
      continue;
    }
    switch (file.format) {
      case 'csv':
        for (const g of csvGrids(file.text)) screen.screenGrid(file.name, g);
        break;
      case 'markdown': {
        const { grids, prose } = markdownGrids(file.text);
        for (const g of grids) screen.screenGrid(file.name, g);
        for (const p of prose) screen.scanText(file.name, p.text, { line: p.line });
        break;
      }
      case 'html': {
        const { grids, prose } = htmlGrids(file.text);
        for (const g of grids) screen.screenGrid(file.name, g);
        screen.scanText(file.name, prose, {});
        break;
      }
      case 'json': {
        let json: unknown;
        try {
          json = JSON.parse(file.text);
        } catch {
          screen.add('fail', 'unreadable-file', file.name, {}, 'A JSON file that does not parse, so it cannot be checked');
          break;
        }
        screen.screenJson(file.name, json, '$', null);
        break;
      }
      case 'text':
        file.text.split(/\r?\n/).forEach((line, i) => screen.scanText(file.name, line, { line: i + 1 }));
        break;
    }
  }
  const outcome = worst('pass', ...screen.findings.map((f) => f.severity));
  return { outcome, findings: screen.findings, checked: { files: content.files.length, tables: screen.tables, numbers: screen.numbers } };
}
