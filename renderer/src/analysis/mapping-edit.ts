// Edits to a mapping document as the Mapping page makes them: each returns a new document (the
// page keeps the old one for React's cheap comparisons) and keeps the mapping valid for its
// scheme, so a change of kind or scheme never leaves settings that the new scheme refuses.
import { ATTRIBUTE_KIND_LABELS, NOT_KNOWN, NOT_STATED, SPECIAL_CATEGORY_LABELS, type AttributeKind, type DeprivationUnit } from '../../../shared/demographics/attributes';
import { getCategorySet, type CategoryDefinition } from '../../../shared/demographics/category-sets';
import type { AttributeMapping, MappingDocument } from '../../../shared/demographics/mapping-document';
import { getScheme, schemeGroupings, schemesForKind, type SchemeOptions } from '../../../shared/demographics/schemes';

export interface Option {
  value: string;
  label: string;
}

/** Default deprivation settings: the official convention (IMD 2019 deciles, 1 = most deprived). */
export const DEFAULT_DEPRIVATION = { edition: 'IMD2019', unit: 'decile', direction: '1-is-most-deprived' } as const;

export function schemeOptions(kind: AttributeKind): Option[] {
  return schemesForKind(kind).map((s) => ({ value: s.id, label: s.label }));
}

function optionsOf(a: AttributeMapping): SchemeOptions {
  const o: SchemeOptions = {};
  if (a.referenceDate !== undefined) o.referenceDate = a.referenceDate;
  if (a.deprivation !== undefined) o.deprivation = a.deprivation;
  return o;
}

/** The category set raw values are read into (what a value map points at), or undefined for an unknown scheme. */
export function baseCategorySetId(a: AttributeMapping): string | undefined {
  return getScheme(a.scheme)?.baseCategorySet(optionsOf(a));
}

/**
 * Where an unmapped raw value can be put: a category of the scheme's category set, or not stated /
 * not known. Open sets ("as recorded") have no fixed categories, so only the two special buckets.
 */
export function assignmentOptions(a: AttributeMapping): Option[] {
  const setId = baseCategorySetId(a);
  const categories: readonly CategoryDefinition[] = setId ? (getCategorySet(setId)?.categories ?? []) : [];
  return [
    ...categories.map((c) => ({ value: c.key, label: c.label })),
    { value: NOT_STATED, label: SPECIAL_CATEGORY_LABELS[NOT_STATED] },
    { value: NOT_KNOWN, label: SPECIAL_CATEGORY_LABELS[NOT_KNOWN] },
  ];
}

/** Coarser category sets the attribute can be reported in. */
export function groupingOptions(a: AttributeMapping): Option[] {
  return schemeGroupings(a.scheme, optionsOf(a)).map((id) => ({ value: id, label: getCategorySet(id)?.label ?? id }));
}

/** Settings a scheme needs, filled with defaults; settings it would refuse are dropped. */
function fitToScheme(a: AttributeMapping, today: string): AttributeMapping {
  const scheme = getScheme(a.scheme);
  const { referenceDate, deprivation, grouping, ...rest } = a;
  const out: AttributeMapping = { ...rest };
  if (scheme?.requires === 'referenceDate') out.referenceDate = referenceDate ?? today;
  if (scheme?.requires === 'deprivation') out.deprivation = deprivation ?? { ...DEFAULT_DEPRIVATION };
  if (grouping !== undefined && schemeGroupings(out.scheme, optionsOf(out)).includes(grouping)) out.grouping = grouping;
  return out;
}

/**
 * A new kind: keeps a specific scheme that applies to the kind, else takes the kind's first
 * scheme ("as recorded", which fits every kind, gives way to a real code scheme when there is one).
 * A value map points at the old scheme's categories, so it goes when the scheme changes.
 */
export function changeKind(a: AttributeMapping, kind: AttributeKind, today: string): AttributeMapping {
  const schemes = schemesForKind(kind);
  const keep = a.scheme !== 'as-recorded' && schemes.some((s) => s.id === a.scheme);
  const next: AttributeMapping = { ...a, kind };
  if (!keep) {
    next.scheme = schemes[0]?.id ?? 'as-recorded';
    delete next.valueMap;
  }
  if (kind !== 'other') delete next.label;
  return fitToScheme(next, today);
}

export function changeScheme(a: AttributeMapping, scheme: string, today: string): AttributeMapping {
  if (scheme === a.scheme) return a;
  const next: AttributeMapping = { ...a, scheme };
  delete next.valueMap;
  return fitToScheme(next, today);
}

/** Deciles or quintiles: a new category set, so values placed by hand and the grouping no longer fit. */
export function changeDeprivationUnit(a: AttributeMapping, unit: DeprivationUnit): AttributeMapping {
  const { valueMap: _map, grouping: _grouping, ...rest } = a;
  return { ...rest, deprivation: { ...DEFAULT_DEPRIVATION, ...a.deprivation, unit } };
}

/** Puts a raw value in a category, or (empty category) takes it out of the value map again. */
export function assignValue(a: AttributeMapping, raw: string, category: string): AttributeMapping {
  const map = { ...(a.valueMap ?? {}) };
  if (category === '') delete map[raw];
  else map[raw] = category;
  const next: AttributeMapping = { ...a, valueMap: map };
  if (Object.keys(map).length === 0) delete next.valueMap;
  return next;
}

export function replaceAttribute(doc: MappingDocument, index: number, a: AttributeMapping): MappingDocument {
  return { ...doc, attributes: doc.attributes.map((x, i) => (i === index ? a : x)) };
}

export function removeAttribute(doc: MappingDocument, index: number): MappingDocument {
  return { ...doc, attributes: doc.attributes.filter((_, i) => i !== index) };
}

/** Maps another column, read as recorded until the analyst picks a kind and scheme. */
export function addAttribute(doc: MappingDocument, column: string, kind: AttributeKind, today: string): MappingDocument {
  const schemes = schemesForKind(kind);
  const a = fitToScheme({ column, kind, scheme: schemes[0]?.id ?? 'as-recorded' }, today);
  return { ...doc, attributes: [...doc.attributes, a] };
}

/** Sets or clears the outcome column; the positive values stay when the column stays. */
export function setOutcome(doc: MappingDocument, column: string, positiveValues: readonly string[]): MappingDocument {
  const { outcome: _old, ...rest } = doc;
  if (column === '') return rest;
  const values = positiveValues.map((v) => v.trim()).filter((v) => v !== '');
  return { ...rest, outcome: { column, positiveValues: values.length > 0 ? values : ['1'] } };
}

export function setPeriod(doc: MappingDocument, column: string, granularity: 'year' | 'quarter'): MappingDocument {
  const { period: _old, ...rest } = doc;
  if (column === '') return rest;
  return { ...rest, period: { column, granularity } };
}

/** "1, yes" → ["1", "yes"]: how the analyst types the outcome's positive values. */
export function parsePositiveValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A confidence from 0 to 1 in words, with the figure (words so the meaning is not in a colour alone). */
export function confidenceText(confidence: number): { level: 'high' | 'medium' | 'low'; text: string } {
  const percent = Math.round(Math.max(0, Math.min(1, confidence)) * 100);
  const level = confidence >= 0.8 ? 'high' : confidence >= 0.5 ? 'medium' : 'low';
  const word = level === 'high' ? 'High' : level === 'medium' ? 'Medium' : 'Low';
  return { level, text: `${word} confidence (${percent}%)` };
}

/** Attribute kinds as select options, with the plain labels the rest of the app uses. */
export function kindOptions(): Option[] {
  return (Object.keys(ATTRIBUTE_KIND_LABELS) as AttributeKind[]).map((k) => ({ value: k, label: ATTRIBUTE_KIND_LABELS[k] }));
}

/** What the attribute is called in headings: its label, else its kind, with the column. */
export function attributeTitle(a: AttributeMapping): string {
  return a.label ?? ATTRIBUTE_KIND_LABELS[a.kind];
}

/** Local date as yyyy-mm-dd (the default reference date for ages). */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
