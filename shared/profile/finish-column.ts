// Turns a column's final state into its ColumnProfile: type, summaries, identifier findings, and
// the privacy rule — an identifier column keeps counts, missingness, distinct count and lengths,
// and nothing else: no frequencies, min/max, quantiles, date range or examples.
import { MISSING_EMPTY, MISSING_WHITESPACE } from './missing-values';
import { summariseExactColumn, type ColumnContext, type ColumnState } from './column-accumulator';
import { DATE_STAT_WIDTH, DATE_MIN, DATE_MAX, DATE_WITH_TIME, type SummaryState, type WeightedNumbers } from './column-summary';
import { DATE_FORMATS, formatDateKey } from './dates';
import { hllEstimate, HLL_RELATIVE_STANDARD_ERROR } from './hyperloglog';
import { sampleSd } from './moments';
import { sketchQuantiles } from './quantile-sketch';
import { inferType, type TypeDecision } from './type-inference';
import { detectIdentifier } from './identifiers';
import { BIT_TRUE_FIRST, BOOLEAN_FAMILIES } from './value-facts';
import type { ColumnProfile, MissingSummary, NumericSummary, Quantiles, DateSummary } from './types';

const QUANTILE_POINTS: readonly [keyof Quantiles, number][] = [
  ['p1', 0.01],
  ['p5', 0.05],
  ['p25', 0.25],
  ['p50', 0.5],
  ['p75', 0.75],
  ['p95', 0.95],
  ['p99', 0.99],
];

export function finishColumn(name: string, position: number, rows: number, state: ColumnState, ctx: ColumnContext): ColumnProfile {
  const { options } = ctx;
  let summary: SummaryState;
  let missing: Float64Array;
  let distinct: ColumnProfile['distinct'];
  let numbers: WeightedNumbers | null = null;
  let frequencies: ColumnProfile['frequencies'] = null;
  if (state.tier === 'exact') {
    const exact = summariseExactColumn(state, ctx);
    summary = exact.summary;
    missing = exact.missing;
    numbers = exact.numbers;
    distinct = { count: exact.distinct, exact: true, relativeStandardError: null };
    if (exact.distinct <= options.frequencyCap) {
      frequencies = exact.values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    }
  } else {
    summary = state.summary;
    missing = state.missing;
    // There cannot be more distinct values than values: clamp the estimate.
    const estimate = Math.min(Math.round(hllEstimate(state.hll)), state.summary.count);
    distinct = { count: estimate, exact: false, relativeStandardError: HLL_RELATIVE_STANDARD_ERROR };
  }

  const n = summary.count;
  const decision = inferType(summary, distinct.count, options.frequencyCap, options.typeShareThreshold);
  const finding = detectIdentifier({
    name,
    nonMissing: n,
    distinct: distinct.count,
    type: decision.type,
    dateFormat: decision.dateFormat,
    dateConforming: decision.dateFormat === null ? 0 : decision.conforming,
    summary,
  });
  const withheld = finding.identifier !== null;

  return {
    name,
    position,
    rows,
    nonMissing: n,
    missing: describeMissing(missing, options.missingTokens),
    type: decision.type,
    typeShare: n === 0 ? null : decision.conforming / n,
    nonConforming: {
      count: n - decision.conforming,
      examples: withheld || decision.candidateBit === null ? [] : summary.examples[decision.candidateBit]!.map((e) => ({ ...e })),
    },
    distinct,
    length: n === 0 ? null : { min: summary.lengthMin, mean: summary.lengthSum / n, max: summary.lengthMax },
    numeric: withheld ? null : describeNumbers(decision, summary, numbers),
    date: describeDate(decision, summary, withheld),
    boolean: withheld || decision.booleanFamily === null ? null : describeBoolean(decision, summary),
    frequencies: withheld ? null : frequencies,
    identifier: finding.identifier,
    pattern: finding.pattern,
    valuesWithheld: withheld,
  };
}

function describeMissing(buckets: Float64Array, tokens: readonly string[]): MissingSummary {
  let total = 0;
  for (const c of buckets) total += c;
  return {
    total,
    empty: buckets[MISSING_EMPTY]!,
    whitespace: buckets[MISSING_WHITESPACE]!,
    tokens: tokens.map((token, i) => ({ token, count: buckets[2 + i]! })),
  };
}

function describeNumbers(d: TypeDecision, s: SummaryState, numbers: WeightedNumbers | null): NumericSummary | null {
  if (d.type !== 'integer' && d.type !== 'decimal') return null;
  const m = s.numeric;
  if (m.n === 0) return null;
  const quantiles = {} as Quantiles;
  if (numbers) {
    const exact = exactQuantiles(numbers, QUANTILE_POINTS.map(([, q]) => q));
    QUANTILE_POINTS.forEach(([k], i) => (quantiles[k] = exact[i]!));
  } else if (s.sketch) {
    const est = sketchQuantiles(s.sketch, QUANTILE_POINTS.map(([, q]) => q), m.min, m.max);
    QUANTILE_POINTS.forEach(([k], i) => (quantiles[k] = est[i]!));
  }
  return {
    count: m.n,
    mean: m.mean,
    sd: sampleSd(m),
    min: m.min,
    max: m.max,
    quantiles,
    quantileMethod: numbers ? 'exact' : 'ddsketch',
    quantileRelativeError: numbers ? null : (s.sketch?.relativeAccuracy ?? null),
  };
}

/** The value of rank floor(q·(n−1)) in sorted order, for weighted distinct values. */
export function exactQuantiles(numbers: WeightedNumbers, qs: readonly number[]): number[] {
  const order = numbers.values.map((_, i) => i).sort((a, b) => numbers.values[a]! - numbers.values[b]!);
  let total = 0;
  for (const w of numbers.weights) total += w;
  return qs.map((q) => {
    const rank = Math.floor(q * (total - 1));
    let running = 0;
    for (const i of order) {
      running += numbers.weights[i]!;
      if (running > rank) return numbers.values[i]!;
    }
    return numbers.values[order[order.length - 1]!]!;
  });
}

function describeDate(d: TypeDecision, s: SummaryState, withheld: boolean): DateSummary | null {
  if (d.dateFormat === null) return null;
  const o = d.dateFormat * DATE_STAT_WIDTH;
  const withTime = d.type === 'datetime';
  return {
    format: DATE_FORMATS[d.dateFormat]!,
    withTime: s.dates[o + DATE_WITH_TIME]!,
    range: withheld ? null : { min: formatDateKey(s.dates[o + DATE_MIN]!, withTime), max: formatDateKey(s.dates[o + DATE_MAX]!, withTime) },
  };
}

function describeBoolean(d: TypeDecision, s: SummaryState): ColumnProfile['boolean'] {
  const f = d.booleanFamily!;
  const trueCount = s.facts[BIT_TRUE_FIRST + f]!;
  return { family: BOOLEAN_FAMILIES[f]!, trueCount, falseCount: d.conforming - trueCount };
}
