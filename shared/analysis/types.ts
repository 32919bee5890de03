// The analysis result. It holds exact counts, so it is internal to the TRE: nothing here is
// exported as is; to-statistics.ts turns its tables into disclosure-control inputs.
import type { AttributeKind } from '../demographics/attributes';
import type { ChiSquareResult, Interval } from './statistics';

export interface AnalysisSettings {
  /** Representation ratio band treated as parity. */
  parityBand: [number, number];
  /** Groups with fewer rows than this are flagged as too small for reliable statements. */
  reliabilityFloor: number;
  /** Intersection cells with fewer rows than this (but more than 0) are flagged small. */
  smallCell: number;
  /** Confidence of every interval. */
  confidence: 0.95;
  /** How representation ratio intervals are adjusted for the number of groups compared. */
  ratioIntervalAdjustment: 'bonferroni' | 'none';
}

export type GroupFlag = 'under-represented' | 'over-represented' | 'absent' | 'below-reliability-floor' | 'not-in-reference';

export interface GroupRepresentation {
  key: string;
  label: string;
  count: number;
  /** Share of rows in a real category of this attribute (not stated / not known / unmapped excluded). */
  share: number;
  shareInterval: Interval;
  referenceShare?: number;
  /** share / referenceShare. */
  ratio?: number;
  /** Wilson interval (adjusted as settings say) divided by the reference share (taken as known). */
  ratioInterval?: Interval;
  /** share − referenceShare, in percentage points. */
  differencePoints?: number;
  flags: GroupFlag[];
}

export interface SpecialCounts {
  notStated: number;
  notKnown: number;
  unmapped: number;
}

export interface ReferenceUsed {
  id: string;
  name: string;
  categorySet: string;
  sourceTitle: string;
  caveats: string[];
}

export interface RepresentationMeasures {
  totalVariation: number;
  jensenShannonDistance: number;
  chiSquare: ChiSquareResult;
  /** Plain-language warnings (small expected counts, categories absent from the reference). */
  warnings: string[];
}

export interface MissingnessByGroup {
  /** Every column of the file except the attribute's own. */
  columns: string[];
  /** Missing rate of each column over all rows. */
  overallRate: number[];
  groups: { key: string; label: string; rows: number; missing: number[]; rate: number[]; /** rate / overall rate; null when the overall rate is 0. */ ratio: (number | null)[] }[];
}

export interface AttributeAnalysis {
  index: number;
  column: string;
  kind: AttributeKind;
  label?: string;
  scheme: string;
  categorySet: string;
  rows: number;
  /** Rows in a real category: the denominator of every share. */
  observed: number;
  groups: GroupRepresentation[];
  /** The attribute's own missingness, not stated and not known kept apart. */
  special: SpecialCounts;
  specialRates: SpecialCounts;
  reference?: ReferenceUsed;
  /** Why there is no comparison, when there is none. */
  referenceUnavailable?: string;
  measures?: RepresentationMeasures;
  missingness: MissingnessByGroup;
}

export interface CrossCell {
  keys: string[];
  count: number;
}

export interface Intersection {
  attributes: number[];
  dimensions: { name: string; keys: string[]; labels: string[] }[];
  /** Row-major over the dimensions (last varies fastest), every combination including empty ones. */
  counts: number[];
  /** Cells of real categories only (not stated / not known / unmapped left out of the flags). */
  emptyCells: CrossCell[];
  smallCells: CrossCell[];
  realCells: number;
}

export interface OutcomeGroup {
  key: string;
  label: string;
  /** Rows with a recorded outcome. */
  recorded: number;
  positive: number;
  /** Rows whose outcome is missing. */
  missing: number;
  prevalence: number | null;
  interval: Interval;
  /** prevalence / the reference group's prevalence. */
  ratioToReference: number | null;
}

export interface OutcomeAnalysis {
  column: string;
  positiveValues: string[];
  /** How the positive values were chosen. */
  positiveFrom: 'stated' | 'recognised';
  overall: { recorded: number; positive: number; missing: number; prevalence: number | null; interval: Interval };
  byAttribute: { attribute: number; referenceGroup: string | null; groups: OutcomeGroup[] }[];
}

export interface PeriodAnalysis {
  column: string;
  granularity: 'year' | 'quarter';
  /** Period keys in order; 'not-known' last when some rows have no readable date. */
  periods: string[];
  rows: number[];
  /** Missing rate of every column per period. */
  columnMissing: { columns: string[]; missing: number[][] };
  byAttribute: { attribute: number; keys: string[]; labels: string[]; /** periods × keys */ counts: number[][] }[];
}

export interface AnalysisResult {
  analysisVersion: 1;
  rows: number;
  columns: string[];
  settings: AnalysisSettings;
  reference?: { id: string; name: string };
  attributes: AttributeAnalysis[];
  intersections: Intersection[];
  outcome?: OutcomeAnalysis;
  period?: PeriodAnalysis;
  /** Plain-language findings about the data (never a data value). */
  warnings: string[];
}
