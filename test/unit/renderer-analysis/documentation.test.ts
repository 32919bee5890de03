// The Documentation page's model: every catalogue item and answer field on the form once, edits
// that the answers schema accepts once cleaned, completeness counted as the report counts it, and
// evidence from a real analysis in words.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DatasetOverview } from '../../../shared/api';
import type { MappingDocument } from '../../../shared/demographics/mapping-document';
import { allAnswerFields, AnswersSchema, emptyAnswers, fieldState, TEXT_SECTIONS, type Answers, type TextAnswer } from '../../../shared/report/answers';
import { catalogueItems } from '../../../shared/standards/catalogue';
import { catalogueCompleteness } from '../../../shared/standards/completeness';
import {
  addGroup,
  attributeNames,
  cleanAnswers,
  countFlags,
  documentationForm,
  itemEvidence,
  localCompleteness,
  outputsFromAnalysis,
  outputsFromCompleteness,
  removeGroup,
  setListNotAvailable,
  setTextAnswer,
  textAnswerAt,
  updateGroup,
  updateRecording,
} from '../../../renderer/src/analysis/documentation';
import { EXTRACT_MAPPING } from '../analysis/helpers';
import { syntheticAnalysis } from './fixtures';

const TEXT_PATHS = Object.entries(TEXT_SECTIONS).flatMap(([s, keys]) => keys.map((k) => `${s}.${k}`));

const overview: DatasetOverview = {
  datasetId: 'd1',
  projectId: 'p1',
  file: { name: 'extract.csv', sizeBytes: 1234, modifiedIso: '2025-04-01T10:00:00.000Z', sha256: 'a'.repeat(64) },
  rows: 6000,
  dialect: { encoding: 'utf-8', delimiter: ',', hasHeader: true },
  columns: [],
  notes: [],
};

describe('the documentation form', () => {
  const form = documentationForm();

  it('has all 29 items in their sections and every answer field exactly once', () => {
    const items = form.flatMap((s) => s.items);
    expect(items.map((i) => i.item.id)).toEqual(catalogueItems().map((i) => i.id));
    expect(items.length).toBe(29);
    const paths = items.flatMap((i) => i.fields.map((f) => f.path));
    expect([...paths].sort()).toEqual([...allAnswerFields()].sort());
    for (const s of form) for (const i of s.items) expect(i.item.section).toBe(s.section.id);
  });

  it('labels every field with a question, and a one-field item with its own prompt', () => {
    for (const { item, fields, hints } of form.flatMap((s) => s.items)) {
      for (const f of fields) expect(f.label).toMatch(/\?|\.$/);
      if (fields.length === 1 && fields[0]!.path.includes('.')) expect(fields[0]!.label).toBe(item.prompts[0]);
      for (const h of hints) expect(fields.some((f) => f.label === h)).toBe(false);
    }
    // Labels are unique, so each textarea has its own accessible name.
    const labels = form.flatMap((s) => s.items.flatMap((i) => i.fields.map((f) => f.label)));
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('edits and cleaning', () => {
  it('turns blanks and reasonless "not available" into not answered, and keeps real answers', () => {
    let a: Answers = emptyAnswers();
    a = setTextAnswer(a, 'provenance.summary', 'Admissions to one trust, 2019 to 2024.');
    a = setTextAnswer(a, 'provenance.name', '   ');
    a = setTextAnswer(a, 'provenance.licence', { notAvailable: '' });
    a = setTextAnswer(a, 'ethics.approval', { notAvailable: 'Service evaluation: no REC approval needed.' });
    const clean = AnswersSchema.parse(cleanAnswers(a));
    expect(textAnswerAt(clean, 'provenance.summary')).toBe('Admissions to one trust, 2019 to 2024.');
    expect(textAnswerAt(clean, 'provenance.name')).toBeNull();
    expect(textAnswerAt(clean, 'provenance.licence')).toBeNull();
    expect(fieldState(clean, 'ethics.approval')).toBe('not-available');
  });

  it('attribute recordings and groups at risk: entries with nothing in them are left out', () => {
    let a: Answers = emptyAnswers();
    a = updateRecording(a, 'ethnicity', { recording: 'self-reported' });
    a = updateRecording(a, 'sex', { codingScheme: '' });
    a = updateRecording(a, 'ethnicity', { codingScheme: 'NHS ETHNIC CATEGORY, 2001 Census basis' });
    a = addGroup(addGroup(a));
    a = updateGroup(a, 1, { group: 'People with a learning disability', rationale: 'Higher mortality from treatable causes (LeDeR).' });
    const clean = AnswersSchema.parse(cleanAnswers(a));
    expect(clean.attributes).toEqual([{ attribute: 'ethnicity', recording: 'self-reported', codingScheme: 'NHS ETHNIC CATEGORY, 2001 Census basis', recoding: null, missingReasons: null }]);
    expect(clean.groupsAtRisk).toEqual([{ group: 'People with a learning disability', rationale: 'Higher mortality from treatable causes (LeDeR).', captured: null }]);
    expect(groupsAfterRemove(a)).toBe(1);
    const na = cleanAnswers(setListNotAvailable(a, 'attributes', 'Not recorded by the source system.'));
    expect(fieldState(AnswersSchema.parse(na), 'attributes')).toBe('not-available');
    expect(cleanAnswers(setListNotAvailable(a, 'groupsAtRisk', ' ')).groupsAtRisk).toBeNull();
  });

  it('whatever is typed, the cleaned document passes the answers schema', () => {
    const text: fc.Arbitrary<TextAnswer> = fc.oneof(fc.constant(null), fc.string({ maxLength: 12 }), fc.record({ notAvailable: fc.string({ maxLength: 12 }) }));
    const edit = fc.oneof(
      fc.record({ op: fc.constant('text' as const), path: fc.constantFrom(...TEXT_PATHS), value: text }),
      fc.record({ op: fc.constant('recording' as const), attribute: fc.constantFrom('ethnicity', 'sex'), scheme: text, recoding: text, method: fc.constantFrom(null, 'self-reported' as const, { notAvailable: '' }, { notAvailable: 'asked nobody' }) }),
      fc.record({ op: fc.constant('group' as const), name: fc.string({ maxLength: 8 }), why: text }),
      fc.record({ op: fc.constant('list-na' as const), path: fc.constantFrom('attributes' as const, 'groupsAtRisk' as const), reason: fc.option(fc.string({ maxLength: 6 })) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        let a: Answers = emptyAnswers();
        for (const e of edits) {
          if (e.op === 'text') a = setTextAnswer(a, e.path, e.value);
          else if (e.op === 'recording') a = updateRecording(a, e.attribute, { codingScheme: e.scheme, recoding: e.recoding, recording: e.method });
          else if (e.op === 'group') a = updateGroup(addGroup(a), (Array.isArray(a.groupsAtRisk) ? a.groupsAtRisk.length : 0), { group: e.name, rationale: e.why });
          else a = setListNotAvailable(a, e.path, e.reason);
        }
        const parsed = AnswersSchema.safeParse(cleanAnswers(a));
        expect(parsed.success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

function groupsAfterRemove(a: Answers): number {
  const after = removeGroup(a, 0);
  return Array.isArray(after.groupsAtRisk) ? after.groupsAtRisk.length : -1;
}

describe('completeness', () => {
  it('counts as the report does: nothing answered and no analysis is 0 of 29', () => {
    const { complete, total, items } = localCompleteness(emptyAnswers(), outputsFromAnalysis(null));
    expect(total).toBe(29);
    expect(complete).toBe(0);
    expect(items.every((i) => i.status === 'missing' || i.status === 'partial')).toBe(true);
  });

  it('every field answered, with the analysis, makes all 29 complete; without it, items needing evidence are partial', () => {
    let a: Answers = emptyAnswers();
    for (const p of TEXT_PATHS) a = setTextAnswer(a, p, `Answer for ${p}.`);
    a = updateRecording(a, 'ethnicity', { recording: 'self-reported', codingScheme: 'NHS', recoding: 'None.' });
    a = updateGroup(addGroup(a), 0, { group: 'Older people', rationale: 'Frailty.' });
    const withAnalysis = localCompleteness(a, outputsFromAnalysis(syntheticAnalysis()));
    // No site column in any analysis: the two items asking for a site breakdown stay partial.
    const siteItems = catalogueItems().filter((i) => i.analysisOutputs.includes('sites')).length;
    expect(withAnalysis.complete).toBe(29 - siteItems);
    const present = new Set([...outputsFromAnalysis(syntheticAnalysis()), 'sites' as const]);
    expect(localCompleteness(a, present).complete).toBe(29);
    // The same figure as shared/standards computes from the same inputs.
    const clean = cleanAnswers(a);
    const direct = catalogueCompleteness({ fieldState: (p) => fieldState(clean, p), outputsPresent: present, notedItems: new Set() });
    expect(localCompleteness(a, present).items.map((i) => i.status)).toEqual(direct.map((i) => i.status));
    expect(outputsFromCompleteness(direct)).toEqual(new Set([...present].filter((o) => direct.some((i) => i.evidence.some((e) => e.output === o)))));
  });
});

describe('evidence from a real analysis', () => {
  const result = syntheticAnalysis();
  const mapping = EXTRACT_MAPPING as MappingDocument;
  const ctx = { overview, mapping, analysis: result, flagCount: countFlags(result) };

  it('1.2b lists the mapped attributes with their schemes', () => {
    const item = catalogueItems().find((i) => i.id === '1.2b')!;
    const lines = itemEvidence(item, ctx);
    expect(lines[0]).toBe('Column "ETHNIC_CATEGORY": Ethnicity, read as NHS ETHNIC CATEGORY letters (A-S; Z not stated; 99 not known).');
    expect(lines.some((l) => l.startsWith('Ethnicity: not stated '))).toBe(true);
    expect(attributeNames(mapping).map((a) => a.name)).toEqual(['ethnicity', 'sex', 'age', 'region']);
  });

  it('says what each output shows, and asks for the analysis when there is none', () => {
    const all = catalogueItems().flatMap((i) => itemEvidence(i, ctx));
    expect(all).toContain('6,000 rows and 0 columns.');
    expect(all.some((l) => /^Ethnicity: \d+ groups, compared with England, Census 2021: [1-9]\d* under-represented/.test(l))).toBe(true);
    expect(all.some((l) => l.startsWith('Outcome column "OUTCOME_30D": recorded for '))).toBe(true);
    expect(all.some((l) => l.startsWith('Column "ADMISSION_DATE" by year: '))).toBe(true);
    const none = catalogueItems().flatMap((i) => itemEvidence(i, { ...ctx, analysis: null, flagCount: 0 }));
    expect(none).toContain('Not worked out yet: open the Representation page to run the analysis.');
    expect(countFlags(result)).toBeGreaterThan(0);
  });
});
