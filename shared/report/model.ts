// The standards report as data: everything a renderer needs, and nothing protected.
//
// Every number in a report comes from protected statistics (shared/disclosure) or is derived from
// protected counts only; a derived figure whose numerator or denominator is suppressed is null.
// The JSON renderer writes this object as it is, and the HTML, Markdown and CSV renderers read
// only this object, so the JSON report alone regenerates every other format.

import type { CellStatus, LinkEvidence, Outcome, ProtectedStatistic, StatisticEvidence } from '../disclosure';
import type { Policy } from '../disclosure';
import type { AnalysisOutput, ItemCompleteness, Part } from '../standards';
import type { Answers } from './answers';

export const REPORT_FORMAT = 'represent-standards-report';
export const REPORT_FORMAT_VERSION = 1;

export interface DatasetIdentity {
  /** File name only, never a path. */
  fileName: string;
  /** Size of the file in bytes (file metadata, not a count of people). */
  byteLength: number;
  modifiedIso: string;
  sha256: string;
}

export interface ReportItem {
  id: string;
  publishedId: string | null;
  idConfidence: 'high' | 'medium' | 'low';
  part: Part;
  section: string;
  sectionTitle: string;
  title: string;
  topic: string;
  prompts: string[];
  evidence: 'automatic' | 'human' | 'both';
  analysisOutputs: AnalysisOutput[];
  answerFields: string[];
}

export interface RepresentationRow {
  category: string;
  /** Protected count, or null when suppressed. */
  n: number | null;
  status: CellStatus;
  /** Share of all records in the table, in percent; null when n or the total is suppressed. */
  percentOfAll: number | null;
  /** Share of records with a category the reference covers, in percent; null when not computable. */
  percentOfRecorded: number | null;
  /** 95% Wilson score interval of percentOfRecorded (or percentOfAll without a reference). */
  intervalLow: number | null;
  intervalHigh: number | null;
  /** The reference population's share, in percent; null when the category has no reference figure. */
  referencePercent: number | null;
  /** percentOfRecorded / referencePercent; null when either is null. */
  ratio: number | null;
}

export interface ReferenceSummaryInReport {
  /** The reference population's id ("census2021-england", "custom:catchment.csv"); absent in reports made before it was recorded. */
  id?: string;
  /** Built-in Census 2021 figures, or a population the user imported from a CSV. */
  kind?: 'census-2021' | 'custom';
  name: string;
  categorySet: string;
  sourceTitle: string;
  sourceUrl: string;
  publisher: string;
  licence: string;
  /** When the figures were published, or the date or period an imported file gives, as written; null when not known. */
  date?: string | null;
  caveats: string[];
  derivation: string | null;
}

export interface RepresentationBlock {
  id: string;
  attribute: string;
  title: string;
  tableId: string;
  total: number | null;
  totalStatus: CellStatus;
  /** What "percent of recorded" is a share of, in words; null without a reference. */
  recordedDenominator: string | null;
  reference: ReferenceSummaryInReport | null;
  rows: RepresentationRow[];
  /** Reference categories that no data category matched (shown, never silently dropped). */
  referenceOnly: { category: string; referencePercent: number }[];
}

export interface GroupRateRow {
  group: string[];
  /** Denominator (people in the group), protected. */
  n: number | null;
  nStatus: CellStatus;
  /** Numerator (missing values, or outcome events), protected. */
  events: number | null;
  eventsStatus: CellStatus;
  /** Percent, from the protected numerator and denominator; null when either is suppressed. */
  percent: number | null;
}

export interface GroupRateBlock {
  id: string;
  tableId: string;
  title: string;
  /** Variable the rate is about (the column whose missingness, or the outcome). */
  variable: string;
  dimensions: string[];
  /** "midpoint6" when counts are midpoint-6 rounded (their CSV columns are named *_midpoint6). */
  countMethod: 'suppress-and-round' | 'midpoint6';
  rows: GroupRateRow[];
}

/** Missingness of several variables by the groups of one attribute (a heat table). */
export interface MissingnessBlock {
  id: string;
  attribute: string;
  variables: string[];
  groups: string[];
  /** blocks[v] is the rate block of variables[v]. */
  blocks: GroupRateBlock[];
}

export interface CrossTableBlock {
  id: string;
  tableId: string;
  title: string;
  dimensions: { name: string; categories: string[] }[];
  hasMargins: boolean;
  /** Every published cell (interior and margins); coords null = Total. */
  cells: { coords: (string | null)[]; value: number | null; status: CellStatus }[];
}

export interface ScalarBlock {
  id: string;
  tableId: string;
  title: string;
  fields: { name: string; value: number | string | null; status: CellStatus }[];
}

export interface ReportFlag {
  id: string;
  kind: 'under-represented' | 'over-represented' | 'absent-group' | 'not-in-data' | 'suppressed-group' | 'high-missingness' | 'differential-missingness' | 'outcome-gap' | 'table-review';
  /** Items the flag is evidence for. */
  itemIds: string[];
  text: string;
}

export interface MethodNote {
  id: string;
  title: string;
  text: string;
}

export interface StandardsReport {
  format: typeof REPORT_FORMAT;
  formatVersion: typeof REPORT_FORMAT_VERSION;
  title: string;
  createdAt: string;
  app: { name: 'Represent'; version: string };
  dataset: DatasetIdentity;
  policy: { id: string; name: string; description: string | null; parameters: Policy };
  catalogue: { version: string; standard: string; citation: string; caveats: string[] };
  disclosure: { outcome: Outcome; tables: number; cellsSuppressed: number; cellsRounded: number };
  overview: ScalarBlock[];
  representation: RepresentationBlock[];
  intersections: CrossTableBlock[];
  periods: CrossTableBlock[];
  sites: CrossTableBlock[];
  missingness: MissingnessBlock[];
  outcomes: GroupRateBlock[];
  flags: ReportFlag[];
  items: ReportItem[];
  answers: Answers;
  completeness: ItemCompleteness[];
  methods: MethodNote[];
  /** The protected statistics exactly as disclosure control published them, and their evidence. */
  tables: ProtectedStatistic[];
  evidence: StatisticEvidence[];
  links: LinkEvidence[];
}
