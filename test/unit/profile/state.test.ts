// The accumulator state crosses postMessage: it must be plain data, and small once a column
// has outgrown the exact tier.
import { describe, expect, it } from 'vitest';
import { createProfileAccumulator, finishProfile, profileAccumulatorFromState, type ProfileState } from '../../../shared/profile';
import { values } from './helpers';

/** Every object in the state is a plain object, array, typed array or Map: nothing with behaviour. */
function expectPlainData(x: unknown, path = 'state'): void {
  if (x === null || typeof x !== 'object') {
    expect(typeof x, path).not.toBe('function');
    return;
  }
  if (ArrayBuffer.isView(x)) return;
  const proto = Object.getPrototypeOf(x);
  expect([Object.prototype, Array.prototype, Map.prototype].includes(proto), `${path} is a ${proto?.constructor?.name}`).toBe(true);
  const entries = x instanceof Map ? [...x.entries()] : Object.entries(x);
  for (const [k, v] of entries) expectPlainData(v, `${path}.${String(k)}`);
}

function countStrings(x: unknown): number {
  if (typeof x === 'string') return 1;
  if (x === null || typeof x !== 'object' || ArrayBuffer.isView(x)) return 0;
  return Object.values(x).reduce<number>((n, v) => n + countStrings(v), 0);
}

function countChars(x: unknown): number {
  if (typeof x === 'string') return x.length;
  if (x === null || typeof x !== 'object' || ArrayBuffer.isView(x)) return 0;
  return Object.values(x).reduce<number>((n, v) => n + countChars(v), 0);
}

describe('profile state', () => {
  it('is plain data that survives structured clone unchanged', () => {
    const acc = createProfileAccumulator(['ID', 'BMI', 'SEX'], { exactDistinctCap: 50, frequencyCap: 10 });
    acc.addRows(Array.from({ length: 500 }, (_, i) => [String(i), (20 + (i % 97) / 7).toFixed(2), ['1', '2', ''][i % 3]!]));
    const state = acc.toState();
    expectPlainData(state);
    const cloned = structuredClone(state);
    expect(cloned).toEqual(state);
    expect(finishProfile(cloned)).toEqual(finishProfile(state));
  });

  it('is a snapshot: adding rows afterwards does not change it', () => {
    const acc = createProfileAccumulator(['A']);
    acc.addRows([['x'], ['y']]);
    const before = structuredClone(acc.toState());
    const state = acc.toState();
    acc.addRows([['x'], ['z']]);
    expect(state).toEqual(before);
  });

  it('holds at most exactDistinctCap distinct values per column, then fixed-size sketches', () => {
    const cap = 2_000;
    const acc = createProfileAccumulator(['ID', 'CODE'], { exactDistinctCap: cap, frequencyCap: 100 });
    for (let batch = 0; batch < 20; batch++) {
      acc.addRows(values(10_000, (i) => `${batch * 10_000 + i},C${i % 1500}`).map((r) => r.split(',')));
    }
    const state: ProfileState = acc.toState();
    const [ids, codes] = state.columnStates;
    expect(ids!.tier).toBe('sketch');
    expect(codes!.tier).toBe('exact');
    // the sketch column keeps a 16 KiB HyperLogLog, a few examples and counters, no value list
    expect(countStrings(ids)).toBeLessThan(100);
    if (ids!.tier === 'sketch') expect(ids!.hll.byteLength).toBe(16_384);
    // the exact column holds its 1,500 distinct codes and nothing more
    expect(countStrings(codes)).toBeLessThanOrEqual(1500 + 10);
    const [idProfile, codeProfile] = finishProfile(state);
    expect(Math.abs(idProfile!.distinct.count - 200_000) / 200_000).toBeLessThan(0.03);
    expect(codeProfile!.distinct).toEqual({ count: 1500, exact: true, relativeStandardError: null });
  });

  it('an accumulator restored from its state carries on as if never interrupted', () => {
    const rows = values(300, (i) => `${i % 37},${i % 2 ? 'Y' : 'N'},${i}`).map((r) => r.split(','));
    const straight = createProfileAccumulator(['A', 'B', 'C'], { exactDistinctCap: 100, frequencyCap: 50 });
    straight.addRows(rows);
    const first = createProfileAccumulator(['A', 'B', 'C'], { exactDistinctCap: 100, frequencyCap: 50 });
    first.addRows(rows.slice(0, 120));
    const resumed = profileAccumulatorFromState(structuredClone(first.toState()));
    resumed.addRows(rows.slice(120));
    expect(finishProfile(resumed.toState())).toEqual(finishProfile(straight.toState()));
  });

  it('rejects something that is not a profile state', () => {
    expect(() => finishProfile({ stateVersion: 2 } as unknown as ProfileState)).toThrow(/not in the expected form/);
  });
});

describe('memory bound for long values', () => {
  it('a column of long distinct texts leaves the exact tier by total length, not only by count', () => {
    const acc = createProfileAccumulator(['LETTER']);
    const body = 'x'.repeat(2000);
    // 5,000 distinct values of 2,000+ characters: far below exactDistinctCap, above 8M characters
    for (let b = 0; b < 5; b++) acc.addRows(values(1000, (i) => `${b * 1000 + i} ${body}`).map((v) => [v]));
    const state = acc.toState();
    expect(state.columnStates[0]!.tier).toBe('sketch');
    // at most a few short examples per candidate type: long values are kept only as their length
    expect(countStrings(state)).toBeLessThan(100);
    expect(countChars(state)).toBeLessThan(5_000);
    const [p] = finishProfile(state);
    expect(p!.distinct.exact).toBe(false);
    expect(p!.length).toEqual({ min: 2002, mean: (10 * 2002 + 90 * 2003 + 900 * 2004 + 4000 * 2005) / 5000, max: 2005 });
  });
});
