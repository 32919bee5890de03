import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../../../shared/disclosure/presets';
import { protectTable } from '../../../shared/disclosure/protect';
import type { ProtectedCountTable } from '../../../shared/disclosure/evidence';
import type { CountTable } from '../../../shared/disclosure/table';
import { RepresentError } from '../../../shared/errors';
import { attack } from './lp-attacker';

const ethnicity = { name: 'ethnicity', categories: ['Asian', 'Black', 'Mixed', 'White', 'Other'] };
const sex = { name: 'sex', categories: ['Female', 'Male'] };

function crosstab(counts: number[], margins: 'all' | 'none' = 'all'): CountTable {
  return { kind: 'count-table', id: 'eth-sex', title: 'Ethnicity by sex', dimensions: [ethnicity, sex], counts, margins };
}

function display(out: ProtectedCountTable): string[] {
  return out.cells.map((c) => `${c.coords.map((x) => x ?? 'Total').join('/')}=${c.value === null ? out.marker : c.value}`);
}

describe('protectTable on a count table', () => {
  // Mixed has 3 and 4; Other has 6 and 0.
  const counts = [120, 133, 45, 51, 3, 4, 2310, 2288, 6, 0];

  it('ACRO defaults: primary suppression of small cells and zeros, secondary so nothing can be recovered', () => {
    const policy = presetPolicy('acro-default');
    const { output, evidence } = protectTable(crosstab(counts), policy);
    const out = output as ProtectedCountTable;
    const byLabel = new Map(out.cells.map((c) => [c.coords.map((x) => x ?? 'Total').join('/'), c]));
    for (const k of ['Mixed/Female', 'Mixed/Male', 'Other/Female', 'Other/Male']) expect(byLabel.get(k)!.status).toBe('suppressed-primary');
    // Mixed and Other row totals are 7 and 6: below the threshold, so they are suppressed too.
    expect(byLabel.get('Mixed/Total')!.value).toBeNull();
    expect(byLabel.get('Other/Total')!.value).toBeNull();
    expect(evidence.summary.suppressedSecondary).toBeGreaterThan(0);
    for (const r of attack([out], policy)) expect(r.width).toBeGreaterThanOrEqual(policy.threshold);
    // More than half of the cells are hidden: protected, but worth a checker's look.
    expect(evidence.outcome).toBe('review');
    expect(evidence.reasons.join(' ')).toMatch(/cells are suppressed: the table says little/);
    expect(evidence.protection).toEqual({ width: 10, method: 'hypercube-witness', linkedWith: [] });
  });

  it('classic pattern: two small cells in a 3×2 table get the two cells that complete the rectangle', () => {
    const policy = presetPolicy('acro-default');
    const out = protectTable(
      { kind: 'count-table', id: 't', title: 't', dimensions: [{ name: 'a', categories: ['x', 'y', 'z'] }, { name: 'b', categories: ['u', 'v'] }], counts: [3, 40, 25, 30, 50, 2], margins: 'all' },
      policy,
    ).output as ProtectedCountTable;
    expect(display(out)).toEqual([
      'x/u=[suppressed]', 'x/v=[suppressed]', 'x/Total=43',
      'y/u=25', 'y/v=30', 'y/Total=55',
      'z/u=[suppressed]', 'z/v=[suppressed]', 'z/Total=52',
      'Total/u=78', 'Total/v=72', 'Total/Total=150',
    ]);
  });

  it('OpenSAFELY: totals are sums of the published rounded cells, so no secondary suppression is needed', () => {
    const policy = presetPolicy('opensafely');
    const { output, evidence } = protectTable(crosstab(counts), policy);
    const out = output as ProtectedCountTable;
    expect(out.totals).toBe('sum-of-rounded-cells');
    // No cell is suppressed to protect another; only totals of nothing but redactions are blank.
    const secondary = out.cells.filter((c) => c.status === 'suppressed-secondary');
    expect(secondary.every((c) => c.coords.includes(null))).toBe(true);
    expect(evidence.cells.filter((c) => c.status === 'suppressed-secondary').every((c) => c.rule === 'R11')).toBe(true);
    const get = (k: string) => out.cells.find((c) => c.coords.map((x) => x ?? 'Total').join('/') === k)!;
    expect(get('Asian/Total').value).toBe(get('Asian/Female').value! + get('Asian/Male').value!);
    // Every Other cell is redacted or zero: Other's total is made of nothing but a zero and a redaction.
    expect(get('Other/Male').value).toBe(0);
    expect(get('Other/Total').value).toBeNull();
    expect(out.cells.every((c) => c.value === null || c.value % 5 === 0)).toBe(true);
  });

  it('NHS: 1–7 as *, rounded true totals, and extra * where rounding alone would not protect', () => {
    const policy = presetPolicy('nhs-england-subnational');
    // Row [1, 10]: total 11 → 10, cell 10 → 10: the * would be pinned to 0–4 without secondary suppression.
    const { output, evidence } = protectTable(
      { kind: 'count-table', id: 'small', title: 'small', dimensions: [{ name: 'g', categories: ['a', 'b'] }], counts: [1, 10], margins: 'all' },
      policy,
    );
    const out = output as ProtectedCountTable;
    expect(out.cells[0]!.value).toBeNull();
    expect(evidence.summary.suppressedSecondary).toBeGreaterThan(0);
    for (const r of attack([out], policy)) expect(r.width).toBeGreaterThanOrEqual(8);
  });

  it('a 3-way table with all margins is protected, and the LP attacker confirms it', () => {
    const policy = presetPolicy('uk-llc');
    const counts3 = [12, 3, 40, 22, 0, 31, 18, 25, 9, 14, 60, 70];
    const table: CountTable = {
      kind: 'count-table',
      id: 'three',
      title: 'three',
      dimensions: [{ name: 'a', categories: ['a1', 'a2'] }, { name: 'b', categories: ['b1', 'b2', 'b3'] }, { name: 'c', categories: ['c1', 'c2'] }],
      counts: counts3,
      margins: 'all',
    };
    const out = protectTable(table, policy).output as ProtectedCountTable;
    expect(out.cells.length).toBe(3 * 4 * 3);
    const results = attack([out], policy);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.width).toBeGreaterThanOrEqual(10);
  });

  it('evidence names the rule and parameters of every cell and holds no suppressed or unrounded value', () => {
    const policy = presetPolicy('nhs-england-subnational');
    const distinctive = [4321, 3, 9876, 5];
    const { output, evidence } = protectTable(
      { kind: 'count-table', id: 'ev', title: 'ev', dimensions: [{ name: 'g', categories: ['a', 'b', 'c', 'd'] }], counts: distinctive, margins: 'all' },
      policy,
    );
    const out = output as ProtectedCountTable;
    expect(evidence.cells.length).toBe(out.cells.length);
    const text = JSON.stringify(evidence);
    for (const v of ['4321', '9876', '14205']) expect(text).not.toContain(v);
    for (const cell of evidence.cells) {
      expect(cell.rule).toMatch(/^R\d+$/);
      expect(cell.reason.length).toBeGreaterThan(10);
      if (cell.status.startsWith('suppressed')) expect(cell.params.protectionWidth).toBe(8);
      // The reason for a suppressed cell must not say whether it was zero or small.
      if (cell.status === 'suppressed-primary') expect(cell.reason).toContain('threshold or the zero rule');
    }
    expect(evidence.policy.parameters.threshold).toBe(8);
    expect(out.cells.filter((c) => c.value === null).every((c) => !('trueValue' in c))).toBe(true);
  });

  it('publishes percentages from protected counts, suppressed with their numerator or denominator', () => {
    const policy = presetPolicy('acro-default');
    const { output, evidence } = protectTable({ ...crosstab(counts), shares: { over: ['sex'] } }, policy);
    const out = output as ProtectedCountTable;
    const shares = out.shares!;
    expect(shares.cells.length).toBe(out.cells.length);
    out.cells.forEach((c, i) => {
      const s = shares.cells[i]!;
      if (c.value === null) expect(s.value).toBeNull();
    });
    // Asian/Female share of the Asian total, from the published counts.
    expect(shares.cells[0]!.value).toBe(Math.round((120 / 253) * 1000) / 10);
    expect(evidence.reasons.some((r) => r.includes('protected counts'))).toBe(true);
  });

  it('flags 0% or 100% shares for review (class disclosure)', () => {
    const policy = presetPolicy('nhs-england-subnational');
    const { evidence } = protectTable(
      { kind: 'count-table', id: 'cls', title: 'cls', dimensions: [{ name: 'g', categories: ['a', 'b'] }, { name: 'h', categories: ['x', 'y'] }], counts: [40, 0, 30, 35], margins: 'all', shares: { over: ['h'] } },
      policy,
    );
    expect(evidence.outcome).toBe('review');
  });

  it('refuses bad input without quoting it', () => {
    const policy = presetPolicy('acro-default');
    const e = (() => {
      try {
        protectTable(crosstab([1, 2, -3, 4, 5, 6, 7, 8, 9, 10]), policy);
      } catch (err) {
        return err as RepresentError;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(RepresentError);
    expect(e!.code).toBe('bad-argument');
    expect(e!.message).not.toContain('-3');
    expect(() => protectTable(crosstab([1, 2, 3]), policy)).toThrow(/wrong number of counts/);
    expect(() => protectTable({ ...crosstab(counts, 'none'), shares: { over: ['sex'] } }, policy)).toThrow(/percentages need published totals/);
    expect(() => protectTable({ ...crosstab(counts), dimensions: [ethnicity, ethnicity] }, policy)).toThrow(/appears twice/);
  });
});
