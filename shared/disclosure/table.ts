// The statistics the rest of the app hands to disclosure control, one type per statistic class.
//
// Every input holds TRUE values (exact counts from the analysis). Nothing here is ever exported
// as is: `protectTable` / `protectReport` turn an input into a protected output plus evidence, and
// only those go into a report. Cells are stored row-major over the dimensions' categories (the
// last dimension varies fastest), which is also the order of `cellCoordinates`.

import { RepresentError } from '../errors';

export interface Dimension {
  /** Attribute name, e.g. "ethnicity". Tables that share a dimension must use the same name and categories. */
  name: string;
  /** Category labels in display order. Must be exhaustive (include "Not known" etc.) so cells sum to totals. */
  categories: readonly string[];
}

interface StatisticBase {
  id: string;
  title: string;
  /**
   * Which population the table counts. Tables of one population are protected together by
   * `protectReport` (shared margins agree, no differencing). Defaults to "default".
   */
  population?: string;
}

/** Statistic classes, each with its own rules (see ./statistics.ts and ./counts.ts). */
export type StatisticClass =
  | 'count'
  | 'share'
  | 'rate'
  | 'mean'
  | 'quantile'
  | 'extreme'
  | 'histogram'
  | 'distinct-count'
  | 'date-range';

/** A 1-, 2- or 3-way frequency table of non-negative integer counts. */
export interface CountTable extends StatisticBase {
  kind: 'count-table';
  dimensions: readonly Dimension[];
  /** Row-major counts over the categories (no margins: those are computed). */
  counts: readonly number[];
  /** "all": publish every marginal total (for a 3-way table also the 2-way and 1-way margins) and the grand total. */
  margins: 'none' | 'all';
  /**
   * Also publish percentages (class "share"): each cell as a share of the published total over the
   * named dimensions (all dimensions = share of the grand total; ["sex"] in ethnicity × sex = share
   * within each ethnicity). Computed from protected counts only; needs margins "all".
   */
  shares?: { over: readonly string[] };
  /**
   * Publish the table only when it is dense enough to say something: at least this share (0 to 1)
   * of its non-zero cells reach the threshold. Otherwise it is withheld whole (not published, its
   * evidence says why) rather than published mostly suppressed. For the fine intersection tables of
   * a default report (see shared/report/from-analysis.ts); unset means always publish.
   */
  minPublishableShare?: number;
}

/** Per-group mean (and SD) of a numeric variable, with the number of values behind each. */
export interface MeanTable extends StatisticBase {
  kind: 'means';
  variable: string;
  dimensions: readonly Dimension[];
  groups: readonly MeanGroup[];
}

export interface MeanGroup {
  /** Number of (non-missing) values behind the mean. */
  n: number;
  mean: number;
  sd?: number;
  /** Sum of values and the largest contributions (absolute values, largest first), for R3/R4 dominance. */
  sum?: number;
  largest?: readonly number[];
  /** True when any contributing value is negative: dominance is then undefined (R5). */
  hasNegative?: boolean;
}

/** Per-group quantiles of a numeric variable. */
export interface QuantileTable extends StatisticBase {
  kind: 'quantiles';
  variable: string;
  dimensions: readonly Dimension[];
  groups: readonly { n: number; quantiles: readonly { p: number; value: number }[] }[];
}

/** Per-group rates: events (numerator) per population (denominator), times `per`. */
export interface RateTable extends StatisticBase {
  kind: 'rates';
  dimensions: readonly Dimension[];
  numerators: readonly number[];
  denominators: readonly number[];
  /** The rate is numerator / denominator × per (1 = a proportion, 100 = a percentage, 1000 = per 1,000). */
  per: number;
}

/** Minimum and maximum of a variable. Never published: replaced by coarse bounds (R8). */
export interface ExtremeStatistic extends StatisticBase {
  kind: 'extremes';
  variable: string;
  n: number;
  min: number;
  max: number;
  /**
   * Low and high quantile values with the number of values strictly beyond them; when both tails
   * hold at least the threshold, coarse bounds (rounded outward to `unit`) are published instead.
   */
  tails?: { low: number; countBelow: number; high: number; countAbove: number };
  /** Grid the coarse bounds are rounded out to, e.g. 10 for ages. Defaults to 1. */
  unit?: number;
}

/** A histogram: ascending bin edges (bins + 1 of them) and a count per bin. */
export interface Histogram extends StatisticBase {
  kind: 'histogram';
  variable: string;
  edges: readonly number[];
  counts: readonly number[];
}

/** Number of distinct values of a variable among n records. */
export interface DistinctCount extends StatisticBase {
  kind: 'distinct-count';
  variable: string;
  n: number;
  distinct: number;
}

/** Earliest and latest date of a variable (ISO 8601 dates, YYYY-MM-DD…). */
export interface DateRange extends StatisticBase {
  kind: 'date-range';
  variable: string;
  n: number;
  earliest: string;
  latest: string;
}

export type StatisticInput =
  | CountTable
  | MeanTable
  | QuantileTable
  | RateTable
  | ExtremeStatistic
  | Histogram
  | DistinctCount
  | DateRange;

export const DEFAULT_POPULATION = 'default';

// ---------------------------------------------------------------------------------------------
// Helpers over the row-major layout.

export function cellCount(dimensions: readonly Dimension[]): number {
  let n = 1;
  for (const d of dimensions) n *= d.categories.length;
  return n;
}

/** Category indices of the cell at a row-major position. */
export function cellIndices(dimensions: readonly Dimension[], position: number): number[] {
  const out = new Array<number>(dimensions.length);
  let rest = position;
  for (let d = dimensions.length - 1; d >= 0; d--) {
    const size = dimensions[d]!.categories.length;
    out[d] = rest % size;
    rest = Math.floor(rest / size);
  }
  return out;
}

export function cellCoordinates(dimensions: readonly Dimension[], position: number): string[] {
  return cellIndices(dimensions, position).map((i, d) => dimensions[d]!.categories[i]!);
}

// ---------------------------------------------------------------------------------------------
// Validation: programming errors from the analysis side, reported without any data value.

function bad(table: { id: string }, message: string, expected: string, found: string): RepresentError {
  return new RepresentError('bad-argument', `Statistic "${table.id}": ${message}`, { expected, found });
}

export function validateDimensions(table: { id: string }, dimensions: readonly Dimension[], maxDims = 3): void {
  if (dimensions.length < 1 || dimensions.length > maxDims)
    throw bad(table, 'unsupported number of dimensions.', `1 to ${maxDims} dimensions`, `${dimensions.length}`);
  const names = new Set<string>();
  for (const d of dimensions) {
    if (names.has(d.name)) throw bad(table, `dimension "${d.name}" appears twice.`, 'distinct dimension names', 'a repeated name');
    names.add(d.name);
    if (d.categories.length < 1) throw bad(table, `dimension "${d.name}" has no categories.`, 'at least one category', 'none');
    if (new Set(d.categories).size !== d.categories.length)
      throw bad(table, `dimension "${d.name}" repeats a category label.`, 'distinct category labels', 'a repeated label');
  }
}

export function validateCounts(table: { id: string }, counts: readonly number[], expectedLength: number, what = 'counts'): void {
  if (counts.length !== expectedLength)
    throw bad(table, `wrong number of ${what}.`, `${expectedLength} (one per cell)`, `${counts.length}`);
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (!Number.isInteger(c) || c < 0)
      throw bad(table, `${what} must be non-negative whole numbers.`, 'a non-negative integer in every cell', `another value at cell ${i + 1}`);
  }
}

export function validateCountTable(table: CountTable): void {
  validateDimensions(table, table.dimensions);
  validateCounts(table, table.counts, cellCount(table.dimensions));
  if (table.minPublishableShare !== undefined && !(table.minPublishableShare >= 0 && table.minPublishableShare <= 1))
    throw bad(table, 'the share of cells that must reach the threshold is out of range.', 'a number from 0 to 1', 'another value');
  if (table.shares) {
    const names = new Set(table.dimensions.map((d) => d.name));
    for (const n of table.shares.over)
      if (!names.has(n)) throw bad(table, `shares are over an unknown dimension "${n}".`, 'dimension names of this table', 'another name');
    if (table.margins !== 'all')
      throw bad(table, 'percentages need published totals.', 'margins "all" when shares are asked for', 'margins "none"');
  }
}
