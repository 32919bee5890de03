// What the profile accumulator found out about each cell of the last batch, for another consumer
// of the same rows (the analysis tally), so it need not redo the per-cell work: the missing check
// and, in the exact tier, the value lookup. One Int32 per cell:
//   code >= 0  the column's exact-tier key (code >> 1); bit 0 says whether that key is missing
//   MISSING_NO_KEY      a missing value the column holds no key for (sketch tier, or one missing
//                       spelling too many)
//   PRESENT_NO_KEY      a non-missing value in the sketch tier
// so `code & 1` is the missing flag for every code. Key indices are stable while a column stays in
// the exact tier; once it leaves (never to return) no code of it is >= 0 again.

export const MISSING_NO_KEY = -1;
export const PRESENT_NO_KEY = -2;

/** The code of held key k. */
export function keyCode(k: number, missing: boolean): number {
  return (k << 1) | (missing ? 1 : 0);
}

export interface CellCodes {
  /** Rows in the last batch. */
  readonly rows: number;
  /** Per column, rows codes (the arrays may be longer; they are reused between batches). */
  readonly columns: readonly Int32Array[];
}
