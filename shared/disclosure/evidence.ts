// What a protected statistic looks like when published, and the evidence kept beside it.
//
// Evidence says, for every cell, what happened and under which rule and parameters, so an output
// checker can follow each decision. It never holds a suppressed value, a true (unrounded) value,
// or anything from which one follows: a suppressed cell's reason does not even say whether it
// failed the threshold or the zero rule, because "a disclosive zero" would give the value away.
// Under rounding every published cell is "rounded", even one already on the base, for the same reason.
// What it does say: which suppressed cells are primary. A reader can therefore tell that those are
// below the threshold (or zero), which any reader of a threshold rule can suspect anyway; the
// protection width is about what the published arithmetic reveals, as in tau-argus and sdcTable.

import type { Policy } from './policy';
import type { Dimension, StatisticClass } from './table';

export type Outcome = 'pass' | 'fail' | 'review';

/** Per-cell status: published exactly, published rounded, or suppressed (primary / secondary). */
export type CellStatus = 'shown' | 'rounded' | 'suppressed-primary' | 'suppressed-secondary';

/** Rule IDs of reference/disclosure-control.md b6. */
export type RuleId =
  | 'R1'
  | 'R2'
  | 'R3'
  | 'R4'
  | 'R5'
  | 'R7'
  | 'R8'
  | 'R9'
  | 'R10'
  | 'R11'
  | 'R12'
  | 'R13'
  | 'R14'
  | 'R16';

export type Params = Record<string, number | string | boolean>;

/** Coordinates by category label; null stands for "Total" on that dimension. */
export type Coords = (string | null)[];

export interface CellEvidence {
  /** Category labels (null = Total), or for non-table statistics the name of the published field. */
  coords: Coords;
  status: CellStatus;
  rule: RuleId;
  reason: string;
  params: Params;
}

export type Mitigation = 'suppression' | 'rounding' | 'merging' | 'coarsening' | 'withheld';

export interface StatisticEvidence {
  statisticId: string;
  title: string;
  statisticClass: StatisticClass;
  population: string;
  policy: { id: string; name: string; parameters: Policy };
  outcome: Outcome;
  reasons: string[];
  mitigations: Mitigation[];
  cells: CellEvidence[];
  summary: { shown: number; rounded: number; suppressedPrimary: number; suppressedSecondary: number };
  /** For tables protected by secondary suppression: the width every suppressed cell was proven to keep. */
  protection?: { width: number; method: 'hypercube-witness'; linkedWith: string[] };
}

// ---------------------------------------------------------------------------------------------
// Published forms (what reports render). Suppressed values are null; `marker` says how to show them.

export interface PublishedCell {
  coords: Coords;
  value: number | null;
  status: CellStatus;
}

export interface ProtectedCountTable {
  kind: 'count-table';
  id: string;
  title: string;
  population: string;
  statisticClass: 'count';
  dimensions: Dimension[];
  margins: 'none' | 'all';
  /** How the published totals were made; "none" when no margins are published. */
  totals: 'sum-of-rounded-cells' | 'rounded-true-total' | 'none';
  roundingBase: number;
  marker: string;
  /** Interior cells then (if margins) every margin; row-major over categories + Total. */
  cells: PublishedCell[];
  shares?: { over: string[]; decimals: number; cells: PublishedCell[] };
}

export interface PublishedGroupStatistic {
  coords: Coords;
  /** Protected count behind the statistic (rounded per policy), or null when suppressed. */
  n: number | null;
  nStatus: CellStatus;
  values: Record<string, number | null>;
  status: Record<string, CellStatus>;
}

export interface ProtectedGroupTable {
  kind: 'means' | 'quantiles' | 'rates';
  id: string;
  title: string;
  population: string;
  statisticClass: 'mean' | 'quantile' | 'rate';
  variable?: string;
  dimensions: Dimension[];
  marker: string;
  /** For rates: what the rate is per; for quantiles: the probabilities. */
  per?: number;
  method?: string;
  groups: PublishedGroupStatistic[];
}

export interface ProtectedHistogram {
  kind: 'histogram';
  id: string;
  title: string;
  population: string;
  statisticClass: 'histogram';
  variable: string;
  marker: string;
  /** Bins after merging; the first has no lower edge and the last no upper edge (open-ended). */
  bins: { lower: number | null; upper: number | null; value: number | null; status: CellStatus }[];
}

export interface ProtectedScalar {
  kind: 'extremes' | 'distinct-count' | 'date-range';
  id: string;
  title: string;
  population: string;
  statisticClass: 'extreme' | 'distinct-count' | 'date-range';
  variable: string;
  marker: string;
  fields: Record<string, number | string | null>;
  status: Record<string, CellStatus>;
}

export type ProtectedStatistic = ProtectedCountTable | ProtectedGroupTable | ProtectedHistogram | ProtectedScalar;

export interface ProtectedResult {
  output: ProtectedStatistic;
  evidence: StatisticEvidence;
}

// ---------------------------------------------------------------------------------------------

export function summarise(cells: readonly { status: CellStatus }[]): StatisticEvidence['summary'] {
  const s = { shown: 0, rounded: 0, suppressedPrimary: 0, suppressedSecondary: 0 };
  for (const c of cells) {
    if (c.status === 'shown') s.shown++;
    else if (c.status === 'rounded') s.rounded++;
    else if (c.status === 'suppressed-primary') s.suppressedPrimary++;
    else s.suppressedSecondary++;
  }
  return s;
}

/** Worst of several outcomes: fail over review over pass. */
export function worst(...outcomes: Outcome[]): Outcome {
  if (outcomes.includes('fail')) return 'fail';
  if (outcomes.includes('review')) return 'review';
  return 'pass';
}

export function policyRecord(policy: Policy): StatisticEvidence['policy'] {
  return { id: policy.id, name: policy.name, parameters: JSON.parse(JSON.stringify(policy)) as Policy };
}

export const SUPPRESSED_PRIMARY_REASON =
  'Fails the threshold or the zero rule, so it is not published (which of the two is not said, as that would reveal the value).';
export const SUPPRESSED_SECONDARY_REASON =
  'Suppressed so that no suppressed cell can be worked out, or narrowed below the protection width, from the published cells and totals.';
