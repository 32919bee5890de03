// The done-when checks of the representation analysis on the seeded synthetic extract, whose
// demographic columns are drawn from the Census 2021 figures the reference populations hold.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyseTally, analysisToStatistics, mergeTallyStates, type AnalysisResult } from '../../../shared/analysis';
import { mergeTallyStatesIndexedUpTo } from '../../../shared/analysis/tally';
import { validateCountTable } from '../../../shared/disclosure';
import { EXTRACT_MAPPING, syntheticRows, tallyOf } from './helpers';

const england = { builtIn: 'census2021-england' } as const;

function analyse(rowsN: number, seed: number, undersample?: { attribute: 'ethnicity'; category: string; factor: number }): AnalysisResult {
  const { columns, rows } = syntheticRows({ rows: rowsN, seed, ...(undersample ? { undersample } : {}) });
  const { plan, tally } = tallyOf(EXTRACT_MAPPING, columns, rows, { cuts: [Math.floor(rows.length / 3)] });
  return analyseTally(tally, plan, { reference: england });
}

describe('representation against Census 2021 England', () => {
  for (const seed of [1, 2, 3]) {
    it(`on data drawn from the Census (seed ${seed}) every ratio interval covers 1 and nothing is flagged`, () => {
      const result = analyse(30_000, seed);
      let compared = 0;
      for (const a of result.attributes) {
        expect(a.reference, a.column).toBeDefined();
        for (const g of a.groups) {
          if (g.ratioInterval === undefined) continue;
          compared++;
          expect(g.ratioInterval.low, `${a.column} ${g.key}`).toBeLessThanOrEqual(1);
          expect(g.ratioInterval.high, `${a.column} ${g.key}`).toBeGreaterThanOrEqual(1);
          expect(g.flags).not.toContain('under-represented');
          expect(g.flags).not.toContain('over-represented');
        }
        expect(a.measures!.totalVariation).toBeLessThan(0.02);
      }
      // 16 ethnic categories, 2 sexes, 19 age bands, 9 regions.
      expect(compared).toBe(16 + 2 + 19 + 9);
    });
  }

  it('flags an under-sampled group (Black Caribbean at a tenth) and only that group', () => {
    const result = analyse(30_000, 5, { attribute: 'ethnicity', category: 'M', factor: 0.1 });
    const flagged = result.attributes.flatMap((a) => a.groups.filter((g) => g.flags.includes('under-represented') || g.flags.includes('over-represented')).map((g) => `${a.column}:${g.key}`));
    expect(flagged).toEqual(['ETHNIC_CATEGORY:M']);
    const m = result.attributes[0]!.groups.find((g) => g.key === 'M')!;
    expect(m.ratio!).toBeLessThan(0.2);
    expect(m.differencePoints!).toBeLessThan(0);
  });

  it('keeps not stated and not known apart and counts every row once', () => {
    const result = analyse(10_000, 9);
    for (const a of result.attributes) {
      const sum = a.groups.reduce((s, g) => s + g.count, 0) + a.special.notStated + a.special.notKnown + a.special.unmapped;
      expect(sum, a.column).toBe(result.rows);
      expect(a.observed).toBe(a.groups.reduce((s, g) => s + g.count, 0));
    }
    const eth = result.attributes[0]!;
    // The generator writes 4% Z (not stated) and 6% 99 (not known).
    expect(eth.specialRates.notStated).toBeGreaterThan(0.03);
    expect(eth.specialRates.notStated).toBeLessThan(0.05);
    expect(eth.specialRates.notKnown).toBeGreaterThan(0.05);
    expect(eth.specialRates.notKnown).toBeLessThan(0.07);
  });

  it('intersections, outcomes and periods are consistent marginals of the same rows', () => {
    const result = analyse(10_000, 11);
    const [eth, sex] = result.attributes;
    const pair = result.intersections.find((x) => x.attributes.join() === '0,1')!;
    const sexSize = pair.dimensions[1]!.keys.length;
    pair.dimensions[0]!.keys.forEach((k, i) => {
      const rowSum = pair.counts.slice(i * sexSize, i * sexSize + sexSize).reduce((s, x) => s + x, 0);
      expect(rowSum).toBe(eth!.missingness.groups.find((g) => g.key === k)!.rows);
    });
    const triple = result.intersections.find((x) => x.attributes.join() === '0,1,2')!;
    expect(triple.counts.reduce((s, x) => s + x, 0)).toBe(result.rows);
    expect(sex!.groups.length).toBeGreaterThan(0);
    const o = result.outcome!;
    expect(o.overall.recorded + o.overall.missing).toBe(result.rows);
    for (const by of o.byAttribute) expect(by.groups.reduce((s, g) => s + g.positive, 0)).toBe(o.overall.positive);
    const p = result.period!;
    expect(p.periods).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(p.rows.reduce((s, x) => s + x, 0)).toBe(result.rows);
  });

  it('turns every table into a valid disclosure input', () => {
    const stats = analysisToStatistics(analyse(5_000, 12));
    expect(stats.length).toBeGreaterThan(10);
    for (const s of stats) if (s.kind === 'count-table') validateCountTable(s);
    const first = stats[0]!;
    expect(first.kind).toBe('count-table');
    if (first.kind === 'count-table') expect(first.counts.reduce((a, b) => a + b, 0)).toBe(5_000);
  });
});

describe('the tally merges exactly', () => {
  const { columns, rows } = syntheticRows({ rows: 3_000, seed: 21, messy: true });
  const whole = analyseTally(tallyOf(EXTRACT_MAPPING, columns, rows).tally, tallyOf(EXTRACT_MAPPING, columns, rows).plan, { reference: england });
  it('gives the same analysis however the file is split and in whatever order parts merge', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: rows.length - 1 }), { maxLength: 4 }), fc.boolean(), (cuts, reverse) => {
        const { plan, tally } = tallyOf(EXTRACT_MAPPING, columns, rows, { cuts: cuts.sort((a, b) => a - b), reverse });
        expect(analyseTally(tally, plan, { reference: england })).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  it('finds entries the same way by position and by key, with the key cap reached or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: rows.length - 1 }), fc.constantFrom(undefined, 40), (cut, maxKeys) => {
        const parts = [rows.slice(0, cut), rows.slice(cut)].map((part) => tallyOf(EXTRACT_MAPPING, columns, part, maxKeys === undefined ? {} : { maxKeys }).tally);
        const byPosition = mergeTallyStates(parts[0]!, parts[1]!);
        expect(mergeTallyStatesIndexedUpTo(parts[0]!, parts[1]!, 0)).toEqual(byPosition);
        // The cap is reached with 40 keys (the tables hold hundreds of combinations), never by default.
        expect(byPosition.overflowRows > 0).toBe(maxKeys !== undefined);
      }),
      { numRuns: 10 },
    );
  });
});
