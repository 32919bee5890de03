// The registry of schemes: how raw values of a column are read (which code list), which kinds of
// attribute may use it, which category set it reads into, and which groupings it allows.
import type { AttributeKind, DeprivationSpec } from './attributes';
import { ATTRIBUTE_KINDS } from './attributes';
import { groupingTargets } from './category-sets';
import type { Provenance } from './codesets';
import {
  ageBands,
  censusEthnicGroup,
  ethnicityLabels,
  genderIdentity,
  imd,
  missingValues,
  nhsEthnicCategory,
  personGenderCode,
  phenotypicSex,
  regions,
  sexGenderWords,
  statedGender,
} from './codesets';
import { readCensusEthnicGroup, readEthnicGroup5Census, readEthnicGroup5Nhs, readNhsEthnicCategory } from './read-ethnicity';
import { createDateOfBirthReader, createImdReader, readAgeInYears, readAsRecorded, readRegion } from './read-other';
import { readGenderIdentity, readPersonGenderCode, readPhenotypicSex, readSexText, readStatedGender } from './read-sex-gender';
import type { Reader } from './reading';

export interface SchemeOptions {
  /** yyyy-mm-dd; needed by 'date-of-birth'. */
  referenceDate?: string;
  /** Needed by 'imd'. */
  deprivation?: DeprivationSpec;
}

export interface SchemeDefinition {
  id: string;
  label: string;
  kinds: readonly AttributeKind[];
  /** What the mapping must also say for this scheme to be read. */
  requires?: 'referenceDate' | 'deprivation';
  /** The category set raw values are read into, before any grouping. */
  baseCategorySet(options: SchemeOptions): string;
  createReader(options: SchemeOptions): Reader;
  /** Code sets the scheme reads from, for the documentation of how categories were defined. */
  provenance: readonly Provenance[];
}

const fixed = (reader: Reader) => () => reader;

const SCHEMES: readonly SchemeDefinition[] = [
  {
    id: 'nhs-ethnic-category',
    label: 'NHS ETHNIC CATEGORY letters (A-S; Z not stated; 99 not known)',
    kinds: ['ethnicity'],
    baseCategorySet: () => 'nhs-ethnic-category',
    createReader: fixed(readNhsEthnicCategory),
    provenance: [nhsEthnicCategory, ethnicityLabels, missingValues],
  },
  {
    id: 'census-2021-ethnic-group',
    label: 'Census 2021 ethnic group (19 categories, numbered 1-19)',
    kinds: ['ethnicity'],
    baseCategorySet: () => 'census-2021-ethnic-group',
    createReader: fixed(readCensusEthnicGroup),
    provenance: [censusEthnicGroup, ethnicityLabels, missingValues],
  },
  {
    id: 'ethnic-group-5-census',
    label: 'Ethnic group labels, 5 high-level groups (Census grouping: Chinese in Asian)',
    kinds: ['ethnicity'],
    baseCategorySet: () => 'ethnic-group-5-census',
    createReader: fixed(readEthnicGroup5Census),
    provenance: [censusEthnicGroup, ethnicityLabels, missingValues],
  },
  {
    id: 'ethnic-group-5-nhs',
    label: 'Ethnic group labels, 5 high-level groups (NHS grouping: Chinese in Other)',
    kinds: ['ethnicity'],
    baseCategorySet: () => 'ethnic-group-5-nhs',
    createReader: fixed(readEthnicGroup5Nhs),
    provenance: [nhsEthnicCategory, ethnicityLabels, missingValues],
  },
  {
    id: 'nhs-person-phenotypic-sex',
    label: 'NHS PERSON PHENOTYPIC SEX (1 male, 2 female, 9 indeterminate, X not known)',
    kinds: ['sex'],
    baseCategorySet: () => 'sex',
    createReader: fixed(readPhenotypicSex),
    provenance: [phenotypicSex, sexGenderWords, missingValues],
  },
  {
    id: 'nhs-person-gender-code',
    label: 'NHS PERSON GENDER CODE, retired (0 not known, 1 male, 2 female, 9 not specified)',
    kinds: ['sex', 'gender'],
    baseCategorySet: () => 'sex',
    createReader: fixed(readPersonGenderCode),
    provenance: [personGenderCode, sexGenderWords, missingValues],
  },
  {
    id: 'sex-text',
    label: 'Sex as letters or words (M/F/U, Male/Female)',
    kinds: ['sex', 'gender'],
    baseCategorySet: () => 'sex',
    createReader: fixed(readSexText),
    provenance: [sexGenderWords, missingValues],
  },
  {
    id: 'nhs-person-stated-gender-code',
    label: 'NHS PERSON STATED GENDER CODE (1 male, 2 female, 9 indeterminate, X not known)',
    kinds: ['gender'],
    baseCategorySet: () => 'stated-gender',
    createReader: fixed(readStatedGender),
    provenance: [statedGender, sexGenderWords, missingValues],
  },
  {
    id: 'nhs-gender-identity-code',
    label: 'NHS GENDER IDENTITY CODE (1 male, 2 female, 3 non-binary, 4 other, Z, X)',
    kinds: ['gender'],
    baseCategorySet: () => 'gender-identity',
    createReader: fixed(readGenderIdentity),
    provenance: [genderIdentity, sexGenderWords, missingValues],
  },
  {
    id: 'age-in-years',
    label: 'Age in completed years',
    kinds: ['age'],
    baseCategorySet: () => 'age-5y',
    createReader: fixed(readAgeInYears),
    provenance: [ageBands, missingValues],
  },
  {
    id: 'date-of-birth',
    label: 'Date of birth, aged at a reference date',
    kinds: ['age'],
    requires: 'referenceDate',
    baseCategorySet: () => 'age-5y',
    createReader: (o) => createDateOfBirthReader(o.referenceDate ?? ''),
    provenance: [ageBands, missingValues],
  },
  {
    id: 'imd',
    label: 'Index of Multiple Deprivation decile or quintile',
    kinds: ['deprivation'],
    requires: 'deprivation',
    baseCategorySet: (o) => (o.deprivation?.unit === 'quintile' ? 'imd-quintile' : 'imd-decile'),
    createReader: (o) => createImdReader(o.deprivation ?? { unit: 'decile', direction: '1-is-most-deprived' }),
    provenance: [imd, missingValues],
  },
  {
    id: 'ons-region',
    label: 'English region or Wales (ONS code E12000001-E12000009, W92000004, or name)',
    kinds: ['region'],
    baseCategorySet: () => 'region',
    createReader: fixed(readRegion),
    provenance: [regions, missingValues],
  },
  {
    id: 'as-recorded',
    label: 'Categories as recorded (each distinct value is a category)',
    kinds: ATTRIBUTE_KINDS,
    baseCategorySet: () => 'as-recorded',
    createReader: fixed(readAsRecorded),
    provenance: [missingValues],
  },
];

const byId = new Map(SCHEMES.map((s) => [s.id, s]));

export const SCHEME_IDS: readonly string[] = SCHEMES.map((s) => s.id);

export function getScheme(id: string): SchemeDefinition | undefined {
  return byId.get(id);
}

export function schemesForKind(kind: AttributeKind): SchemeDefinition[] {
  return SCHEMES.filter((s) => s.kinds.includes(kind));
}

/** Groupings (coarser category sets) a scheme's output can be grouped into. */
export function schemeGroupings(schemeId: string, options: SchemeOptions = {}): string[] {
  const scheme = byId.get(schemeId);
  return scheme ? groupingTargets(scheme.baseCategorySet(options)) : [];
}
