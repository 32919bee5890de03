// The rows of the "values not placed in a category" table for one mapped column: raw values the
// last analysis could not place (with how many rows hold each), and values the analyst has already
// placed by hand in the mapping (still shown, so a choice can be changed back).
import type { UnmappedValues } from '../../../shared/api';
import type { AttributeMapping } from '../../../shared/demographics/mapping-document';

export interface UnmappedRow {
  raw: string;
  /** Rows holding the value in the last analysis; null when it was placed before that analysis. */
  rows: number | null;
  /** The category chosen in this (unsaved) mapping, or '' when none. */
  assigned: string;
}

export function unmappedRows(attribute: AttributeMapping, unmapped: readonly UnmappedValues[] | null): { rows: UnmappedRow[]; more: number } {
  const found = unmapped?.find((u) => u.column === attribute.column);
  const map = attribute.valueMap ?? {};
  const seen = new Set<string>();
  const rows: UnmappedRow[] = [];
  for (const v of found?.values ?? []) {
    seen.add(v.raw);
    rows.push({ raw: v.raw, rows: v.rows, assigned: Object.hasOwn(map, v.raw) ? (map[v.raw] ?? '') : '' });
  }
  for (const [raw, category] of Object.entries(map)) if (!seen.has(raw)) rows.push({ raw, rows: null, assigned: category });
  return { rows, more: found?.more ?? 0 };
}

/** Total rows not placed in a category for the column, as last analysed. */
export function unmappedTotal(column: string, unmapped: readonly UnmappedValues[] | null): number {
  return unmapped?.find((u) => u.column === column)?.values.reduce((s, v) => s + v.rows, 0) ?? 0;
}
