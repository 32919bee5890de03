// Infers a column's type from the weighted counts of values fitting each candidate. The first
// candidate, in this order, that fits at least typeShareThreshold of the non-missing values wins:
//   boolean (1/0, Y/N, yes/no, true/false) → date/datetime → integer → decimal → category/text.
// Dates come before integers so an all-valid yyyymmdd column is a date; booleans come first so a
// 0/1 flag is a boolean. Among date formats the most frequent wins, ties going to the earlier
// format in DATE_FORMATS, so dd/mm/yyyy beats mm/dd/yyyy unless strictly more values fit the
// US reading (i.e. some have a second part above 12 and none a first part above 12).
import type { SummaryState } from './column-summary';
import { DATE_STAT_WIDTH, DATE_WITH_TIME } from './column-summary';
import { DATE_FORMAT_COUNT } from './dates';
import { BIT_BOOL_FIRST, BIT_DATE_FIRST, BIT_INTEGER, BIT_NUMBER, BOOLEAN_FAMILIES } from './value-facts';
import type { InferredType } from './types';

/** Category needs few distinct values: at most this many, or at most half the values. */
const CATEGORY_SMALL_DISTINCT = 20;
const CATEGORY_MAX_DISTINCT_SHARE = 0.5;
/** Integer columns with at most this many distinct values (and enough rows to tell) are codes. */
const CODED_INTEGER_MAX_DISTINCT = 12;
const CODED_INTEGER_MIN_VALUES = 50;

export interface TypeDecision {
  type: InferredType;
  /** Values fitting the type. */
  conforming: number;
  /** The candidate bit whose non-fitting examples are the column's non-conforming examples. */
  candidateBit: number | null;
  booleanFamily: number | null;
  dateFormat: number | null;
}

export function inferType(s: SummaryState, distinct: number, frequencyCap: number, threshold: number): TypeDecision {
  const n = s.count;
  const none: TypeDecision = { type: 'empty', conforming: 0, candidateBit: null, booleanFamily: null, dateFormat: null };
  if (n === 0) return none;
  const fits = (count: number): boolean => count / n >= threshold;

  const family = argmax(BOOLEAN_FAMILIES.length, (f) => s.facts[BIT_BOOL_FIRST + f]!);
  const familyCount = s.facts[BIT_BOOL_FIRST + family]!;
  if (fits(familyCount)) {
    return { ...none, type: 'boolean', conforming: familyCount, candidateBit: BIT_BOOL_FIRST + family, booleanFamily: family };
  }
  const format = argmax(DATE_FORMAT_COUNT, (f) => s.facts[BIT_DATE_FIRST + f]!);
  const formatCount = s.facts[BIT_DATE_FIRST + format]!;
  if (fits(formatCount)) {
    const withTime = s.dates[format * DATE_STAT_WIDTH + DATE_WITH_TIME]!;
    return {
      ...none,
      type: withTime * 2 > formatCount ? 'datetime' : 'date',
      conforming: formatCount,
      candidateBit: BIT_DATE_FIRST + format,
      dateFormat: format,
    };
  }
  // A handful of small integers is a code (sex 1/2/9, IMD decile 1-10), not a measurement.
  if (fits(s.facts[BIT_INTEGER]!) && distinct <= CODED_INTEGER_MAX_DISTINCT && n >= CODED_INTEGER_MIN_VALUES) {
    return { ...none, type: 'category', conforming: s.facts[BIT_INTEGER]!, candidateBit: BIT_INTEGER };
  }
  if (fits(s.facts[BIT_INTEGER]!)) return { ...none, type: 'integer', conforming: s.facts[BIT_INTEGER]!, candidateBit: BIT_INTEGER };
  if (fits(s.facts[BIT_NUMBER]!)) return { ...none, type: 'decimal', conforming: s.facts[BIT_NUMBER]!, candidateBit: BIT_NUMBER };
  const category = distinct <= frequencyCap && (distinct <= CATEGORY_SMALL_DISTINCT || distinct <= CATEGORY_MAX_DISTINCT_SHARE * n);
  return { ...none, type: category ? 'category' : 'text', conforming: n };
}

/** Index of the largest value; the first one on ties. */
function argmax(count: number, value: (i: number) => number): number {
  let best = 0;
  for (let i = 1; i < count; i++) if (value(i) > value(best)) best = i;
  return best;
}
