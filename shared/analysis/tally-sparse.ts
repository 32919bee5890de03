// A tally table too large for a flat array (see DenseTable): its entries in a Map keyed by the
// packed value ids, in the order they were first seen, up to the spec's maxKeys.
import type { DenseTable, RowBatch } from './tally-dense';

/** Distinct key components per dimension: ids are packed 16 bits each into a double (3 × 16 < 53). */
export const MAX_DIMENSION_VALUES = 65_536;
const SMALL_ID = 1 << 10;
const LARGE_KEY_OFFSET = 2 ** 30;

export class SparseTable {
  private readonly map = new Map<number, number>();
  /** Entries × dims.length, row-major. */
  readonly ids: number[] = [];
  readonly counts: number[] = [];
  missing: Float64Array | undefined;
  /** Per row of the batch being counted, its entry (-1: past maxKeys), for the missing cells. */
  private rowEntry = new Int32Array(0);
  private readonly rowIds: Int32Array;

  constructor(
    readonly dims: readonly number[],
    readonly width: number,
    withMissing: boolean,
  ) {
    this.missing = withMissing ? new Float64Array(64 * Math.max(1, width)) : undefined;
    this.rowIds = new Int32Array(dims.length);
  }

  /** The same counts as a dense table's, entries in its cell order (it outgrew its array). */
  static fromDense(dense: DenseTable): SparseTable {
    const t = new SparseTable(dense.dims, dense.width, dense.missing !== undefined);
    const W = dense.width;
    dense.forEach((ids, n, pos) => {
      const id = t.addEntry(packKey(ids, ids.length), ids);
      t.counts[id] = n;
      if (t.missing) t.missing.set(dense.missing!.subarray(pos * W, pos * W + W), id * W);
    });
    return t;
  }

  /** Counts rows [from, to) of the batch; returns how many rows found the table full (maxKeys entries). */
  count(batch: RowBatch, from: number, to: number, maxKeys: number): number {
    if (this.rowEntry.length < batch.rows) this.rowEntry = new Int32Array(batch.rows);
    const k = this.dims.length;
    const rowIds = this.rowIds;
    let full = 0;
    for (let r = from; r < to; r++) {
      for (let j = 0; j < k; j++) rowIds[j] = batch.ids[this.dims[j]!]![r]!;
      const key = packKey(rowIds, k);
      let id = this.map.get(key);
      if (id === undefined) {
        if (this.counts.length >= maxKeys) {
          full++;
          this.rowEntry[r] = -1;
          continue;
        }
        id = this.addEntry(key, rowIds);
      }
      this.counts[id]!++;
      this.rowEntry[r] = id;
    }
    return full;
  }

  /** Adds the missing cells of rows [from, to) (counted just before) to their entries. */
  countMissing(batch: RowBatch, from: number, to: number): void {
    const m = this.missing;
    if (m === undefined) return;
    const W = this.width;
    for (let i = 0; i < batch.missingCount; i++) {
      const r = batch.missingRows[i]!;
      if (r < from || r >= to) continue;
      const id = this.rowEntry[r]!;
      if (id >= 0) m[id * W + batch.missingColumns[i]!]!++;
    }
  }

  private addEntry(key: number, ids: ArrayLike<number>): number {
    const id = this.counts.length;
    this.map.set(key, id);
    this.counts.push(0);
    for (let j = 0; j < this.dims.length; j++) this.ids.push(ids[j]!);
    if (this.missing) {
      const need = (id + 1) * this.width;
      if (need > this.missing.length) {
        const grown = new Float64Array(Math.max(need, this.missing.length * 2));
        grown.set(this.missing);
        this.missing = grown;
      }
    }
    return id;
  }
}

/**
 * A table key from k value ids. Small ids pack into a small integer (10 bits each, below 2^30),
 * which V8 hashes without allocating; larger ids use a 16-bit packing offset past 2^30, so a
 * combination always gets the same key either way. Exact for up to three ids (ids[at..at+k)).
 */
export function packKey(ids: ArrayLike<number>, k: number, at = 0): number {
  let key = 0;
  let small = k <= 3;
  for (let j = at; j < at + k; j++) {
    const id = ids[j]!;
    if (id >= SMALL_ID) small = false;
    key = (key << 10) | id;
  }
  if (small) return key;
  key = 0;
  for (let j = at; j < at + k; j++) key = key * MAX_DIMENSION_VALUES + ids[j]!;
  return key + LARGE_KEY_OFFSET;
}
