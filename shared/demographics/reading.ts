// What a reader says about one raw value: the category it lands in and how it got there. The
// "how" lets the recognisers tell exact codes from legacy codes and words, and lets a suggested
// mapping spell out every non-obvious reading for a reviewer.
import { NOT_KNOWN, NOT_STATED, UNMAPPED } from './attributes';
import { missingValues } from './codesets';
import { normaliseLabel } from './normalise';

export type ReadingVia =
  /** the raw text is exactly an official code of the scheme */
  | 'code'
  /** an official code after trimming, case-folding or dropping leading zeros */
  | 'code-variant'
  /** a local two-character NHS ethnic code, read by its national first character */
  | 'local-code'
  /** a retired or feed-specific code (NHS ethnic 9/X/T, PERSON GENDER CODE 0) */
  | 'legacy-code'
  /** a descriptive word or label ('White British', 'Male') */
  | 'label'
  /** an empty cell or a missing-value word ('NULL', 'Prefer not to say') */
  | 'missing-token'
  /** nothing matched */
  | 'unmapped';

export interface Reading {
  key: string;
  via: ReadingVia;
}

export type Reader = (raw: string) => Reading;

export const unmappedReading: Reading = Object.freeze({ key: UNMAPPED, via: 'unmapped' });

const notKnownWords = new Set(missingValues.notKnown.map(normaliseLabel));
const notStatedWords = new Set(missingValues.notStated.map(normaliseLabel));

/** 'not-known' / 'not-stated' when the (already normalised) label is a missing-value word. */
export function readMissingLabel(label: string): Reading | undefined {
  if (notKnownWords.has(label)) return { key: NOT_KNOWN, via: 'missing-token' };
  if (notStatedWords.has(label)) return { key: NOT_STATED, via: 'missing-token' };
  return undefined;
}

/** Readings that are real categories from the scheme's own codes (strong evidence for a recogniser). */
export function isNativeReading(r: Reading): boolean {
  return r.via === 'code' || r.via === 'code-variant' || r.via === 'local-code';
}
