// The CPS 1985 fixture's cell values that would give the data away if they reached a page, an
// error or an overview: every text value that is not also a column name or a bare number.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const CPS_FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/cps1985/cps-1985.csv');

export function cpsTextValues(): string[] {
  const parsed = Papa.parse<string[]>(readFileSync(CPS_FIXTURE, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const names = new Set(header!.map((h) => h.toLowerCase()));
  const values = new Set<string>();
  for (const row of rows) for (const cell of row) if (!/^-?[\d.]+$/.test(cell) && !names.has(cell.toLowerCase())) values.add(cell);
  return [...values];
}
