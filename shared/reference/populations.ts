// Reference populations: Census 2021 distributions by area, attribute and category set, with
// counts, shares, provenance and caveats. Only combinations the source figures support are
// offered; regions, for instance, have no 19-category ethnicity and no sex breakdown here.
import { RepresentError } from '../errors';
import type { AttributeKind } from '../demographics/attributes';
import { categoryLabel, getCategorySet, groupingMap } from '../demographics/category-sets';
import { getScheme } from '../demographics/schemes';
import type { CensusTableSource } from './census2021';
import { census2021Age, census2021Sex, censusAreas, ENGLAND, ENGLAND_AND_WALES, ts021, WALES } from './census2021';

export type ReferenceMeasure = 'count' | 'percent';

export interface ReferenceSource {
  title: string;
  table: string;
  publisher: string;
  source: string;
  url: string;
  published?: string;
  retrieved: string;
  licence: string;
  attribution: string;
}

export interface ReferenceCategory {
  key: string;
  label: string;
  /** Present when the source gives counts. */
  count?: number;
  /** Fraction of the distribution's total (shares sum to 1). */
  share: number;
  /** The percentage exactly as published, when the source gives percentages. */
  publishedPercent?: number;
}

export interface ReferenceDistribution {
  referenceId: string;
  name: string;
  areaCode?: string;
  attribute: AttributeKind;
  /** For kind 'other': which attribute ('language'...). */
  label?: string;
  categorySet: string;
  measure: ReferenceMeasure;
  /** Sum of the category counts (the denominator of `share`), when counts exist. */
  total?: number;
  /** Usual residents of the area, for context when only percentages exist. */
  population?: number;
  categories: ReferenceCategory[];
  source: ReferenceSource;
  caveats: string[];
  /** How Represent derived this from the source table, when it is not the table itself. */
  derivation?: string;
}

export interface ReferenceAvailability {
  attribute: AttributeKind;
  categorySet: string;
  measure: ReferenceMeasure;
  derivation?: string;
}

export interface ReferenceSummary {
  id: string;
  name: string;
  areaCode: string;
  level: string;
  available: ReferenceAvailability[];
  /** What this area does not have, in words, so the UI can say why a comparison is missing. */
  notAvailable: string[];
}

// ---- building distributions ------------------------------------------------------------------

function sourceOf(t: CensusTableSource): ReferenceSource {
  const s: ReferenceSource = {
    title: t.title,
    table: t.table,
    publisher: t.publisher,
    source: t.source,
    url: t.url,
    retrieved: t.retrieved,
    licence: t.licence,
    attribution: t.attribution,
  };
  if (t.published) s.published = t.published;
  return s;
}

/** Orders categories as the category set does and computes shares from counts. */
function fromCounts(categorySet: string, counts: Readonly<Record<string, number>>): { categories: ReferenceCategory[]; total: number } {
  const set = getCategorySet(categorySet)!;
  const keys = set.categories.map((c) => c.key).filter((k) => counts[k] !== undefined);
  const total = keys.reduce((s, k) => s + counts[k]!, 0);
  return { total, categories: keys.map((key) => ({ key, label: categoryLabel(categorySet, key), count: counts[key]!, share: counts[key]! / total })) };
}

/** Published percentages, renormalised so shares sum to 1 (rounding leaves sums of 99.9-100.1). */
function fromPercents(categorySet: string, percents: Readonly<Record<string, number>>): ReferenceCategory[] {
  const set = getCategorySet(categorySet)!;
  const keys = set.categories.map((c) => c.key).filter((k) => percents[k] !== undefined);
  const sum = keys.reduce((s, k) => s + percents[k]!, 0);
  return keys.map((key) => ({ key, label: categoryLabel(categorySet, key), share: percents[key]! / sum, publishedPercent: percents[key]! }));
}

function regroup(counts: Readonly<Record<string, number>>, from: string, to: string): Record<string, number> {
  const map = groupingMap(from, to)!;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(counts)) {
    const target = map.get(k)!;
    out[target] = (out[target] ?? 0) + v;
  }
  return out;
}

interface Provider extends ReferenceAvailability {
  build(): Omit<ReferenceDistribution, 'referenceId' | 'name' | 'areaCode' | 'attribute' | 'categorySet' | 'measure' | 'derivation'>;
}

const RENORMALISED = 'Shares are the published one-decimal percentages divided by their sum (99.9-100.1 after rounding).';

function nationalProviders(code: string): Provider[] {
  const eth19 = ts021.categories19[code]!;
  const eth5 = ts021.groups5[code]!;
  const sex = census2021Sex.areas[code]!;
  const age5 = census2021Age.bands5[code]!;
  const ethnicity = (categorySet: string, counts: Record<string, number>, derivation?: string): Provider => ({
    attribute: 'ethnicity',
    categorySet,
    measure: 'count',
    ...(derivation ? { derivation } : {}),
    build: () => ({ ...fromCounts(categorySet, counts), source: sourceOf(ts021), caveats: ts021.caveats }),
  });
  const age = (categorySet: string, counts: Record<string, number>, derivation?: string): Provider => ({
    attribute: 'age',
    categorySet,
    measure: 'count',
    ...(derivation ? { derivation } : {}),
    build: () => ({ ...fromCounts(categorySet, counts), source: sourceOf(census2021Age), caveats: census2021Age.caveats }),
  });
  const providers: Provider[] = [
    ethnicity('census-2021-ethnic-group', eth19),
    ethnicity('ethnic-group-5-census', eth5),
    ethnicity(
      'nhs-ethnic-category',
      regroup(eth19, 'census-2021-ethnic-group', 'nhs-ethnic-category'),
      'The 19 TS021 categories folded into NHS ETHNIC CATEGORY: Roma, Gypsy or Irish Traveller and Other White -> C; Arab and Any other ethnic group -> S; Chinese -> R. Roma and Gypsy or Irish Traveller cannot be seen in 16+1 data.',
    ),
    ethnicity(
      'ethnic-group-5-nhs',
      regroup(eth19, 'census-2021-ethnic-group', 'ethnic-group-5-nhs'),
      'The 19 TS021 categories grouped as the NHS does: Chinese in Other Ethnic Groups (the Census counts it as Asian).',
    ),
    {
      attribute: 'sex',
      categorySet: 'sex',
      measure: 'count',
      build: () => ({
        ...fromCounts('sex', { male: sex.male, female: sex.female }),
        source: sourceOf(census2021Sex),
        caveats: [`Basis: ${sex.basis}.`, ...census2021Sex.caveats],
      }),
    },
    age('age-5y', age5),
    age('age-broad', regroup(age5, 'age-5y', 'age-broad'), 'Sums of the rounded 5-year bands.'),
    age('age-broad-3', regroup(age5, 'age-5y', 'age-broad-3'), 'Sums of the rounded 5-year bands.'),
  ];
  const regionCodes = Object.keys(ts021.regions).filter((r) => code === ENGLAND_AND_WALES || (code === ENGLAND && r.startsWith('E12')));
  if (regionCodes.length > 1) {
    providers.push({
      attribute: 'region',
      categorySet: 'region',
      measure: 'count',
      derivation: 'Usual residents of each region from the TS021 regional extract.',
      build: () => ({
        ...fromCounts('region', Object.fromEntries(regionCodes.map((r) => [r, ts021.regions[r]!.usualResidents]))),
        source: sourceOf(ts021),
        caveats: ts021.caveats,
      }),
    });
  }
  return providers;
}

function regionProviders(code: string): Provider[] {
  const region = ts021.regions[code];
  const ages = census2021Age.regionsBroad3Percent[code];
  const providers: Provider[] = [];
  if (region)
    providers.push({
      attribute: 'ethnicity',
      categorySet: 'ethnic-group-5-census',
      measure: 'percent',
      build: () => ({ categories: fromPercents('ethnic-group-5-census', region.groups5Percent), population: region.usualResidents, source: sourceOf(ts021), caveats: [RENORMALISED, ...ts021.caveats] }),
    });
  if (ages)
    providers.push({
      attribute: 'age',
      categorySet: 'age-broad-3',
      measure: 'percent',
      build: () => ({ categories: fromPercents('age-broad-3', ages), population: region?.usualResidents, source: sourceOf(census2021Age), caveats: [RENORMALISED, ...census2021Age.caveats] }),
    });
  return providers;
}

const NATIONAL = new Set([ENGLAND_AND_WALES, ENGLAND, WALES]);

const REGION_GAPS = [
  'Ethnicity in 19 categories, the NHS 16+1 list or the NHS 5-group grouping: the regional count matrix was not carried over, and Chinese cannot be moved between groups without it.',
  'Sex, and 5-year or broad age bands other than 0-14 / 15-64 / 65+.',
];
const NATIONAL_GAPS = [
  'Gender identity (Census 2021 TS070/TS078 are not shipped).',
  'Deprivation: the population per IMD decile (IoD2019 File 7) is not shipped; deciles hold roughly, not exactly, 10% of residents.',
  'Age 0-17 / 18+ (needs single year of age, TS009).',
];

const providersByArea = new Map<string, { area: (typeof censusAreas.areas)[number]; providers: Provider[] }>(
  censusAreas.areas.map((area) => [area.id, { area, providers: NATIONAL.has(area.code) ? nationalProviders(area.code) : regionProviders(area.code) }]),
);

// ---- public API ------------------------------------------------------------------------------

/** Every built-in reference population and which attribute / category-set combinations it has. */
export function listReferences(): ReferenceSummary[] {
  return [...providersByArea.values()].map(({ area, providers }) => ({
    id: area.id,
    name: `${area.name}, Census 2021`,
    areaCode: area.code,
    level: area.level,
    available: providers.map((p) => {
      const a: ReferenceAvailability = { attribute: p.attribute, categorySet: p.categorySet, measure: p.measure };
      if (p.derivation) a.derivation = p.derivation;
      return a;
    }),
    notAvailable: NATIONAL.has(area.code) ? NATIONAL_GAPS : [...REGION_GAPS, ...NATIONAL_GAPS],
  }));
}

/** A scheme id (e.g. 'nhs-person-phenotypic-sex', 'date-of-birth') or a category set id, as a category set id. */
export function resolveCategorySet(schemeOrSet: string): string | undefined {
  if (getCategorySet(schemeOrSet)) return schemeOrSet;
  return getScheme(schemeOrSet)?.baseCategorySet({});
}

/**
 * The distribution of `attribute` in category set (or scheme) `scheme` for reference `id`.
 * Throws RepresentError 'bad-reference' saying what is available when the combination is not.
 */
export function getReference(id: string, attribute: AttributeKind, scheme: string): ReferenceDistribution {
  const entry = providersByArea.get(id);
  if (!entry)
    throw new RepresentError('bad-reference', 'There is no built-in reference population with that id.', {
      expected: `one of ${[...providersByArea.keys()].join(', ')}`,
      found: `"${id}"`,
    });
  const categorySet = resolveCategorySet(scheme);
  const provider = entry.providers.find((p) => p.attribute === attribute && p.categorySet === categorySet);
  if (!provider) {
    const available = entry.providers.map((p) => `${p.attribute} in ${p.categorySet}`);
    throw new RepresentError('bad-reference', `${entry.area.name} (Census 2021) has no ${attribute} figures in that category set.`, {
      expected: `one of: ${available.join('; ')}`,
      found: `${attribute} in ${categorySet ?? `unknown scheme "${scheme}"`}`,
    });
  }
  const built = provider.build();
  const distribution: ReferenceDistribution = {
    referenceId: id,
    name: `${entry.area.name}, Census 2021`,
    areaCode: entry.area.code,
    attribute,
    categorySet: provider.categorySet,
    measure: provider.measure,
    ...built,
  };
  if (provider.derivation) distribution.derivation = provider.derivation;
  return distribution;
}
