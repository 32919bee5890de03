// Profiling options: what counts as missing, and where exact counting gives way to sketches.
import { RepresentError } from '../errors';

export interface ProfileOptions {
  /** Matched case-insensitively after trimming. '' and whitespace-only are always missing. */
  missingTokens: string[];
  /** Columns with at most this many distinct non-missing values get an exact frequency table. */
  frequencyCap: number;
  /**
   * Exact distinct counts (and exact statistics) up to this many distinct values — or 8 million
   * characters of them, for long free text — past which HyperLogLog and DDSketch take over.
   */
  exactDistinctCap: number;
  /** The share of non-missing values a type must fit to be inferred (Frictionless uses 0.9 too). */
  typeShareThreshold: number;
  /** Distinct non-conforming values shown per column (never for identifier columns); 0 for none. */
  nonConformingExamples: number;
}

export const DEFAULT_PROFILE_OPTIONS: Readonly<ProfileOptions> = Object.freeze({
  missingTokens: ['NULL', 'NA', 'N/A', 'Not known'],
  frequencyCap: 1000,
  exactDistinctCap: 100_000,
  typeShareThreshold: 0.9,
  // Off: an example is a row-level value with its row number, and promise 2 keeps those out of
  // anything stored or shown. A local debugging session may turn it on explicitly.
  nonConformingExamples: 0,
});

/** Fills in defaults and checks every option; the result is plain data (it travels in ProfileState). */
export function resolveProfileOptions(partial: Partial<ProfileOptions> = {}): ProfileOptions {
  const o: ProfileOptions = { ...DEFAULT_PROFILE_OPTIONS, ...stripUndefined(partial) };
  requireInteger('frequencyCap', o.frequencyCap, 0);
  requireInteger('exactDistinctCap', o.exactDistinctCap, Math.max(1, o.frequencyCap));
  requireInteger('nonConformingExamples', o.nonConformingExamples, 0);
  if (!(o.typeShareThreshold > 0.5 && o.typeShareThreshold <= 1)) {
    throw badOption('typeShareThreshold', 'a share above 0.5 and at most 1', describeNumber(o.typeShareThreshold));
  }
  if (!Array.isArray(o.missingTokens) || o.missingTokens.some((t) => typeof t !== 'string')) {
    throw badOption('missingTokens', 'a list of strings', 'something else');
  }
  return { ...o, missingTokens: dedupeTokens(o.missingTokens) };
}

/** Trimmed, without blanks (always missing anyway) and without case-insensitive duplicates. */
function dedupeTokens(tokens: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tokens) {
    const t = raw.trim();
    const key = t.toUpperCase();
    if (t.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

function stripUndefined(p: Partial<ProfileOptions>): Partial<ProfileOptions> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Partial<ProfileOptions>;
}

function requireInteger(name: keyof ProfileOptions, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw badOption(name, `a whole number of at least ${min}`, typeof value === 'number' ? describeNumber(value) : `a ${typeof value}`);
  }
}

function describeNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'a non-finite number';
}

function badOption(name: string, expected: string, found: string): RepresentError {
  return new RepresentError('bad-argument', `The profile option "${name}" is not valid.`, { expected, found });
}
