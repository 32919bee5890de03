// The tally's tables as flat arrays of counts, counted a batch at a time. Demographic
// dictionaries are small (ages ~100, ethnic codes ~20, quarters ~30), so a table over a few of
// them fits an array indexed by the row's value ids: a row costs an array increment per table
// instead of a hash lookup. Tables are counted one at a time over the whole batch (table-major),
// so each loop touches one small array and reads the ids as sequential streams.

import { RepresentError } from '../errors';

/** A batch of rows as the tables read it: each row's value id per dimension, and its missing cells. */
export interface RowBatch {
  /** Rows to count (rows with a value past a dimension's cap are already taken out). */
  rows: number;
  /** Per dimension, each row's value id. */
  ids: Int32Array[];
  /** The batch's missing cells, missingCount of them: row (index into ids) and column. */
  missingRows: Int32Array;
  missingColumns: Int32Array;
  missingCount: number;
}

/**
 * Counts over any number of dimensions in a flat row-major array, optionally with a count per
 * column of the file for each cell. Each dimension's extent is the accumulator's (a power of two
 * above every id seen, shared by all tables), so a position is a sum of id × stride.
 */
export class DenseTable {
  cells: Uint32Array;
  missing: Float64Array | undefined;
  private extents: number[];
  private strides: number[];

  constructor(
    readonly dims: readonly number[],
    extentOf: readonly number[],
    readonly width: number,
    withMissing: boolean,
  ) {
    this.extents = dims.map((d) => extentOf[d]!);
    this.strides = stridesOf(this.extents);
    const size = product(this.extents);
    this.cells = new Uint32Array(size);
    this.missing = withMissing ? new Float64Array(size * width) : undefined;
  }

  /** Counts rows [from, to) of the batch. One loop per arity, so the hot loop has no inner loop. */
  count(batch: RowBatch, from: number, to: number): void {
    const c = this.cells;
    const ids = batch.ids;
    const dims = this.dims;
    const s = this.strides;
    switch (dims.length) {
      case 0:
        c[0] = c[0]! + (to - from);
        return;
      case 1: {
        const a = ids[dims[0]!]!;
        for (let r = from; r < to; r++) c[a[r]!]!++;
        return;
      }
      case 2: {
        const a = ids[dims[0]!]!;
        const b = ids[dims[1]!]!;
        const sa = s[0]!;
        for (let r = from; r < to; r++) c[a[r]! * sa + b[r]!]!++;
        return;
      }
      case 3: {
        const a = ids[dims[0]!]!;
        const b = ids[dims[1]!]!;
        const e = ids[dims[2]!]!;
        const sa = s[0]!;
        const sb = s[1]!;
        for (let r = from; r < to; r++) c[a[r]! * sa + b[r]! * sb + e[r]!]!++;
        return;
      }
      case 4: {
        const a = ids[dims[0]!]!;
        const b = ids[dims[1]!]!;
        const e = ids[dims[2]!]!;
        const g = ids[dims[3]!]!;
        const sa = s[0]!;
        const sb = s[1]!;
        const se = s[2]!;
        for (let r = from; r < to; r++) c[a[r]! * sa + b[r]! * sb + e[r]! * se + g[r]!]!++;
        return;
      }
      default:
        for (let r = from; r < to; r++) c[this.positionOf(batch, r)]!++;
    }
  }

  /** Adds the missing cells of rows [from, to) to their rows' cells. */
  countMissing(batch: RowBatch, from: number, to: number): void {
    const m = this.missing;
    if (m === undefined) return;
    const W = this.width;
    const rows = batch.missingRows;
    const columns = batch.missingColumns;
    for (let i = 0; i < batch.missingCount; i++) {
      const r = rows[i]!;
      if (r >= from && r < to) m[this.positionOf(batch, r) * W + columns[i]!]!++;
    }
  }

  private positionOf(batch: RowBatch, r: number): number {
    let pos = 0;
    for (let j = 0; j < this.dims.length; j++) pos += batch.ids[this.dims[j]!]![r]! * this.strides[j]!;
    return pos;
  }

  /** Lays the cells out again for larger extents (a dimension has a new value past its extent). */
  resize(extentOf: readonly number[]): void {
    const extents = this.dims.map((d) => extentOf[d]!);
    if (extents.every((x, j) => x === this.extents[j])) return;
    const strides = stridesOf(extents);
    const size = product(extents);
    const cells = new Uint32Array(size);
    const missing = this.missing ? new Float64Array(size * this.width) : undefined;
    const W = this.width;
    this.forEach((ids, n, from) => {
      let to = 0;
      for (let j = 0; j < ids.length; j++) to += ids[j]! * strides[j]!;
      cells[to] = n;
      if (missing) missing.set(this.missing!.subarray(from * W, from * W + W), to * W);
    });
    this.extents = extents;
    this.strides = strides;
    this.cells = cells;
    this.missing = missing;
  }

  /**
   * Adds this table's counts, summed over the dimensions `target` lacks, to target's counts
   * (target's dims are some of this table's; the layouts may differ).
   */
  addInto(target: DenseTable): void {
    const at = target.dims.map((d) => this.dims.indexOf(d));
    if (at.some((j) => j < 0)) throw new RepresentError('internal', 'A tally table was summed from a table without all its dimensions.', { expected: 'a wider table', found: 'another table' });
    this.forEach((ids, n) => {
      let pos = 0;
      for (let j = 0; j < at.length; j++) pos += ids[at[j]!]! * target.strides[j]!;
      target.cells[pos] = target.cells[pos]! + n;
    });
  }

  /** A copy with its own arrays. */
  copy(): DenseTable {
    const extentOf: number[] = [];
    this.dims.forEach((d, j) => (extentOf[d] = this.extents[j]!));
    const t = new DenseTable(this.dims, extentOf, this.width, this.missing !== undefined);
    t.cells.set(this.cells);
    if (this.missing) t.missing!.set(this.missing);
    return t;
  }

  /**
   * Every non-zero cell in position order (ascending ids, first dimension slowest): its ids, count
   * and position. `ids` is one array reused for every cell (a copy per cell was most of the cost
   * of a worker's toState at the end of its part): copy it to keep it.
   */
  forEach(f: (ids: readonly number[], count: number, pos: number) => void): void {
    const k = this.dims.length;
    const ids = new Array<number>(k).fill(0);
    const strides = this.strides;
    const cells = this.cells;
    for (let pos = 0; pos < cells.length; pos++) {
      const n = cells[pos]!;
      if (n === 0) continue;
      for (let j = 0, rest = pos; j < k; j++) {
        const id = Math.floor(rest / strides[j]!);
        ids[j] = id;
        rest -= id * strides[j]!;
      }
      f(ids, n, pos);
    }
  }

  /** Cells that are not zero. */
  nonZeroCells(): number {
    let n = 0;
    for (let pos = 0; pos < this.cells.length; pos++) if (this.cells[pos] !== 0) n++;
    return n;
  }
}

function stridesOf(extents: readonly number[]): number[] {
  const strides = extents.map(() => 1);
  for (let j = extents.length - 2; j >= 0; j--) strides[j] = strides[j + 1]! * extents[j + 1]!;
  return strides;
}

function product(xs: readonly number[]): number {
  return xs.reduce((a, b) => a * b, 1);
}
