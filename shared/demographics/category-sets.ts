// Category sets: the vocabularies a mapped attribute comes out in (what reports and reference
// populations are keyed by), and the groupings between them. A category key is the official code
// where one exists (NHS letter, Census number, ONS region code), otherwise a readable slug.
import type { AttributeKind } from './attributes';
import { isSpecialCategory, SPECIAL_CATEGORY_LABELS } from './attributes';
import type { Provenance } from './codesets';
import { ageBands, censusEthnicGroup, genderIdentity, imd, nhsEthnicCategory, phenotypicSex, regions, statedGender } from './codesets';

export interface CategoryDefinition {
  key: string;
  label: string;
}

export interface CategorySet {
  id: string;
  kind: AttributeKind;
  label: string;
  /** Ordered as reports should show them. Empty for open sets. */
  categories: readonly CategoryDefinition[];
  /** Open sets ('as-recorded') take their categories from the data. */
  open: boolean;
  provenance?: Provenance;
}

function fromCodes(codes: { code: string; category: string; meaning: string }[]): CategoryDefinition[] {
  return codes.filter((c) => !isSpecialCategory(c.category)).map((c) => ({ key: c.category, label: c.meaning }));
}

const ethnic5 = (groups: { key: string; label: string }[]): CategoryDefinition[] =>
  groups.map((g) => ({ key: g.key, label: g.label }));

const ageSet = (id: string) => {
  const set = ageBands.sets.find((s) => s.id === id);
  if (!set) throw new Error(`age-bands.json lacks set ${id}`);
  return set;
};

const sets: CategorySet[] = [
  {
    id: 'nhs-ethnic-category',
    kind: 'ethnicity',
    label: 'NHS ETHNIC CATEGORY (16 categories, 2001 Census basis)',
    categories: nhsEthnicCategory.codes.map((c) => ({ key: c.code, label: c.label })),
    open: false,
    provenance: nhsEthnicCategory,
  },
  {
    id: 'census-2021-ethnic-group',
    kind: 'ethnicity',
    label: 'Census 2021 ethnic group (19 categories)',
    categories: censusEthnicGroup.codes.map((c) => ({ key: c.code, label: c.label })),
    open: false,
    provenance: censusEthnicGroup,
  },
  {
    id: 'ethnic-group-5-census',
    kind: 'ethnicity',
    label: 'Ethnic group, 5 high-level groups (Census 2021 grouping: Chinese in Asian)',
    categories: ethnic5(censusEthnicGroup.groups),
    open: false,
    provenance: censusEthnicGroup,
  },
  {
    id: 'ethnic-group-5-nhs',
    kind: 'ethnicity',
    label: 'Ethnic group, 5 high-level groups (NHS grouping: Chinese in Other)',
    categories: ethnic5(nhsEthnicCategory.groups),
    open: false,
    provenance: nhsEthnicCategory,
  },
  { id: 'sex', kind: 'sex', label: 'Sex', categories: fromCodes(phenotypicSex.codes), open: false, provenance: phenotypicSex },
  { id: 'stated-gender', kind: 'gender', label: 'Stated gender', categories: fromCodes(statedGender.codes), open: false, provenance: statedGender },
  { id: 'gender-identity', kind: 'gender', label: 'Gender identity', categories: fromCodes(genderIdentity.codes), open: false, provenance: genderIdentity },
  ...['age-5y', 'age-broad', 'age-broad-3'].map(
    (id): CategorySet => ({
      id,
      kind: 'age',
      label: ageSet(id).label,
      categories: ageSet(id).bands.map((b) => ({ key: b.key, label: b.max === null ? `${b.min} and over` : `${b.min} to ${b.max}` })),
      open: false,
      provenance: ageBands,
    }),
  ),
  {
    id: 'imd-decile',
    kind: 'deprivation',
    label: 'IMD decile (1 = most deprived 10% of areas)',
    categories: Array.from({ length: 10 }, (_, i) => ({
      key: String(i + 1),
      label: i === 0 ? 'Decile 1 (most deprived)' : i === 9 ? 'Decile 10 (least deprived)' : `Decile ${i + 1}`,
    })),
    open: false,
    provenance: imd,
  },
  {
    id: 'imd-quintile',
    kind: 'deprivation',
    label: 'IMD quintile (1 = most deprived 20% of areas)',
    categories: Array.from({ length: 5 }, (_, i) => ({
      key: String(i + 1),
      label: i === 0 ? 'Quintile 1 (most deprived)' : i === 4 ? 'Quintile 5 (least deprived)' : `Quintile ${i + 1}`,
    })),
    open: false,
    provenance: imd,
  },
  {
    id: 'region',
    kind: 'region',
    label: 'Region (English regions and Wales)',
    categories: regions.regions.map((r) => ({ key: r.code, label: r.name })),
    open: false,
    provenance: regions,
  },
  { id: 'as-recorded', kind: 'other', label: 'Categories as recorded', categories: [], open: true },
];

const byId = new Map(sets.map((s) => [s.id, s]));

export const CATEGORY_SET_IDS: readonly string[] = sets.map((s) => s.id);

export function getCategorySet(id: string): CategorySet | undefined {
  return byId.get(id);
}

export function categorySetsForKind(kind: AttributeKind): CategorySet[] {
  return sets.filter((s) => s.kind === kind);
}

/** True when `key` is one of the set's categories (open sets accept any non-empty key) or a special bucket. */
export function isCategoryOf(setId: string, key: string): boolean {
  if (isSpecialCategory(key)) return true;
  const set = byId.get(setId);
  if (!set) return false;
  if (set.open) return key.length > 0;
  return set.categories.some((c) => c.key === key);
}

export function categoryLabel(setId: string, key: string): string {
  if (isSpecialCategory(key)) return SPECIAL_CATEGORY_LABELS[key];
  const set = byId.get(setId);
  return set?.categories.find((c) => c.key === key)?.label ?? key;
}

// ---- groupings -------------------------------------------------------------------------------

function ageGrouping(fromId: string, toId: string): Map<string, string> {
  const to = ageSet(toId).bands;
  const map = new Map<string, string>();
  for (const band of ageSet(fromId).bands) {
    const target = to.find((t) => band.min >= t.min && (t.max === null || (band.max !== null && band.max <= t.max)));
    if (!target) throw new Error(`age band ${band.key} does not nest in ${toId}`);
    map.set(band.key, target.key);
  }
  return map;
}

const nhsGroupOf = new Map(nhsEthnicCategory.codes.map((c) => [c.code, c.group]));

const groupings = new Map<string, Map<string, string>>([
  ['nhs-ethnic-category>ethnic-group-5-nhs', new Map(nhsEthnicCategory.codes.map((c) => [c.code, c.group]))],
  ['nhs-ethnic-category>ethnic-group-5-census', new Map(nhsEthnicCategory.codes.map((c) => [c.code, c.censusGroup]))],
  ['census-2021-ethnic-group>nhs-ethnic-category', new Map(censusEthnicGroup.codes.map((c) => [c.code, c.nhs]))],
  ['census-2021-ethnic-group>ethnic-group-5-census', new Map(censusEthnicGroup.codes.map((c) => [c.code, c.group]))],
  ['census-2021-ethnic-group>ethnic-group-5-nhs', new Map(censusEthnicGroup.codes.map((c) => [c.code, nhsGroupOf.get(c.nhs) ?? '']))],
  ['age-5y>age-broad', ageGrouping('age-5y', 'age-broad')],
  ['age-5y>age-broad-3', ageGrouping('age-5y', 'age-broad-3')],
  ['imd-decile>imd-quintile', new Map(Array.from({ length: 10 }, (_, i) => [String(i + 1), String(Math.floor(i / 2) + 1)]))],
]);

/** The key-to-key map from one category set to a coarser one, or undefined when there is none. */
export function groupingMap(fromSetId: string, toSetId: string): ReadonlyMap<string, string> | undefined {
  return groupings.get(`${fromSetId}>${toSetId}`);
}

/** Category sets that `fromSetId` can be grouped into. */
export function groupingTargets(fromSetId: string): string[] {
  const prefix = `${fromSetId}>`;
  return [...groupings.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}
