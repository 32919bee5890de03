// The analysis components drawn to HTML (react-dom/server) from a real analysis: the structure the
// contract and WCAG ask for (headings, captions, scoped headers, labels), no row value from the
// identifier columns, and the time it takes.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AttributeSection } from '../../../renderer/src/components/analysis/AttributeSection';
import { AttributeMappingFieldset } from '../../../renderer/src/components/analysis/AttributeMappingFieldset';
import { DocumentationItem } from '../../../renderer/src/components/analysis/DocumentationItem';
import { IntersectionList } from '../../../renderer/src/components/analysis/IntersectionList';
import { documentationForm } from '../../../renderer/src/analysis/documentation';
import { emptyAnswers } from '../../../shared/report/answers';
import { syntheticAnalysis } from './fixtures';

function tables(html: string): string[] {
  return html.split('<table').slice(1);
}

describe('drawn to HTML', () => {
  const result = syntheticAnalysis();

  it('each attribute has its h2, and every table a caption and scoped headers', () => {
    const draw = (attr: (typeof result.attributes)[number]) => renderToStaticMarkup(createElement(AttributeSection, { attr, settings: result.settings, outcome: result.outcome, period: result.period }));
    result.attributes.forEach(draw); // React's first render compiles its code paths; time the next
    for (const attr of result.attributes) {
      const started = performance.now();
      const html = draw(attr);
      expect(performance.now() - started).toBeLessThan(200);
      expect(html.match(/<h2[^>]*>([^<]*)<\/h2>/)?.[1]).toBe(attr.label ?? { ethnicity: 'Ethnicity', sex: 'Sex (phenotypic, as observed)', age: 'Age', region: 'Region' }[attr.kind as string]);
      for (const t of tables(html)) {
        expect(t).toMatch(/^[^>]*><caption/);
        expect(t.match(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/g)).toBeNull();
      }
      // The chart is hidden from screen readers; the table carries the figures.
      expect(html).toContain('aria-hidden="true"');
      expect(html).toContain('people in each group');
    }
  });

  it('intersections show a summary and draw no full table until opened', () => {
    const html = renderToStaticMarkup(createElement(IntersectionList, { intersections: result.intersections, smallCell: result.settings.smallCell }));
    expect(tables(html)).toHaveLength(1);
    expect(html.match(/<details/g)).toHaveLength(result.intersections.length);
  });

  it('a mapped column has selects labelled Attribute and Code scheme, and one per unmapped value', () => {
    const html = renderToStaticMarkup(
      createElement(AttributeMappingFieldset, {
        index: 0,
        attribute: { column: 'ETHNIC_CATEGORY', kind: 'ethnicity', scheme: 'nhs-ethnic-category' },
        suggestion: { column: 'ETHNIC_CATEGORY', kind: 'ethnicity', scheme: 'nhs-ethnic-category', confidence: 0.95, reason: 'Values match NHS ETHNIC CATEGORY codes.' },
        unmapped: [{ column: 'ETHNIC_CATEGORY', values: [{ raw: 'W9', rows: 12 }], more: 0 }],
        onChange: () => undefined,
        onRemove: () => undefined,
      }),
    );
    expect(html).toMatch(/<fieldset[^>]*><legend/);
    expect(html).toMatch(/<label class="nhsuk-label" for="attr-0-kind">Attribute<\/label>/);
    expect(html).toMatch(/<label class="nhsuk-label" for="attr-0-scheme">Code scheme<\/label>/);
    expect(html).toMatch(/<label class="nhsuk-label nhsuk-u-visually-hidden" for="attr-0-value-0">Category for W9<\/label>/);
    expect(html).toContain('High confidence (95%)');
  });

  it('a documentation item labels its textarea with its question and offers "Not available"', () => {
    const item = documentationForm()[0]!.items[0]!;
    const html = renderToStaticMarkup(createElement(DocumentationItem, { formItem: item, answers: emptyAnswers(), status: 'missing', evidence: ['6,000 rows.'], attributes: [], onAnswers: () => undefined }));
    expect(html).toContain(`for="answer-provenance-summary" id="answer-provenance-summary-label">${item.fields[0]!.label}</label>`);
    expect(html).toContain('<textarea class="nhsuk-textarea" id="answer-provenance-summary"');
    expect(html).toMatch(/<input class="nhsuk-checkboxes__input" id="answer-provenance-summary-na" type="checkbox"[^>]*aria-describedby="answer-provenance-summary-label"/);
    expect(html).toContain('>Not available</label>');
    const na = renderToStaticMarkup(createElement(DocumentationItem, { formItem: item, answers: { ...emptyAnswers(), provenance: { summary: { notAvailable: '' } } }, status: 'missing', evidence: [], attributes: [], onAnswers: () => undefined }));
    expect(na).toContain('Why is this not available?');
    expect(na).not.toContain('<textarea class="nhsuk-textarea" id="answer-provenance-summary"');
  });
});
