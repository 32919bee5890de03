// The full default report at the demo's scale (100,000 rows of the messy synthetic extract, six
// mapped attributes, 1-, 2- and 3-way tables, missingness, outcomes and periods), analysed exactly as
// `represent report` does and protected under acro-default. Before tables were protected coarse
// before fine, this report hid nearly every count: 49k of 51k rows of the 1-way sex table sat in
// suppressed cells. The figures asserted here are what a reader needs from it. The statistics are
// prepared as buildReport prepares them: categories no one has (the demo has no one from Wales) are
// left out first (shared/disclosure/empty-categories.ts).

import { describe, expect, it } from 'vitest';
import { analyseTally } from '../../../shared/analysis';
import { leaveOutEmptyCategories, presetPolicy, protectReport, screenExport, type ProtectedCountTable } from '../../../shared/disclosure';
import type { CountTable } from '../../../shared/disclosure';
import { buildReport, emptyAnswers, renderReportFiles } from '../../../shared/report';
import { sectionsFromAnalysis } from '../../../shared/report/from-analysis';
import { THREE_WAY_MIN_PUBLISHABLE_SHARE } from '../../../shared/report/methods';
import { syntheticRows, tallyOf } from '../analysis/helpers';
import { attack } from '../disclosure/lp-attacker';
import suggested from '../disclosure/fixtures/suggested-mapping-s2k.json';

const ROWS = 100_000;
const policy = presetPolicy('acro-default');
const { columns, rows } = syntheticRows({ rows: ROWS, seed: 3, messy: true });
const { plan, tally } = tallyOf(suggested, columns, rows);
const sections = sectionsFromAnalysis(analyseTally(tally, plan, {}));
const asGiven = sections.map((s) => s.statistic);
const trimmed = leaveOutEmptyCategories(asGiven, policy);
const statistics = trimmed.inputs;
const protection = protectReport(statistics, policy);

/** Share of the table's rows that sit in published interior cells. */
function publishedShare(id: string): number {
  const i = statistics.findIndex((s) => s.id === id);
  const input = statistics[i] as CountTable;
  const out = protection.results[i]!.output as ProtectedCountTable;
  let all = 0;
  let shown = 0;
  input.counts.forEach((n, k) => {
    all += n;
    if (out.cells[k]?.value !== null && out.cells[k] !== undefined) shown += n;
  });
  return shown / all;
}

const idOf = (column: string) => `counts-${column.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

describe('the default report at demo scale (100,000 rows, acro-default)', () => {
  it('publishes the 1-way tables of sex, age band and ethnicity almost whole', () => {
    expect(publishedShare(idOf('PERSON_PHENOTYPIC_SEX'))).toBeGreaterThanOrEqual(0.9);
    expect(publishedShare(idOf('AGE_AT_EXTRACT'))).toBeGreaterThanOrEqual(0.9);
    expect(publishedShare(idOf('ETHNIC_CATEGORY'))).toBeGreaterThanOrEqual(0.9);
    for (const s of statistics)
      if (s.kind === 'count-table' && s.dimensions.length === 1) expect(publishedShare(s.id), s.id).toBeGreaterThanOrEqual(0.85);
  });

  it('publishes most rows of the 2-way tables it keeps, and says why it withholds the others', () => {
    let rowsAll = 0;
    let rowsShown = 0;
    // Reasons name the rule, never a figure of the table: every withheld table of one kind says the same.
    const reasons = new Set<string>();
    protection.results.forEach((r, i) => {
      const s = statistics[i]!;
      if (s.kind !== 'count-table') return;
      const out = r.output as ProtectedCountTable;
      if (r.evidence.mitigations.includes('withheld')) {
        // Withheld: nothing published, a stated reason, and no figure of the table in that reason.
        expect(out.cells).toEqual([]);
        expect(r.evidence.reasons[0]).toMatch(/^Withheld: /);
        reasons.add(r.evidence.reasons.join(' '));
        return;
      }
      if (s.dimensions.length !== 2) return;
      s.counts.forEach((n, k) => {
        rowsAll += n;
        if (out.cells[k]!.value !== null) rowsShown += n;
      });
    });
    expect(rowsShown / rowsAll).toBeGreaterThanOrEqual(0.9);
    expect(reasons.size).toBeLessThanOrEqual(3);
    // The sparse 3-way tables fall under the stated rule.
    const sparse = protection.results.filter((r) => r.evidence.reasons.some((x) => x.includes(`at least ${Math.round(THREE_WAY_MIN_PUBLISHABLE_SHARE * 100)}% of its non-zero cells`)));
    expect(sparse.length).toBeGreaterThan(0);
  });

  it('leaves the empty region out, so crosstabs with region are published where their other cells pass', () => {
    const region = idOf('REGION_CODE');
    const i = asGiven.findIndex((s) => s.id === region);
    const given = asGiven[i] as CountTable;
    const empty = given.dimensions[0]!.categories.filter((_, k) => given.counts[k] === 0);
    // The demo extract is English: no one is from Wales.
    expect(empty).toEqual(['Wales']);
    // Every table and rate crossing region lost it, and said so; nothing else changed.
    const crossing = asGiven.flatMap((s, k) => ('dimensions' in s && s.dimensions.some((d) => d.name === 'REGION_CODE') ? [k] : []));
    expect(crossing.length).toBeGreaterThan(8);
    expect([...trimmed.leftOut.keys()].sort((a, b) => a - b)).toEqual(crossing);
    expect(asGiven.some((s) => s.kind === 'rates' && trimmed.leftOut.has(asGiven.indexOf(s)))).toBe(true);
    for (const k of crossing) {
      expect(protection.results[k]!.evidence.reasons.join(' ')).not.toContain('Wales');
      const out = protection.results[k]!.output;
      if (out.kind === 'count-table') expect((out as ProtectedCountTable).cells.some((c) => c.coords.includes('Wales'))).toBe(false);
    }
    // Before: the empty row's zeros were primary suppressions, and whole crosstabs were withheld.
    const before = protectReport(asGiven, policy);
    const withheldBefore = crossing.filter((k) => asGiven[k]!.kind === 'count-table' && asGiven[k]!.id.startsWith('cross-') && (asGiven[k] as CountTable).dimensions.length === 2 && before.results[k]!.evidence.mitigations.includes('withheld'));
    expect(withheldBefore.length).toBeGreaterThanOrEqual(2);
    for (const k of withheldBefore) expect(protection.results[k]!.evidence.mitigations, asGiven[k]!.id).not.toContain('withheld');
    // And the 2-way tables with region hide no cell but those their own small counts need.
    for (const k of crossing) {
      const s = statistics[k]!;
      if (s.kind !== 'count-table' || s.dimensions.length !== 2) continue;
      const out = protection.results[k]!.output as ProtectedCountTable;
      const smallInterior = s.counts.filter((n) => n < policy.threshold).length;
      const hiddenInterior = out.cells.filter((c) => !c.coords.includes(null) && c.value === null).length;
      if (smallInterior === 0) expect(hiddenInterior, s.id).toBe(0);
      else expect(hiddenInterior, s.id).toBeGreaterThanOrEqual(smallInterior);
    }
    // The 1-way region table is published whole.
    expect(publishedShare(region)).toBe(1);
  });

  it('stays within a work bound far below the old fail-closed budgets (measured about 0.6 million directions)', () => {
    expect(protection.work).toBeLessThan(3_000_000);
    for (const r of protection.results) expect(r.evidence.reasons.join(' ')).not.toMatch(/more work than allowed/);
  });

  it('an LP attacker who sees the 1-way tables and two crosstabs cannot narrow any suppressed cell', () => {
    const wanted = new Set([idOf('PERSON_PHENOTYPIC_SEX'), idOf('AGE_AT_EXTRACT'), idOf('ETHNIC_CATEGORY'), 'cross-age-at-extract-by-person-phenotypic-sex', 'cross-person-phenotypic-sex-by-ethnic-category']);
    const outs = protection.results.filter((r) => wanted.has(r.output.id)).map((r) => r.output as ProtectedCountTable);
    expect(outs).toHaveLength(5);
    const results = attack(outs, policy);
    expect(results.length).toBeGreaterThan(10);
    for (const a of results) expect(a.width, `${a.tableId} ${a.coords.join('/')}`).toBeGreaterThanOrEqual(policy.threshold);
  });

  it('an LP attacker who sees region, ethnicity and the crosstabs that were withheld before cannot narrow any suppressed cell', () => {
    const wanted = new Set([idOf('REGION_CODE'), idOf('ETHNIC_CATEGORY'), idOf('PERSON_STATED_GENDER_CODE'), 'cross-ethnic-category-by-region-code', 'cross-person-stated-gender-code-by-region-code']);
    const outs = protection.results.filter((r) => wanted.has(r.output.id)).map((r) => r.output as ProtectedCountTable);
    expect(outs).toHaveLength(5);
    const results = attack(outs, policy);
    expect(results.length).toBeGreaterThan(0);
    for (const a of results) expect(a.width, `${a.tableId} ${a.coords.join('/')}`).toBeGreaterThanOrEqual(policy.threshold);
  });

  it('the report built from it passes the independent export screen and states the table rule in its methods', () => {
    const report = buildReport({
      dataset: { name: 'synthetic-extract.csv', sizeBytes: 1, modifiedIso: '2026-11-27T09:00:00.000Z', sha256: 'b'.repeat(64) },
      sections,
      answers: emptyAnswers(),
      policy,
      appVersion: '0.1.0',
      createdAt: '2026-11-27T10:00:00.000Z',
    });
    const sex = report.representation.find((b) => b.tableId === idOf('PERSON_PHENOTYPIC_SEX'))!;
    expect(sex.rows.filter((r) => r.n !== null).length).toBeGreaterThanOrEqual(3);
    expect(report.methods.map((m) => m.text).join(' ')).toContain(`at least ${Math.round(THREE_WAY_MIN_PUBLISHABLE_SHARE * 100)}% of its non-zero cells`);
    // The empty region is left out (with the reasoning in the methods), and the crosstabs with region are published.
    expect(report.methods.find((m) => m.id === 'empty-categories')?.text).toMatch(/describes no one/);
    const region = report.representation.find((b) => b.tableId === idOf('REGION_CODE'))!;
    expect(region.rows.map((r) => r.category)).not.toContain('Wales');
    expect(region.rows.every((r) => r.n !== null)).toBe(true);
    const regionCrosstabs = report.intersections.filter((b) => b.dimensions.length === 2 && b.dimensions.some((d) => d.name === 'REGION_CODE'));
    expect(regionCrosstabs.length).toBe(5);
    for (const b of regionCrosstabs) expect(b.cells.length, b.tableId).toBeGreaterThan(0);
    const screen = screenExport({ files: renderReportFiles(report) }, policy);
    expect(screen.findings).toEqual([]);
  });
});
