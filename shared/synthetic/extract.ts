// The seeded synthetic NHS-like extract: CSV text in chunks, with demographic columns drawn from
// the Census 2021 reference data (shared/reference, the single source of truth) and clinical
// columns that only need to look plausible. Pure and deterministic: the same options always give
// the same bytes. Everything not taken from the Census is an assumption, listed in
// SYNTHETIC_ASSUMPTIONS so tests and documentation can say so.
import { RepresentError } from '../errors';
import { ageBands, censusEthnicGroup, nhsEthnicCategory, regions } from '../demographics/codesets';
import { civilFromDays, daysFromCivil, daysInMonth, formatIsoDate, formatUkDate, parseDate } from '../demographics/dates';
import { census2021Age, census2021Sex, ENGLAND } from '../reference/census2021';
import { englandRegionEthnicityJoint } from './census-joint';
import { ChunkWriter } from './chunk-writer';
import { writeSyntheticNhsNumber } from './nhs-number';
import { mulberry32, normalSampler, weightedSampler, type Random } from './random';

export interface ExtractOptions {
  /** Data rows (the header is extra). */
  rows: number;
  /** Any integer; the same seed gives the same file. */
  seed: number;
  /** Add the variants real extracts have: local codes (A1), lower case, blanks, NULL, retired sex codes, words, stray T/X, quoted commas, a second date format. */
  messy?: boolean;
  /** Keep only `factor` of one NHS ethnic category's people (e.g. N at 0.1), as if that group were under-recruited. */
  undersample?: { attribute: 'ethnicity'; category: string; factor: number };
  /** Shares of rows whose ethnic category is overwritten with Z (not stated) and 99 (not known). */
  missingEthnicity?: { notStated: number; notKnown: number };
  /** Rows per yielded chunk (default 10,000). */
  chunkRows?: number;
  /** yyyy-mm-dd date ages are computed at (default 2025-03-31). */
  extractDate?: string;
}

export const EXTRACT_COLUMNS = [
  'PSEUDO_ID',
  'NHS_NUMBER',
  'PERSON_BIRTH_DATE',
  'AGE_AT_EXTRACT',
  'PERSON_PHENOTYPIC_SEX',
  'PERSON_STATED_GENDER_CODE',
  'ETHNIC_CATEGORY',
  'REGION_CODE',
  'REGION_NAME',
  'POSTCODE_DISTRICT',
  'IMD_DECILE',
  'ADMISSION_DATE',
  'PRIMARY_DIAGNOSIS',
  'BMI',
  'SYSTOLIC_BP',
  'SMOKING_STATUS',
  'OUTCOME_30D',
] as const;

export const DEFAULT_EXTRACT_DATE = '2025-03-31';
/** Admissions are spread evenly over these years, for analyses by period. */
export const ADMISSION_YEARS = [2019, 2024] as const;

/**
 * Rates that are not Census facts. The ethnicity missing rates follow the prototype in the
 * reference notes (4% Z, 6% 99), which it marks as an assumption; the rest are plausible choices.
 */
export const SYNTHETIC_ASSUMPTIONS = {
  ethnicityNotStated: 0.04,
  ethnicityNotKnown: 0.06,
  sexIndeterminate: 0.0002,
  sexNotKnown: 0.002,
  genderDiffersIndeterminate: 0.001,
  genderNotKnown: 0.01,
  imdMissing: 0.008,
  bmiMissing: 0.08,
  bpNull: 0.04,
  bpNotKnown: 0.02,
  oldestAge: 104,
  imd: 'uniform over deciles and independent of region and ethnicity, which is unrealistic (minority groups and some regions over-represent deciles 1-2)',
  outcome: 'base rate rising with age, and mild multipliers by IMD decile, sex and ethnic group; invented for testing, not epidemiology',
} as const;

// ---- fixed tables (built once) ---------------------------------------------------------------

/** Synthetic postcode areas per region: real area letters, districts not checked against real ones. */
const POSTCODE_AREAS: Readonly<Record<string, string[]>> = {
  E12000001: ['NE', 'SR', 'DH', 'TS', 'DL'],
  E12000002: ['M', 'L', 'WA', 'WN', 'BL', 'OL', 'SK', 'PR', 'BB', 'FY', 'LA', 'CA', 'CH', 'CW'],
  E12000003: ['LS', 'BD', 'HX', 'HD', 'WF', 'S', 'DN', 'HU', 'YO', 'HG'],
  E12000004: ['NG', 'LE', 'DE', 'NN', 'LN'],
  E12000005: ['B', 'CV', 'WV', 'WS', 'DY', 'ST', 'TF', 'WR', 'HR'],
  E12000006: ['CB', 'IP', 'NR', 'CO', 'CM', 'SG', 'AL', 'LU', 'PE', 'SS'],
  E12000007: ['E', 'N', 'NW', 'SE', 'SW', 'W', 'EC', 'WC'],
  E12000008: ['RG', 'OX', 'GU', 'BN', 'TN', 'ME', 'CT', 'PO', 'SO', 'SL', 'HP', 'RH', 'KT', 'MK'],
  E12000009: ['BS', 'BA', 'EX', 'PL', 'TR', 'TQ', 'TA', 'GL', 'SN', 'BH', 'DT', 'SP'],
};

/** ICD-10 codes in the 4-character HES style, with rough relative frequencies. */
const DIAGNOSES: readonly [string, number][] = [
  ['R074', 8], ['J189', 6], ['N390', 6], ['R104', 6], ['I219', 4], ['I500', 4], ['J441', 4], ['A419', 3],
  ['I639', 3], ['S720', 3], ['K358', 2], ['K802', 3], ['J22X', 5], ['E119', 2], ['I480', 4], ['L031', 3],
  ['R55X', 3], ['N179', 3], ['F329', 2], ['G409', 2], ['C349', 2], ['C509', 2], ['M170', 2], ['H251', 3], ['O800', 3],
];

const SMOKING_ADULT: readonly [string, number][] = [['Never smoked', 55], ['Ex-smoker', 25], ['Current smoker', 13], ['Not recorded', 7]];
const SMOKING_MESSY = ['Ex-smoker, stopped over a year ago', 'Current smoker, "social" only'];

/** Outcome multipliers by NHS 5-group (assumed, mild). */
const GROUP_OUTCOME_FACTOR: Readonly<Record<string, number>> = { white: 1, mixed: 0.95, asian: 1.1, black: 1.15, other: 1.05 };

/** Descriptive labels used by the messy variants, one per NHS letter. */
const MESSY_LABELS: Readonly<Record<string, string>> = {
  A: 'White British', B: 'White Irish', C: 'Other White', D: 'Mixed White and Black Caribbean', E: 'Mixed White and Black African',
  F: 'Mixed White and Asian', G: 'Other Mixed', H: 'Indian', J: 'Pakistani', K: 'Bangladeshi', L: 'Other Asian',
  M: 'Black Caribbean', N: 'Black African', P: 'Other Black', R: 'Chinese', S: 'Any other ethnic group',
};

function validate(options: ExtractOptions): void {
  const bad = (what: string, expected: string, found: string) => new RepresentError('bad-argument', `The synthetic extract options are not valid: ${what}.`, { expected, found });
  if (!Number.isInteger(options.rows) || options.rows < 0) throw bad('rows', 'a whole number of rows, 0 or more', String(options.rows));
  if (!Number.isInteger(options.seed)) throw bad('seed', 'a whole number', String(options.seed));
  if (options.chunkRows !== undefined && (!Number.isInteger(options.chunkRows) || options.chunkRows < 1)) throw bad('chunkRows', 'a whole number, 1 or more', String(options.chunkRows));
  if (options.extractDate !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(options.extractDate) || parseDate(options.extractDate) === undefined))
    throw bad('extractDate', 'a yyyy-mm-dd date', 'something else');
  const u = options.undersample;
  if (u) {
    if (u.attribute !== 'ethnicity') throw bad('undersample.attribute', "'ethnicity'", String(u.attribute));
    if (!nhsEthnicCategory.codes.some((c) => c.code === u.category)) throw bad('undersample.category', 'an NHS ethnic category letter A-S', `"${u.category}"`);
    if (!(u.factor >= 0) || !Number.isFinite(u.factor)) throw bad('undersample.factor', 'a number, 0 or more', String(u.factor));
  }
  const m = options.missingEthnicity;
  if (m && (!(m.notStated >= 0) || !(m.notKnown >= 0) || m.notStated + m.notKnown > 1))
    throw bad('missingEthnicity', 'two rates between 0 and 1 that add up to 1 or less', `${m.notStated} and ${m.notKnown}`);
}

/** Day-number strings, cached: formatting dates per row would dominate the generator's time. */
function dateStrings(from: number, to: number, format: (days: number) => string): string[] {
  const out: string[] = new Array(to - from + 1);
  for (let d = from; d <= to; d++) out[d - from] = format(d);
  return out;
}

const COMMA = 44;
const NEWLINE = 10;
const SMALL_INTS = Array.from({ length: 301 }, (_, i) => String(i));
/** '10.0' .. '70.0' by tenths. */
const BMI_STRINGS = Array.from({ length: 601 }, (_, i) => (10 + i / 10).toFixed(1));

// ---- the generator -------------------------------------------------------------------------------

/**
 * Yields the extract as CSV text: the header then `chunkRows` rows per chunk, comma-delimited,
 * LF line ends, RFC 4180 quoting where a field needs it. About 100 bytes per row.
 */
export function generateExtract(options: ExtractOptions): Generator<string, void, undefined> {
  // Validated here, at the call, rather than at the first next() of the generator.
  validate(options);
  return extractChunks(options);
}

function* extractChunks(options: ExtractOptions): Generator<string, void, undefined> {
  const random: Random = mulberry32(options.seed >>> 0);
  const normal = normalSampler(random);
  const messy = options.messy === true;
  const chunkRows = options.chunkRows ?? 10_000;
  const notStatedRate = options.missingEthnicity?.notStated ?? SYNTHETIC_ASSUMPTIONS.ethnicityNotStated;
  const notKnownRate = options.missingEthnicity?.notKnown ?? SYNTHETIC_ASSUMPTIONS.ethnicityNotKnown;

  // Region x NHS ethnic letter cells, weighted by the fitted Census joint.
  const joint = englandRegionEthnicityJoint();
  const nhsOf = new Map(censusEthnicGroup.codes.map((c) => [c.code, c.nhs]));
  const groupOf = new Map(nhsEthnicCategory.codes.map((c) => [c.code, c.group]));
  const letters = nhsEthnicCategory.codes.map((c) => c.code);
  const cellRegion: number[] = [];
  const cellLetter: string[] = [];
  const cellWeight: number[] = [];
  joint.regionCodes.forEach((_, r) => {
    for (const letter of letters) {
      let w = 0;
      joint.categoryCodes.forEach((c, k) => {
        if (nhsOf.get(c) === letter) w += joint.weights[r]![k]!;
      });
      if (options.undersample && options.undersample.category === letter) w *= options.undersample.factor;
      cellRegion.push(r);
      cellLetter.push(letter);
      cellWeight.push(w);
    }
  });
  const drawCell = weightedSampler(cellWeight, random);
  const cellFactor = cellLetter.map((l) => GROUP_OUTCOME_FACTOR[groupOf.get(l)!] ?? 1);
  const regionCodeAndName = joint.regionCodes.map((code) => `${code},${regions.regions.find((r) => r.code === code)!.name}`);
  const postcodeAreas = joint.regionCodes.map((code) => POSTCODE_AREAS[code]!);

  // Age: a 5-year band by England's counts, then a uniform whole age inside it.
  const bands = ageBands.sets.find((s) => s.id === 'age-5y')!.bands;
  const england = census2021Age.bands5[ENGLAND]!;
  const drawBand = weightedSampler(bands.map((b) => england[b.key]!), random);
  const bandMin = bands.map((b) => b.min);
  const bandWidth = bands.map((b) => (b.max === null ? SYNTHETIC_ASSUMPTIONS.oldestAge : b.max) - b.min + 1);

  // Dates of birth consistent with the age at the extract date: for age a, born after the
  // (a+1)th birthday before the extract date and on or before the a-th.
  const extract = parseDate(options.extractDate ?? DEFAULT_EXTRACT_DATE)!;
  const { year: ey, month: em, day: ed } = civilFromDays(extract);
  // The extract date's anniversary `yearsBack` years earlier; 29 February falls back to the 28th
  // in common years, matching how ageInYears counts birthdays.
  const anniversary = (yearsBack: number) => daysFromCivil(ey - yearsBack, em, Math.min(ed, daysInMonth(ey - yearsBack, em)));
  const maxAge = SYNTHETIC_ASSUMPTIONS.oldestAge;
  const birthFrom: number[] = [];
  const birthSpan: number[] = [];
  for (let a = 0; a <= maxAge; a++) {
    const latest = a === 0 ? extract : anniversary(a);
    const earliest = anniversary(a + 1) + 1;
    birthFrom.push(earliest);
    birthSpan.push(latest - earliest + 1);
  }
  const dobBase = birthFrom[maxAge]!;
  const dobStrings = dateStrings(dobBase, extract, formatIsoDate);
  const admFrom = daysFromCivil(ADMISSION_YEARS[0], 1, 1);
  const admTo = daysFromCivil(ADMISSION_YEARS[1], 12, 31);
  const admStrings = dateStrings(admFrom, admTo, formatUkDate);
  const admIsoStrings = messy ? dateStrings(admFrom, admTo, formatIsoDate) : [];

  const sex = census2021Sex.areas[ENGLAND]!;
  const pFemale = sex.female / sex.persons;
  const drawDiagnosis = weightedSampler(DIAGNOSES.map((d) => d[1]), random);
  const drawSmoking = weightedSampler(SMOKING_ADULT.map((d) => d[1]), random);

  const out = new ChunkWriter(chunkRows * 128 + 1024);
  out.text(EXTRACT_COLUMNS.join(',') + '\n');
  let inChunk = 0;
  for (let i = 0; i < options.rows; i++) {
    const cell = drawCell();
    const r = cellRegion[cell]!;
    const band = drawBand();
    const age = bandMin[band]! + Math.floor(random() * bandWidth[band]!);
    const dob = birthFrom[age]! + Math.floor(random() * birthSpan[age]!);

    let u = random();
    let sexCode: string = u < pFemale ? '2' : '1';
    u = random();
    if (u < SYNTHETIC_ASSUMPTIONS.sexNotKnown) sexCode = 'X';
    else if (u < SYNTHETIC_ASSUMPTIONS.sexNotKnown + SYNTHETIC_ASSUMPTIONS.sexIndeterminate) sexCode = '9';
    u = random();
    let gender: string = sexCode;
    if (u < SYNTHETIC_ASSUMPTIONS.genderNotKnown) gender = 'X';
    else if (u < SYNTHETIC_ASSUMPTIONS.genderNotKnown + SYNTHETIC_ASSUMPTIONS.genderDiffersIndeterminate) gender = '9';

    const letter = cellLetter[cell]!;
    u = random();
    let ethnic = u < notStatedRate ? 'Z' : u < notStatedRate + notKnownRate ? '99' : letter;

    u = random();
    const imdMissing = u < SYNTHETIC_ASSUMPTIONS.imdMissing;
    const imd = 1 + Math.floor(random() * 10);
    const areas = postcodeAreas[r]!;
    const areaIndex = Math.floor(random() * areas.length);
    const district = 1 + Math.floor(random() * 20);
    const admission = Math.floor(random() * (admTo - admFrom + 1));
    const diagnosis = DIAGNOSES[drawDiagnosis()]![0];

    u = random();
    const z = normal();
    let bmi = '';
    if (u >= SYNTHETIC_ASSUMPTIONS.bmiMissing) {
      const value = age >= 18 ? 27.5 + 5.5 * z : 15 + 0.45 * age + 3 * z;
      bmi = BMI_STRINGS[Math.min(600, Math.max(0, Math.round((Math.min(65, Math.max(11, value)) - 10) * 10)))]!;
    }
    u = random();
    const z2 = normal();
    let bp: string;
    if (u < SYNTHETIC_ASSUMPTIONS.bpNull) bp = 'NULL';
    else if (u < SYNTHETIC_ASSUMPTIONS.bpNull + SYNTHETIC_ASSUMPTIONS.bpNotKnown) bp = 'Not known';
    else bp = SMALL_INTS[Math.min(230, Math.max(70, Math.round(age >= 16 ? 112 + 0.45 * age + 15 * z2 : 100 + age + 10 * z2)))]!;
    let smoking = age < 16 ? 'Never smoked' : SMOKING_ADULT[drawSmoking()]![0];

    // Outcome: base risk by age, mild multipliers by deprivation, sex and group (assumptions).
    const base = 0.02 + 0.1 * Math.max(0, age - 50) / 50;
    const p = base * (imdMissing ? 1 : 1 + 0.03 * (5.5 - imd)) * (sexCode === '1' ? 1.1 : 0.95) * cellFactor[cell]!;
    const outcome = random() < p ? 49 : 48; // '1' / '0'

    let imdText = imdMissing ? '' : SMALL_INTS[imd]!;
    let admissionText = admStrings[admission]!;
    let ageText = SMALL_INTS[age]!;
    if (messy) {
      u = random();
      if (u < 0.02) ethnic = ethnic.length === 1 && ethnic !== 'Z' ? ethnic + String(1 + Math.floor(random() * 4)) : ethnic;
      else if (u < 0.03) ethnic = ethnic.toLowerCase();
      else if (u < 0.035) ethnic = `  ${ethnic.toLowerCase()} `;
      else if (u < 0.045) ethnic = '';
      else if (u < 0.05) ethnic = 'NULL';
      else if (u < 0.056) ethnic = MESSY_LABELS[letter] ?? ethnic;
      else if (u < 0.057) ethnic = 'Prefer not to say';
      else if (u < 0.059) ethnic = 'T';
      else if (u < 0.061) ethnic = 'X';
      u = random();
      if (u < 0.002) sexCode = '0';
      else if (u < 0.004) sexCode = '9';
      else if (u < 0.014) sexCode = sexCode === '1' ? 'Male' : sexCode === '2' ? 'Female' : sexCode;
      else if (u < 0.024) sexCode = sexCode === '1' ? 'M' : sexCode === '2' ? 'f' : sexCode;
      else if (u < 0.027) sexCode = '';
      u = random();
      if (u < 0.01) gender = gender === '1' ? 'Male' : gender === '2' ? 'Female' : gender;
      else if (u < 0.012) gender = 'NULL';
      u = random();
      if (u < 0.005) imdText = imdText ? `0${imdText}` : imdText;
      else if (u < 0.008) imdText = 'NULL';
      u = random();
      if (u < 0.01 && age >= 16) smoking = SMOKING_MESSY[u < 0.007 ? 0 : 1]!;
      u = random();
      if (u < 0.005) admissionText = admIsoStrings[admission]!;
      u = random();
      if (u < 0.002) ageText = '';
    }

    out.uint(i + 1);
    out.char(COMMA);
    writeSyntheticNhsNumber(random, out);
    out.char(COMMA);
    out.text(dobStrings[dob - dobBase]!);
    out.char(COMMA);
    out.text(ageText);
    out.char(COMMA);
    out.text(sexCode);
    out.char(COMMA);
    out.text(gender);
    out.char(COMMA);
    out.field(ethnic);
    out.char(COMMA);
    out.text(regionCodeAndName[r]!);
    out.char(COMMA);
    out.text(areas[areaIndex]!);
    out.uint(district);
    out.char(COMMA);
    out.text(imdText);
    out.char(COMMA);
    out.text(admissionText);
    out.char(COMMA);
    out.text(diagnosis);
    out.char(COMMA);
    out.text(bmi);
    out.char(COMMA);
    out.text(bp);
    out.char(COMMA);
    out.field(smoking);
    out.char(COMMA);
    out.char(outcome);
    out.char(NEWLINE);
    if (++inChunk === chunkRows) {
      yield out.take();
      inChunk = 0;
    }
  }
  if (out.length > 0) yield out.take();
}
