// The disclosure evidence of a report in plain words, for the panel beside each table and the
// "Disclosure control" section: what happened to each cell (shown, rounded, suppressed as primary
// or secondary), under which rule and with which parameters. Evidence never holds a hidden value
// (shared/disclosure/evidence.ts), so nothing here can reveal one.
import type { CellEvidence, CellStatus, Outcome, Params, RuleId, StatisticEvidence } from '../../../shared/disclosure';
import type { StandardsReport } from '../../../shared/report/model';

export const CELL_STATUS_WORDS: Record<CellStatus, string> = {
  shown: 'Shown',
  rounded: 'Rounded',
  'suppressed-primary': 'Suppressed (primary)',
  'suppressed-secondary': 'Suppressed (secondary)',
};

/** What each status means, for readers who meet the words for the first time. */
export const CELL_STATUS_MEANING: Record<CellStatus, string> = {
  shown: 'published exactly',
  rounded: 'published, rounded to the policy’s base',
  'suppressed-primary': 'hidden because it is below the smallest count the policy allows (or a disclosive zero)',
  'suppressed-secondary': 'hidden so that no other hidden cell can be worked out from the totals',
};

/**
 * Short names of the rules in the consolidated rule list (the project's disclosure-control
 * reference, section b6). R6 (model degrees of freedom) and R15 (file checks) never apply to a
 * table cell, so the evidence does not use them.
 */
export const RULE_NAMES: Record<RuleId, string> = {
  R1: 'smallest published count',
  R2: 'zeros and 0% or 100% shares',
  R3: 'dominance (largest contributors)',
  R4: 'p-ratio',
  R5: 'negative or missing values',
  R7: 'statistics on few people',
  R8: 'minimum, maximum and range',
  R9: 'quantiles',
  R10: 'histograms',
  R11: 'rounding',
  R12: 'secondary suppression',
  R13: 'differencing across outputs',
  R14: 'percentages and rates',
  R16: 'survival tables',
};

export function ruleText(rule: RuleId): string {
  return `${rule}: ${RULE_NAMES[rule]}`;
}

export const OUTCOME_WORDS: Record<Outcome, string> = {
  pass: 'Passes the policy',
  review: 'Needs an output checker’s review',
  fail: 'Fails the policy',
};

/** Rate tables name their fields; readers know them as events, people and percent. */
const FIELD_WORDS: Readonly<Record<string, string>> = { numerator: 'events', denominator: 'people (n)', rate: 'percent' };

/** A cell's place in its table: category labels joined with " × ", "Total" for a margin. */
export function cellLabel(coords: readonly (string | null)[], statisticClass?: string): string {
  const parts = coords.map((c) => c ?? 'Total');
  if (statisticClass === 'rate' && parts.length > 0) {
    const field = parts[parts.length - 1]!;
    parts[parts.length - 1] = FIELD_WORDS[field] ?? field;
  }
  return parts.length === 0 ? 'Whole table' : parts.join(' × ');
}

const PARAM_WORDS: Readonly<Record<string, string>> = {
  threshold: 'smallest count',
  base: 'rounding base',
  zerosDisclosive: 'zeros hidden',
  protectionWidth: 'protection width',
  proven: 'protection proven',
  per: 'per',
  method: 'method',
  totals: 'totals',
  share: 'share',
  decimals: 'decimal places',
  p: 'p',
  unit: 'unit',
  granularity: 'date granularity',
  openLower: 'open lower bin',
  openUpper: 'open upper bin',
};

const VALUE_WORDS: Readonly<Record<string, string>> = {
  'sum-of-rounded-cells': 'sums of the published cells',
  'rounded-true-total': 'true totals, rounded',
  'suppress-and-round': 'suppress and round',
  midpoint6: 'midpoint-6 rounding',
};

/** A cell's rule parameters in words, e.g. "smallest count 8, rounding base 5"; "" when none. */
export function paramsText(params: Params): string {
  return Object.entries(params)
    .map(([k, v]) => `${PARAM_WORDS[k] ?? k} ${typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'string' ? (VALUE_WORDS[v] ?? v) : String(v)}`)
    .join(', ');
}

/** One way cells were treated in a table: status, rule, reason and parameters, with how many cells. */
export interface RuleUse {
  key: string;
  status: CellStatus;
  rule: RuleId;
  reason: string;
  params: string;
  cells: number;
}

const STATUS_ORDER: Record<CellStatus, number> = { 'suppressed-primary': 0, 'suppressed-secondary': 1, rounded: 2, shown: 3 };

/** The distinct treatments in a table, hidden cells first, so the panel stays short on big tables. */
export function ruleUses(evidence: StatisticEvidence): RuleUse[] {
  const byKey = new Map<string, RuleUse>();
  for (const c of evidence.cells) {
    const params = paramsText(c.params);
    const key = `${c.status}\u0001${c.rule}\u0001${c.reason}\u0001${params}`;
    const use = byKey.get(key);
    if (use) use.cells++;
    else byKey.set(key, { key, status: c.status, rule: c.rule, reason: c.reason, params, cells: 1 });
  }
  return [...byKey.values()].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.rule.localeCompare(b.rule, 'en', { numeric: true }));
}

export interface CellEvidenceRow {
  key: string;
  cell: string;
  status: CellStatus;
  rule: RuleId;
  params: string;
}

/** Every cell of a table, hidden ones first, each with its status, rule and parameters. */
export function cellRows(evidence: StatisticEvidence): CellEvidenceRow[] {
  const rows = evidence.cells.map((c: CellEvidence, i) => ({
    key: String(i),
    cell: cellLabel(c.coords, evidence.statisticClass),
    status: c.status,
    rule: c.rule,
    params: paramsText(c.params),
    order: STATUS_ORDER[c.status] * 1e9 + i,
  }));
  rows.sort((a, b) => a.order - b.order);
  return rows.map(({ order: _order, ...row }) => row);
}

/** Report evidence by statistic id. */
export function evidenceById(report: StandardsReport): Map<string, StatisticEvidence> {
  return new Map(report.evidence.map((e) => [e.statisticId, e]));
}

export function hiddenCount(evidence: StatisticEvidence): number {
  return evidence.summary.suppressedPrimary + evidence.summary.suppressedSecondary;
}

/** The policy's parameters in words, exactly as the exported report words them. */
export { policyParameterLines } from '../../../shared/report/format';
