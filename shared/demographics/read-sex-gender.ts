// Readers for sex and gender columns. Each NHS code list is read by its own table; letters
// (M/F/U) and words are accepted in every scheme, because real extracts mix them. '9' is the one
// code whose meaning depends on the list, so it is read only through the scheme's own table.
import { NOT_KNOWN } from './attributes';
import { genderIdentity, personGenderCode, phenotypicSex, sexGenderWords, statedGender, type SexGenderCodeSet } from './codesets';
import { normaliseCode, normaliseLabel } from './normalise';
import { readMissingLabel, unmappedReading, type Reader, type Reading } from './reading';

function wordTable(words: Record<string, string[]>): Map<string, string> {
  const table = new Map<string, string>();
  for (const [category, list] of Object.entries(words)) for (const w of list) table.set(normaliseLabel(w), category);
  return table;
}

const sexWords = wordTable(sexGenderWords.sex);
const genderIdentityWords = wordTable(sexGenderWords.genderIdentity);

/** The retired PERSON GENDER CODE's '0' (Not known) appears in no current list but means the same wherever it is found. */
const retiredNotKnown = personGenderCode.codes.find((c) => c.code === '0')?.category ?? NOT_KNOWN;

function codeReader(codes: { code: string; category: string }[], words: Map<string, string>, acceptRetiredZero: boolean): Reader {
  const table = new Map(codes.map((c) => [c.code, c.category]));
  return (raw): Reading => {
    const code = normaliseCode(raw);
    const own = table.get(code);
    if (own !== undefined) return { key: own, via: raw === code ? 'code' : 'code-variant' };
    if (acceptRetiredZero && code === '0') return { key: retiredNotKnown, via: 'legacy-code' };
    const label = normaliseLabel(raw);
    const word = words.get(label);
    if (word !== undefined) return { key: word, via: 'label' };
    return readMissingLabel(label) ?? unmappedReading;
  };
}

const sexScheme = (set: SexGenderCodeSet, acceptZero: boolean) => codeReader(set.codes, sexWords, acceptZero);

/** PERSON PHENOTYPIC SEX: 1 male, 2 female, 9 indeterminate, X not known. */
export const readPhenotypicSex = sexScheme(phenotypicSex, true);
/** PERSON STATED GENDER CODE: 1 male, 2 female, 9 indeterminate, X not known. */
export const readStatedGender = sexScheme(statedGender, true);
/** Retired PERSON GENDER CODE / PERSON GENDER CODE CURRENT: 0 not known, 1 male, 2 female, 9 not specified. */
export const readPersonGenderCode = sexScheme(personGenderCode, false);
/** Letters and words only (M/F/U, Male/Female): digits are not guessed. */
export const readSexText = codeReader(
  [
    { code: 'M', category: 'male' },
    { code: 'F', category: 'female' },
    { code: 'U', category: NOT_KNOWN },
  ],
  sexWords,
  false,
);
/** GENDER IDENTITY CODE: 1 male, 2 female, 3 non-binary, 4 other, Z not stated, X not known. */
export const readGenderIdentity = codeReader(genderIdentity.codes, genderIdentityWords, false);
