import { describe, expect, test } from 'vitest';
import { catalogueItems, catalogueCompleteness, partOf, standingTogether, ANALYSIS_OUTPUTS } from '../../../shared/standards';
import { allAnswerFields } from '../../../shared/report/answers';

describe('STANDING Together catalogue', () => {
  test('holds 29 items: 18 documentation items in four sections and 11 use items', () => {
    const items = catalogueItems();
    expect(items).toHaveLength(29);
    const doc = items.filter((i) => partOf(i) === 'documentation');
    expect(doc).toHaveLength(18);
    expect(new Set(doc.map((i) => i.section))).toEqual(new Set(['1.1', '1.2', '1.3', '1.4']));
    expect(items.filter((i) => partOf(i) === 'use')).toHaveLength(11);
    expect(new Set(items.map((i) => i.id)).size).toBe(29);
  });

  test('says how sure we are of each ID: documentation IDs medium, use IDs low and keyed U1-U11', () => {
    for (const i of catalogueItems()) {
      if (partOf(i) === 'documentation') {
        expect(i.idConfidence).toBe('medium');
        expect(i.publishedId).toBe(i.id);
      } else {
        expect(i.idConfidence).toBe('low');
        expect(i.id).toMatch(/^U\d+$/);
      }
    }
    // The three use IDs the public draft gave.
    expect(catalogueItems().filter((i) => i.publishedId?.startsWith('2.')).map((i) => [i.id, i.publishedId])).toEqual([
      ['U1', '2.1a'],
      ['U2', '2.2a'],
      ['U3', '2.2b'],
    ]);
    expect(standingTogether().caveats.join(' ')).toMatch(/medium confidence/);
  });

  test('every answer field an item names exists in the answers schema, and every field serves an item', () => {
    const fields = new Set(allAnswerFields());
    const used = new Set<string>();
    for (const i of catalogueItems()) for (const f of i.answerFields) {
      expect(fields.has(f), `${i.id} names ${f}`).toBe(true);
      used.add(f);
    }
    expect([...fields].filter((f) => !used.has(f))).toEqual([]);
  });

  test('evidence class agrees with the analysis outputs named', () => {
    for (const i of catalogueItems()) {
      for (const o of i.analysisOutputs) expect(ANALYSIS_OUTPUTS).toContain(o);
      if (i.evidence === 'human') expect(i.analysisOutputs).toEqual([]);
      else expect(i.analysisOutputs.length).toBeGreaterThan(0);
    }
  });

  test('completeness: missing, not available, partial and complete follow the answers and evidence', () => {
    const none = catalogueCompleteness({ fieldState: () => 'missing', outputsPresent: new Set() });
    expect(none.every((c) => c.status === 'missing')).toBe(true);
    const na = catalogueCompleteness({ fieldState: () => 'not-available', outputsPresent: new Set() });
    expect(na.every((c) => c.status === 'not-available')).toBe(true);
    const all = catalogueCompleteness({ fieldState: () => 'answered', outputsPresent: new Set(ANALYSIS_OUTPUTS) });
    expect(all.every((c) => c.status === 'complete')).toBe(true);
    // Evidence without answers is partial, and says what is still to answer.
    const auto = catalogueCompleteness({ fieldState: () => 'missing', outputsPresent: new Set(ANALYSIS_OUTPUTS) });
    const c12a = auto.find((c) => c.itemId === '1.2a')!;
    expect(c12a.status).toBe('partial');
    expect(c12a.explanation).toContain('composition.referenceChoice');
    expect(auto.find((c) => c.itemId === '1.4a')!.status).toBe('missing');
    // A stated reason for every question, but automatic evidence missing, is partial.
    const reasonsNoEvidence = catalogueCompleteness({ fieldState: () => 'not-available', outputsPresent: new Set(['representation']) });
    expect(reasonsNoEvidence.find((c) => c.itemId === '1.2a')!.status).toBe('partial');
  });
});
