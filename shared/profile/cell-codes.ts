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
  /**
   * Per column, rows codes (the arrays may be longer; they are reused between batches), for the
   * columns asked for (AccumulatorFeatures.keyColumns; all by default); undefined for the others.
   */
  readonly columns: readonly (Int32Array | undefined)[];
  /**
   * Every missing cell of the batch, in every column: missingRows[i] is its row in the batch and
   * missingColumns[i] its column, for i < missingCount, in no particular order. Missing cells are
   * few, so a consumer that needs only the flag of the other columns reads these instead of a code
   * per cell (writing a code for every cell of every column cost the pass ~5%).
   */
  readonly missingRows: Int32Array;
  readonly missingColumns: Int32Array;
  readonly missingCount: number;
}

/** The missing cells of a batch as they are found (CellCodes.missingRows/missingColumns). */
export class MissingCells {
  rows = new Int32Array(1024);
  columns = new Int32Array(1024);
  count = 0;

  add(row: number, column: number): void {
    if (this.count === this.rows.length) {
      const rows = new Int32Array(this.count * 2);
      const columns = new Int32Array(this.count * 2);
      rows.set(this.rows);
      columns.set(this.columns);
      this.rows = rows;
      this.columns = columns;
    }
    this.rows[this.count] = row;
    this.columns[this.count++] = column;
  }
}
