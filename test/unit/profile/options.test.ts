import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_OPTIONS, resolveProfileOptions, createProfileAccumulator } from '../../../shared/profile';
import { RepresentError } from '../../../shared/errors';

describe('profile options', () => {
  it('defaults as documented', () => {
    expect(resolveProfileOptions()).toEqual({
      missingTokens: ['NULL', 'NA', 'N/A', 'Not known'],
      frequencyCap: 1000,
      exactDistinctCap: 100_000,
      typeShareThreshold: 0.9,
      nonConformingExamples: 0,
    });
    expect(DEFAULT_PROFILE_OPTIONS.frequencyCap).toBe(1000);
  });

  it('trims tokens and drops blanks and case-insensitive duplicates', () => {
    expect(resolveProfileOptions({ missingTokens: [' NA ', 'na', '', 'Unknown'] }).missingTokens).toEqual(['NA', 'Unknown']);
  });

  it.each([
    [{ frequencyCap: -1 }, 'frequencyCap'],
    [{ frequencyCap: 1.5 }, 'frequencyCap'],
    [{ exactDistinctCap: 10, frequencyCap: 20 }, 'exactDistinctCap'],
    [{ typeShareThreshold: 0.4 }, 'typeShareThreshold'],
    [{ typeShareThreshold: Number.NaN }, 'typeShareThreshold'],
    [{ nonConformingExamples: -2 }, 'nonConformingExamples'],
  ])('rejects %j with a bad-argument error naming %s', (partial, name) => {
    try {
      createProfileAccumulator(['a'], partial);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RepresentError);
      expect((e as RepresentError).code).toBe('bad-argument');
      expect((e as RepresentError).message).toContain(name);
      expect((e as RepresentError).expected).toBeTruthy();
    }
  });
});
