// Disclosure-control policies as validated data.
//
// A policy is a plain JSON object (presets live in ./presets/*.json). The zod schema below is the
// single source of truth: it refuses unknown keys (so a misspelt key can never silently fall back
// to a looser default), and `policyJsonSchema()` derives a JSON Schema from it for TREs that write
// their own policy files. A TRE can lock a policy; `tightenOnly` then refuses any requested policy
// that is looser than the locked one, naming the key and the limit.
//
// Rule IDs (R1…R16) refer to the consolidated rule list in shared/reference/disclosure-control.md b6.

import { z } from 'zod';
import { RepresentError } from '../errors';

const positiveInt = z.number().int().min(1);

export const PolicySchema = z.strictObject({
  /** Stable identifier, e.g. "acro-default". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string().optional(),
  /** Where each rule comes from (URLs or reference sections), carried into the evidence. */
  sources: z.array(z.string()).optional(),
  /** R1: the smallest count that may be published. "Redact ≤ 7" is threshold 8. */
  threshold: positiveInt,
  /** R2: whether a zero count is itself disclosive (class disclosure) and so suppressed. */
  zerosDisclosive: z.boolean(),
  /**
   * R12: the narrowest interval an attacker may be able to put around any suppressed cell, using
   * the published cells, margins and non-negativity. Defaults to the threshold.
   */
  protectionWidth: positiveInt.optional(),
  /** R11: counts are rounded to the nearest multiple of `base` after redaction; 1 means no rounding. */
  rounding: z.strictObject({ base: positiveInt }),
  /**
   * R11: how published totals are made. "sum-of-rounded-cells": the sum of the published (rounded)
   * cells, suppressed cells left out (OpenSAFELY). "rounded-true-total": the true total, rounded
   * (NHS Digital), which then needs secondary suppression.
   */
  totals: z.enum(['sum-of-rounded-cells', 'rounded-true-total']),
  /** Text shown in place of a suppressed value. */
  marker: z.string().min(1).max(24),
  /** R3: NK dominance for magnitude statistics: the largest n contributors may not exceed k of the total. */
  dominance: z.strictObject({ n: positiveInt, k: z.number().gt(0).max(1) }).nullable(),
  /** R4: p-ratio: the remainder after the two largest contributors must be at least p × the largest. */
  pRatio: z.strictObject({ p: z.number().gt(0).max(1) }).nullable(),
  /** R14/R16: rates either suppress-and-round their numerator and denominator, or use midpoint-6 rounding. */
  rates: z.strictObject({ method: z.enum(['suppress-and-round', 'midpoint6']) }),
  /** Dates are published no finer than this. */
  dates: z.strictObject({ granularity: z.enum(['month', 'year']) }),
  /** Whether an analyst may ask the checker for an exception to a failed rule (UK LLC: never). */
  exceptions: z.enum(['allowed', 'not-allowed']),
  /**
   * Whether the output checker may approve a request they made themselves (OpenSAFELY Airlock
   * forbids it, reference c2). Absent in older policy files, where it reads as false: the safe side.
   */
  allowSelfReview: z.boolean().default(false),
}).superRefine((p, ctx) => {
  // A publishable count must never round to 0: it would read as a (possibly disclosive) zero.
  const least = Math.ceil(p.rounding.base / 2);
  if (p.threshold < least)
    ctx.addIssue({ code: 'too_small', origin: 'number', minimum: least, inclusive: true, input: p.threshold, path: ['threshold'], message: 'threshold below half the rounding base' });
});

export type Policy = z.infer<typeof PolicySchema>;

/** The protection width in force: the policy's own, or its threshold. */
export function protectionWidthOf(policy: Policy): number {
  return policy.protectionWidth ?? policy.threshold;
}

/** A JSON Schema (draft 2020-12) for policy files, derived from the zod schema. */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PolicySchema) as Record<string, unknown>;
}

/**
 * Validates a policy object (already parsed from JSON). Throws a `bad-policy` RepresentError that
 * names the key and the limit it broke; `file` is used only for the error location.
 */
export function parsePolicy(input: unknown, file?: string): Policy {
  const result = PolicySchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  if (!first) throw new RepresentError('bad-policy', 'The policy could not be read.', { location: { file } });
  const { message, expected, found } = describeIssue(first);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw new RepresentError('bad-policy', message + more, { expected, found, location: { file } });
}

/** Parses the text of a policy file (JSON) and validates it. */
export function parsePolicyText(text: string, file?: string): Policy {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RepresentError('bad-policy', 'The policy file is not valid JSON.', {
      expected: 'a JSON object',
      found: 'text that does not parse as JSON',
      location: { file },
    });
  }
  return parsePolicy(json, file);
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function describeIssue(issue: z.core.$ZodIssue): { message: string; expected?: string; found?: string } {
  const key = keyPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const names = issue.keys.map((k) => (key ? `${key}.${k}` : k));
      const allowed = allowedKeys(issue.path);
      return {
        message: `Policy key${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')} ${names.length > 1 ? 'are' : 'is'} not recognised.`,
        expected: allowed ? `only the keys ${allowed.join(', ')}` : 'only known policy keys',
        found: `${names.length} unknown key${names.length > 1 ? 's' : ''}`,
      };
    }
    case 'too_small':
      return {
        message: `Policy key "${key}" is below its limit.`,
        expected: `a value ${issue.inclusive ? 'of at least' : 'greater than'} ${String(issue.minimum)}`,
        found: 'a smaller value',
      };
    case 'too_big':
      return {
        message: `Policy key "${key}" is above its limit.`,
        expected: `a value ${issue.inclusive ? 'of at most' : 'less than'} ${String(issue.maximum)}`,
        found: 'a larger value',
      };
    case 'invalid_value':
      return {
        message: `Policy key "${key}" has a value that is not allowed.`,
        expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        found: 'another value',
      };
    case 'invalid_type':
      return {
        message: key ? `Policy key "${key}" has the wrong type.` : 'The policy has the wrong type.',
        expected: issue.expected === 'int' ? 'a whole number' : `a value of type ${issue.expected}`,
        found: 'a value of another type, or no value',
      };
    default:
      return { message: `Policy key "${key}" is not valid: ${issue.message}.` };
  }
}

function allowedKeys(path: readonly PropertyKey[]): string[] | undefined {
  let schema: z.ZodType = PolicySchema;
  for (const part of path) {
    const inner = unwrap(schema);
    if (!(inner instanceof z.ZodObject)) return undefined;
    const next = (inner.shape as Record<string, z.ZodType>)[String(part)];
    if (!next) return undefined;
    schema = next;
  }
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape as object) : undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Locked policies: tighten, never loosen.

const RATE_STRICTNESS = { midpoint6: 0, 'suppress-and-round': 1 } as const;
const DATE_STRICTNESS = { month: 0, year: 1 } as const;

function looser(key: string, limit: string, found: string): RepresentError {
  return new RepresentError('bad-policy', `Policy key "${key}" is looser than the locked policy allows.`, {
    expected: limit,
    found,
  });
}

/**
 * Checks that `requested` is at least as strict as `locked` on every rule, and returns it.
 * Throws a `bad-policy` RepresentError naming the first key that is looser and the locked limit.
 * Keys that only describe the policy (id, name, description, sources) are not compared.
 */
export function tightenOnly(locked: Policy, requested: Policy): Policy {
  if (requested.threshold < locked.threshold)
    throw looser('threshold', `at least ${locked.threshold} (the locked threshold)`, String(requested.threshold));
  if (locked.zerosDisclosive && !requested.zerosDisclosive)
    throw looser('zerosDisclosive', 'true (the locked policy treats zeros as disclosive)', 'false');
  if (protectionWidthOf(requested) < protectionWidthOf(locked))
    throw looser(
      'protectionWidth',
      `at least ${protectionWidthOf(locked)} (the locked protection width)`,
      String(protectionWidthOf(requested)),
    );
  // A coarser base is tighter only if published values still sit on the locked grid.
  if (requested.rounding.base % locked.rounding.base !== 0)
    throw looser(
      'rounding.base',
      `a multiple of ${locked.rounding.base} (the locked rounding base)`,
      String(requested.rounding.base),
    );
  if (requested.totals !== locked.totals)
    throw looser('totals', `"${locked.totals}" (fixed by the locked policy)`, `"${requested.totals}"`);
  if (requested.marker !== locked.marker)
    throw looser('marker', `"${locked.marker}" (fixed by the locked policy)`, 'a different marker');
  if (locked.dominance) {
    if (!requested.dominance) throw looser('dominance', `n ≥ ${locked.dominance.n} and k ≤ ${locked.dominance.k}`, 'no dominance rule');
    if (requested.dominance.n < locked.dominance.n)
      throw looser('dominance.n', `at least ${locked.dominance.n} (the locked dominance n)`, String(requested.dominance.n));
    if (requested.dominance.k > locked.dominance.k)
      throw looser('dominance.k', `at most ${locked.dominance.k} (the locked dominance k)`, String(requested.dominance.k));
  }
  if (locked.pRatio) {
    if (!requested.pRatio) throw looser('pRatio', `p ≥ ${locked.pRatio.p}`, 'no p-ratio rule');
    if (requested.pRatio.p < locked.pRatio.p)
      throw looser('pRatio.p', `at least ${locked.pRatio.p} (the locked p)`, String(requested.pRatio.p));
  }
  if (RATE_STRICTNESS[requested.rates.method] < RATE_STRICTNESS[locked.rates.method])
    throw looser('rates.method', `"${locked.rates.method}"`, `"${requested.rates.method}"`);
  if (DATE_STRICTNESS[requested.dates.granularity] < DATE_STRICTNESS[locked.dates.granularity])
    throw looser('dates.granularity', `"${locked.dates.granularity}" or coarser`, `"${requested.dates.granularity}"`);
  if (locked.exceptions === 'not-allowed' && requested.exceptions === 'allowed')
    throw looser('exceptions', '"not-allowed" (the locked policy allows no exceptions)', '"allowed"');
  if (!locked.allowSelfReview && requested.allowSelfReview)
    throw looser('allowSelfReview', 'false (the locked policy requires a reviewer other than the requester)', 'true');
  return requested;
}

/**
 * The policy in force: with no lock, the requested policy (validated); with a lock, the requested
 * policy if it only tightens the lock, else the lock itself when nothing was requested.
 */
export function resolvePolicy(options: { locked?: Policy; requested?: unknown; file?: string }): Policy {
  const { locked, requested, file } = options;
  if (requested === undefined) {
    if (!locked) throw new RepresentError('bad-policy', 'No disclosure policy was given.', { expected: 'a preset or a policy file' });
    return locked;
  }
  const parsed = parsePolicy(requested, file);
  return locked ? tightenOnly(locked, parsed) : parsed;
}
