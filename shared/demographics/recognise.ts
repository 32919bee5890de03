// Recognisers: from a column's name, inferred type and exact frequency table, propose which
// demographic attribute it holds and which scheme reads it, with a confidence and the reasons.
// Reasons describe values (how many rows, which code list), never quote them: only codes from
// Represent's own code sets are named.
import type { AttributeKind, DeprivationSpec } from './attributes';
import { NOT_KNOWN, NOT_STATED, UNMAPPED } from './attributes';
import { columnNameTokens, parseWholeNumber } from './normalise';
import { isNativeReading, type Reading } from './reading';
import { getScheme, schemesForKind, type SchemeOptions } from './schemes';

export interface FrequencyEntry {
  value: string;
  count: number;
}

export interface ColumnProfileSummary {
  name: string;
  /** The profiler's inferred type ('integer', 'decimal', 'date', 'string', ...). */
  inferredType: string;
  /** Exact frequency table; absent for high-cardinality columns. */
  frequencies?: readonly FrequencyEntry[];
  /** Set when the profiler found an identifier ('nhs-number', 'postcode', 'date-of-birth', ...). */
  identifierKind?: string;
}

export interface Coverage {
  rows: number;
  /** Rows that landed in a real category. */
  categorised: number;
  notStated: number;
  notKnown: number;
  unmapped: number;
  distinctValues: number;
  distinctUnmapped: number;
}

export interface AttributeSuggestion {
  column: string;
  kind: AttributeKind;
  scheme: string;
  grouping?: string;
  /** For kind 'other': what the column holds ('language', 'religion'...). */
  label?: string;
  /** 0-1. suggestMapping keeps suggestions at or above 0.5. */
  confidence: number;
  reasons: string[];
  /** How the column's values fall under the proposed scheme (absent when there is no frequency table). */
  coverage?: Coverage;
  /** Every raw value read other than as an exact code (local codes, legacy codes, words, missing words). */
  valueMap?: Record<string, string>;
  referenceDate?: string;
  deprivation?: DeprivationSpec;
  alternatives: { kind: AttributeKind; scheme: string; confidence: number }[];
}

export interface DetectOptions {
  /** yyyy-mm-dd used for date-of-birth columns; defaults to today (UTC), which the user should confirm. */
  referenceDate?: string;
}

/** suggestMapping keeps suggestions at or above this confidence. */
export const SUGGESTION_THRESHOLD = 0.5;
/** Larger frequency tables are not copied into a suggested valueMap. */
const MAX_VALUE_MAP_ENTRIES = 200;

// ---- column-name hints -------------------------------------------------------------------------

interface NameHint {
  kind: AttributeKind;
  strength: number;
  token: string;
  /** Scheme the name points at ('PERSON_STATED_GENDER_CODE' -> stated gender). */
  scheme?: string;
  /** For kind 'other'. */
  topic?: string;
}

const OTHER_TOPICS: readonly [string[], string][] = [
  [['language', 'languages', 'interpreter'], 'language'],
  [['religion', 'religious', 'faith', 'belief'], 'religion or belief'],
  [['disability', 'disabled', 'impairment'], 'disability'],
  [['orientation'], 'sexual orientation'],
  [['site', 'hospital', 'trust', 'provider', 'practice'], 'site'],
  [['nationality'], 'nationality'],
  [['marital'], 'marital status'],
];

function nameHints(name: string): NameHint[] {
  const tokens = columnNameTokens(name);
  const has = (...ts: string[]) => ts.find((t) => tokens.includes(t));
  const joined = tokens.join('');
  const hints: NameHint[] = [];
  const eth = has('ethnic', 'ethnicity', 'ethnicities', 'race', 'ethnicgroup', 'ethnicitycode') ?? (joined.includes('ethnic') ? 'ethnic' : undefined);
  if (eth) hints.push({ kind: 'ethnicity', strength: 1, token: eth });
  else if (has('eth')) hints.push({ kind: 'ethnicity', strength: 0.7, token: 'eth' });

  const sex = has('sex');
  if (sex) hints.push({ kind: 'sex', strength: 1, token: sex, scheme: has('phenotypic') ? 'nhs-person-phenotypic-sex' : undefined });
  const gender = has('gender', 'gend');
  if (gender) {
    const scheme = has('stated') ? 'nhs-person-stated-gender-code' : has('identity') ? 'nhs-gender-identity-code' : undefined;
    hints.push({ kind: 'gender', strength: gender === 'gender' ? 1 : 0.7, token: gender, scheme });
  }

  const birthPlace = has('country', 'place', 'weight', 'order', 'registration');
  const dob = has('dob', 'birthdate', 'dateofbirth', 'birthdt') ?? (has('birth') && has('date', 'dt', 'd') ? 'birth' : undefined);
  if (dob && !birthPlace) hints.push({ kind: 'age', strength: 1, token: dob, scheme: 'date-of-birth' });
  else {
    const age = has('age', 'ageyears', 'ageinyears', 'ageband', 'agegroup') ?? tokens.find((t) => /^age\d*$/.test(t));
    if (age) hints.push({ kind: 'age', strength: 1, token: age, scheme: 'age-in-years' });
  }

  const imd = has('imd', 'deprivation', 'deprived', 'wimd', 'simd', 'iod', 'imdq', 'imdd');
  if (imd) hints.push({ kind: 'deprivation', strength: 1, token: imd, scheme: 'imd' });
  else {
    const band = has('decile', 'quintile');
    if (band) hints.push({ kind: 'deprivation', strength: 0.7, token: band, scheme: 'imd' });
  }

  const region = has('region', 'rgn', 'gor', 'regioncode', 'regionname');
  if (region) hints.push({ kind: 'region', strength: 1, token: region, scheme: 'ons-region' });

  for (const [words, topic] of OTHER_TOPICS) {
    const w = has(...words);
    if (w && !hints.some((h) => h.kind !== 'other')) hints.push({ kind: 'other', strength: 0.8, token: w, topic });
  }
  return hints;
}

// ---- evaluating a scheme against a frequency table -----------------------------------------------

interface Evaluation {
  kind: AttributeKind;
  scheme: string;
  coverage: Coverage;
  native: number;
  label: number;
  legacy: number;
  local: number;
  distinctCategories: number;
  numericOnly: boolean;
  readings: { value: string; count: number; reading: Reading }[];
}

function evaluate(kind: AttributeKind, schemeId: string, frequencies: readonly FrequencyEntry[], options: SchemeOptions): Evaluation {
  const scheme = getScheme(schemeId)!;
  const read = scheme.createReader(options);
  const coverage: Coverage = { rows: 0, categorised: 0, notStated: 0, notKnown: 0, unmapped: 0, distinctValues: frequencies.length, distinctUnmapped: 0 };
  let native = 0;
  let label = 0;
  let legacy = 0;
  let local = 0;
  let numericOnly = true;
  const categories = new Set<string>();
  const readings: Evaluation['readings'] = [];
  for (const { value, count } of frequencies) {
    const reading = read(value);
    readings.push({ value, count, reading });
    coverage.rows += count;
    if (reading.key === UNMAPPED) {
      coverage.unmapped += count;
      coverage.distinctUnmapped++;
    } else if (reading.key === NOT_KNOWN) coverage.notKnown += count;
    else if (reading.key === NOT_STATED) coverage.notStated += count;
    else {
      coverage.categorised += count;
      categories.add(reading.key);
      if (reading.via === 'local-code') local += count;
      if (parseWholeNumber(value) === undefined) numericOnly = false;
    }
    // Evidence counts include not-known / not-stated codes: '0' or 'X' tell code lists apart too.
    if (isNativeReading(reading)) native += count;
    if (reading.via === 'label') label += count;
    if (reading.via === 'legacy-code') legacy += count;
  }
  return { kind, scheme: schemeId, coverage, native, label, legacy, local, distinctCategories: categories.size, numericOnly, readings };
}

/** Share of recorded (not missing) rows that landed in a real category. */
function fitOf(e: Evaluation): number {
  const recorded = e.coverage.categorised + e.coverage.unmapped;
  return recorded === 0 ? 0 : e.coverage.categorised / recorded;
}

/** Preference within a kind when fits tie: letters/words first for sex, then the NHS codes. */
const SCHEME_ORDER: Readonly<Partial<Record<AttributeKind, string[]>>> = {
  ethnicity: ['nhs-ethnic-category', 'census-2021-ethnic-group', 'ethnic-group-5-census', 'ethnic-group-5-nhs'],
  sex: ['sex-text', 'nhs-person-phenotypic-sex', 'nhs-person-gender-code'],
  gender: ['sex-text', 'nhs-person-stated-gender-code', 'nhs-gender-identity-code', 'nhs-person-gender-code'],
};

/** Ranks schemes of one kind: fit first, then exact-code evidence, then finer category sets. */
function schemeScore(e: Evaluation, hinted: string | undefined): number {
  const fit = fitOf(e);
  const read = e.native + e.legacy + e.label;
  const nativeShare = read === 0 ? 0 : e.native / read;
  const coarse = e.scheme.startsWith('ethnic-group-5') ? 0.02 : 0;
  const order = SCHEME_ORDER[e.kind]?.indexOf(e.scheme) ?? 0;
  return fit + 0.05 * nativeShare - coarse + 0.001 * e.distinctCategories + (hinted === e.scheme ? 0.01 : 0) - 0.00001 * Math.max(order, 0);
}

/** How much the values alone say the column is this scheme, without a column-name hint. */
function valueOnlyConfidence(e: Evaluation): number {
  const fit = fitOf(e);
  if (fit < 0.9 || e.distinctCategories < 2 || e.numericOnly) return 0;
  const categorised = e.coverage.categorised;
  const labelShare = e.label / Math.max(1, categorised);
  switch (e.scheme) {
    case 'ons-region':
      return 0.8 * fit;
    case 'nhs-ethnic-category':
      // Single letters are common (grades, flags); only a spread of NHS letters is telling.
      return labelShare > 0.5 ? 0.75 * fit : e.distinctCategories >= 6 ? 0.45 * fit : 0.2 * fit;
    case 'census-2021-ethnic-group':
    case 'ethnic-group-5-census':
    case 'ethnic-group-5-nhs':
      return labelShare > 0.5 ? 0.7 * fit : 0;
    case 'sex-text':
      return e.distinctCategories >= 2 ? 0.6 * fit : 0;
    default:
      return 0;
  }
}

// ---- reasons ---------------------------------------------------------------------------------

const pct = (n: number, d: number) => (d === 0 ? '0%' : `${((100 * n) / d).toFixed(n === d ? 0 : 1)}%`);
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
/** '1 row carries' / '2 rows carry'. */
const rowsVerb = (n: number, one: string, many: string) => `${plural(n, 'row')} ${n === 1 ? one : many}`;

const KIND_NOUNS: Readonly<Record<AttributeKind, string>> = {
  ethnicity: 'ethnicity',
  sex: 'sex',
  gender: 'gender',
  age: 'age',
  deprivation: 'deprivation (IMD)',
  region: 'region',
  other: 'another attribute',
};

function reasonsFor(e: Evaluation, hint: NameHint | undefined): string[] {
  const scheme = getScheme(e.scheme)!;
  const c = e.coverage;
  const reasons: string[] = [];
  if (hint) reasons.push(`The column name contains "${hint.token}", which suggests ${KIND_NOUNS[hint.kind]}.`);
  const recorded = c.categorised + c.unmapped;
  if (recorded > 0) reasons.push(`${pct(c.categorised, recorded)} of recorded rows (${plural(c.categorised, 'row')} of ${recorded.toLocaleString('en-GB')}) read as ${scheme.label}, in ${plural(e.distinctCategories, 'category', 'categories')}.`);
  else reasons.push('Every row is empty or a missing-value code, so the values cannot confirm the scheme.');
  if (e.local > 0) reasons.push(`${rowsVerb(e.local, 'carries', 'carry')} a local second character; only the first character is national, so it is read by that.`);
  if (e.legacy > 0) reasons.push(`${rowsVerb(e.legacy, 'uses', 'use')} a retired or feed-specific code, read as the code set documents (see the suggested value map).`);
  if (e.label > 0) reasons.push(`${rowsVerb(e.label, 'is a word or label', 'are words or labels')} rather than a code; each distinct label's reading is listed in the suggested value map.`);
  if (c.notStated > 0 || c.notKnown > 0) reasons.push(`${plural(c.notStated, 'row')} not stated and ${plural(c.notKnown, 'row')} not known (blank, NULL or a not-known code), reported separately.`);
  if (c.unmapped > 0) reasons.push(`${plural(c.distinctUnmapped, 'distinct value')} (${plural(c.unmapped, 'row')}) ${c.distinctUnmapped === 1 ? 'matches' : 'match'} no category and will be counted as unmapped unless mapped by hand.`);
  return reasons;
}

function valueMapFor(e: Evaluation): Record<string, string> | undefined {
  if (e.kind === 'age' || e.scheme === 'as-recorded' || e.readings.length > MAX_VALUE_MAP_ENTRIES) return undefined;
  const map: Record<string, string> = {};
  let n = 0;
  for (const { value, reading } of e.readings) {
    if (reading.key === UNMAPPED || reading.via === 'code' || value.length === 0) continue;
    map[value] = reading.key;
    n++;
  }
  return n > 0 ? map : undefined;
}

// ---- defaults for deprivation and dates of birth --------------------------------------------------

function deprivationFor(name: string, frequencies: readonly FrequencyEntry[] | undefined): { spec: DeprivationSpec; reasons: string[] } {
  const tokens = columnNameTokens(name);
  const joined = tokens.join('');
  const edition: DeprivationSpec['edition'] = tokens.includes('wimd')
    ? 'WIMD2019'
    : tokens.includes('simd')
      ? 'SIMD2020'
      : joined.includes('2025')
        ? 'IMD2025'
        : 'IMD2019';
  let max = 0;
  for (const f of frequencies ?? []) {
    const n = parseWholeNumber(f.value);
    if (n !== undefined && n > max) max = n;
  }
  const unit: DeprivationSpec['unit'] = tokens.includes('quintile') || joined.includes('quintile') || (max > 0 && max <= 5) ? 'quintile' : 'decile';
  const reasons = [
    `Read as ${unit}s, with 1 = most deprived (the official direction); confirm the direction if the source is a local product.`,
    joined.includes('2019') || joined.includes('2025') || edition !== 'IMD2019'
      ? `Edition ${edition}, taken from the column name.`
      : 'Edition assumed to be IMD2019 (LSOA 2011): confirm it, because IMD2025 deciles are not comparable.',
  ];
  return { spec: { edition, unit, direction: '1-is-most-deprived' }, reasons };
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

// ---- the recogniser --------------------------------------------------------------------------

const isDateType = (t: string) => /date|time/i.test(t);
const isNumericType = (t: string) => /int|decimal|number|numeric|float|double/i.test(t);
const identifierMeansBirthDate = (k: string) => /birth|dob/i.test(k);

/** Proposes, for each column that looks demographic, the attribute kind and scheme that read it best. */
export function detectAttributes(columns: readonly ColumnProfileSummary[], options: DetectOptions = {}): AttributeSuggestion[] {
  const out: AttributeSuggestion[] = [];
  for (const column of columns) {
    const suggestion = detectColumn(column, options);
    if (suggestion) out.push(suggestion);
  }
  return out;
}

interface Candidate {
  evaluation?: Evaluation;
  kind: AttributeKind;
  scheme: string;
  confidence: number;
  reasons: string[];
  hint?: NameHint;
}

function detectColumn(column: ColumnProfileSummary, options: DetectOptions): AttributeSuggestion | undefined {
  // Identifiers are not attributes; a date of birth is the one identifier an attribute (age) comes from.
  if (column.identifierKind && !identifierMeansBirthDate(column.identifierKind)) return undefined;
  const hints = nameHints(column.name);
  if (column.identifierKind && !hints.some((h) => h.scheme === 'date-of-birth'))
    hints.push({ kind: 'age', strength: 0.9, token: column.identifierKind, scheme: 'date-of-birth' });
  const referenceDate = options.referenceDate ?? todayIso();
  const candidates: Candidate[] = [];
  const frequencies = column.frequencies;

  if (frequencies && frequencies.length > 0) {
    const depr = deprivationFor(column.name, frequencies);
    const schemeOptions: SchemeOptions = { referenceDate, deprivation: depr.spec };
    for (const kind of ['ethnicity', 'sex', 'gender', 'age', 'deprivation', 'region'] as const) {
      const hint = hints.find((h) => h.kind === kind);
      const evaluations = schemesForKind(kind)
        .filter((s) => s.id !== 'as-recorded')
        .map((s) => evaluate(kind, s.id, frequencies, schemeOptions));
      evaluations.sort((a, b) => schemeScore(b, hint?.scheme) - schemeScore(a, hint?.scheme));
      const best = evaluations[0];
      if (!best) continue;
      const fit = fitOf(best);
      const recorded = best.coverage.categorised + best.coverage.unmapped;
      let confidence: number;
      if (hint) {
        // Name and values agree: high. Name only, values all missing: moderate. Values unreadable: fall back below.
        confidence = recorded === 0 ? 0.5 * hint.strength + 0.1 : (0.5 + 0.45 * fit) * hint.strength;
        if (fit < 0.5 && recorded > 0) confidence = 0;
      } else confidence = valueOnlyConfidence(best);
      if (confidence > 0) {
        const reasons = reasonsFor(best, hint);
        if (kind === 'deprivation') reasons.push(...depr.reasons);
        const coarser = evaluations.find((e) => e.scheme.startsWith('ethnic-group-5') && fitOf(e) > fit + 1e-9);
        if (kind === 'ethnicity' && coarser && !best.scheme.startsWith('ethnic-group-5'))
          reasons.push(`Some labels name only a high-level group; the 5-group scheme would place ${pct(Math.round((fitOf(coarser) - fit) * recorded), recorded)} more of the recorded rows.`);
        candidates.push({ evaluation: best, kind, scheme: best.scheme, confidence, reasons, hint });
      } else if (hint && recorded > 0) {
        // The name says what the column is but no known code list reads it: keep it, as recorded.
        candidates.push({
          kind,
          scheme: 'as-recorded',
          confidence: 0.5 * hint.strength,
          hint,
          evaluation: evaluate(kind, 'as-recorded', frequencies, schemeOptions),
          reasons: [
            `The column name contains "${hint.token}", but only ${pct(best.coverage.categorised, recorded)} of recorded rows match a known ${kind} code list; proposed as recorded, one category per distinct value.`,
          ],
        });
      }
    }
  } else {
    // No frequency table (too many distinct values): only dates of birth and ages are plausible.
    const hint = hints.find((h) => h.kind === 'age');
    if (hint?.scheme === 'date-of-birth' && isDateType(column.inferredType))
      candidates.push({ kind: 'age', scheme: 'date-of-birth', confidence: 0.8 * hint.strength, hint, reasons: [`The column name contains "${hint.token}" and its values are dates: ages are computed at the reference date.`] });
    else if (hint?.scheme === 'age-in-years' && isNumericType(column.inferredType))
      candidates.push({ kind: 'age', scheme: 'age-in-years', confidence: 0.7 * hint.strength, hint, reasons: [`The column name contains "${hint.token}" and its values are numbers.`] });
  }

  // Columns the user is likely to tag as other attributes: keep them, as recorded.
  const topic = hints.find((h) => h.kind === 'other');
  if (topic && frequencies && frequencies.length > 0 && frequencies.length <= 100)
    candidates.push({
      kind: 'other',
      scheme: 'as-recorded',
      confidence: 0.6,
      hint: topic,
      evaluation: evaluate('other', 'as-recorded', frequencies, {}),
      reasons: [`The column name contains "${topic.token}", which suggests ${topic.topic}; its ${plural(frequencies.length, 'distinct value')} are kept as recorded.`],
    });

  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.confidence - a.confidence);
  const best = candidates[0]!;
  const suggestion: AttributeSuggestion = {
    column: column.name,
    kind: best.kind,
    scheme: best.scheme,
    confidence: Math.round(Math.min(best.confidence, 0.99) * 100) / 100,
    reasons: best.reasons,
    alternatives: candidates.slice(1, 4).map((c) => ({ kind: c.kind, scheme: c.scheme, confidence: Math.round(c.confidence * 100) / 100 })),
  };
  if (best.kind === 'other' && best.hint?.topic) suggestion.label = best.hint.topic;
  if (best.evaluation) {
    suggestion.coverage = best.evaluation.coverage;
    const valueMap = valueMapFor(best.evaluation);
    if (valueMap) suggestion.valueMap = valueMap;
  }
  if (best.scheme === 'date-of-birth') {
    suggestion.referenceDate = referenceDate;
    if (!options.referenceDate) suggestion.reasons.push('Ages are computed at today\'s date; set the reference date to the extract date.');
  }
  if (best.scheme === 'imd') suggestion.deprivation = deprivationFor(column.name, frequencies).spec;
  return suggestion;
}
