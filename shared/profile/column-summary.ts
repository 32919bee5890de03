// Weighted facts about a column's non-missing values: how many fit each candidate type and
// identifier pattern, numeric moments, date ranges per format, lengths, and the first few
// distinct values that do not fit each candidate. Every field is a function of the multiset of
// (value, first row) pairs, so feeding each row with weight 1, feeding each distinct value with
// its count, and merging parts all give the same result (up to floating-point rounding in the
// moments, which is why they use Welford/Chan).
import { classifyValue, createValueFacts, CANDIDATE_COUNT, FACT_COUNT, BIT_NUMBER } from './value-facts';
import { DATE_FORMAT_COUNT, DATE_MDY_SLASH, BIRTH_MIN_YEAR, BIRTH_MAX_YEAR } from './dates';
import { emptyMoments, addToMoments, mergeMoments, type MomentsState } from './moments';
import {
  createQuantileSketch,
  quantileSketchFromState,
  quantileSketchToState,
  mergeQuantileSketchStates,
  type QuantileSketchState,
} from './quantile-sketch';
import type { DDSketch } from '@datadog/sketches-js';

/** Per date format: values with a time, values with a plausible birth year, min key, max key. */
export const DATE_STAT_WIDTH = 4;
export const DATE_WITH_TIME = 0;
export const DATE_BIRTH_PLAUSIBLE = 1;
export const DATE_MIN = 2;
export const DATE_MAX = 3;

export interface Example {
  value: string;
  /** 1-based data row (file order) where the value first occurs. */
  row: number;
}

export interface SummaryState {
  /** Non-missing values (weighted). */
  count: number;
  /** Weighted count per fact bit (value-facts.ts). */
  facts: Float64Array;
  /** DATE_FORMAT_COUNT × DATE_STAT_WIDTH. */
  dates: Float64Array;
  lengthSum: number;
  lengthMin: number;
  lengthMax: number;
  /** Over every value that reads as a number. */
  numeric: MomentsState;
  /** Only past the exact cap; exact columns get exact quantiles at finish instead. */
  sketch: QuantileSketchState | null;
  /** Per candidate type: the first distinct values (by first row) that do not fit it. */
  examples: Example[][];
}

/** Collected at finish for exact quantiles: each numeric distinct value and its count. */
export interface WeightedNumbers {
  values: number[];
  weights: number[];
}

export class ColumnSummary {
  private readonly facts = createValueFacts();
  private readonly state: SummaryState;
  private readonly sketch: DDSketch | null;
  /** Candidate bits whose example list still has room. */
  private openExamples: number;

  constructor(
    private readonly exampleLimit: number,
    withSketch: boolean,
    private readonly numbers: WeightedNumbers | null = null,
    from?: SummaryState,
  ) {
    this.state = from ? copySummaryState(from) : emptySummaryState();
    this.sketch = from?.sketch ? quantileSketchFromState(from.sketch) : withSketch ? createQuantileSketch() : null;
    this.openExamples = 0;
    for (let c = 0; c < CANDIDATE_COUNT; c++) if (this.state.examples[c]!.length < exampleLimit) this.openExamples |= 1 << c;
  }

  add(v: string, weight: number, row: number): void {
    const f = this.facts;
    const mask = classifyValue(v, f);
    const s = this.state;
    s.count += weight;
    for (let m = mask; m !== 0; m &= m - 1) {
      const bit = 31 - Math.clz32(m & -m);
      s.facts[bit] = s.facts[bit]! + weight;
    }
    const n = v.length;
    s.lengthSum += n * weight;
    if (n < s.lengthMin) s.lengthMin = n;
    if (n > s.lengthMax) s.lengthMax = n;
    if (mask & (1 << BIT_NUMBER)) {
      addToMoments(s.numeric, f.number, weight);
      this.sketch?.accept(f.number, weight);
      if (this.numbers) {
        this.numbers.values.push(f.number);
        this.numbers.weights.push(weight);
      }
    }
    if (f.formats !== 0) this.addDate(weight);
    const open = this.openExamples & ~mask;
    if (open !== 0) this.addExample(v, row, open);
  }

  private addDate(weight: number): void {
    const f = this.facts;
    const d = this.state.dates;
    const birth = f.year >= BIRTH_MIN_YEAR && f.year <= BIRTH_MAX_YEAR ? weight : 0;
    const time = f.hasTime ? weight : 0;
    for (let format = 0; format < DATE_FORMAT_COUNT; format++) {
      if ((f.formats & (1 << format)) === 0) continue;
      const key = format === DATE_MDY_SLASH ? f.keyUS : f.key;
      const o = format * DATE_STAT_WIDTH;
      d[o + DATE_WITH_TIME] = d[o + DATE_WITH_TIME]! + time;
      d[o + DATE_BIRTH_PLAUSIBLE] = d[o + DATE_BIRTH_PLAUSIBLE]! + birth;
      if (key < d[o + DATE_MIN]!) d[o + DATE_MIN] = key;
      if (key > d[o + DATE_MAX]!) d[o + DATE_MAX] = key;
    }
  }

  private addExample(v: string, row: number, open: number): void {
    const shown = exampleText(v);
    for (let m = open; m !== 0; m &= m - 1) {
      const c = 31 - Math.clz32(m & -m);
      const list = this.state.examples[c]!;
      if (list.some((e) => e.value === shown)) continue;
      list.push({ value: shown, row });
      if (list.length >= this.exampleLimit) this.openExamples &= ~(1 << c);
    }
  }

  toState(): SummaryState {
    const s = copySummaryState(this.state);
    s.sketch = this.sketch ? quantileSketchToState(this.sketch) : null;
    return s;
  }
}

export function emptySummaryState(): SummaryState {
  const dates = new Float64Array(DATE_FORMAT_COUNT * DATE_STAT_WIDTH);
  for (let f = 0; f < DATE_FORMAT_COUNT; f++) {
    dates[f * DATE_STAT_WIDTH + DATE_MIN] = Infinity;
    dates[f * DATE_STAT_WIDTH + DATE_MAX] = -Infinity;
  }
  return {
    count: 0,
    facts: new Float64Array(FACT_COUNT),
    dates,
    lengthSum: 0,
    lengthMin: Infinity,
    lengthMax: -Infinity,
    numeric: emptyMoments(),
    sketch: null,
    examples: Array.from({ length: CANDIDATE_COUNT }, () => []),
  };
}

function copySummaryState(s: SummaryState): SummaryState {
  return {
    ...s,
    facts: s.facts.slice(),
    dates: s.dates.slice(),
    numeric: { ...s.numeric },
    examples: s.examples.map((list) => list.map((e) => ({ ...e }))),
  };
}

/** `b` follows `a` in the file; its rows are shifted by `rowOffset`. */
export function mergeSummaryStates(a: SummaryState, b: SummaryState, rowOffset: number, exampleLimit: number): SummaryState {
  const facts = a.facts.slice();
  for (let i = 0; i < facts.length; i++) facts[i] = facts[i]! + b.facts[i]!;
  const dates = a.dates.slice();
  for (let f = 0; f < DATE_FORMAT_COUNT; f++) {
    const o = f * DATE_STAT_WIDTH;
    dates[o + DATE_WITH_TIME] = dates[o + DATE_WITH_TIME]! + b.dates[o + DATE_WITH_TIME]!;
    dates[o + DATE_BIRTH_PLAUSIBLE] = dates[o + DATE_BIRTH_PLAUSIBLE]! + b.dates[o + DATE_BIRTH_PLAUSIBLE]!;
    dates[o + DATE_MIN] = Math.min(dates[o + DATE_MIN]!, b.dates[o + DATE_MIN]!);
    dates[o + DATE_MAX] = Math.max(dates[o + DATE_MAX]!, b.dates[o + DATE_MAX]!);
  }
  // The whole file's first distinct non-fitting values: a's, then b's that a never had. When
  // a's list is not full it holds every such value of a, so checking against the list suffices.
  const examples = a.examples.map((list, c) => {
    const out = list.map((e) => ({ ...e }));
    for (const e of b.examples[c]!) {
      if (out.length >= exampleLimit) break;
      if (!out.some((x) => x.value === e.value)) out.push({ value: e.value, row: e.row + rowOffset });
    }
    return out;
  });
  const sketch = a.sketch && b.sketch ? mergeQuantileSketchStates(a.sketch, b.sketch) : (a.sketch ?? b.sketch);
  return {
    count: a.count + b.count,
    facts,
    dates,
    lengthSum: a.lengthSum + b.lengthSum,
    lengthMin: Math.min(a.lengthMin, b.lengthMin),
    lengthMax: Math.max(a.lengthMax, b.lengthMax),
    numeric: mergeMoments(a.numeric, b.numeric),
    sketch,
    examples,
  };
}

/**
 * Short non-conforming values (codes, tokens, mistyped dates) are what an analyst needs to see;
 * long ones are free text typed into a coded field and may describe a person, so only their
 * length is kept. Deciding here, per value, keeps held examples small and split-independent.
 */
export const EXAMPLE_MAX_LENGTH = 32;

export function exampleText(v: string): string {
  return v.length <= EXAMPLE_MAX_LENGTH ? detachString(v) : `‹text of ${v.length} characters›`;
}

/**
 * A copy of a string that does not pin the string it was sliced from. Parsers hand out
 * substrings of whole chunks; V8 keeps the chunk alive as long as any slice of it (13+ chars)
 * is held, so a held key would keep megabytes of row data in memory. Concatenation then slice
 * forces a flat copy.
 */
export function detachString(v: string): string {
  return v.length < 13 ? v : (' ' + v).slice(1);
}
