// One column's accumulator, in one of two tiers:
//  exact  — every distinct raw value and its count (StringIndex → typed arrays). This is the
//           hot path for almost every column: one Map lookup and an increment per value. Type,
//           numbers, dates, lengths and identifier patterns are all worked out at finish from the
//           distinct values weighted by their counts: exact, and cheap.
//  sketch — once a column has more than exactDistinctCap distinct non-missing values, the
//           distinct values are replayed into streaming statistics (ColumnSummary), a HyperLogLog
//           and a DDSketch, and the values are dropped. Memory is then fixed per column.
// Which tier a column ends in depends only on its number of distinct values, so it is the same
// for the whole file and for any split of it.
import { NOT_MISSING, type MissingMatcher } from './missing-values';
import { ColumnSummary, detachString, mergeSummaryStates, type SummaryState, type WeightedNumbers } from './column-summary';
import { createHll, hllAdd, hllMerge } from './hyperloglog';
import { murmur3String } from './string-hash';
import { StringIndex } from './string-index';
import type { ProfileOptions } from './options';
import { MISSING_NO_KEY, PRESENT_NO_KEY, keyCode, type MissingCells } from './cell-codes';

/** Distinct missing spellings (" NA", "null", "   ") held as keys; more are counted directly. */
const MAX_HELD_MISSING_KEYS = 64;
const MAX_HELD_MISSING_KEY_LENGTH = 64;
/**
 * The exact tier also ends when its distinct values add up to this many characters (16 MB of
 * UTF-16), so a column of long free text cannot hold exactDistinctCap long strings. Like the
 * distinct count, the total length of the distinct values depends only on the set of values.
 */
export const EXACT_TIER_MAX_CHARS = 8_000_000;
const INITIAL_CAPACITY = 64;
/** admit(): a missing spelling counted directly, not held as a key. */
const NOT_HELD = -2;

export interface ExactColumnState {
  tier: 'exact';
  /** Distinct raw values in order of first occurrence, including a few missing spellings. */
  keys: string[];
  counts: Float64Array;
  /** 1-based data row of each key's first occurrence. */
  firstRows: Float64Array;
  /** Missing values not held as keys, by bucket (see missing-values.ts). */
  missing: Float64Array;
}

export interface SketchColumnState {
  tier: 'sketch';
  /** All missing values, by bucket. */
  missing: Float64Array;
  hll: Uint8Array;
  summary: SummaryState;
}

export type ColumnState = ExactColumnState | SketchColumnState;

export interface ColumnContext {
  options: ProfileOptions;
  matcher: MissingMatcher;
}

export class ColumnAccumulator {
  // exact tier (index === null once the column is in the sketch tier)
  private index: StringIndex | null = new StringIndex();
  private counts: Float64Array = new Float64Array(INITIAL_CAPACITY);
  private firstRows: Float64Array = new Float64Array(INITIAL_CAPACITY);
  /** Each held key's cell code (see cell-codes.ts): its index and whether it is a missing spelling. */
  private keyCodes: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private nonMissingKeys = 0;
  private nonMissingChars = 0;
  private heldMissingKeys = 0;
  // sketch tier
  private hll: Uint8Array | null = null;
  private summary: ColumnSummary | null = null;
  private missing: Float64Array;

  constructor(private readonly ctx: ColumnContext) {
    this.missing = new Float64Array(ctx.matcher.bucketCount);
  }

  /**
   * Feeds column `c` of rows[from, to); rows[0] has data row number `firstRow`. While recording
   * cells (`missing` given), lists each missing cell and, with `codes`, writes each cell's code
   * (cell-codes.ts) at its row's position in the batch.
   */
  addColumn(rows: readonly (readonly string[])[], c: number, from: number, to: number, firstRow: number, codes: Int32Array | null = null, missing: MissingCells | null = null): void {
    const n = to;
    let i = from;
    if (this.index !== null) {
      const index = this.index;
      let counts = this.counts;
      let keyCodes = this.keyCodes;
      for (; i < n; i++) {
        const v = rows[i]![c] ?? '';
        const k = index.lookup(v);
        if (k >= 0) {
          counts[k] = counts[k]! + 1;
          if (missing !== null) {
            const code = keyCodes[k]!;
            if (codes !== null) codes[i] = code;
            if ((code & 1) !== 0) missing.add(i, c);
          }
        } else {
          const code = this.insert(v, 1, firstRow + i);
          if (missing !== null && (code & 1) !== 0) missing.add(i, c);
          if (this.index === null) {
            // Left the exact tier: the codes written so far name keys that are gone.
            if (codes !== null) this.recodeWithoutKeys(rows, c, i, codes);
            i++;
            break;
          }
          if (codes !== null) codes[i] = code;
          counts = this.counts;
          keyCodes = this.keyCodes;
        }
      }
    }
    if (this.index === null && i < n) {
      const matcher = this.ctx.matcher;
      const missingCounts = this.missing;
      const hll = this.hll!;
      const summary = this.summary!;
      for (; i < n; i++) {
        const v = rows[i]![c] ?? '';
        const bucket = matcher.bucketOf(v);
        if (bucket !== NOT_MISSING) {
          missingCounts[bucket] = missingCounts[bucket]! + 1;
          if (codes !== null) codes[i] = MISSING_NO_KEY;
          if (missing !== null) missing.add(i, c);
          continue;
        }
        if (codes !== null) codes[i] = PRESENT_NO_KEY;
        hllAdd(hll, murmur3String(v));
        summary.add(v, 1, firstRow + i);
      }
    }
  }

  /** Rewrites the codes of rows[0, to] of this batch as a sketch-tier column's (rare: once per column). */
  private recodeWithoutKeys(rows: readonly (readonly string[])[], c: number, to: number, codes: Int32Array): void {
    const matcher = this.ctx.matcher;
    for (let r = 0; r <= to; r++) codes[r] = matcher.bucketOf(rows[r]![c] ?? '') === NOT_MISSING ? PRESENT_NO_KEY : MISSING_NO_KEY;
  }

  /**
   * A value not yet held: hold it (or count it, if it is one missing spelling too many). Returns
   * its cell code.
   */
  private insert(v: string, count: number, row: number): number {
    const bucket = this.admit(v, count);
    if (bucket === NOT_HELD) return MISSING_NO_KEY;
    const code = this.hold(v, count, row, bucket !== NOT_MISSING);
    if (this.overExactCaps()) this.enterSketchTier();
    return code;
  }

  /** Counts a new key and returns its missing bucket; NOT_HELD when it is a missing spelling counted directly instead of held. */
  private admit(v: string, count: number): number {
    const bucket = this.ctx.matcher.bucketOf(v);
    if (bucket === NOT_MISSING) {
      this.nonMissingKeys++;
      this.nonMissingChars += v.length;
      return bucket;
    }
    if (this.heldMissingKeys >= MAX_HELD_MISSING_KEYS || v.length > MAX_HELD_MISSING_KEY_LENGTH) {
      this.missing[bucket] = this.missing[bucket]! + count;
      return NOT_HELD;
    }
    this.heldMissingKeys++;
    return bucket;
  }

  private overExactCaps(): boolean {
    return this.nonMissingKeys > this.ctx.options.exactDistinctCap || this.nonMissingChars > EXACT_TIER_MAX_CHARS;
  }

  /** Holds a value that the last lookup missed; returns its cell code. */
  private hold(v: string, count: number, row: number, isMissing: boolean): number {
    const k = this.index!.size;
    if (k === this.counts.length) {
      // Always geometric: a merge may hold up to two parts' keys before it switches to the sketch
      // tier, and growing one slot at a time past the cap made that merge quadratic.
      const grown = Math.max(16, k * 2);
      this.counts = grow(this.counts, grown);
      this.firstRows = grow(this.firstRows, grown);
      const keyCodes = new Int32Array(grown);
      keyCodes.set(this.keyCodes);
      this.keyCodes = keyCodes;
    }
    this.index!.insertAfterMiss(detachString(v));
    this.counts[k] = count;
    this.firstRows[k] = row;
    return (this.keyCodes[k] = keyCode(k, isMissing));
  }

  /** Replays the held values, in order of first occurrence, into the streaming statistics. */
  enterSketchTier(): void {
    const { matcher, options } = this.ctx;
    const hll = createHll();
    const summary = new ColumnSummary(options.nonConformingExamples, true);
    const keys = this.index!.keys;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const bucket = matcher.bucketOf(key);
      if (bucket !== NOT_MISSING) {
        this.missing[bucket] = this.missing[bucket]! + this.counts[k]!;
      } else {
        hllAdd(hll, murmur3String(key));
        summary.add(key, this.counts[k]!, this.firstRows[k]!);
      }
    }
    this.hll = hll;
    this.summary = summary;
    this.index = null;
    this.counts = new Float64Array(0);
    this.firstRows = new Float64Array(0);
    this.keyCodes = new Int32Array(0);
  }

  /** Adds another part's exact state; its rows follow ours, shifted by rowOffset. */
  absorbExact(b: ExactColumnState, rowOffset: number): void {
    for (let i = 0; i < this.missing.length; i++) this.missing[i] = this.missing[i]! + b.missing[i]!;
    const index = this.index!;
    for (let j = 0; j < b.keys.length; j++) {
      const key = b.keys[j]!;
      const k = index.lookup(key);
      if (k >= 0) this.counts[k] = this.counts[k]! + b.counts[j]!;
      else {
        const bucket = this.admit(key, b.counts[j]!);
        if (bucket !== NOT_HELD) this.hold(key, b.counts[j]!, b.firstRows[j]! + rowOffset, bucket !== NOT_MISSING);
      }
    }
    if (this.overExactCaps()) this.enterSketchTier();
  }

  /**
   * A fresh accumulator takes one saved exact state whole: its keys are distinct and were admitted
   * under these same caps, so they go in without a lookup or admission check each (the merge at the
   * end of a pass does this on the main thread, cold, while the user waits). False, with nothing
   * changed, for a state these caps would not have produced; absorbExact then replays it.
   */
  private loadExact(s: ExactColumnState): boolean {
    if (this.index!.size > 0) return false;
    const matcher = this.ctx.matcher;
    const n = s.keys.length;
    const keyCodes = new Int32Array(Math.max(INITIAL_CAPACITY, n));
    let nonMissingKeys = 0;
    let nonMissingChars = 0;
    let heldMissingKeys = 0;
    for (let k = 0; k < n; k++) {
      const key = s.keys[k]!;
      const isMissing = matcher.bucketOf(key) !== NOT_MISSING;
      if (isMissing) {
        heldMissingKeys++;
        if (key.length > MAX_HELD_MISSING_KEY_LENGTH) return false;
      } else {
        nonMissingKeys++;
        nonMissingChars += key.length;
      }
      keyCodes[k] = keyCode(k, isMissing);
    }
    if (heldMissingKeys > MAX_HELD_MISSING_KEYS || nonMissingKeys > this.ctx.options.exactDistinctCap || nonMissingChars > EXACT_TIER_MAX_CHARS) return false;
    this.index = StringIndex.fromDistinctKeys(s.keys.slice());
    this.counts = new Float64Array(keyCodes.length);
    this.counts.set(s.counts);
    this.firstRows = new Float64Array(keyCodes.length);
    this.firstRows.set(s.firstRows);
    this.keyCodes = keyCodes;
    this.nonMissingKeys = nonMissingKeys;
    this.nonMissingChars = nonMissingChars;
    this.heldMissingKeys = heldMissingKeys;
    for (let i = 0; i < this.missing.length; i++) this.missing[i] = this.missing[i]! + s.missing[i]!;
    return true;
  }

  toState(): ColumnState {
    if (this.index !== null) {
      const n = this.index.size;
      return {
        tier: 'exact',
        keys: this.index.keys.slice(),
        counts: this.counts.slice(0, n),
        firstRows: this.firstRows.slice(0, n),
        missing: this.missing.slice(),
      };
    }
    return { tier: 'sketch', missing: this.missing.slice(), hll: this.hll!.slice(), summary: this.summary!.toState() };
  }

  static fromState(state: ColumnState, ctx: ColumnContext): ColumnAccumulator {
    const acc = new ColumnAccumulator(ctx);
    if (state.missing.length !== acc.missing.length) throw new Error('Column state does not match the missing tokens');
    if (state.tier === 'exact') {
      if (!acc.loadExact(state)) acc.absorbExact(state, 0);
    } else {
      acc.missing = state.missing.slice();
      acc.index = null;
      acc.counts = new Float64Array(0);
      acc.firstRows = new Float64Array(0);
      acc.keyCodes = new Int32Array(0);
      acc.hll = state.hll.slice();
      acc.summary = new ColumnSummary(ctx.options.nonConformingExamples, true, null, state.summary);
    }
    return acc;
  }
}

function grow(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}

function toSketchState(s: ColumnState, ctx: ColumnContext): SketchColumnState {
  if (s.tier === 'sketch') return s;
  const acc = ColumnAccumulator.fromState(s, ctx);
  acc.enterSketchTier();
  return acc.toState() as SketchColumnState;
}

/** `b` follows `a` in the file, which had `rowOffset` rows before `b` began. */
export function mergeColumnStates(a: ColumnState, b: ColumnState, rowOffset: number, ctx: ColumnContext): ColumnState {
  if (a.tier === 'exact' && b.tier === 'exact') {
    const acc = ColumnAccumulator.fromState(a, ctx);
    acc.absorbExact(b, rowOffset);
    return acc.toState();
  }
  const sa = toSketchState(a, ctx);
  const sb = toSketchState(b, ctx);
  const missing = sa.missing.slice();
  for (let i = 0; i < missing.length; i++) missing[i] = missing[i]! + sb.missing[i]!;
  const hll = sa.hll.slice();
  hllMerge(hll, sb.hll);
  return {
    tier: 'sketch',
    missing,
    hll,
    summary: mergeSummaryStates(sa.summary, sb.summary, rowOffset, ctx.options.nonConformingExamples),
  };
}

/** What finish needs from an exact column: its summary, exact numbers and frequency table. */
export interface ExactColumnFacts {
  summary: SummaryState;
  numbers: WeightedNumbers;
  missing: Float64Array;
  distinct: number;
  /** Non-missing distinct values and counts, in order of first occurrence. */
  values: { value: string; count: number }[];
}

export function summariseExactColumn(s: ExactColumnState, ctx: ColumnContext): ExactColumnFacts {
  const numbers: WeightedNumbers = { values: [], weights: [] };
  const summary = new ColumnSummary(ctx.options.nonConformingExamples, false, numbers);
  const missing = s.missing.slice();
  const values: { value: string; count: number }[] = [];
  for (let k = 0; k < s.keys.length; k++) {
    const key = s.keys[k]!;
    const bucket = ctx.matcher.bucketOf(key);
    if (bucket !== NOT_MISSING) missing[bucket] = missing[bucket]! + s.counts[k]!;
    else {
      summary.add(key, s.counts[k]!, s.firstRows[k]!);
      values.push({ value: key, count: s.counts[k]! });
    }
  }
  return { summary: summary.toState(), numbers, missing, distinct: values.length, values };
}
