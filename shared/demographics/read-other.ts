// Readers for age, date of birth, IMD deprivation, region and 'as recorded' columns.
import type { DeprivationSpec } from './attributes';
import { NOT_KNOWN, UNMAPPED } from './attributes';
import { ageBands, regions } from './codesets';
import { ageInYears, parseDate } from './dates';
import { normaliseCode, normaliseLabel, parseAgeYears, parseWholeNumber } from './normalise';
import { readMissingLabel, unmappedReading, type Reader, type Reading } from './reading';

// ---- age -------------------------------------------------------------------------------------

const fiveYearBands = ageBands.sets.find((s) => s.id === 'age-5y')!.bands;
/** Band key for every whole age 0..maxPlausibleAge, so reading an age is one array index. */
const bandByAge: string[] = Array.from({ length: ageBands.maxPlausibleAge + 1 }, (_, age) => {
  const band = fiveYearBands.find((b) => age >= b.min && (b.max === null || age <= b.max));
  return band ? band.key : UNMAPPED;
});

/** The 5-year band of a whole age in years, or 'unmapped' when outside 0..maxPlausibleAge. */
export function ageBandOf(age: number): string {
  return age >= 0 && age < bandByAge.length ? bandByAge[age]! : UNMAPPED;
}

function missingOrUnmapped(raw: string): Reading {
  return readMissingLabel(normaliseLabel(raw)) ?? unmappedReading;
}

/** 5-year band labels written out ('25-29', '25 to 29', '90 and over'), normalised. */
const bandByLabel = new Map<string, string>();
for (const b of fiveYearBands) {
  bandByLabel.set(normaliseLabel(b.key), b.key);
  if (b.max === null) for (const s of ['and over', 'plus', 'or over', 'and older']) bandByLabel.set(`${b.min} ${s}`, b.key);
  else bandByLabel.set(`${b.min} to ${b.max}`, b.key);
}

/** Whole ages ('45', '45.7', '90+') or 5-year band labels ('45-49'). */
export const readAgeInYears: Reader = (raw) => {
  const age = parseAgeYears(raw);
  if (age === undefined) {
    const band = bandByLabel.get(normaliseLabel(raw));
    return band !== undefined ? { key: band, via: 'label' } : missingOrUnmapped(raw);
  }
  const key = ageBandOf(age);
  return key === UNMAPPED ? unmappedReading : { key, via: 'code' };
};

/** Dates of birth read as completed years at `referenceDate` (yyyy-mm-dd), then banded. */
export function createDateOfBirthReader(referenceDate: string): Reader {
  const reference = parseDate(referenceDate);
  if (reference === undefined) throw new Error('referenceDate must be a valid yyyy-mm-dd date');
  return (raw) => {
    const birth = parseDate(raw);
    if (birth === undefined) return missingOrUnmapped(raw);
    if (birth > reference) return unmappedReading; // born after the reference date: a data error
    const key = ageBandOf(ageInYears(birth, reference));
    return key === UNMAPPED ? unmappedReading : { key, via: 'code' };
  };
}

// ---- deprivation -----------------------------------------------------------------------------

/** IMD deciles or quintiles, always reported with 1 = most deprived whatever the source direction. */
export function createImdReader(spec: Pick<DeprivationSpec, 'unit' | 'direction'>): Reader {
  const max = spec.unit === 'decile' ? 10 : 5;
  const reversed = spec.direction === '1-is-least-deprived';
  return (raw) => {
    const n = parseWholeNumber(raw);
    if (n === undefined) return missingOrUnmapped(raw);
    if (n < 1 || n > max) return unmappedReading;
    return { key: String(reversed ? max + 1 - n : n), via: raw === String(n) ? 'code' : 'code-variant' };
  };
}

// ---- region ----------------------------------------------------------------------------------

const regionCodes = new Set(regions.regions.map((r) => r.code));
const regionNames = new Map<string, string>();
for (const r of regions.regions) {
  regionNames.set(normaliseLabel(r.name), r.code);
  for (const alias of r.aliases) regionNames.set(normaliseLabel(alias), r.code);
}

export const readRegion: Reader = (raw) => {
  const code = normaliseCode(raw);
  if (regionCodes.has(code)) return { key: code, via: raw === code ? 'code' : 'code-variant' };
  const label = normaliseLabel(raw);
  const named = regionNames.get(label);
  if (named !== undefined) return { key: named, via: 'label' };
  return readMissingLabel(label) ?? unmappedReading;
};

// ---- as recorded -----------------------------------------------------------------------------

/**
 * Any column the user tags (language, religion, disability, site...): each distinct value is its
 * own category, after trimming and collapsing inner spaces; missing-value words still go to
 * not-known / not-stated so they are reported as such.
 */
export const readAsRecorded: Reader = (raw) => {
  const label = normaliseLabel(raw);
  const missing = readMissingLabel(label);
  if (missing) return missing;
  const key = raw.trim().replace(/\s+/g, ' ');
  return key.length === 0 ? { key: NOT_KNOWN, via: 'missing-token' } : { key, via: 'label' };
};
