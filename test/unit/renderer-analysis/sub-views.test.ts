// The split Representation and Report pages ("one thing per page"): which sub-views an analysis
// or a report has, the one-line summary of each attribute, the remembered place, and the markup
// (one sub-view drawn at a time, NHS.UK contents list and pagination) from real data.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { attributeSummaryLine } from '../../../renderer/src/components/analysis/attribute-summary';
import { AttributeSection, attributeTitle } from '../../../renderer/src/components/analysis/AttributeSection';
import { OutcomesView, representationSubViews, RepresentationSummary, TrendsView } from '../../../renderer/src/components/analysis/RepresentationSubViews';
import { ContentsList, type SubViewEntry } from '../../../renderer/src/components/navigation/ContentsList';
import { Pagination } from '../../../renderer/src/components/navigation/Pagination';
import { neighbours, recallSubView, rememberSubView, resolveSubView, subViewKey, type SubViewStorage } from '../../../renderer/src/components/navigation/sub-view-state';
import { ReportDocument } from '../../../renderer/src/components/report/ReportDocument';
import { PRESET_IDS, presetPolicy } from '../../../shared/disclosure';
import { buildReport } from '../../../shared/report';
import { syntheticReport } from '../report/synthetic-report';
import { syntheticAnalysis } from './fixtures';

describe('the Representation sub-views', () => {
  const result = syntheticAnalysis();

  it('are the summary, each attribute, then outcomes, intersections and trends when the analysis has them', () => {
    const entries = representationSubViews(result);
    expect(entries[0]).toEqual({ id: 'summary', title: 'Summary' });
    expect(entries.slice(1, 1 + result.attributes.length).map((e) => e.title)).toEqual(result.attributes.map(attributeTitle));
    const rest = entries.slice(1 + result.attributes.length).map((e) => e.id);
    expect(rest).toEqual([result.outcome ? 'outcomes' : null, result.intersections.length > 0 ? 'intersections' : null, result.period ? 'trends' : null].filter((x) => x !== null));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const bare = representationSubViews({ ...result, outcome: undefined, period: undefined, intersections: [] });
    expect(bare.map((e) => e.id)).toEqual(['summary', ...result.attributes.map((a) => `attribute-${a.index}`)]);
  });

  it('summarise each attribute in one line that names its representation flags and its unrecorded share', () => {
    const ethnicity = result.attributes.find((a) => a.kind === 'ethnicity')!;
    const line = attributeSummaryLine(ethnicity, result.settings);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^[A-Z].*\.$/);
    // The fixture under-recruits one ethnic group: the line names it.
    const under = ethnicity.groups.filter((g) => g.flags.includes('under-represented'));
    expect(under.length).toBeGreaterThan(0);
    expect(line).toContain(`Under-represented: "${under[0]!.label}"`);
    // 4% not stated + 6% not known in the fixture.
    const unrecorded = ethnicity.specialRates.notStated + ethnicity.specialRates.notKnown;
    expect(unrecorded).toBeGreaterThan(0.05);
    expect(line).toContain(`${(unrecorded * 100).toFixed(1)}% not stated or not known`);

    const none = attributeSummaryLine({ ...ethnicity, groups: ethnicity.groups.map((g) => ({ ...g, flags: [] })) }, result.settings);
    expect(none).toMatch(/^Nothing flagged against /);
    const uncompared = attributeSummaryLine({ ...ethnicity, reference: undefined, referenceUnavailable: 'long reason' }, result.settings);
    expect(uncompared).toMatch(/^Not compared: /);
    expect(uncompared).not.toContain('long reason');
  });

  it('an attribute leaves its outcome and trend tables to the Outcomes and Changes over time sub-views', () => {
    expect(result.outcome).toBeDefined();
    expect(result.period).toBeDefined();
    const attr = result.attributes.find((a) => a.kind === 'ethnicity')!;
    const props = { attr, settings: result.settings, outcome: result.outcome, period: result.period };
    const whole = renderToStaticMarkup(createElement(AttributeSection, props));
    const alone = renderToStaticMarkup(createElement(AttributeSection, { ...props, withOutcomeAndTrend: false }));
    expect(whole).toContain('Outcome by ethnicity group');
    expect(whole).toContain('Ethnicity over time');
    expect(alone).not.toContain('Outcome by ethnicity group');
    expect(alone).not.toContain('over time');
    const outcomes = renderToStaticMarkup(createElement(OutcomesView, { result }));
    const trends = renderToStaticMarkup(createElement(TrendsView, { result }));
    expect(outcomes).toContain('Outcome by ethnicity group');
    expect(trends).toContain('Ethnicity over time');
    expect(outcomes.match(/<h3/g)).toHaveLength(result.outcome!.byAttribute.length);
    expect(trends.match(/<h3/g)).toHaveLength(result.period!.byAttribute.length);
  });

  it('the summary has one row per attribute with a link to its sub-view', () => {
    const html = renderToStaticMarkup(createElement(RepresentationSummary, { result, onSelect: () => undefined }));
    expect(html.match(/<h2[^>]*>([^<]*)<\/h2>/)?.[1]).toBe('Summary');
    expect(html.match(/nhsuk-summary-list__row/g)).toHaveLength(result.attributes.length);
    for (const a of result.attributes) expect(html).toContain(`href="#attribute-${a.index}"`);
  });
});

describe('the remembered sub-view', () => {
  const entries: SubViewEntry[] = [
    { id: 'a', title: 'A' },
    { id: 'b', title: 'B' },
    { id: 'c', title: 'C' },
  ];

  it('falls back to the first when the remembered one is gone, and has neighbours either side', () => {
    expect(resolveSubView(entries, 'b')).toBe('b');
    expect(resolveSubView(entries, 'gone')).toBe('a');
    expect(resolveSubView(entries, null)).toBe('a');
    expect(resolveSubView([], 'b')).toBeUndefined();
    expect(neighbours(entries, 'a')).toEqual({ previous: undefined, next: entries[1] });
    expect(neighbours(entries, 'b')).toEqual({ previous: entries[0], next: entries[2] });
    expect(neighbours(entries, 'c')).toEqual({ previous: entries[1], next: undefined });
  });

  it('is kept per page and dataset, and a storage that throws only loses the place', () => {
    const map = new Map<string, string>();
    const storage: SubViewStorage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
    rememberSubView(storage, subViewKey('representation', 'd1'), 'attribute-2');
    expect(recallSubView(storage, subViewKey('representation', 'd1'))).toBe('attribute-2');
    expect(recallSubView(storage, subViewKey('representation', 'd2'))).toBeNull();
    expect(recallSubView(storage, subViewKey('report', 'd1'))).toBeNull();
    const denied: SubViewStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(() => rememberSubView(denied, 'k', 'x')).not.toThrow();
    expect(recallSubView(denied, 'k')).toBeNull();
    expect(recallSubView(null, 'k')).toBeNull();
  });
});

describe('navigation markup', () => {
  it('the contents list marks the current entry and nests only the showing group', () => {
    const entries: SubViewEntry[] = [
      { id: 'one', title: 'One' },
      { id: 'x-0', title: 'X zero', group: 'Xs' },
      { id: 'x-1', title: 'X one', group: 'Xs' },
      { id: 'y-0', title: 'Y zero', group: 'Ys' },
      { id: 'y-1', title: 'Y one', group: 'Ys' },
    ];
    const html = renderToStaticMarkup(createElement(ContentsList, { label: 'Test contents', entries, current: 'x-1', onSelect: () => undefined }));
    expect(html).toContain('aria-label="Test contents"');
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-current="page"><span class="nhsuk-contents-list__current">X one<\/span>/);
    expect(html).toContain('href="#x-0"');
    // The other group is one link to its first entry, with its size.
    expect(html).toContain('href="#y-0"');
    expect(html).not.toContain('href="#y-1"');
    expect(html).toContain('Ys <span class="nhsuk-u-secondary-text-colour">(2)</span>');
  });

  it('pagination draws only the links that exist, named as NHS.UK names them', () => {
    const html = renderToStaticMarkup(createElement(Pagination, { label: 'Test pages', previous: undefined, next: { id: 'b', title: 'B' }, onSelect: () => undefined }));
    expect(html).toContain('rel="next"');
    expect(html).not.toContain('rel="prev"');
    expect(html).toContain('Next<span class="nhsuk-u-visually-hidden"> page</span>');
    expect(renderToStaticMarkup(createElement(Pagination, { label: 'Test pages', previous: undefined, next: undefined, onSelect: () => undefined }))).toBe('');
  });
});

describe('the report one section at a time', () => {
  const report = buildReport({ ...syntheticReport().input, policy: presetPolicy(PRESET_IDS[0]) });
  const view = { reportId: 'r1', html: '', report, screen: { passed: true, findings: [] } };
  const sectionHeadings = (html: string) => [...html.matchAll(/<h2 class="nhsuk-heading-m" id="report-([^"]+)"[^>]*>([^<]*)<\/h2>/g)].map((m) => m[2]);

  it('draws the first section only, with the contents list and Next; whole, it draws every section', () => {
    const whole = renderToStaticMarkup(createElement(ReportDocument, { view }));
    const all = sectionHeadings(whole);
    expect(all.slice(0, 2)).toEqual(['Dataset and report', 'Summary and flags']);
    expect(all.slice(-4)).toEqual(['Documentation by item', 'Methods', 'Disclosure policy', 'Disclosure control']);
    expect(all.filter((t) => t?.startsWith('Representation: '))).toHaveLength(report.representation.length);
    expect(all).toHaveLength(2 + report.representation.length + report.intersections.length + report.missingness.length + report.outcomes.length + report.periods.length + report.sites.length + 5);

    const paged = renderToStaticMarkup(createElement(ReportDocument, { view, oneSectionAtATime: { rememberAs: 'test' } }));
    expect(sectionHeadings(paged)).toEqual(['Dataset and report']);
    expect(paged).toContain('aria-label="Report contents"');
    expect(paged).toContain('aria-label="Report pages"');
    expect(paged).toContain('href="#summary"');
    // The same figures: the fingerprint is on the first section in both.
    expect(paged).toContain(report.dataset.sha256);
    expect(paged.length).toBeLessThan(whole.length / 4);
  });
});
