// Typed views of the code-set data files in ./codesets. The figures and codes live only in those
// JSON files, each with its source, URL, retrieval note and licence; this module gives them types.
import nhsEthnicJson from './codesets/nhs-ethnic-category.json';
import censusEthnicJson from './codesets/census-2021-ethnic-group.json';
import ethnicityLabelsJson from './codesets/ethnicity-labels.json';
import missingValuesJson from './codesets/missing-values.json';
import phenotypicSexJson from './codesets/nhs-person-phenotypic-sex.json';
import statedGenderJson from './codesets/nhs-person-stated-gender-code.json';
import personGenderJson from './codesets/nhs-person-gender-code.json';
import genderIdentityJson from './codesets/nhs-gender-identity-code.json';
import sexGenderWordsJson from './codesets/sex-gender-words.json';
import ageBandsJson from './codesets/age-bands.json';
import imdJson from './codesets/imd.json';
import regionsJson from './codesets/regions.json';

/** Every code-set file carries these, so a report can cite where each category came from. */
export interface Provenance {
  id: string;
  title: string;
  source: string;
  url: string;
  retrieved: string;
  licence: string;
  notes?: string[];
}

export type EthnicGroupKey = 'white' | 'mixed' | 'asian' | 'black' | 'other';

export interface NhsEthnicCodeSet extends Provenance {
  groups: { key: string; label: string }[];
  codes: { code: string; label: string; group: string; censusGroup: string; note?: string }[];
  specialCodes: { code: string; category: string; meaning: string }[];
  legacyCodes: { code: string; category: string; meaning: string; url: string }[];
}

export interface CensusEthnicCodeSet extends Provenance {
  groups: { key: string; label: string }[];
  codes: { code: string; label: string; shortLabel: string; group: string; nhs: string }[];
  specialCodes: { code: string; category: string; meaning: string }[];
}

export interface EthnicityLabels extends Provenance {
  groupPrefixes: Record<string, string[]>;
  members: { group: string; nhs?: string; census?: string; labels: string[] }[];
}

export interface MissingValues extends Provenance {
  notKnown: string[];
  notStated: string[];
}

export interface SexGenderCodeSet extends Provenance {
  concept: string;
  categorySet: string;
  codes: { code: string; category: string; meaning: string }[];
}

export interface SexGenderWords extends Provenance {
  sex: Record<string, string[]>;
  genderIdentity: Record<string, string[]>;
}

export interface AgeBandSet {
  id: string;
  label: string;
  bands: { key: string; min: number; max: number | null }[];
}

export interface AgeBands extends Provenance {
  maxPlausibleAge: number;
  sets: AgeBandSet[];
}

export interface ImdCodeSet extends Provenance {
  directions: { id: string; label: string }[];
  editions: { id: string; label: string; nation: string | null; geography: string | null; units: number | null; confidence: string; note?: string; url?: string }[];
}

export interface RegionCodeSet extends Provenance {
  regions: { code: string; name: string; nation: string; aliases: string[] }[];
}

export const nhsEthnicCategory: NhsEthnicCodeSet = nhsEthnicJson;
export const censusEthnicGroup: CensusEthnicCodeSet = censusEthnicJson;
export const ethnicityLabels: EthnicityLabels = ethnicityLabelsJson;
export const missingValues: MissingValues = missingValuesJson;
export const phenotypicSex: SexGenderCodeSet = phenotypicSexJson;
export const statedGender: SexGenderCodeSet = statedGenderJson;
export const personGenderCode: SexGenderCodeSet = personGenderJson;
export const genderIdentity: SexGenderCodeSet = genderIdentityJson;
export const sexGenderWords: SexGenderWords = sexGenderWordsJson;
export const ageBands: AgeBands = ageBandsJson;
export const imd: ImdCodeSet = imdJson;
export const regions: RegionCodeSet = regionsJson;

export const ALL_CODE_SETS: readonly Provenance[] = [
  nhsEthnicCategory,
  censusEthnicGroup,
  ethnicityLabels,
  missingValues,
  phenotypicSex,
  statedGender,
  personGenderCode,
  genderIdentity,
  sexGenderWords,
  ageBands,
  imd,
  regions,
];
