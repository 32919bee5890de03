// Mapping edits keep the document valid: whatever sequence of changes the page makes, the real
// validator (shared/demographics/mapping.ts) accepts the result.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ATTRIBUTE_KINDS, NOT_KNOWN, NOT_STATED } from '../../../shared/demographics/attributes';
import { getCategorySet } from '../../../shared/demographics/category-sets';
import type { MappingDocument } from '../../../shared/demographics/mapping-document';
import { validateMapping } from '../../../shared/demographics/mapping';
import { schemesForKind } from '../../../shared/demographics/schemes';
import {
  addAttribute,
  assignmentOptions,
  assignValue,
  changeDeprivationUnit,
  changeKind,
  changeScheme,
  confidenceText,
  groupingOptions,
  parsePositiveValues,
  removeAttribute,
  replaceAttribute,
  setOutcome,
  setPeriod,
} from '../../../renderer/src/analysis/mapping-edit';

const TODAY = '2025-03-31';
const COLUMNS = ['eth', 'sex', 'dob', 'imd', 'region', 'lang', 'died', 'admitted'];

describe('mapping edits', () => {
  it('a new kind keeps a scheme that applies to it and otherwise takes the first scheme, dropping the value map', () => {
    const sex = { column: 'sex', kind: 'sex' as const, scheme: 'sex-text', valueMap: { Q: 'not-known' } };
    const gender = changeKind(sex, 'gender', TODAY);
    expect(gender.scheme).toBe('sex-text');
    expect(gender.valueMap).toEqual({ Q: 'not-known' });
    const ethnicity = changeKind(sex, 'ethnicity', TODAY);
    expect(ethnicity.scheme).toBe(schemesForKind('ethnicity')[0]!.id);
    expect(ethnicity.valueMap).toBeUndefined();
  });

  it('schemes that need settings get defaults, and lose them when the scheme changes', () => {
    const age = changeScheme({ column: 'dob', kind: 'age', scheme: 'age-in-years' }, 'date-of-birth', TODAY);
    expect(age.referenceDate).toBe(TODAY);
    expect(changeScheme(age, 'age-in-years', TODAY).referenceDate).toBeUndefined();
    const imd = changeKind({ column: 'imd', kind: 'other', scheme: 'as-recorded' }, 'deprivation', TODAY);
    expect(imd.scheme).toBe('imd');
    expect(imd.deprivation).toEqual({ edition: 'IMD2019', unit: 'decile', direction: '1-is-most-deprived' });
    const quintiles = changeDeprivationUnit({ ...imd, valueMap: { '11': '1' }, grouping: 'imd-quintile' }, 'quintile');
    expect(quintiles.deprivation?.unit).toBe('quintile');
    expect(quintiles.valueMap).toBeUndefined();
    expect(quintiles.grouping).toBeUndefined();
    expect(changeKind(imd, 'region', TODAY).deprivation).toBeUndefined();
  });

  it('offers the scheme category set and the two special buckets as places for a raw value', () => {
    const options = assignmentOptions({ column: 'eth', kind: 'ethnicity', scheme: 'nhs-ethnic-category' });
    const set = getCategorySet('nhs-ethnic-category')!;
    expect(options.map((o) => o.value)).toEqual([...set.categories.map((c) => c.key), NOT_STATED, NOT_KNOWN]);
    // Open sets take categories from the data: only the special buckets.
    expect(assignmentOptions({ column: 'lang', kind: 'other', scheme: 'as-recorded' }).map((o) => o.value)).toEqual([NOT_STATED, NOT_KNOWN]);
    expect(groupingOptions({ column: 'eth', kind: 'ethnicity', scheme: 'nhs-ethnic-category' }).map((o) => o.value)).toEqual(['ethnic-group-5-nhs', 'ethnic-group-5-census']);
  });

  it('places a value and takes it back out, leaving no empty value map', () => {
    const a = { column: 'eth', kind: 'ethnicity' as const, scheme: 'nhs-ethnic-category' };
    const placed = assignValue(a, 'W9', 'C');
    expect(placed.valueMap).toEqual({ W9: 'C' });
    expect(assignValue(placed, 'W9', '').valueMap).toBeUndefined();
  });

  it('outcome and period columns are set and cleared; positive values are typed with commas', () => {
    const doc: MappingDocument = { schemaVersion: 1, attributes: [] };
    expect(parsePositiveValues(' 1, yes ,, Y ')).toEqual(['1', 'yes', 'Y']);
    const withOutcome = setOutcome(doc, 'died', ['1']);
    expect(withOutcome.outcome).toEqual({ column: 'died', positiveValues: ['1'] });
    expect(setOutcome(withOutcome, '', []).outcome).toBeUndefined();
    expect(setOutcome(doc, 'died', []).outcome?.positiveValues).toEqual(['1']);
    expect(setPeriod(doc, 'admitted', 'quarter').period).toEqual({ column: 'admitted', granularity: 'quarter' });
    expect(setPeriod(setPeriod(doc, 'admitted', 'year'), '', 'year').period).toBeUndefined();
  });

  it('confidence is said in words as well as a figure', () => {
    expect(confidenceText(0.93)).toEqual({ level: 'high', text: 'High confidence (93%)' });
    expect(confidenceText(0.6).level).toBe('medium');
    expect(confidenceText(0.2).text).toBe('Low confidence (20%)');
  });

  it('any sequence of page edits gives a mapping the validator accepts', () => {
    const kind = fc.constantFrom(...ATTRIBUTE_KINDS);
    const edit = fc.oneof(
      fc.record({ op: fc.constant('add' as const), column: fc.constantFrom(...COLUMNS.slice(0, 6)), kind }),
      fc.record({ op: fc.constant('kind' as const), at: fc.nat(5), kind }),
      fc.record({ op: fc.constant('scheme' as const), at: fc.nat(5), pick: fc.nat(10) }),
      fc.record({ op: fc.constant('assign' as const), at: fc.nat(5), raw: fc.string({ maxLength: 4 }), pick: fc.nat(30) }),
      fc.record({ op: fc.constant('grouping' as const), at: fc.nat(5), pick: fc.nat(3) }),
      fc.record({ op: fc.constant('unit' as const), at: fc.nat(5), quintile: fc.boolean() }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat(5) }),
      fc.record({ op: fc.constant('outcome' as const), on: fc.boolean() }),
      fc.record({ op: fc.constant('period' as const), on: fc.boolean(), quarter: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        let doc: MappingDocument = { schemaVersion: 1, attributes: [] };
        for (const e of edits) {
          const n = doc.attributes.length;
          const target = n > 0 && 'at' in e ? doc.attributes[e.at % n]! : undefined;
          const index = n > 0 && 'at' in e ? e.at % n : -1;
          switch (e.op) {
            case 'add':
              doc = addAttribute(doc, e.column, e.kind, TODAY);
              break;
            case 'kind':
              if (target) doc = replaceAttribute(doc, index, changeKind(target, e.kind, TODAY));
              break;
            case 'scheme':
              if (target) {
                const schemes = schemesForKind(target.kind);
                doc = replaceAttribute(doc, index, changeScheme(target, schemes[e.pick % schemes.length]!.id, TODAY));
              }
              break;
            case 'assign':
              if (target) {
                const options = assignmentOptions(target);
                doc = replaceAttribute(doc, index, assignValue(target, e.raw, options[e.pick % options.length]!.value));
              }
              break;
            case 'grouping':
              if (target) {
                const groupings = groupingOptions(target);
                if (groupings.length > 0) doc = replaceAttribute(doc, index, { ...target, grouping: groupings[e.pick % groupings.length]!.value });
              }
              break;
            case 'unit':
              if (target?.scheme === 'imd') doc = replaceAttribute(doc, index, changeDeprivationUnit(target, e.quintile ? 'quintile' : 'decile'));
              break;
            case 'remove':
              if (target) doc = removeAttribute(doc, index);
              break;
            case 'outcome':
              doc = setOutcome(doc, e.on ? 'died' : '', ['1']);
              break;
            case 'period':
              doc = setPeriod(doc, e.on ? 'admitted' : '', e.quarter ? 'quarter' : 'year');
              break;
          }
        }
        expect(() => validateMapping(doc, COLUMNS)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
