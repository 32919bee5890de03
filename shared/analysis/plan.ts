// What one analysis pass tallies: the mapped attributes, and optionally an outcome and a period
// column, checked against the file's columns before any row is read.
import { RepresentError } from '../errors';
import { validateMapping, type MappingDocument } from '../demographics/mapping';
import { tallyKeyCap, type TallyDimension, type TallySpec } from './tally';

/**
 * Intersections: 2-way among the first six attributes (15 pairs) and 3-way among the first four
 * (4 triples). Every tallied table is one more update per row, so rather than 20 triples of six
 * attributes (over the analysis time budget, measured in test/bench/bench.ts), the remaining pairs
 * are covered by a few extra triples where one triple covers two or three of them, e.g. (0, 4, 5)
 * holds (0, 4), (0, 5) and (4, 5). Those triples are reported too.
 */
export const MAX_PAIRED_ATTRIBUTES = 6;
export const MAX_TRIPLED_ATTRIBUTES = 4;

/** The attribute pairs and triples the analysis tabulates (pairs are margins of a triple where one holds them). */
export function crossedCombinations(attributeCount: number): { pairs: number[][]; triples: number[][] } {
  const pairs: number[][] = [];
  const triples: number[][] = [];
  const P = Math.min(attributeCount, MAX_PAIRED_ATTRIBUTES);
  const T = Math.min(attributeCount, MAX_TRIPLED_ATTRIBUTES);
  for (let i = 0; i < P; i++) for (let j = i + 1; j < P; j++) pairs.push([i, j]);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) for (let k = j + 1; k < T; k++) triples.push([i, j, k]);
  const covered = (p: number[]) => triples.some((t) => p.every((a) => t.includes(a)));
  for (const [i, j] of pairs) {
    if (covered([i!, j!])) continue;
    // The third attribute that covers the most other uncovered pairs; a triple only if it covers 2+.
    let best = -1;
    let bestGain = 1;
    for (let k = 0; k < P; k++) {
      if (k === i || k === j) continue;
      const gain = 1 + Number(!covered([i!, k])) + Number(!covered([j!, k]));
      if (gain > bestGain) [best, bestGain] = [k, gain];
    }
    if (best >= 0) triples.push([i!, j!, best].sort((x, y) => x - y));
  }
  return { pairs, triples };
}

export interface AnalysisPlan {
  mapping: MappingDocument;
  /** The outcome column; positiveValues may be left out when the column is plainly binary (0/1, yes/no). */
  outcome?: { column: string; positiveValues?: string[] };
  /** The date column periods are read from. The tally keeps quarters, so granularity can change later. */
  period?: { column: string; granularity: 'year' | 'quarter' };
}

export interface PlanOverrides {
  outcome?: string;
  positiveValues?: string[];
  period?: string;
  granularity?: 'year' | 'quarter';
}

/**
 * Validates the mapping against the file's columns (missing column, unknown scheme, bad settings:
 * RepresentError 'bad-mapping') and applies command-line overrides of the outcome and period.
 */
export function planAnalysis(doc: unknown, columns: readonly string[], overrides: PlanOverrides = {}): AnalysisPlan {
  const mapping = validateMapping(doc, columns);
  const plan: AnalysisPlan = { mapping };
  const outcomeColumn = overrides.outcome ?? mapping.outcome?.column;
  if (outcomeColumn !== undefined) {
    const positiveValues = overrides.positiveValues ?? (overrides.outcome === undefined || overrides.outcome === mapping.outcome?.column ? mapping.outcome?.positiveValues : undefined);
    plan.outcome = positiveValues ? { column: outcomeColumn, positiveValues } : { column: outcomeColumn };
  } else if (overrides.positiveValues) {
    throw new RepresentError('bad-argument', 'Positive outcome values were given without an outcome column.', { expected: 'an outcome column (--outcome COL or the mapping’s outcome)', found: 'none' });
  }
  const periodColumn = overrides.period ?? mapping.period?.column;
  if (periodColumn !== undefined) plan.period = { column: periodColumn, granularity: overrides.granularity ?? mapping.period?.granularity ?? 'year' };
  const has = new Set(columns);
  for (const [what, column] of [['outcome', plan.outcome?.column], ['period', plan.period?.column]] as const) {
    if (column !== undefined && !has.has(column))
      throw new RepresentError('bad-mapping', `The ${what} names column "${column}", which is not in the file.`, { expected: `one of the file's ${columns.length} columns`, found: 'no column with that name', location: { column } });
  }
  return plan;
}

/** The tally that answers a plan: one dimension per attribute, then the outcome, then the period. */
export function tallySpecFor(plan: AnalysisPlan, columns: readonly string[], maxKeys?: number): TallySpec {
  const indexOf = (name: string) => columns.indexOf(name);
  const dimensions: TallyDimension[] = plan.mapping.attributes.map((a) => ({
    column: indexOf(a.column),
    columnName: a.column,
    role: 'attribute',
    transform: a.scheme === 'date-of-birth' && a.referenceDate ? { kind: 'age-at', referenceDate: a.referenceDate } : { kind: 'raw' },
  }));
  if (plan.outcome) dimensions.push({ column: indexOf(plan.outcome.column), columnName: plan.outcome.column, role: 'outcome', transform: { kind: 'raw' } });
  if (plan.period) dimensions.push({ column: indexOf(plan.period.column), columnName: plan.period.column, role: 'period', transform: { kind: 'quarter' } });
  const A = plan.mapping.attributes.length;
  const context = dimensions.map((_, i) => i).filter((i) => i >= A); // outcome, period
  // Missing counts (one per column per cell) are kept only where the analysis reads them: overall
  // and by period (the base table, outcome × period) and by group (one small table per attribute).
  // Kept on every attribute × outcome × period cell instead, they took megabytes per attribute,
  // which each worker had to copy out, post and merge on the main thread at the end of the pass.
  const tables: TallySpec['tables'] = [{ dims: context, missing: true }];
  for (let a = 0; a < A; a++) tables.push({ dims: [a, ...context], missing: false });
  const { pairs, triples } = crossedCombinations(A);
  for (const t of triples) tables.push({ dims: t, missing: false });
  // A pair inside a tallied triple is its exact marginal; the others need a table of their own.
  for (const p of pairs) if (!triples.some((t) => p.every((a) => t.includes(a)))) tables.push({ dims: p, missing: false });
  for (let a = 0; a < A; a++) tables.push({ dims: [a], missing: true });
  return { dimensions, tables, maxKeys: tallyKeyCap(columns.length, maxKeys) };
}
