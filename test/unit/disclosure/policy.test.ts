import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RepresentError } from '../../../shared/errors';
import {
  parsePolicy,
  parsePolicyText,
  policyJsonSchema,
  protectionWidthOf,
  resolvePolicy,
  tightenOnly,
  type Policy,
} from '../../../shared/disclosure/policy';
import { PRESET_IDS, allPresets, presetPolicy } from '../../../shared/disclosure/presets';

function presetFile(id: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../../shared/disclosure/presets/${id}.json`, import.meta.url)), 'utf8'));
}

function thrown(f: () => unknown): RepresentError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RepresentError);
    return e as RepresentError;
  }
  throw new Error('expected an error');
}

describe('presets', () => {
  it('ship the four presets of the issue with their documented parameters', () => {
    expect(PRESET_IDS).toEqual(['acro-default', 'opensafely', 'nhs-england-subnational', 'uk-llc']);
    const acro = presetPolicy('acro-default');
    expect([acro.threshold, acro.zerosDisclosive, acro.dominance, acro.pRatio]).toEqual([10, true, { n: 2, k: 0.9 }, { p: 0.1 }]);
    const os = presetPolicy('opensafely');
    expect([os.threshold, os.rounding.base, os.totals, os.marker, os.zerosDisclosive]).toEqual([8, 5, 'sum-of-rounded-cells', '[REDACTED]', false]);
    const nhs = presetPolicy('nhs-england-subnational');
    expect([nhs.threshold, nhs.rounding.base, nhs.totals, nhs.marker, nhs.zerosDisclosive]).toEqual([8, 5, 'rounded-true-total', '*', false]);
    const llc = presetPolicy('uk-llc');
    expect([llc.threshold, llc.zerosDisclosive, llc.exceptions, llc.rounding.base]).toEqual([10, true, 'not-allowed', 1]);
    for (const p of allPresets()) expect(protectionWidthOf(p)).toBe(p.threshold);
  });

  it('validate against the JSON Schema derived from the zod schema (an independent validator)', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(policyJsonSchema());
    for (const id of PRESET_IDS) expect(validate(presetFile(id)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...(presetFile('uk-llc') as object), colour: 'blue' })).toBe(false);
  });

  it('hand out copies, so a caller cannot loosen the shared preset', () => {
    const a = presetPolicy('uk-llc');
    a.threshold = 1;
    expect(presetPolicy('uk-llc').threshold).toBe(10);
  });
});

describe('custom policies are refused with a message naming the key and the limit', () => {
  const base = presetFile('acro-default') as Record<string, unknown>;

  it('an unknown key', () => {
    const e = thrown(() => parsePolicy({ ...base, treshold: 10 }, 'tre-policy.json'));
    expect(e.code).toBe('bad-policy');
    expect(e.message).toContain('"treshold"');
    expect(e.message).toContain('not recognised');
    expect(e.expected).toContain('threshold');
    expect(e.location.file).toBe('tre-policy.json');
  });

  it('an unknown nested key', () => {
    const e = thrown(() => parsePolicy({ ...base, rounding: { base: 5, mode: 'up' } }));
    expect(e.message).toContain('"rounding.mode"');
    expect(e.expected).toBe('only the keys base');
  });

  it('a threshold below 1', () => {
    const e = thrown(() => parsePolicy({ ...base, threshold: 0 }));
    expect(e.message).toContain('"threshold"');
    expect(e.expected).toBe('a value of at least 1');
  });

  it('a rounding base below 1', () => {
    const e = thrown(() => parsePolicy({ ...base, rounding: { base: 0 } }));
    expect(e.message).toContain('"rounding.base"');
    expect(e.expected).toBe('a value of at least 1');
  });

  it('a threshold so low that a published count could round to zero', () => {
    const e = thrown(() => parsePolicy({ ...base, threshold: 2, rounding: { base: 10 } }));
    expect(e.message).toContain('"threshold"');
    expect(e.expected).toBe('a value of at least 5');
  });

  it('a fractional threshold, a bad enum and a missing key', () => {
    expect(thrown(() => parsePolicy({ ...base, threshold: 7.5 })).message).toContain('"threshold"');
    const e = thrown(() => parsePolicy({ ...base, totals: 'whatever' }));
    expect(e.message).toContain('"totals"');
    expect(e.expected).toContain('"rounded-true-total"');
    const { marker: _m, ...noMarker } = base;
    expect(thrown(() => parsePolicy(noMarker)).message).toContain('"marker"');
  });

  it('a file that is not JSON', () => {
    const e = thrown(() => parsePolicyText('{ threshold: 10', 'locked.json'));
    expect(e.code).toBe('bad-policy');
    expect(e.location.file).toBe('locked.json');
  });

  it('accepts a valid custom policy', () => {
    const custom = parsePolicyText(JSON.stringify({ ...base, id: 'my-tre', name: 'My TRE', threshold: 12, rounding: { base: 10 } }));
    expect(custom.threshold).toBe(12);
  });
});

describe('a locked policy can be tightened but never loosened', () => {
  const locked = presetPolicy('nhs-england-subnational');
  const variant = (change: Partial<Policy>): Policy => ({ ...locked, id: 'requested', ...change });

  it('accepts tighter values', () => {
    expect(tightenOnly(locked, variant({ threshold: 11, rounding: { base: 10 }, protectionWidth: 12, dates: { granularity: 'year' } })).threshold).toBe(11);
    expect(tightenOnly(locked, variant({ zerosDisclosive: true })).zerosDisclosive).toBe(true);
  });

  it.each([
    [{ threshold: 5 }, 'threshold', 'at least 8'],
    [{ rounding: { base: 1 } }, 'rounding.base', 'a multiple of 5'],
    [{ rounding: { base: 7 } }, 'rounding.base', 'a multiple of 5'],
    [{ protectionWidth: 4 }, 'protectionWidth', 'at least 8'],
    [{ totals: 'sum-of-rounded-cells' as const }, 'totals', '"rounded-true-total"'],
    [{ rates: { method: 'midpoint6' as const } }, 'rates.method', '"suppress-and-round"'],
    [{ marker: '[REDACTED]' }, 'marker', '"*"'],
  ])('refuses %j naming %s and its limit', (change, key, limit) => {
    const e = thrown(() => tightenOnly(locked, variant(change as Partial<Policy>)));
    expect(e.code).toBe('bad-policy');
    expect(e.message).toContain(`"${key}"`);
    expect(e.expected).toContain(limit);
  });

  it('refuses dropping or loosening dominance and p-ratio, and allowing exceptions under UK LLC', () => {
    const acro = presetPolicy('acro-default');
    expect(thrown(() => tightenOnly(acro, { ...acro, dominance: null })).message).toContain('"dominance"');
    expect(thrown(() => tightenOnly(acro, { ...acro, dominance: { n: 2, k: 0.95 } })).expected).toContain('at most 0.9');
    expect(thrown(() => tightenOnly(acro, { ...acro, dominance: { n: 1, k: 0.9 } })).message).toContain('"dominance.n"');
    expect(thrown(() => tightenOnly(acro, { ...acro, pRatio: { p: 0.05 } })).expected).toContain('at least 0.1');
    expect(thrown(() => tightenOnly(acro, { ...acro, zerosDisclosive: false })).message).toContain('"zerosDisclosive"');
    const llc = presetPolicy('uk-llc');
    expect(thrown(() => tightenOnly(llc, { ...llc, exceptions: 'allowed' })).message).toContain('"exceptions"');
  });

  it('resolvePolicy: the lock when nothing is requested; a requested policy only if it tightens', () => {
    expect(resolvePolicy({ locked }).id).toBe(locked.id);
    const requested = { ...presetFile('nhs-england-subnational') as object, id: 'stricter', threshold: 10 };
    expect(resolvePolicy({ locked, requested }).threshold).toBe(10);
    const looser = { ...presetFile('nhs-england-subnational') as object, threshold: 3 };
    expect(thrown(() => resolvePolicy({ locked, requested: looser })).message).toContain('"threshold"');
    expect(thrown(() => resolvePolicy({})).code).toBe('bad-policy');
  });
});
