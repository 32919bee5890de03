// The analysis tally: the joint table of the mapped columns' raw values (plus the outcome's raw
// value and the period's quarter), each combination holding a row count and, for every column of
// the file, how many of those rows are missing there. It is gathered in the same pass as the
// profile, and every table the analysis shows (1-, 2- and 3-way counts, missingness by group,
// outcomes and periods by group) is an exact marginal of it, so a new mapping of codes to
// categories or a new reference population needs no second pass over the file.
//
// It keys on RAW values (not categories) so re-mapping stays possible, with two reductions that
// keep the key low-cardinality: a date of birth becomes the age in whole years at the mapping's
// reference date, and a period date becomes its quarter (years are unions of quarters).
// The state holds raw values of demographic columns: it is row-level data, never persisted.
import { RepresentError } from '../errors';
import { ageInYears, parseDate, quarterOf } from '../demographics/dates';
import { MissingMatcher, NOT_MISSING } from '../profile/missing-values';
import { MISSING_NO_KEY, MissingCells, PRESENT_NO_KEY, type CellCodes } from '../profile/cell-codes';
import { resolveProfileOptions, type ProfileOptions } from '../profile/options';
import { DenseTable, type RowBatch } from './tally-dense';
import { MAX_DIMENSION_VALUES, SparseTable, packKey } from './tally-sparse';
import { chooseSources } from './tally-sources';

export { MAX_DIMENSION_VALUES };

/** How a dimension's raw cell becomes its key component. */
export type DimensionTransform =
  | { kind: 'raw' }
  /** Dates of birth: whole years at referenceDate ('37'); future dates become FUTURE_DATE. */
  | { kind: 'age-at'; referenceDate: string }
  /** Period dates: '2021-Q3'; cells that are not dates keep their raw value. */
  | { kind: 'quarter' };

export interface TallyDimension {
  /** 0-based column index in the file. */
  column: number;
  columnName: string;
  role: 'attribute' | 'outcome' | 'period';
  transform: DimensionTransform;
}

/**
 * Which tables a pass keeps. A single joint table over every mapped column, the outcome and the
 * period would be exact for everything but does not scale: six attributes, an outcome and 24
 * quarters make most of a million rows unique. So the tally keeps the joint tables the analysis
 * actually reads, each small: a base table (outcome × period, with missing counts), one per
 * attribute (attribute × outcome × period, with missing counts), and the attribute triples (or
 * the pair, with two attributes) for intersections, from which pairs are exact marginals.
 */
export interface TallySpec {
  dimensions: TallyDimension[];
  /** Each table's dimensions (indices into dimensions) and whether it counts missing values per column. */
  tables: { dims: number[]; missing: boolean }[];
  /** Most entries per table; more are counted as overflow. */
  maxKeys: number;
}

/** One table of the tally: a joint count over a few dimensions, optionally with missing counts. */
export interface TallyTable {
  /** Indices into spec.dimensions. */
  dims: number[];
  /**
   * Entries × dims.length, row-major: entry i's value ids (into TallyState.values[dim]). Typed
   * arrays, like counts: a part's tally crosses postMessage as a copy of their bytes, where plain
   * arrays were cloned element by element (~4× slower on the bench file's 30k entries).
   */
  ids: Int32Array;
  counts: Float64Array;
  /** Entries × columns, row-major: rows of the entry missing in each column (profile's missing rules). */
  missing?: Float64Array;
}

/** Plain structured-clone-safe data. Row-level (raw demographic values): never write it anywhere. */
export interface TallyState {
  tallyVersion: 2;
  spec: TallySpec;
  columns: string[];
  rows: number;
  /** Per dimension, its distinct key components; tables refer to them by position. */
  values: string[][];
  tables: TallyTable[];
  /** Combinations (or distinct values) past the caps, not tallied; the analysis refuses to run on them. */
  overflowRows: number;
}
/** Marks a date of birth after the reference date (a data error), so the analysis can say so. */
export const FUTURE_DATE = '\u0000future-date';

/** Default cap on entries per table; the cells held are capped too (see tallyKeyCap). */
export const DEFAULT_MAX_KEYS = 200_000;
/** Entries × columns of missing counts held at most (8 bytes each: 64 MB). */
const MAX_MISSING_CELLS = 8_000_000;

/** The key cap for a file of `columnCount` columns: 200k keys, fewer for very wide files. */
export function tallyKeyCap(columnCount: number, maxKeys = DEFAULT_MAX_KEYS): number {
  return Math.max(1000, Math.min(maxKeys, Math.floor(MAX_MISSING_CELLS / Math.max(1, columnCount))));
}

const MEMO_LIMIT = 1 << 17;

/**
 * Rows gathered (as value ids, 4 bytes per dimension) before they are counted into the tables.
 * The reader hands over ~300 rows at a time, and between two of its batches the profile's own work
 * evicts the tables from the cache; counting many rows at once finds their cells warm. On the
 * bench file (2 threads, alternating runs, median of 6) the tally took ~360 ms of CPU counting each
 * batch as it came, ~280 ms gathering 4,096 rows and ~250 ms gathering 16,384.
 */
const COUNT_BATCH_ROWS = 16_384;

/** Dense cells per table at most (4 bytes each), before it falls back to a Map. */
const DENSE_MAX_CELLS = 1 << 20;
/** Dense cells at most for a table that also counts missing values per column (8 bytes × columns each). */
const DENSE_MAX_MISSING_CELLS = 1 << 15;
/** Tables of more dimensions are kept in a Map from the start (packKey is exact up to three). */
const DENSE_MAX_DIMS = 3;
/** A table's extent per dimension, as far as its dense cap is concerned (see denseFits). */
const MIN_CAP_EXTENT = 8;

function transformer(t: DimensionTransform): ((raw: string) => string) | undefined {
  if (t.kind === 'raw') return undefined;
  if (t.kind === 'age-at') {
    const reference = parseDate(t.referenceDate);
    if (reference === undefined) throw new RepresentError('bad-mapping', 'A date-of-birth attribute has no valid reference date.', { expected: 'a yyyy-mm-dd reference date', found: 'something else' });
    return (raw) => {
      const birth = parseDate(raw);
      if (birth === undefined) return raw;
      return birth > reference ? FUTURE_DATE : String(ageInYears(birth, reference));
    };
  }
  return (raw) => quarterOf(raw) ?? raw;
}

/** Copies a (possibly sliced) string so a kept key does not pin the whole parsed chunk in memory. */
function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

type LiveTable = DenseTable | SparseTable;

export class TallyAccumulator {
  private rows = 0;
  private overflowRows = 0;
  private readonly dicts: Map<string, number>[];
  private readonly values: string[][];
  /** Per spec table, in the spec's order. */
  private readonly tables: LiveTable[];
  /**
   * Wider tables counted instead of some spec tables (tally-sources.ts). A member's counts are
   * its own cells (counted before it joined) plus the source's sum; its missing counts are always
   * its own, counted from the batch's missing cells.
   */
  private sources: { table: DenseTable; members: number[] }[] = [];
  /** Per spec table, the source its counts come from, if any. */
  private readonly sourceOf: (DenseTable | undefined)[];
  /**
   * The extents changed since the sources were chosen: choose again before the next batch. Not
   * before the first: every extent is 1 until its rows come.
   */
  private sourcesStale = false;
  private readonly hasMissingTables: boolean;
  private readonly dims: number[];
  private readonly transforms: (((raw: string) => string) | undefined)[];
  private readonly memos: Map<string, number>[];
  private readonly matcher: MissingMatcher;
  private readonly width: number;
  /** Per dimension: the profile's exact-tier key index -> this dimension's value id (-1: not seen yet). */
  private readonly keyIds: Int32Array[];
  /** Per dimension, a power of two above every id counted so far: the dense tables' extent. */
  private readonly extentOf: number[];
  /** The rows read and not yet counted, as value ids and missing cells (see COUNT_BATCH_ROWS; buffers reused). */
  private readonly batch: RowBatch;
  /** Per row of the last addRows: 1 when a value is past its dimension's cap (the row is not counted). */
  private skipped = new Uint8Array(0);
  /** Per row of the last addRows: its index (after the rows already waiting) once skipped rows are taken out, or -1. */
  private keptIndex = new Int32Array(0);
  /**
   * Per dimension, the OR of the waiting rows' ids: extents are powers of two, so it reaches a
   * dimension's extent exactly when some id does (one OR per cell instead of a compare).
   */
  private readonly batchBits: Int32Array;
  /** readIds' bits per dimension for the rows of one call, before skipped rows are known. */
  private readonly readBits: Int32Array;
  /** Cell codes worked out here when addRows is given none (no profile accumulator alongside). */
  private ownCodes: Int32Array[];
  private readonly ownMissing = new MissingCells();

  constructor(
    private readonly spec: TallySpec,
    private readonly columns: string[],
    profileOptions?: Partial<ProfileOptions>,
  ) {
    this.matcher = new MissingMatcher(resolveProfileOptions(profileOptions).missingTokens);
    this.width = columns.length;
    const D = spec.dimensions.length;
    this.dims = spec.dimensions.map((d) => d.column);
    this.transforms = spec.dimensions.map((d) => transformer(d.transform));
    this.memos = spec.dimensions.map(() => new Map());
    this.dicts = spec.dimensions.map(() => new Map());
    this.values = spec.dimensions.map(() => []);
    this.keyIds = spec.dimensions.map(() => new Int32Array(0));
    this.extentOf = spec.dimensions.map(() => 1);
    this.batch = { rows: 0, ids: spec.dimensions.map(() => new Int32Array(0)), missingRows: new Int32Array(0), missingColumns: new Int32Array(0), missingCount: 0 };
    this.batchBits = new Int32Array(D);
    this.readBits = new Int32Array(D);
    this.ownCodes = [];
    this.tables = spec.tables.map((t) =>
      t.dims.length <= DENSE_MAX_DIMS ? new DenseTable(t.dims.slice(), this.extentOf, this.width, t.missing) : new SparseTable(t.dims.slice(), this.width, t.missing),
    );
    this.hasMissingTables = spec.tables.some((t) => t.missing);
    this.sourceOf = spec.tables.map(() => undefined);
  }

  /**
   * The id of a raw cell's key component in dimension d, or -1 past MAX_DIMENSION_VALUES. One Map
   * lookup on the raw string in the common case: raw -> id is memoised, and the transform (age,
   * quarter) runs once per distinct raw value.
   */
  private idOf(d: number, raw: string): number {
    const memo = this.memos[d]!;
    let id = memo.get(raw);
    if (id === undefined) {
      const t = this.transforms[d];
      const v = t === undefined ? raw : t(raw);
      const dict = this.dicts[d]!;
      id = dict.get(v);
      if (id === undefined) {
        if (dict.size >= MAX_DIMENSION_VALUES) return -1;
        id = dict.size;
        const owned = ownString(v);
        dict.set(owned, id);
        this.values[d]!.push(owned);
      }
      // Bounded: a date column may have many distinct raw spellings; re-reading one is only slower.
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(ownString(raw), id);
    }
    return id;
  }

  /**
   * The id of a cell that missed the key memo (or has no key: code < 0), from its raw string, and
   * memoised by key when it has one. The hot loop reads the row's string only when it gets here.
   */
  private idOfCell(d: number, code: number, raw: string): number {
    if (code < 0) return this.idOf(d, raw);
    const k = code >> 1;
    let memo = this.keyIds[d]!;
    if (k >= memo.length) {
      const grown = new Int32Array(Math.max(64, k + 1, memo.length * 2)).fill(-1);
      grown.set(memo);
      this.keyIds[d] = memo = grown;
    }
    const id = this.idOf(d, raw);
    if (id >= 0) memo[k] = id;
    return id;
  }

  /** Missing flags worked out here, for callers without a profile accumulator (cell-codes.ts). */
  private codesFor(rows: readonly (readonly string[])[]): CellCodes {
    if ((this.ownCodes[0]?.length ?? 0) < rows.length || this.ownCodes.length !== this.width) {
      this.ownCodes = Array.from({ length: this.width }, () => new Int32Array(Math.max(1024, rows.length)));
    }
    const matcher = this.matcher;
    const missing = this.ownMissing;
    missing.count = 0;
    for (let c = 0; c < this.width; c++) {
      const codes = this.ownCodes[c]!;
      for (let r = 0; r < rows.length; r++) {
        const isMissing = matcher.bucketOf(rows[r]![c] ?? '') !== NOT_MISSING;
        codes[r] = isMissing ? MISSING_NO_KEY : PRESENT_NO_KEY;
        if (isMissing) missing.add(r, c);
      }
    }
    return { rows: rows.length, columns: this.ownCodes, missingRows: missing.rows, missingColumns: missing.columns, missingCount: missing.count };
  }

  /**
   * Hot path. `cells`: what the profile accumulator found for these same rows (its cell codes:
   * each cell's missing flag and exact-tier key), so a cell costs an array read instead of a
   * string lookup and a missing check. The batch is worked column by column: each dimension's ids
   * for every row and the missing cells are read now; each table is counted over a few thousand
   * rows at a time (COUNT_BATCH_ROWS, countBatch; toState counts the rest). Key ids are
   * memoised, so every call must pass the codes of the same accumulator (built with the same
   * profile options), or none.
   */
  addRows(rows: readonly (readonly string[])[], cells?: CellCodes): void {
    const codes = cells ?? this.codesFor(rows);
    if (codes.rows !== rows.length || codes.columns.length !== this.width) {
      throw new RepresentError('internal', 'The tally was given cell codes for other rows.', { expected: `${rows.length} rows of ${this.width} columns`, found: `${codes.rows} rows of ${codes.columns.length} columns` });
    }
    const base = this.batch.rows;
    this.reserve(base + rows.length, rows.length);
    const skipped = this.readIds(rows, codes, base);
    const kept = skipped === 0 ? rows.length : this.takeOutSkipped(rows.length, base);
    if (this.hasMissingTables) this.readMissing(codes, skipped > 0, base);
    this.batch.rows = base + kept;
    this.overflowRows += skipped;
    this.rows += rows.length;
    if (this.batch.rows >= COUNT_BATCH_ROWS) this.flush();
  }

  /** Counts the rows read since the last count into the tables. */
  private flush(): void {
    if (this.batch.rows === 0) return;
    if (this.sourcesStale) this.chooseSources();
    this.countBatch();
    this.batch.rows = 0;
    this.batch.missingCount = 0;
    this.batchBits.fill(0);
  }

  /** Room for `total` rows in the batch's reused buffers, `incoming` of them from this call. */
  private reserve(total: number, incoming: number): void {
    const b = this.batch;
    if ((b.ids[0]?.length ?? total) < total) {
      const size = Math.max(COUNT_BATCH_ROWS + 1024, total);
      b.ids = b.ids.map((old) => {
        const ids = new Int32Array(size);
        ids.set(old.subarray(0, b.rows));
        return ids;
      });
    }
    if (this.skipped.length < incoming) {
      this.skipped = new Uint8Array(Math.max(1024, incoming));
      this.keptIndex = new Int32Array(Math.max(1024, incoming));
    }
  }

  /**
   * Each row's value id per dimension, a dimension at a time; returns how many rows have a value
   * past its dimension's cap. Such a row is marked skipped and, as in a row-at-a-time pass, its
   * later dimensions are not read (so none of its values enters a dictionary after that).
   */
  private readIds(rows: readonly (readonly string[])[], codes: CellCodes, base: number): number {
    const n = rows.length;
    const skipped = this.skipped;
    let nSkipped = 0;
    for (let d = 0; d < this.dims.length; d++) {
      const column = this.dims[d]!;
      const cellCodes = codes.columns[column];
      if (cellCodes === undefined) throw new RepresentError('internal', 'The tally was given no cell codes for one of its columns.', { expected: 'codes for every mapped column', found: 'none for one' });
      const out = this.batch.ids[d]!;
      const checkSkipped = nSkipped > 0;
      let bits = 0;
      for (let r = 0; r < n; r++) {
        if (checkSkipped && skipped[r] === 1) continue;
        // Ids straight from the memo by the profile's key, up to a miss (a row at a time once
        // rows of the batch are skipped).
        const end = checkSkipped ? r + 1 : n;
        const stop = idsFromMemo(cellCodes, this.keyIds[d]!, out, base, r, end);
        bits |= orOf(out, base + r, base + stop);
        if (stop === end) {
          r = end - 1;
          continue;
        }
        // A miss: the row's string is read only here.
        r = stop;
        const id = this.idOfCell(d, cellCodes[r]!, rows[r]![column] ?? '');
        if (id < 0) {
          if (nSkipped === 0) skipped.fill(0, 0, n);
          skipped[r] = 1;
          nSkipped++;
          continue;
        }
        out[base + r] = id;
        bits |= id;
      }
      this.readBits[d] = bits;
    }
    // With rows skipped, the bits are taken from the rows kept instead (takeOutSkipped).
    if (nSkipped === 0) for (let d = 0; d < this.dims.length; d++) this.batchBits[d]! |= this.readBits[d]!;
    return nSkipped;
  }

  /**
   * Closes the gaps that skipped rows leave in this call's part of batch.ids (from `base`); returns
   * the rows kept. Extents grow for the ids of kept rows only, as when the rows were counted one at
   * a time, so a table moves to its Map at the same row.
   */
  private takeOutSkipped(n: number, base: number): number {
    let kept = 0;
    for (let r = 0; r < n; r++) this.keptIndex[r] = this.skipped[r] === 1 ? -1 : kept++;
    this.batch.ids.forEach((ids, d) => {
      for (let r = 0; r < n; r++) {
        const to = this.keptIndex[r]!;
        if (to >= 0) ids[base + to] = ids[base + r]!;
      }
      this.batchBits[d]! |= orOf(ids, base, base + kept);
    });
    return kept;
  }

  /** This call's missing cells, as the accumulator listed them, after the batch's (rows renumbered past skipped ones). */
  private readMissing(codes: CellCodes, someSkipped: boolean, base: number): void {
    const b = this.batch;
    let m = b.missingCount;
    for (let i = 0; i < codes.missingCount; i++) {
      const r = codes.missingRows[i]!;
      const row = someSkipped ? this.keptIndex[r]! : r;
      if (row < 0) continue;
      if (m === b.missingRows.length) this.growMissing();
      b.missingRows[m] = base + row;
      b.missingColumns[m++] = codes.missingColumns[i]!;
    }
    b.missingCount = m;
  }

  private growMissing(): void {
    const b = this.batch;
    const size = Math.max(1024, b.missingRows.length * 2);
    const rows = new Int32Array(size);
    const columns = new Int32Array(size);
    rows.set(b.missingRows);
    columns.set(b.missingColumns);
    b.missingRows = rows;
    b.missingColumns = columns;
  }

  /**
   * Counts the batch into every table. Dense tables need every id below their extents. Usually the
   * extents grow once for the whole batch, before it is counted: each table is laid out again at
   * most once per batch. Growing one row at a time cost ~150 resizes of each part's first batch,
   * 15–45 ms of cold code per part on the bench file; the counts are the same either way, as dense
   * tables give their entries in cell order. When the growth takes a table past its dense cap,
   * the batch is cut at each row that brings a dimension a value past its extent instead, so that
   * the table moves to a Map exactly at that row (and its entries keep their order).
   */
  private countBatch(): void {
    const n = this.batch.rows;
    const grown = this.batchExtents();
    if (grown.length === 0) return this.countRange(0, n);
    if (this.staysDense(grown)) {
      this.grow(grown);
      return this.countRange(0, n);
    }
    let from = 0;
    for (const [row, grownAt] of this.growthRows()) {
      this.countRange(from, row);
      this.grow(grownAt);
      from = row;
    }
    this.countRange(from, n);
  }

  /** The dimensions whose extent the batch's ids exceed, with the extents that hold them all. */
  private batchExtents(): [number, number][] {
    const grown: [number, number][] = [];
    for (let d = 0; d < this.dims.length; d++) {
      let extent = this.extentOf[d]!;
      const bits = this.batchBits[d]!;
      if (bits < extent) continue;
      while (extent <= bits) extent *= 2;
      grown.push([d, extent]);
    }
    return grown;
  }

  /** Whether every dense table stays dense at the grown extents. */
  private staysDense(grown: [number, number][]): boolean {
    const extentOf = this.extentOf.slice();
    for (const [d, extent] of grown) extentOf[d] = extent;
    return this.tables.every((t) => !(t instanceof DenseTable) || denseFits(t.dims, t.missing !== undefined, extentOf));
  }

  /** New extents: the rest of the batch counts every table on its own, and sources are chosen again for the next batch. */
  private grow(grown: [number, number][]): void {
    this.dropSources();
    for (const [d, extent] of grown) this.extentOf[d] = extent;
    this.resizeTables(grown.map(([d]) => d));
  }

  /** The rows of the batch where a dimension's extent must grow, in order, with the new extents. */
  private growthRows(): [number, [number, number][]][] {
    const at = new Map<number, [number, number][]>();
    for (let d = 0; d < this.dims.length; d++) {
      let extent = this.extentOf[d]!;
      if (this.batchBits[d]! < extent) continue;
      const ids = this.batch.ids[d]!;
      for (let r = 0; r < this.batch.rows; r++) {
        const id = ids[r]!;
        if (id < extent) continue;
        while (extent <= id) extent *= 2;
        const grown = at.get(r) ?? [];
        grown.push([d, extent]);
        at.set(r, grown);
      }
    }
    return [...at.entries()].sort((a, b) => a[0] - b[0]);
  }

  private countRange(from: number, to: number): void {
    if (from >= to) return;
    const b = this.batch;
    for (const s of this.sources) s.table.count(b, from, to);
    this.tables.forEach((t, i) => {
      if (t instanceof SparseTable) this.overflowRows += t.count(b, from, to, this.spec.maxKeys);
      else if (this.sourceOf[i] === undefined) t.count(b, from, to);
      if (b.missingCount > 0) t.countMissing(b, from, to);
    });
  }

  /** Picks the wider tables to count for the current extents (dense spec tables only: their output is in cell order either way). */
  private chooseSources(): void {
    this.sourcesStale = false;
    const candidates = this.tables.map((t) => (t instanceof DenseTable ? t.dims : null));
    this.sources = chooseSources(candidates, this.extentOf).map((g) => {
      const table = new DenseTable(g.dims, this.extentOf, this.width, false);
      for (const m of g.members) this.sourceOf[m] = table;
      return { table, members: g.members };
    });
  }

  /** Adds each source's sums into its members, which are counted on their own again until chooseSources. */
  private dropSources(): void {
    for (const { table, members } of this.sources) {
      for (const m of members) {
        table.addInto(this.tables[m] as DenseTable);
        this.sourceOf[m] = undefined;
      }
    }
    this.sources = [];
    this.sourcesStale = true;
  }

  /** New extents for dimensions `grown`: each dense table over them is laid out again, or moves to a Map. */
  private resizeTables(grown: number[]): void {
    this.tables.forEach((t, i) => {
      if (!(t instanceof DenseTable) || !t.dims.some((d) => grown.includes(d))) return;
      if (denseFits(t.dims, t.missing !== undefined, this.extentOf)) t.resize(this.extentOf);
      else this.tables[i] = SparseTable.fromDense(t);
    });
  }

  toState(): TallyState {
    this.flush();
    return {
      tallyVersion: 2,
      spec: structuredSpec(this.spec),
      columns: this.columns.slice(),
      rows: this.rows,
      values: this.values.map((v) => v.slice()),
      tables: this.tables.map((t, i) => {
        if (t instanceof SparseTable) return sparseTableState(t);
        const source = this.sourceOf[i];
        if (source === undefined) return denseTableState(t);
        // A copy, so that the accumulator can go on counting as it was.
        const summed = t.copy();
        source.addInto(summed);
        return denseTableState(summed);
      }),
      overflowRows: this.overflowRows,
    };
  }
}

/**
 * Whether a table over dims stays dense at these extents. The cap counts each dimension's extent
 * as at least MIN_CAP_EXTENT, as when every table started with 8 cells per dimension, so a table
 * moves to its Map at the same row (and its entries come out in the same order) as it always has.
 */
function denseFits(dims: readonly number[], withMissing: boolean, extentOf: readonly number[]): boolean {
  const cells = dims.reduce((n, d) => n * Math.max(MIN_CAP_EXTENT, extentOf[d]!), 1);
  return cells <= (withMissing ? DENSE_MAX_MISSING_CELLS : DENSE_MAX_CELLS);
}

/** A dense table's entries: its non-zero cells, in ascending ids. */
function denseTableState(t: DenseTable): TallyTable {
  const W = t.width;
  const k = t.dims.length;
  const entries = t.nonZeroCells();
  const ids = new Int32Array(entries * k);
  const counts = new Float64Array(entries);
  const missing = t.missing ? new Float64Array(entries * W) : undefined;
  let e = 0;
  t.forEach((cellIds, n, pos) => {
    for (let j = 0; j < k; j++) ids[e * k + j] = cellIds[j]!;
    counts[e] = n;
    if (missing) missing.set(t.missing!.subarray(pos * W, pos * W + W), e * W);
    e++;
  });
  return missing ? { dims: t.dims.slice(), ids, counts, missing } : { dims: t.dims.slice(), ids, counts };
}

function sparseTableState(t: SparseTable): TallyTable {
  const out: TallyTable = { dims: t.dims.slice(), ids: Int32Array.from(t.ids), counts: Float64Array.from(t.counts) };
  if (t.missing) out.missing = t.missing.slice(0, t.counts.length * t.width);
  return out;
}

/**
 * Copies the memoised ids of rows [from, n) into out (at base + row), up to the first row whose
 * key the memo does not hold (or that has no key: code < 0); returns that row, or n. Kept apart so
 * the loop that does nearly all the work holds no call.
 */
function idsFromMemo(cellCodes: Int32Array, memo: Int32Array, out: Int32Array, base: number, from: number, n: number): number {
  const known = memo.length;
  for (let r = from; r < n; r++) {
    const k = cellCodes[r]! >> 1;
    const id = k >= 0 && k < known ? memo[k]! : -1;
    if (id < 0) return r;
    out[base + r] = id;
  }
  return n;
}

function orOf(xs: Int32Array, from: number, to: number): number {
  let bits = 0;
  for (let r = from; r < to; r++) bits |= xs[r]!;
  return bits;
}

/**
 * A merge key for the k value ids at ids[at]: for up to three, a number as packKey makes it (a
 * small integer when every id is small, which a Map hashes fastest), else a string.
 */
function entryKey(ids: ArrayLike<number>, at: number, k: number): number | string {
  return k > 3 ? Array.prototype.slice.call(ids, at, at + k).join(',') : packKey(ids, k, at);
}

function structuredSpec(s: TallySpec): TallySpec {
  return { maxKeys: s.maxKeys, tables: s.tables.map((t) => ({ dims: t.dims.slice(), missing: t.missing })), dimensions: s.dimensions.map((d) => ({ ...d, transform: { ...d.transform } })) };
}

export function createTallyAccumulator(spec: TallySpec, columns: string[], profileOptions?: Partial<ProfileOptions>): TallyAccumulator {
  return new TallyAccumulator(spec, columns.slice(), profileOptions);
}

/**
 * Adds two tallies of parts of one file. Counts add, so the result does not depend on how the
 * file was split or in what order parts are merged (entries are keyed by their values, not ids).
 * Caps reached in either part, or by the union, are carried as overflow.
 */
export function mergeTallyStates(a: TallyState, b: TallyState): TallyState {
  return mergeTallyStatesIndexedUpTo(a, b, MERGE_INDEX_MAX_CELLS);
}

/** mergeTallyStates with the position index's cap as a parameter (tests take the keyed path with 0). */
export function mergeTallyStatesIndexedUpTo(a: TallyState, b: TallyState, indexMaxCells: number): TallyState {
  if (JSON.stringify(a.spec) !== JSON.stringify(b.spec) || a.columns.length !== b.columns.length) {
    throw new RepresentError('internal', 'Two parts of one file were tallied with different settings.', { expected: 'the same tally for every part', found: 'different tallies' });
  }
  const W = a.columns.length;
  const values = a.values.map((v) => v.slice());
  const index = values.map((v) => new Map(v.map((s, i) => [s, i])));
  let overflowRows = a.overflowRows + b.overflowRows;
  // b's value ids in the merged dictionaries.
  const remap = b.values.map((vs, d) =>
    vs.map((s) => {
      let id = index[d]!.get(s);
      if (id === undefined) {
        id = values[d]!.length;
        values[d]!.push(s);
        index[d]!.set(s, id);
      }
      return id;
    }),
  );
  const tables = a.tables.map((ta, ti) => mergeTables(ta, b.tables[ti]!, remap, values, W, a.spec.maxKeys, indexMaxCells, (n) => (overflowRows += n)));
  return { tallyVersion: 2, spec: structuredSpec(a.spec), columns: a.columns.slice(), rows: a.rows + b.rows, values, tables, overflowRows };
}

/** Cells at most in the position index of a merged table (4 bytes each); past it, a Map of keys. */
const MERGE_INDEX_MAX_CELLS = 1 << 22;

/** ta's entries followed by tb's (its ids remapped into the merged dictionaries), one entry per combination, at most maxKeys (the rest goes to overflow). */
function mergeTables(ta: TallyTable, tb: TallyTable, remap: number[][], values: string[][], W: number, maxKeys: number, indexMaxCells: number, overflow: (rows: number) => void): TallyTable {
  const k = ta.dims.length;
  const na = ta.counts.length;
  const nb = tb.counts.length;
  // Room for every entry of both; trimmed at the end.
  const ids = new Int32Array((na + nb) * k);
  const counts = new Float64Array(na + nb);
  ids.set(ta.ids.subarray(0, na * k));
  counts.set(ta.counts.subarray(0, na));
  let missing: Float64Array | undefined;
  if (ta.missing) {
    missing = new Float64Array((na + nb) * W);
    missing.set(ta.missing.subarray(0, na * W));
  }
  const entries = entryIndex(ta.dims.map((d) => values[d]!.length), indexMaxCells);
  for (let i = 0; i < na; i++) entries.set(ta.ids, i * k, i);
  const row = new Int32Array(k);
  const maps = ta.dims.map((d) => remap[d]!);
  let n = na;
  for (let i = 0; i < nb; i++) {
    for (let j = 0; j < k; j++) row[j] = maps[j]![tb.ids[i * k + j]!]!;
    let e = entries.get(row, 0);
    if (e < 0) {
      if (n >= maxKeys) {
        overflow(tb.counts[i]!);
        continue;
      }
      e = n++;
      entries.set(row, 0, e);
      ids.set(row, e * k);
    }
    counts[e] = counts[e]! + tb.counts[i]!;
    if (missing && tb.missing) for (let c = 0; c < W; c++) missing[e * W + c] = missing[e * W + c]! + tb.missing[i * W + c]!;
  }
  const out: TallyTable = { dims: ta.dims.slice(), ids: ids.slice(0, n * k), counts: counts.slice(0, n) };
  if (missing) out.missing = missing.slice(0, n * W);
  return out;
}

interface EntryIndex {
  /** The entry of the value ids at ids[at, at + dims), or -1. */
  get(ids: ArrayLike<number>, at: number): number;
  set(ids: ArrayLike<number>, at: number, entry: number): void;
}

/**
 * A merged table's entries by their value ids (sizes: each dimension's dictionary size). By
 * position in the dictionaries' product while it has at most maxCells cells (every demographic
 * table): an array lookup per entry instead of hashing a key (about 40% off the merge on the bench
 * file). Past that, a Map of keys.
 */
function entryIndex(sizes: readonly number[], maxCells: number): EntryIndex {
  const k = sizes.length;
  const cells = sizes.reduce((p, n) => p * n, 1);
  if (cells <= maxCells) {
    const index = new Int32Array(cells).fill(-1);
    const positionOf = (ids: ArrayLike<number>, at: number): number => {
      let pos = 0;
      for (let j = 0; j < k; j++) pos = pos * sizes[j]! + ids[at + j]!;
      return pos;
    };
    return {
      get: (ids, at) => index[positionOf(ids, at)]!,
      set: (ids, at, entry) => void (index[positionOf(ids, at)] = entry),
    };
  }
  const keyed = new Map<number | string, number>();
  return {
    get: (ids, at) => keyed.get(entryKey(ids, at, k)) ?? -1,
    set: (ids, at, entry) => void keyed.set(entryKey(ids, at, k), entry),
  };
}
