// Mapping documents: suggest one from a profile, validate one against a file's columns, and
// compile one into the function the analysis calls for every cell of every mapped column.
import { RepresentError } from '../errors';
import type { AttributeKind } from './attributes';
import { isSpecialCategory, NOT_KNOWN, UNMAPPED } from './attributes';
import { groupingMap, isCategoryOf } from './category-sets';
import { parseDate, quarterOf } from './dates';
import type { AttributeMapping, MappingDocument } from './mapping-document';
import { MAPPING_SCHEMA_VERSION, MappingDocumentSchema } from './mapping-document';
import { normaliseLabel } from './normalise';
import { readMissingLabel, type Reader } from './reading';
import { detectAttributes, SUGGESTION_THRESHOLD, type ColumnProfileSummary, type DetectOptions } from './recognise';
import { getScheme, schemeGroupings, schemesForKind, type SchemeOptions } from './schemes';

export type { AttributeMapping, MappingDocument, OutcomeMapping, PeriodMapping } from './mapping-document';

// ---- validation ------------------------------------------------------------------------------

function badMapping(message: string, expected: string, found: string, column?: string): RepresentError {
  return new RepresentError('bad-mapping', message, { expected, found, location: column === undefined ? {} : { column } });
}

/** A zod issue path, printable: valueMap keys are raw data values, so they are never shown. */
function describePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (path[i - 1] === 'valueMap') out += '[one of its entries]';
    else if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out ? '.' : '') + String(seg);
  }
  return out || 'the document';
}

const attributeName = (i: number, kind: string) => `Attribute ${i + 1} (${kind})`;

function schemeOptionsOf(a: AttributeMapping): SchemeOptions {
  return { referenceDate: a.referenceDate, deprivation: a.deprivation };
}

/** Checks that do not need the file: scheme, grouping, required settings and value-map targets. */
function checkAttribute(a: AttributeMapping, i: number): void {
  const who = attributeName(i, a.kind);
  const scheme = getScheme(a.scheme);
  const allowed = schemesForKind(a.kind).map((s) => s.id);
  if (!scheme || !scheme.kinds.includes(a.kind))
    throw badMapping(`${who}, column "${a.column}", names ${scheme ? 'a scheme that does not apply to this kind' : 'an unknown scheme'}.`, `one of ${allowed.join(', ')}`, `scheme "${a.scheme}"`, a.column);
  if (scheme.requires === 'referenceDate' && (a.referenceDate === undefined || parseDate(a.referenceDate) === undefined))
    throw badMapping(`${who}, column "${a.column}", reads dates of birth but has no valid reference date to compute ages at.`, 'referenceDate as a real yyyy-mm-dd date', a.referenceDate === undefined ? 'no referenceDate' : 'a referenceDate that is not a calendar date', a.column);
  if (scheme.requires === 'deprivation' && !a.deprivation)
    throw badMapping(`${who}, column "${a.column}", reads IMD values but does not say their edition, unit and direction.`, 'deprivation: { edition, unit, direction }', 'no deprivation settings', a.column);
  if (a.deprivation && scheme.requires !== 'deprivation')
    throw badMapping(`${who}, column "${a.column}", has deprivation settings but its scheme is not 'imd'.`, "scheme 'imd' or no deprivation settings", `scheme "${a.scheme}"`, a.column);
  const options = schemeOptionsOf(a);
  if (a.grouping !== undefined) {
    const groupings = schemeGroupings(a.scheme, options);
    if (!groupings.includes(a.grouping))
      throw badMapping(`${who}, column "${a.column}", names a grouping its scheme cannot be grouped into.`, groupings.length ? `one of ${groupings.join(', ')}` : 'no grouping for this scheme', `grouping "${a.grouping}"`, a.column);
  }
  if (a.valueMap) {
    const base = scheme.baseCategorySet(options);
    let entry = 0;
    for (const target of Object.values(a.valueMap)) {
      entry++;
      if (!isCategoryOf(base, target))
        throw badMapping(`${who}, column "${a.column}": value map entry ${entry} points at a category that is not in ${base}.`, `a category of ${base}, or not-stated, not-known, unmapped`, `"${target}"`, a.column);
    }
  }
}

function parseDocument(doc: unknown): MappingDocument {
  const parsed = MappingDocumentSchema.safeParse(doc);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path;
  let column: string | undefined;
  if (path[0] === 'attributes' && typeof path[1] === 'number' && doc && typeof doc === 'object') {
    const attrs = (doc as { attributes?: unknown }).attributes;
    const attr = Array.isArray(attrs) ? (attrs[path[1]] as { column?: unknown } | undefined) : undefined;
    if (attr && typeof attr.column === 'string') column = attr.column;
  }
  if (path[0] === 'schemaVersion')
    throw badMapping('The mapping was written by a different version of Represent.', `schemaVersion ${MAPPING_SCHEMA_VERSION}`, 'another schemaVersion', column);
  // zod's messages describe types and allowed options, never the offending value itself.
  throw badMapping(`The mapping is not valid at ${describePath(path)}.`, issue.message, `a value of the wrong shape (${issue.code})`, column);
}

/**
 * Validates a mapping document against the columns of the file it will be applied to. Throws
 * RepresentError 'bad-mapping' naming the attribute and column at the first problem.
 */
export function validateMapping(doc: unknown, columnNames: readonly string[]): MappingDocument {
  const mapping = parseDocument(doc);
  const columns = new Set(columnNames);
  const missingColumn = (what: string, column: string) =>
    badMapping(`${what} names column "${column}", which is not in the file.`, `one of the file's ${columnNames.length} columns`, 'no column with that name', column);
  mapping.attributes.forEach((a, i) => {
    if (!columns.has(a.column)) throw missingColumn(attributeName(i, a.kind), a.column);
    checkAttribute(a, i);
  });
  if (mapping.outcome && !columns.has(mapping.outcome.column)) throw missingColumn('The outcome', mapping.outcome.column);
  if (mapping.period && !columns.has(mapping.period.column)) throw missingColumn('The period', mapping.period.column);
  return mapping;
}

// ---- compiling -------------------------------------------------------------------------------

export interface CompiledAttribute {
  index: number;
  column: string;
  kind: AttributeKind;
  scheme: string;
  label?: string;
  /** The category set keys come out in (the grouping if there is one). */
  categorySet: string;
  /** The category set the scheme reads into, before grouping. */
  baseCategorySet: string;
}

export interface CompiledMapping {
  /** Category key (or not-stated / not-known / unmapped) for a raw cell of attribute `attributeIndex`. */
  (attributeIndex: number, raw: string): string;
  readonly attributes: readonly CompiledAttribute[];
}

/**
 * Memo size per attribute. Demographic columns have few distinct values, so in practice every
 * value is read once; a date-of-birth column may have tens of thousands, so the memo is bounded
 * and simply restarts when full (reading a value again is correct, only slower).
 */
const MEMO_LIMIT = 1 << 17;

/** The category set a mapped attribute's keys come out in. */
export function outputCategorySet(a: AttributeMapping): string {
  if (a.grouping) return a.grouping;
  const scheme = getScheme(a.scheme);
  return scheme ? scheme.baseCategorySet(schemeOptionsOf(a)) : 'as-recorded';
}

function compileAttribute(a: AttributeMapping): (raw: string) => string {
  const scheme = getScheme(a.scheme)!;
  const options = schemeOptionsOf(a);
  const read: Reader = scheme.createReader(options);
  const valueMap = a.valueMap ? new Map(Object.entries(a.valueMap)) : undefined;
  const group = a.grouping ? groupingMap(scheme.baseCategorySet(options), a.grouping) : undefined;
  return (raw) => {
    const key = valueMap?.get(raw) ?? read(raw).key;
    if (!group || isSpecialCategory(key)) return key;
    return group.get(key) ?? UNMAPPED;
  };
}

/**
 * Compiles a mapping into `(attributeIndex, raw) => categoryKey`, memoised per distinct raw value
 * so the hot path is one Map lookup. Checks schemes, groupings and settings (not column names:
 * use validateMapping with the file's header for that) and throws 'bad-mapping' on a problem.
 */
export function compileMapping(doc: MappingDocument): CompiledMapping {
  const mapping = parseDocument(doc);
  mapping.attributes.forEach(checkAttribute);
  const resolvers = mapping.attributes.map(compileAttribute);
  const memos = mapping.attributes.map(() => new Map<string, string>());
  const categorise = (attributeIndex: number, raw: string): string => {
    const memo = memos[attributeIndex];
    if (memo === undefined) throw new RangeError(`no mapped attribute ${attributeIndex}`);
    let key = memo.get(raw);
    if (key === undefined) {
      key = resolvers[attributeIndex]!(raw);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(raw, key);
    }
    return key;
  };
  const attributes: CompiledAttribute[] = mapping.attributes.map((a, index) => {
    const scheme = getScheme(a.scheme)!;
    const compiled: CompiledAttribute = {
      index,
      column: a.column,
      kind: a.kind,
      scheme: a.scheme,
      categorySet: outputCategorySet(a),
      baseCategorySet: scheme.baseCategorySet(schemeOptionsOf(a)),
    };
    if (a.label !== undefined) compiled.label = a.label;
    return compiled;
  });
  return Object.assign(categorise, { attributes });
}

/** Reads the outcome column: true / false, or undefined when the cell is empty or a missing-value word. */
export function compileOutcome(doc: MappingDocument): ((raw: string) => boolean | undefined) | undefined {
  if (!doc.outcome) return undefined;
  const positive = new Set(doc.outcome.positiveValues.map((v) => v.trim()));
  return (raw) => {
    const v = raw.trim();
    if (positive.has(v)) return true;
    if (v.length === 0 || readMissingLabel(normaliseLabel(v))) return undefined;
    return false;
  };
}

/** Reads the period column into '2021' or '2021-Q3' (or 'not-known' when it is not a date). */
export function compilePeriod(doc: MappingDocument): ((raw: string) => string) | undefined {
  if (!doc.period) return undefined;
  const quarterly = doc.period.granularity === 'quarter';
  const memo = new Map<string, string>();
  return (raw) => {
    let out = memo.get(raw);
    if (out === undefined) {
      // Years are the quarters' first four characters, as the analysis reads them from the tally.
      const quarter = quarterOf(raw);
      out = quarter === undefined ? NOT_KNOWN : quarterly ? quarter : quarter.slice(0, 4);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(raw, out);
    }
    return out;
  };
}

// ---- suggesting ------------------------------------------------------------------------------

const OUTCOME_WORDS = ['outcome', 'died', 'death', 'dead', 'mortality', 'readmission', 'readmitted', 'readmit', 'label', 'target', 'event', 'survived', 'admitted'];
const PERIOD_WORDS = ['admission', 'admit', 'admitted', 'episode', 'event', 'attendance', 'appointment', 'visit', 'encounter', 'referral', 'activity', 'discharge', 'date'];
const POSITIVE = ['1', 'y', 'yes', 'true', 't'];
const NEGATIVE = ['0', 'n', 'no', 'false', 'f'];

function tokensOf(name: string): string[] {
  return normaliseLabel(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ')).split(' ');
}

function detectOutcome(columns: readonly ColumnProfileSummary[]): MappingDocument['outcome'] {
  for (const c of columns) {
    if (!tokensOf(c.name).some((t) => OUTCOME_WORDS.includes(t))) continue;
    const recorded = (c.frequencies ?? []).filter((f) => f.value.trim().length > 0 && !readMissingLabel(normaliseLabel(f.value)));
    if (recorded.length !== 2) continue;
    const positive = recorded.find((f) => POSITIVE.includes(f.value.trim().toLowerCase()));
    const negative = recorded.find((f) => NEGATIVE.includes(f.value.trim().toLowerCase()));
    if (positive && negative) return { column: c.name, positiveValues: [positive.value.trim()] };
  }
  return undefined;
}

function detectPeriod(columns: readonly ColumnProfileSummary[]): MappingDocument['period'] {
  let best: { column: string; rank: number } | undefined;
  for (const c of columns) {
    if (!/date|time/i.test(c.inferredType) || c.identifierKind) continue;
    const tokens = tokensOf(c.name);
    if (tokens.includes('birth') || tokens.includes('dob') || tokens.includes('death')) continue;
    const rank = PERIOD_WORDS.findIndex((w) => tokens.includes(w));
    if (rank >= 0 && (!best || rank < best.rank)) best = { column: c.name, rank };
  }
  return best ? { column: best.column, granularity: 'year' } : undefined;
}

/** Kinds a document should normally hold once (the best column wins); 'other' may repeat. */
const SINGLE_KINDS: readonly AttributeKind[] = ['ethnicity', 'sex', 'gender', 'age', 'deprivation', 'region'];

/**
 * Proposes a mapping document from a profile: every column recognised with enough confidence,
 * one column per demographic kind (the most confident; an age column beats a date of birth),
 * plus an outcome and a period column when one is evident. The user reviews it before use.
 */
export function suggestMapping(columns: readonly ColumnProfileSummary[], options: DetectOptions = {}): MappingDocument {
  const suggestions = detectAttributes(columns, options).filter((s) => s.confidence >= SUGGESTION_THRESHOLD);
  const chosen = new Set<(typeof suggestions)[number]>();
  for (const kind of SINGLE_KINDS) {
    const ofKind = suggestions.filter((s) => s.kind === kind);
    // An age column is the extract's own age; a date of birth needs a reference date, so it comes second.
    ofKind.sort((a, b) => Number(a.scheme === 'date-of-birth') - Number(b.scheme === 'date-of-birth') || b.confidence - a.confidence);
    if (ofKind[0]) chosen.add(ofKind[0]);
  }
  for (const s of suggestions) if (s.kind === 'other') chosen.add(s);
  const attributes: AttributeMapping[] = suggestions
    .filter((s) => chosen.has(s))
    .map((s) => {
      const a: AttributeMapping = { column: s.column, kind: s.kind, scheme: s.scheme };
      if (s.grouping) a.grouping = s.grouping;
      if (s.label) a.label = s.label;
      if (s.valueMap) a.valueMap = s.valueMap;
      if (s.referenceDate) a.referenceDate = s.referenceDate;
      if (s.deprivation) a.deprivation = s.deprivation;
      return a;
    });
  const doc: MappingDocument = { schemaVersion: MAPPING_SCHEMA_VERSION, attributes };
  const outcome = detectOutcome(columns);
  if (outcome) doc.outcome = outcome;
  const period = detectPeriod(columns);
  if (period) doc.period = period;
  return doc;
}
