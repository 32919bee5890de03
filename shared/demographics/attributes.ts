// The demographic attributes a column can hold, and the three buckets every raw value can fall
// into besides a real category. STANDING Together asks for "not stated" and "not known" to be
// reported separately, and for nothing to be dropped silently, hence 'unmapped' as an explicit bucket.

export const ATTRIBUTE_KINDS = ['ethnicity', 'sex', 'gender', 'age', 'deprivation', 'region', 'other'] as const;
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];

export const ATTRIBUTE_KIND_LABELS: Readonly<Record<AttributeKind, string>> = {
  ethnicity: 'Ethnicity',
  sex: 'Sex (phenotypic, as observed)',
  gender: 'Gender (as stated by the person)',
  age: 'Age',
  deprivation: 'Deprivation (IMD)',
  region: 'Region',
  other: 'Other attribute',
};

/** The person was asked and chose not to say (NHS ethnic 'Z', gender identity 'Z', "Prefer not to say"). */
export const NOT_STATED = 'not-stated';
/** Never asked, not recorded, or an empty cell (NHS ethnic '99', sex 'X', blank, NULL). */
export const NOT_KNOWN = 'not-known';
/** A value that matched no category of the scheme: counted and shown, never dropped. */
export const UNMAPPED = 'unmapped';

export const SPECIAL_CATEGORIES = [NOT_STATED, NOT_KNOWN, UNMAPPED] as const;
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number];

export const SPECIAL_CATEGORY_LABELS: Readonly<Record<SpecialCategory, string>> = {
  'not-stated': 'Not stated (asked, declined)',
  'not-known': 'Not known (not asked, not recorded or missing)',
  unmapped: 'Unmapped (not in the code set)',
};

export function isSpecialCategory(key: string): key is SpecialCategory {
  return key === NOT_STATED || key === NOT_KNOWN || key === UNMAPPED;
}

/** How an attribute was recorded (STANDING Together asks data curators to say). */
export const COLLECTION_METHODS = ['self-reported', 'assigned', 'inferred', 'linked', 'not-known'] as const;
export type CollectionMethod = (typeof COLLECTION_METHODS)[number];

export const DEPRIVATION_EDITIONS = ['IMD2019', 'IMD2025', 'WIMD2019', 'SIMD2020', 'other'] as const;
export type DeprivationEdition = (typeof DEPRIVATION_EDITIONS)[number];

export const DEPRIVATION_UNITS = ['decile', 'quintile'] as const;
export type DeprivationUnit = (typeof DEPRIVATION_UNITS)[number];

/** Official IMD convention: 1 = most deprived. Some local products reverse it. */
export const DEPRIVATION_DIRECTIONS = ['1-is-most-deprived', '1-is-least-deprived'] as const;
export type DeprivationDirection = (typeof DEPRIVATION_DIRECTIONS)[number];

export interface DeprivationSpec {
  edition: DeprivationEdition;
  unit: DeprivationUnit;
  direction: DeprivationDirection;
}
