// The Report page must show the report "exactly as it would be exported": its grids must hold the
// same text, cell for cell, as the tables of the exported HTML (shared/report/render-html.ts),
// for a real report built from counted synthetic data under every preset policy.
import { describe, expect, test } from 'vitest';
import { PRESET_IDS, presetPolicy } from '../../../shared/disclosure';
import { buildReport, renderHtml, type StandardsReport } from '../../../shared/report';
import { completenessGrids, crossGrid, gridText, heatBand, heatGrid, markerOf, rateGrid, representationGrid, type Grid } from '../../../renderer/src/report/report-tables';
import { chartLayout } from '../../../renderer/src/report/representation-chart';
import { syntheticReport } from '../report/synthetic-report';

function reportFor(policyId: (typeof PRESET_IDS)[number]): StandardsReport {
  const s = syntheticReport();
  return buildReport({ ...s.input, policy: presetPolicy(policyId) });
}

/** Tables of the exported HTML as grids of cell text (the renderer writes simple, well-formed tables). */
function htmlGrids(html: string): { caption: string; header: string[]; rows: string[][] }[] {
  const strip = (s: string) =>
    s.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => {
    const caption = strip(/<caption>([\s\S]*?)<\/caption>/.exec(t[1]!)?.[1] ?? '');
    const trs = [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) => [...tr[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => strip(c[1]!)));
    return { caption, header: trs[0] ?? [], rows: trs.slice(1) };
  });
}

/** The page's grids in the order the exported HTML has its tables. */
function pageGrids(r: StandardsReport): Grid[] {
  const m = markerOf(r);
  return [
    ...completenessGrids(r),
    ...r.representation.map((b) => representationGrid(b, m)),
    ...r.intersections.map((b) => crossGrid(b, m)),
    ...r.missingness.flatMap((mb) => [heatGrid(mb, m), ...mb.blocks.map((b) => rateGrid(b, m))]),
    ...r.outcomes.map((b) => rateGrid(b, m)),
    ...r.periods.map((b) => crossGrid(b, m)),
    ...r.sites.map((b) => crossGrid(b, m)),
  ];
}

describe('report grids match the exported HTML', () => {
  for (const id of PRESET_IDS) {
    test(`every table, caption, header and cell (${id})`, () => {
      const report = reportFor(id);
      const exported = htmlGrids(renderHtml(report));
      const page = pageGrids(report);
      // The fixture must exercise every kind of table for the comparison to mean something.
      expect(report.representation.length).toBeGreaterThan(0);
      expect(report.intersections.length).toBeGreaterThan(0);
      expect(report.missingness.length).toBeGreaterThan(0);
      expect(report.outcomes.length).toBeGreaterThan(0);
      expect(report.periods.length).toBeGreaterThan(0);
      expect(page).toHaveLength(exported.length);
      page.forEach((grid, i) => {
        const html = exported[i]!;
        const text = gridText(grid);
        expect(grid.caption).toBe(html.caption);
        expect(text.header).toEqual(html.header);
        expect(text.rows).toEqual(html.rows);
      });
      // And hidden cells really occur, shown with the policy's marker and flagged as hidden.
      const hidden = page.flatMap((g) => g.rows.flatMap((r) => r.cells.filter((c) => c.suppressed)));
      expect(hidden.length).toBeGreaterThan(5);
      expect(hidden.some((c) => c.text === markerOf(report))).toBe(true);
    });
  }

  test('every grid names the protected tables behind it, and those tables have evidence', () => {
    const report = reportFor('nhs-england-subnational');
    const ids = new Set(report.evidence.map((e) => e.statisticId));
    for (const g of pageGrids(report).filter((g) => !g.id.startsWith('completeness'))) {
      expect(g.tableIds.length).toBeGreaterThan(0);
      for (const t of g.tableIds) expect(ids.has(t)).toBe(true);
    }
  });

  test('heat bands follow the exported shading limits', () => {
    expect([0, 4.99, 5, 9.9, 10, 19.9, 20, 39.9, 40, 100].map(heatBand)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });
});

describe('representation chart', () => {
  test('bars, intervals and reference markers sit where the exported SVG draws them', () => {
    const report = reportFor('opensafely');
    const html = renderHtml(report);
    for (const b of report.representation) {
      const layout = chartLayout(b, markerOf(report));
      const svg = new RegExp(`<svg[^>]*aria-labelledby="${b.id}-chart-title[\\s\\S]*?</svg>`).exec(html)?.[0];
      expect(svg).toBeDefined();
      const widths = [...svg!.matchAll(/<rect x="220" y="[\d.]+" width="([\d.]+)"/g)].map((m) => m[1]);
      expect(layout.rows.filter((r) => r.bar).map((r) => r.bar!.width.toFixed(1))).toEqual(widths);
      const diamonds = [...svg!.matchAll(/<path d="M([\d.]+) /g)].map((m) => m[1]);
      expect(layout.rows.filter((r) => r.referenceX !== null).map((r) => r.referenceX!.toFixed(1))).toEqual(diamonds);
      const ticks = [...svg!.matchAll(/text-anchor="middle" fill="#4c6272">([^<]+)</g)].map((m) => m[1]);
      expect(layout.ticks.map((t) => t.label)).toEqual(ticks);
      expect(svg).toContain(layout.description.replace(/'/g, '&#39;'));
    }
  });
});
