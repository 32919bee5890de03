// Readers for ethnicity columns: NHS ETHNIC CATEGORY letters, Census 2021 numbers, and the labels
// people type ('White British', 'Asian or Asian British - Indian', 'Mixed').
import { NOT_KNOWN } from './attributes';
import { censusEthnicGroup, ethnicityLabels, nhsEthnicCategory } from './codesets';
import { normaliseCode, normaliseLabel, parseWholeNumber } from './normalise';
import { readMissingLabel, unmappedReading, type Reader, type Reading } from './reading';

/** What a free-text label names: a fine category (NHS and/or Census) or only a 5-group. */
interface LabelTarget {
  nhs?: string;
  census?: string;
  groupCensus: string;
  groupNhs: string;
}

const nhsLetters = new Set(nhsEthnicCategory.codes.map((c) => c.code));
const nhsGroup = new Map(nhsEthnicCategory.codes.map((c) => [c.code, c.group]));
const nhsCensusGroup = new Map(nhsEthnicCategory.codes.map((c) => [c.code, c.censusGroup]));
const censusCodes = new Map(censusEthnicGroup.codes.map((c) => [c.code, c]));
const nhsSpecial = new Map(nhsEthnicCategory.specialCodes.map((c) => [c.code, c.category]));
const nhsLegacy = new Map(nhsEthnicCategory.legacyCodes.map((c) => [c.code, c.category]));

function targetFor(member: { group: string; nhs?: string; census?: string }): LabelTarget {
  const census = member.census === undefined ? undefined : censusCodes.get(member.census);
  return {
    nhs: member.nhs,
    census: member.census,
    groupCensus: census?.group ?? (member.nhs ? nhsCensusGroup.get(member.nhs) : undefined) ?? member.group,
    groupNhs: (member.nhs ? nhsGroup.get(member.nhs) : undefined) ?? member.group,
  };
}

/**
 * The label dictionary, built once: every member label alone (when it names one category only),
 * and with each of its group's prefixes before or after it. A label that would name two
 * different categories is recorded as ambiguous (null) and stays unmapped.
 */
function buildLabelIndex(): Map<string, LabelTarget | null> {
  const index = new Map<string, LabelTarget | null>();
  const same = (a: LabelTarget, b: LabelTarget) => a.nhs === b.nhs && a.census === b.census;
  const add = (label: string, target: LabelTarget) => {
    const key = normaliseLabel(label);
    if (!index.has(key)) index.set(key, target);
    else {
      const prior = index.get(key);
      if (prior && !same(prior, target)) index.set(key, null);
    }
  };
  for (const member of ethnicityLabels.members) {
    const target = targetFor(member);
    for (const label of member.labels) {
      add(label, target);
      for (const prefix of ethnicityLabels.groupPrefixes[member.group] ?? []) {
        add(`${prefix} ${label}`, target);
        add(`${label} ${prefix}`, target);
      }
    }
  }
  // Group prefixes alone name only a high-level group; finer labels win where both exist.
  for (const [group, prefixes] of Object.entries(ethnicityLabels.groupPrefixes)) {
    for (const prefix of prefixes) {
      const key = normaliseLabel(prefix);
      // 'other' alone is ambiguous between member labels (Other White, Other Asian...) but
      // unambiguous as a group: the group reading replaces the ambiguity.
      if (!index.has(key) || index.get(key) === null) index.set(key, { groupCensus: group, groupNhs: group });
    }
  }
  return index;
}

/**
 * Built on first use, not at import: `represent analyse` imports this module before its pass, where
 * building the index (~7 ms) would delay the profiling threads' start; most mappings read codes.
 */
let labelIndex: Map<string, LabelTarget | null> | undefined;

/** The target a free-text ethnicity label names, or undefined (unknown or ambiguous). */
export function lookupEthnicityLabel(label: string): LabelTarget | undefined {
  labelIndex ??= buildLabelIndex();
  return labelIndex.get(label) ?? undefined;
}

/** Label with a code before or after it ('A White British', 'Indian (H)'): the code must agree with the label. */
function codeBesideLabel(label: string, field: 'nhs' | 'census', isCode: (t: string) => boolean): string | undefined {
  const space = label.indexOf(' ');
  if (space < 0) return undefined;
  const head = label.slice(0, space);
  const lastSpace = label.lastIndexOf(' ');
  const tail = label.slice(lastSpace + 1);
  const fieldOf = (t: string) => (field === 'nhs' ? t.toUpperCase() : String(parseWholeNumber(t)));
  if (isCode(head)) {
    const target = lookupEthnicityLabel(label.slice(space + 1));
    if (target && target[field] === fieldOf(head)) return target[field];
  }
  if (isCode(tail)) {
    const target = lookupEthnicityLabel(label.slice(0, lastSpace));
    if (target && target[field] === fieldOf(tail)) return target[field];
  }
  return undefined;
}

export const readNhsEthnicCategory: Reader = (raw) => {
  const code = normaliseCode(raw);
  if (code.length === 0) return { key: NOT_KNOWN, via: 'missing-token' };
  const exactVia = raw === code ? 'code' : 'code-variant';
  const special = nhsSpecial.get(code);
  if (special !== undefined) return { key: special, via: exactVia };
  if (code.length === 1 && nhsLetters.has(code)) return { key: code, via: exactVia };
  const legacy = nhsLegacy.get(code);
  if (legacy !== undefined) return { key: legacy, via: 'legacy-code' };
  const label = normaliseLabel(raw);
  const missing = readMissingLabel(label);
  if (missing) return missing;
  // Only the first character is national; a local second character rolls up to it ('A1' -> A).
  if (code.length === 2 && nhsLetters.has(code[0]!) && isAlphanumeric(code.charCodeAt(1))) return { key: code[0]!, via: 'local-code' };
  const target = lookupEthnicityLabel(label);
  if (target?.nhs !== undefined) return { key: target.nhs, via: 'label' };
  const beside = codeBesideLabel(label, 'nhs', (t) => t.length === 1 && nhsLetters.has(t.toUpperCase()));
  if (beside !== undefined) return { key: beside, via: 'label' };
  return unmappedReading;
};

export const readCensusEthnicGroup: Reader = (raw) => {
  const n = parseWholeNumber(raw);
  if (n !== undefined) {
    const key = String(n);
    const via = raw === key ? 'code' : 'code-variant';
    if (censusCodes.has(key)) return { key, via };
    const special = censusEthnicGroup.specialCodes.find((c) => c.code === key);
    if (special) return { key: special.category, via };
    return unmappedReading;
  }
  const label = normaliseLabel(raw);
  const missing = readMissingLabel(label);
  if (missing) return missing;
  const target = lookupEthnicityLabel(label);
  if (target?.census !== undefined) return { key: target.census, via: 'label' };
  const beside = codeBesideLabel(label, 'census', (t) => {
    const v = parseWholeNumber(t);
    return v !== undefined && censusCodes.has(String(v));
  });
  if (beside !== undefined) return { key: beside, via: 'label' };
  return unmappedReading;
};

function fiveGroupReader(grouping: 'groupCensus' | 'groupNhs'): Reader {
  return (raw) => {
    const label = normaliseLabel(raw);
    const missing = readMissingLabel(label);
    if (missing) return missing;
    const target = lookupEthnicityLabel(label);
    if (target) return { key: target[grouping], via: 'label' };
    return unmappedReading;
  };
}

/** High-level labels read in the Census 2021 grouping (Chinese counted as Asian). */
export const readEthnicGroup5Census = fiveGroupReader('groupCensus');
/** High-level labels read in the NHS grouping (Chinese counted as Other). */
export const readEthnicGroup5Nhs = fiveGroupReader('groupNhs');

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

export type { Reading };
