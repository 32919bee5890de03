// Custom reference populations from a small CSV the user supplies (a catchment, a GP list, a
// registry): columns attribute, category, and count or share; optionally scheme (a category set
// or scheme id), and label, source and date (what the population is, where its figures come from,
// and when), which a report quotes as written, like a Census table's title and release date.
// Every problem is a RepresentError 'bad-reference' naming the row and column.
import Papa from 'papaparse';
import { RepresentError } from '../errors';
import type { AttributeKind } from '../demographics/attributes';
import { isSpecialCategory } from '../demographics/attributes';
import { categoryLabel, categorySetsForKind, getCategorySet, type CategorySet } from '../demographics/category-sets';
import { normaliseLabel } from '../demographics/normalise';
import { getScheme } from '../demographics/schemes';
import type { ReferenceCategory, ReferenceDistribution } from './populations';
import { resolveCategorySet } from './populations';

export interface CustomReference {
  id: string;
  name: string;
  fileName: string;
  distributions: ReferenceDistribution[];
}

/** Ids of imported reference populations start with this ("custom:catchment.csv"). */
export const CUSTOM_REFERENCE_PREFIX = 'custom:';

/** Shares may be rounded; they must sum to 1 within this (one percentage point). */
export const SHARE_TOLERANCE = 0.01;

const KIND_WORDS: Readonly<Record<string, AttributeKind>> = {
  ethnicity: 'ethnicity',
  'ethnic group': 'ethnicity',
  ethnic: 'ethnicity',
  race: 'ethnicity',
  sex: 'sex',
  gender: 'gender',
  age: 'age',
  'age band': 'age',
  'age group': 'age',
  deprivation: 'deprivation',
  imd: 'deprivation',
  'imd decile': 'deprivation',
  'imd quintile': 'deprivation',
  region: 'region',
};

/** Which scheme reads free-text categories into each category set. */
const READER_FOR_SET: Readonly<Record<string, string>> = {
  'nhs-ethnic-category': 'nhs-ethnic-category',
  'census-2021-ethnic-group': 'census-2021-ethnic-group',
  'ethnic-group-5-census': 'ethnic-group-5-census',
  'ethnic-group-5-nhs': 'ethnic-group-5-nhs',
  sex: 'sex-text',
  'stated-gender': 'nhs-person-stated-gender-code',
  'gender-identity': 'nhs-gender-identity-code',
  'age-5y': 'age-in-years',
  region: 'ons-region',
};

/** Preference when several sets could hold the categories: the finest first. */
const SET_ORDER = ['census-2021-ethnic-group', 'nhs-ethnic-category', 'ethnic-group-5-census', 'ethnic-group-5-nhs', 'sex', 'gender-identity', 'stated-gender', 'age-5y', 'age-broad', 'age-broad-3', 'imd-decile', 'imd-quintile', 'region'];

interface Row {
  row: number;
  attributeText: string;
  category: string;
  count?: number;
  share?: number;
  scheme?: string;
  label?: string;
  source?: string;
  date?: string;
}

/** Optional columns describing the population rather than a category; one value per attribute. */
const METADATA_COLUMNS = ['label', 'source', 'date'] as const;
type MetadataColumn = (typeof METADATA_COLUMNS)[number];
const METADATA_WORDS: Readonly<Record<MetadataColumn, string>> = {
  label: 'the population’s name, e.g. Trust catchment 2024',
  source: 'where the figures come from, e.g. ONS mid-year estimates 2023',
  date: 'the date or period the figures describe, e.g. 2024-06 or mid-2023',
};

function bad(message: string, fileName: string, row: number, column: string, expected: string, found: string): RepresentError {
  return new RepresentError('bad-reference', message, { expected, found, location: { file: fileName, row, column } });
}

/** A category written as a key, a label, or anything the set's reader recognises; undefined if none. */
function resolveCategory(set: CategorySet, text: string): string | undefined {
  const trimmed = text.trim();
  if (set.open) return trimmed.length > 0 ? trimmed : undefined;
  const direct = set.categories.find((c) => c.key === trimmed || c.key.toLowerCase() === trimmed.toLowerCase());
  if (direct) return direct.key;
  const label = normaliseLabel(trimmed);
  const byLabel = set.categories.find((c) => normaliseLabel(c.label) === label);
  if (byLabel) return byLabel.key;
  const readerScheme = READER_FOR_SET[set.id];
  if (readerScheme) {
    const key = getScheme(readerScheme)!.createReader({}).call(undefined, trimmed).key;
    if (!isSpecialCategory(key) && set.categories.some((c) => c.key === key)) return key;
  }
  if (set.id === 'imd-decile' || set.id === 'imd-quintile') {
    const n = Number(trimmed);
    const max = set.id === 'imd-decile' ? 10 : 5;
    if (Number.isInteger(n) && n >= 1 && n <= max) return String(n);
  }
  return undefined;
}

function parseNumber(text: string): { value: number; percent: boolean } | undefined {
  let t = text.trim().replace(/,/g, '');
  const percent = t.endsWith('%');
  if (percent) t = t.slice(0, -1).trim();
  if (t.length === 0 || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  return { value: Number(t), percent };
}

/**
 * Parses a custom reference population. Columns (header names, any case): attribute, category,
 * count and/or share (a fraction, or a percentage written with %), and optionally scheme.
 * Each attribute becomes one distribution; shares are checked to sum to 1 within SHARE_TOLERANCE.
 */
export function parseCustomReference(csvText: string, fileName: string): CustomReference {
  const parsed = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const table = parsed.data;
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const iAttribute = col('attribute');
  const iCategory = col('category');
  const iCount = col('count');
  const iShare = col('share');
  const iScheme = col('scheme');
  const iMeta = METADATA_COLUMNS.map((c) => [c, col(c)] as const);
  if (iAttribute < 0 || iCategory < 0 || (iCount < 0 && iShare < 0)) {
    const missing = iAttribute < 0 ? 'attribute' : iCategory < 0 ? 'category' : 'count or share';
    throw bad(`The reference file has no ${missing} column.`, fileName, 0, missing, 'a header with attribute, category, and count or share', header.length ? `columns ${header.join(', ')}` : 'an empty file');
  }
  if (table.length < 2) throw bad('The reference file has a header but no rows.', fileName, 1, 'attribute', 'at least one data row', 'none');

  const rows: Row[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const attributeText = cell(iAttribute);
    if (!attributeText) throw bad('A row has no attribute.', fileName, r, 'attribute', 'an attribute name such as ethnicity, sex, age', 'an empty cell');
    const category = cell(iCategory);
    if (!category) throw bad('A row has no category.', fileName, r, 'category', 'a category name or code', 'an empty cell');
    const row: Row = { row: r, attributeText, category };
    const countText = cell(iCount);
    if (countText) {
      const n = parseNumber(countText);
      if (!n || n.percent) throw bad('A count is not a number.', fileName, r, 'count', 'a number of people', 'text that is not a plain number');
      if (n.value < 0) throw bad('A count is negative.', fileName, r, 'count', 'zero or more', 'a negative number');
      row.count = n.value;
    }
    const shareText = cell(iShare);
    if (shareText) {
      const n = parseNumber(shareText);
      if (!n) throw bad('A share is not a number.', fileName, r, 'share', 'a fraction between 0 and 1, or a percentage such as 12.5%', 'text that is not a number');
      const value = n.percent ? n.value / 100 : n.value;
      if (value < 0) throw bad('A share is negative.', fileName, r, 'share', 'a fraction between 0 and 1', 'a negative number');
      if (value > 1) throw bad('A share is more than 1.', fileName, r, 'share', 'a fraction between 0 and 1 (write percentages with a % sign)', 'a number above 1');
      row.share = value;
    }
    if (row.count === undefined && row.share === undefined)
      throw bad('A row has neither a count nor a share.', fileName, r, iCount >= 0 ? 'count' : 'share', 'a count or a share', 'empty cells');
    const scheme = cell(iScheme);
    if (scheme) row.scheme = scheme;
    for (const [name, i] of iMeta) {
      const value = cell(i);
      if (value) row[name] = value;
    }
    rows.push(row);
  }

  // One distribution per attribute, in the order attributes first appear.
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = normaliseLabel(row.attributeText);
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  const stem = fileName.replace(/\.[^.]+$/, '');
  const distributions = [...groups.entries()].map(([attrKey, group]) => buildDistribution(attrKey, group, fileName, stem));
  // The population is named by its label when every attribute gives the same one.
  const labels = new Set(distributions.map((d) => d.name));
  const name = labels.size === 1 ? [...labels][0]! : stem;
  return { id: `${CUSTOM_REFERENCE_PREFIX}${fileName}`, name, fileName, distributions };
}

/** The one value a metadata column has across an attribute's rows (blank cells aside), or undefined. */
function metadataOf(group: Row[], column: MetadataColumn, fileName: string): string | undefined {
  let value: string | undefined;
  for (const row of group) {
    const v = row[column];
    if (v === undefined) continue;
    if (value !== undefined && v !== value)
      throw bad(`Rows of one attribute give different values in the ${column} column.`, fileName, row.row, column, `one ${column} per attribute (${METADATA_WORDS[column]}), or blank cells`, 'a value that differs from an earlier row of the same attribute');
    value = v;
  }
  return value;
}

function chooseCategorySet(kind: AttributeKind, group: Row[], fileName: string): { set: CategorySet; keys: string[] } {
  const first = group[0]!;
  let candidates: CategorySet[];
  if (first.scheme) {
    const setId = resolveCategorySet(first.scheme);
    const set = setId ? getCategorySet(setId) : undefined;
    if (!set) throw bad('The scheme column names an unknown scheme or category set.', fileName, first.row, 'scheme', 'a category set such as nhs-ethnic-category, census-2021-ethnic-group, age-5y, sex', 'an unknown name');
    candidates = [set];
  } else if (kind === 'other') candidates = [getCategorySet('as-recorded')!];
  else candidates = categorySetsForKind(kind).sort((a, b) => SET_ORDER.indexOf(a.id) - SET_ORDER.indexOf(b.id));

  let best: { set: CategorySet; keys: (string | undefined)[]; resolved: number } | undefined;
  for (const set of candidates) {
    const keys = group.map((r) => resolveCategory(set, r.category));
    const resolved = keys.filter((k) => k !== undefined).length;
    if (resolved === group.length) return { set, keys: keys as string[] };
    if (!best || resolved > best.resolved) best = { set, keys, resolved };
  }
  const failing = group[best!.keys.findIndex((k) => k === undefined)]!;
  throw bad(`A category is not one of the ${best!.set.label} categories.`, fileName, failing.row, 'category', `a category of ${best!.set.label}`, 'an unknown category');
}

function buildDistribution(attrKey: string, group: Row[], fileName: string, stem: string): ReferenceDistribution {
  const label = metadataOf(group, 'label', fileName);
  const sourceText = metadataOf(group, 'source', fileName);
  const date = metadataOf(group, 'date', fileName);
  const name = label ?? stem;
  const kind: AttributeKind = KIND_WORDS[attrKey] ?? 'other';
  const { set, keys } = chooseCategorySet(kind, group, fileName);
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    const row = group[i]!;
    if (seen.has(key)) throw bad('A category appears twice for the same attribute.', fileName, row.row, 'category', 'each category once per attribute', `a repeat of row ${seen.get(key)}`);
    seen.set(key, row.row);
  });

  const useCounts = group.every((r) => r.count !== undefined);
  if (!useCounts && !group.every((r) => r.share !== undefined)) {
    const gap = group.find((r) => r.share === undefined)!;
    throw bad('Rows of one attribute mix counts and shares.', fileName, gap.row, 'share', 'every row of an attribute with a count, or every row with a share', 'a row with a count but no share');
  }
  const last = group[group.length - 1]!;
  let categories: ReferenceCategory[];
  let total: number | undefined;
  if (useCounts) {
    total = group.reduce((s, r) => s + r.count!, 0);
    if (total <= 0) throw bad('The counts of an attribute add up to zero.', fileName, last.row, 'count', 'a positive total', 'a total of zero');
    categories = group.map((r, i) => ({ key: keys[i]!, label: categoryLabel(set.id, keys[i]!), count: r.count!, share: r.count! / total! }));
  } else {
    const sum = group.reduce((s, r) => s + r.share!, 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE)
      throw bad('The shares of an attribute do not add up to 1.', fileName, last.row, 'share', `shares summing to 1 (within ${SHARE_TOLERANCE})`, `a sum of ${sum.toFixed(4)}`);
    categories = group.map((r, i) => ({ key: keys[i]!, label: categoryLabel(set.id, keys[i]!), share: r.share! / sum, publishedPercent: r.share! * 100 }));
  }
  // Report in the set's own order where it has one.
  const order = new Map(set.categories.map((c, i) => [c.key, i]));
  if (!set.open) categories.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  const distribution: ReferenceDistribution = {
    referenceId: `${CUSTOM_REFERENCE_PREFIX}${fileName}`,
    name,
    attribute: kind,
    categorySet: set.id,
    measure: useCounts ? 'count' : 'percent',
    categories,
    source: {
      // The CSV's own words where it gives them; else the file is the only source we can name.
      title: sourceText ?? `Custom reference file ${fileName}`,
      table: fileName,
      publisher: 'Supplied by the user',
      source: `Custom reference file ${fileName}`,
      url: '',
      retrieved: '',
      licence: 'As stated by the supplier',
      attribution: '',
      ...(date ? { published: date } : {}),
    },
    caveats: useCounts ? [] : ['Shares as supplied, divided by their sum.'],
  };
  if (total !== undefined) distribution.total = total;
  if (kind === 'other') distribution.label = group[0]!.attributeText;
  return distribution;
}

/** The distribution of one attribute in one category set (or scheme) from a custom reference. */
export function findCustomDistribution(ref: CustomReference, attribute: AttributeKind, scheme: string, label?: string): ReferenceDistribution | undefined {
  const set = resolveCategorySet(scheme) ?? scheme;
  return ref.distributions.find(
    (d) => d.attribute === attribute && d.categorySet === set && (label === undefined || normaliseLabel(d.label ?? '') === normaliseLabel(label)),
  );
}
