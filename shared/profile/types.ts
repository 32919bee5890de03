// The finished profile: what a column looks like, and the dataset wrapper the profiling service
// builds around the columns. profile.schema.json describes exactly these types; keep them in step
// (test/unit/profile/schema.test.ts validates real profiles against it).
import type { DateFormat } from './dates';
import type { BooleanFamily } from './value-facts';
import type { Example } from './column-summary';
import type { ProfileOptions } from './options';
import type { Dialect } from '../ingest/dialect';
import type { IngestStats } from '../ingest/csv-chunk-reader';

export type { DateFormat, BooleanFamily, Example, ProfileOptions };

export type InferredType = 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean' | 'category' | 'text' | 'empty';

export type IdentifierKind =
  | 'nhs-number'
  | 'email'
  | 'phone'
  | 'postcode'
  | 'date-of-birth'
  | 'name'
  | 'record-key'
  | 'free-text';

/** Recognised shapes that are not identifiers but are worth naming. */
export type PatternKind = 'postcode-district' | 'postcode-sector';

export interface MissingSummary {
  total: number;
  /** The empty string. */
  empty: number;
  /** Whitespace only. */
  whitespace: number;
  /** One entry per configured missing token, in option order (matched case-insensitively after trimming). */
  tokens: { token: string; count: number }[];
}

export interface Quantiles {
  p1: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  p99: number;
}

/**
 * Over every non-missing value that reads as a number. Quantile q is the value of rank
 * floor(q·(count − 1)) in sorted order ("lower" quantile): exact for columns within the exact
 * cap, else DDSketch's estimate, within quantileRelativeError of the exact value.
 */
export interface NumericSummary {
  count: number;
  mean: number;
  /** Sample standard deviation (n − 1); null below two values. */
  sd: number | null;
  min: number;
  max: number;
  quantiles: Quantiles;
  quantileMethod: 'exact' | 'ddsketch';
  quantileRelativeError: number | null;
}

export interface DateSummary {
  format: DateFormat;
  /** Values of that format that carry a time of day. */
  withTime: number;
  /** ISO 8601 ('yyyy-mm-dd', or 'yyyy-mm-ddThh:mm:ss' for datetime); zone offsets are ignored. Null for identifiers. */
  range: { min: string; max: string } | null;
}

export interface BooleanSummary {
  family: BooleanFamily;
  trueCount: number;
  falseCount: number;
}

export interface ColumnProfile {
  name: string;
  /** 0-based position in the file. */
  position: number;
  rows: number;
  nonMissing: number;
  missing: MissingSummary;
  type: InferredType;
  /** Share of non-missing values that fit the type; null when there are none. */
  typeShare: number | null;
  /**
   * Non-missing values that do not fit the type. Examples are the first distinct ones in file
   * order with the data row where each first occurs; values over 32 characters are replaced by
   * a note of their length. Never given for identifier columns.
   */
  nonConforming: { count: number; examples: Example[] };
  distinct: {
    count: number;
    exact: boolean;
    /** HyperLogLog's relative standard error when the count is an estimate. */
    relativeStandardError: number | null;
  };
  /** Length in UTF-16 code units of non-missing values. */
  length: { min: number; mean: number; max: number } | null;
  numeric: NumericSummary | null;
  date: DateSummary | null;
  boolean: BooleanSummary | null;
  /** Exact (value, count) for columns with at most frequencyCap distinct values; most frequent first. */
  frequencies: { value: string; count: number }[] | null;
  identifier: { kind: IdentifierKind; reason: string } | null;
  pattern: { kind: PatternKind; share: number } | null;
  /**
   * True for identifier columns: no value of theirs (frequencies, min/max, quantiles, date range,
   * examples) is in this profile, only counts, missingness, distinct count and lengths.
   */
  valuesWithheld: boolean;
}

export type { Dialect };

export interface IngestSummary {
  /** Rows with fewer or more fields than the header (normalised to the header's width). */
  ragged: IngestStats['ragged'];
  blankLines: number;
  /** Rows where papaparse kept a stray quote as text (see IngestStats). */
  malformedQuoteRows?: number;
  /** Plain-language notes; never a data value. */
  warnings: string[];
}

export interface DatasetProfile {
  schemaVersion: 1;
  file: { name: string; sizeBytes: number; modifiedIso: string; sha256: string };
  dialect: Dialect;
  rows: number;
  columns: ColumnProfile[];
  ingest: IngestSummary;
  options: ProfileOptions;
}
