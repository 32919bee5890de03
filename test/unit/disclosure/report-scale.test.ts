// Protection of a whole report's tables, at the size a real report has: the 48 statistics the
// analysis makes from a 2,000-row messy synthetic extract with six mapped attributes (1-, 2- and
// 3-way counts, missingness, outcomes, periods), all one population and so one linked family.
// Before the witness search was pruned this family took over eight CPU-minutes; the bound here is
// on work done (witness directions evaluated), never on wall time, so it holds on any machine.

import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../../shared/disclosure/presets';
import { protectReport } from '../../../shared/disclosure/protect';
import { protectFamily } from '../../../shared/disclosure/secondary';
import type { ProtectedCountTable } from '../../../shared/disclosure/evidence';
import type { CountTable, StatisticInput } from '../../../shared/disclosure/table';
import { attack } from './lp-attacker';
import { reportStatistics } from './report-family';

/** Measured at about 10.4 million (acro-default) and 16.5 million (opensafely): twice that is generous. */
const WORK_BOUND = 35_000_000;

const statistics = reportStatistics(2000, 3);

describe('a report-sized family', () => {
  it('is the size the report helper found: dozens of linked tables over six attributes', () => {
    const counts = statistics.filter((s) => s.kind === 'count-table');
    expect(statistics.length).toBeGreaterThanOrEqual(45);
    expect(counts.some((s) => s.dimensions.length === 3)).toBe(true);
    expect(new Set(counts.flatMap((s) => s.dimensions.map((d) => d.name))).size).toBeGreaterThanOrEqual(7);
  });

  it.each(['acro-default', 'opensafely'] as const)('%s: protects within the work bound, without falling back, and publishes only safe counts', (id) => {
    const policy = presetPolicy(id);
    const r = protectReport(statistics, policy);
    expect(r.work).toBeGreaterThan(0);
    expect(r.work).toBeLessThan(WORK_BOUND);
    let published = 0;
    const b = policy.rounding.base;
    const smallest = b === 1 ? policy.threshold : Math.floor((2 * policy.threshold + b) / (2 * b)) * b;
    for (const res of r.results) {
      expect(res.evidence.reasons.join(' ')).not.toMatch(/more work than allowed/);
      if (res.output.kind !== 'count-table') continue;
      for (const c of (res.output as ProtectedCountTable).cells) {
        if (c.value === null) continue;
        published++;
        expect(c.value % b).toBe(0);
        if (c.value !== 0) expect(c.value).toBeGreaterThanOrEqual(smallest);
        else expect(policy.zerosDisclosive).toBe(false);
      }
    }
    // Not the fall-back of suppressing everything.
    expect(published).toBeGreaterThan(100);
  });
});

describe('work budgets fail closed', () => {
  const policy = presetPolicy('acro-default');
  const linked = statistics.filter((s): s is CountTable => s.kind === 'count-table' && (s.id === 'counts-region-code' || s.id === 'counts-imd-decile' || s.id === 'cross-region-code-by-imd-decile'));
  const inputs = linked.map((s, ref) => ({ ref, tableId: s.id, dimensions: s.dimensions, counts: s.counts, margins: true }));

  it('an exhausted proof budget suppresses the whole family and says so for review', () => {
    const p = protectFamily(inputs, policy, { proof: 0, release: 0 });
    expect(p.exhausted).toBe(true);
    expect(p.state.every((s) => s !== 'published')).toBe(true);
  });

  it('a cut release pass only keeps more cells suppressed, and an LP attacker still cannot narrow any', () => {
    const full = protectFamily(inputs, policy);
    const cut = protectFamily(inputs, policy, { proof: Number.POSITIVE_INFINITY, release: 0 });
    expect(full.exhausted || cut.exhausted).toBe(false);
    // With no release budget every secondary cell stays suppressed, and the result says the pass was cut.
    expect(cut.releaseCut).toBe(cut.state.some((s) => s === 'suppressed-secondary'));
    expect(cut.state.some((s) => s === 'suppressed-secondary')).toBe(true);
    cut.state.forEach((s, cell) => {
      if (full.state[cell] !== 'published') expect(s).not.toBe('published');
    });
    expect(cut.state.filter((s) => s !== 'published').length).toBeGreaterThanOrEqual(full.state.filter((s) => s !== 'published').length);
    // The full protection of these three tables, attacked together.
    const outs = protectReport(linked as StatisticInput[], policy).results.map((x) => x.output as ProtectedCountTable);
    for (const a of attack(outs, policy)) expect(a.width).toBeGreaterThanOrEqual(policy.threshold - 1e-6);
  });
});
