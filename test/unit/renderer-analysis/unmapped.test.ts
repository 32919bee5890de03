// Rows of the unmapped-values table: the last analysis's values with their counts, merged with
// the values the analyst has placed by hand in the (unsaved) mapping.
import { describe, expect, it } from 'vitest';
import { unmappedRows, unmappedTotal } from '../../../renderer/src/analysis/unmapped';

const unmapped = [
  { column: 'eth', values: [{ raw: 'W9', rows: 40 }, { raw: 'x', rows: 3 }], more: 2 },
  { column: 'sex', values: [{ raw: 'T', rows: 1 }], more: 0 },
];

describe('unmapped values', () => {
  it('lists the column values with counts and shows what the mapping already placed', () => {
    const a = { column: 'eth', kind: 'ethnicity' as const, scheme: 'nhs-ethnic-category', valueMap: { x: 'not-known', A1: 'A' } };
    const { rows, more } = unmappedRows(a, unmapped);
    expect(rows).toEqual([
      { raw: 'W9', rows: 40, assigned: '' },
      { raw: 'x', rows: 3, assigned: 'not-known' },
      { raw: 'A1', rows: null, assigned: 'A' },
    ]);
    expect(more).toBe(2);
    expect(unmappedTotal('eth', unmapped)).toBe(43);
  });

  it('is empty for a column the analysis placed fully, or before any analysis', () => {
    expect(unmappedRows({ column: 'age', kind: 'age', scheme: 'age-in-years' }, unmapped).rows).toEqual([]);
    expect(unmappedRows({ column: 'eth', kind: 'ethnicity', scheme: 'nhs-ethnic-category' }, null)).toEqual({ rows: [], more: 0 });
  });
});
