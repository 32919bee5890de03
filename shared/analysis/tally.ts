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
import { ageInYears, civilFromDays, parseDate } from '../demographics/dates';
import { MissingMatcher, NOT_MISSING } from '../profile/missing-values';
import { MISSING_NO_KEY, PRESENT_NO_KEY, type CellCodes } from '../profile/cell-codes';
import { resolveProfileOptions, type ProfileOptions } from '../profile/options';

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
  /** Entries × dims.length, row-major: entry i's value ids (into TallyState.values[dim]). */
  ids: number[];
  counts: number[];
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
/** Distinct key components per dimension: ids are packed 16 bits each into a double (3 × 16 < 53). */
export const MAX_DIMENSION_VALUES = 65_536;
/** Entries × columns of missing counts held at most (8 bytes each: 64 MB). */
const MAX_MISSING_CELLS = 8_000_000;

/** The key cap for a file of `columnCount` columns: 200k keys, fewer for very wide files. */
export function tallyKeyCap(columnCount: number, maxKeys = DEFAULT_MAX_KEYS): number {
  return Math.max(1000, Math.min(maxKeys, Math.floor(MAX_MISSING_CELLS / Math.max(1, columnCount))));
}

const MEMO_LIMIT = 1 << 17;
const SMALL_ID = 1 << 10;
const LARGE_KEY_OFFSET = 2 ** 30;

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
  return (raw) => {
    const days = parseDate(raw);
    if (days === undefined) return raw;
    const d = civilFromDays(days);
    return `${d.year}-Q${Math.floor((d.month - 1) / 3) + 1}`;
  };
}

/** Copies a (possibly sliced) string so a kept key does not pin the whole parsed chunk in memory. */
function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

interface LiveTable {
  dims: number[];
  map: Map<number, number>;
  ids: number[];
  counts: number[];
  missing: Float64Array | undefined;
  /** Cross tables start dense (an array increment per row); past DENSE_MAX_CELLS they move to the map. */
  dense: DenseCounts | undefined;
}

/** Dense cells per table at most (4 bytes each), before it falls back to a Map. */
const DENSE_MAX_CELLS = 1 << 20;
/** Dense cells at most for a table that also counts missing values per column (8 bytes × columns each). */
const DENSE_MAX_MISSING_CELLS = 1 << 15;

/**
 * Counts over up to three dimensions in a flat array whose extent per dimension grows (doubling)
 * with the dictionaries, optionally with a missing count per column per cell. Demographic
 * dictionaries are small (ages ~100, ethnic codes ~20, quarters ~30), so a row costs an array
 * increment per table instead of a hash lookup. Unused dimensions have extent 1 and id 0.
 */
class DenseCounts {
  readonly k: number;
  caps = [1, 1, 1];
  cells: Uint32Array;
  missing: Float64Array | undefined;
  private readonly maxCells: number;
  // Flat fields for the hot path: the row-id slots of the dimensions (-1 unused) and the extents.
  private readonly d0: number;
  private readonly d1: number;
  private readonly d2: number;
  private c0 = 1;
  private c1 = 1;
  private c2 = 1;

  constructor(
    dims: readonly number[],
    readonly width: number,
    withMissing: boolean,
  ) {
    this.k = dims.length;
    this.d0 = dims[0] ?? -1;
    this.d1 = dims[1] ?? -1;
    this.d2 = dims[2] ?? -1;
    for (let d = 0; d < this.k; d++) this.caps[d] = 8;
    [this.c0, this.c1, this.c2] = this.caps as [number, number, number];
    const size = this.caps[0]! * this.caps[1]! * this.caps[2]!;
    this.cells = new Uint32Array(size);
    this.missing = withMissing ? new Float64Array(size * width) : undefined;
    this.maxCells = withMissing ? DENSE_MAX_MISSING_CELLS : DENSE_MAX_CELLS;
  }

  /** Adds one row and returns its cell, or -1 when the table would need more than its cell cap. */
  add(ids: Int32Array): number {
    const i0 = this.d0 < 0 ? 0 : ids[this.d0]!;
    const i1 = this.d1 < 0 ? 0 : ids[this.d1]!;
    const i2 = this.d2 < 0 ? 0 : ids[this.d2]!;
    if (i0 >= this.c0 || i1 >= this.c1 || i2 >= this.c2) {
      if (!this.grow(i0, i1, i2)) return -1;
    }
    const pos = (i0 * this.c1 + i1) * this.c2 + i2;
    this.cells[pos]!++;
    return pos;
  }

  private grow(i0: number, i1: number, i2: number): boolean {
    const want = [i0, i1, i2];
    const caps = this.caps.map((c, d) => {
      while (c <= want[d]!) c *= 2;
      return c;
    });
    const size = caps[0]! * caps[1]! * caps[2]!;
    if (size > this.maxCells) return false;
    const cells = new Uint32Array(size);
    const missing = this.missing ? new Float64Array(size * this.width) : undefined;
    const W = this.width;
    this.forEach((ids, n, from) => {
      const to = ((ids[0] ?? 0) * caps[1]! + (ids[1] ?? 0)) * caps[2]! + (ids[2] ?? 0);
      cells[to] = n;
      if (missing) missing.set(this.missing!.subarray(from * W, from * W + W), to * W);
    });
    this.caps = caps;
    [this.c0, this.c1, this.c2] = caps as [number, number, number];
    this.cells = cells;
    this.missing = missing;
    return true;
  }

  /** Every non-zero cell: its ids (k of them), count and position. */
  forEach(f: (ids: number[], count: number, pos: number) => void): void {
    const c1 = this.caps[1]!;
    const c2 = this.caps[2]!;
    for (let pos = 0; pos < this.cells.length; pos++) {
      const n = this.cells[pos]!;
      if (n === 0) continue;
      f([Math.floor(pos / (c1 * c2)), Math.floor(pos / c2) % c1, pos % c2].slice(0, this.k), n, pos);
    }
  }
}

export class TallyAccumulator {
  private rows = 0;
  private overflowRows = 0;
  private readonly dicts: Map<string, number>[];
  private readonly values: string[][];
  private readonly tables: LiveTable[];
  private readonly dims: number[];
  private readonly transforms: (((raw: string) => string) | undefined)[];
  private readonly memos: Map<string, number>[];
  private readonly matcher: MissingMatcher;
  private readonly width: number;
  private readonly rowIds: Int32Array;
  private readonly missingCols: Int32Array;
  /** Per dimension: the profile's exact-tier key index -> this dimension's value id (-1: not seen yet). */
  private readonly keyIds: Int32Array[];
  /** Cell codes worked out here when addRows is given none (no profile accumulator alongside). */
  private ownCodes: Int32Array[];

  constructor(
    private readonly spec: TallySpec,
    private readonly columns: string[],
    profileOptions?: Partial<ProfileOptions>,
  ) {
    this.matcher = new MissingMatcher(resolveProfileOptions(profileOptions).missingTokens);
    this.width = columns.length;
    this.dims = spec.dimensions.map((d) => d.column);
    this.transforms = spec.dimensions.map((d) => transformer(d.transform));
    this.memos = spec.dimensions.map(() => new Map());
    this.dicts = spec.dimensions.map(() => new Map());
    this.values = spec.dimensions.map(() => []);
    this.rowIds = new Int32Array(spec.dimensions.length);
    this.missingCols = new Int32Array(this.width);
    this.keyIds = spec.dimensions.map(() => new Int32Array(0));
    this.ownCodes = [];
    this.tables = spec.tables.map((t) => ({
      dims: t.dims.slice(),
      map: new Map(),
      ids: [],
      counts: [],
      missing: t.missing ? new Float64Array(64 * Math.max(1, this.width)) : undefined,
      dense: t.dims.length <= 3 ? new DenseCounts(t.dims, this.width, t.missing) : undefined,
    }));
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

  private newEntry(t: LiveTable, key: number): number {
    const id = t.counts.length;
    t.map.set(key, id);
    t.counts.push(0);
    for (const d of t.dims) t.ids.push(this.rowIds[d]!);
    if (t.missing) {
      const need = (id + 1) * this.width;
      if (need > t.missing.length) {
        const grown = new Float64Array(Math.max(need, t.missing.length * 2));
        grown.set(t.missing);
        t.missing = grown;
      }
    }
    return id;
  }

  /** Moves a dense table's cells into its map (it outgrew DENSE_MAX_CELLS). */
  private leaveDense(t: LiveTable): void {
    const dense = t.dense!;
    t.dense = undefined;
    const W = this.width;
    dense.forEach((ids, n, pos) => {
      const key = packKey(Int32Array.from(ids), ids.map((_, i) => i));
      const id = t.counts.length;
      t.map.set(key, id);
      t.counts.push(n);
      t.ids.push(...ids);
      if (t.missing && dense.missing) {
        if ((id + 1) * W > t.missing.length) {
          const grown = new Float64Array(Math.max((id + 1) * W, t.missing.length * 2));
          grown.set(t.missing);
          t.missing = grown;
        }
        t.missing.set(dense.missing.subarray(pos * W, pos * W + W), id * W);
      }
    });
  }

  /** The id of the cell whose profile key is k (its raw value is `raw`), memoised by key. */
  private idOfKey(d: number, k: number, raw: string): number {
    let memo = this.keyIds[d]!;
    if (k < memo.length) {
      const id = memo[k]!;
      if (id >= 0) return id;
    } else {
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
    for (let c = 0; c < this.width; c++) {
      const codes = this.ownCodes[c]!;
      for (let r = 0; r < rows.length; r++) codes[r] = matcher.bucketOf(rows[r]![c] ?? '') === NOT_MISSING ? PRESENT_NO_KEY : MISSING_NO_KEY;
    }
    return { rows: rows.length, columns: this.ownCodes };
  }

  /**
   * Hot path. `cells`: what the profile accumulator found for these same rows (its cell codes:
   * each cell's missing flag and exact-tier key), so a row costs an array read per dimension and
   * per column instead of a string lookup and a missing check; then one array increment (or
   * numeric Map lookup) per table. Key ids are memoised, so every call must pass the codes of the
   * same accumulator (built with the same profile options), or none.
   */
  addRows(rows: readonly (readonly string[])[], cells?: CellCodes): void {
    const codes = cells ?? this.codesFor(rows);
    if (codes.rows !== rows.length || codes.columns.length !== this.width) {
      throw new RepresentError('internal', 'The tally was given cell codes for other rows.', { expected: `${rows.length} rows of ${this.width} columns`, found: `${codes.rows} rows of ${codes.columns.length} columns` });
    }
    const width = this.width;
    const columnCodes = codes.columns;
    const D = this.dims.length;
    const columnOf = this.dims;
    const dimCodes = columnOf.map((c) => columnCodes[c]!);
    const rowIds = this.rowIds;
    const missingCols = this.missingCols;
    const tables = this.tables;
    const maxKeys = this.spec.maxKeys;
    rows: for (let r = 0; r < rows.length; r++) {
      for (let d = 0; d < D; d++) {
        const code = dimCodes[d]![r]!;
        const id = code >= 0 ? this.idOfKey(d, code >> 1, rows[r]![columnOf[d]!] ?? '') : this.idOf(d, rows[r]![columnOf[d]!] ?? '');
        if (id < 0) {
          this.overflowRows++;
          continue rows;
        }
        rowIds[d] = id;
      }
      let nMissing = 0;
      for (let c = 0; c < width; c++) if ((columnCodes[c]![r]! & 1) !== 0) missingCols[nMissing++] = c;
      for (let ti = 0; ti < tables.length; ti++) {
        const t = tables[ti]!;
        const dims = t.dims;
        const dense = t.dense;
        if (dense !== undefined) {
          const pos = dense.add(rowIds);
          if (pos >= 0) {
            const m = dense.missing;
            if (m !== undefined) {
              const base = pos * width;
              for (let j = 0; j < nMissing; j++) m[base + missingCols[j]!]!++;
            }
            continue;
          }
          this.leaveDense(t);
        }
        const key = packKey(rowIds, dims);
        let id = t.map.get(key);
        if (id === undefined) {
          if (t.counts.length >= maxKeys) {
            this.overflowRows++;
            continue;
          }
          id = this.newEntry(t, key);
        }
        t.counts[id]!++;
        const missing = t.missing;
        if (missing !== undefined) {
          const base = id * width;
          for (let j = 0; j < nMissing; j++) missing[base + missingCols[j]!]!++;
        }
      }
    }
    this.rows += rows.length;
  }

  toState(): TallyState {
    return {
      tallyVersion: 2,
      spec: structuredSpec(this.spec),
      columns: this.columns.slice(),
      rows: this.rows,
      values: this.values.map((v) => v.slice()),
      tables: this.tables.map((t) => {
        const out: TallyTable = { dims: t.dims.slice(), ids: t.ids.slice(), counts: t.counts.slice() };
        const dense = t.dense;
        if (dense) {
          const W = this.width;
          const missing: number[] = [];
          dense.forEach((ids, n, pos) => {
            out.ids.push(...ids);
            out.counts.push(n);
            if (dense.missing) for (let c = 0; c < W; c++) missing.push(dense.missing[pos * W + c]!);
          });
          if (dense.missing) out.missing = Float64Array.from(missing);
          return out;
        }
        if (t.missing) out.missing = t.missing.slice(0, t.counts.length * this.width);
        return out;
      }),
      overflowRows: this.overflowRows,
    };
  }
}

/**
 * A table key from the row's value ids. Small ids pack into a small integer (10 bits each, below
 * 2^30), which V8 hashes without allocating; larger ids use a 16-bit packing offset past 2^30, so
 * a combination always gets the same key either way.
 */
function packKey(rowIds: Int32Array, dims: readonly number[]): number {
  let key = 0;
  let small = dims.length <= 3;
  for (let k = 0; k < dims.length; k++) {
    const id = rowIds[dims[k]!]!;
    if (id >= SMALL_ID) small = false;
    key = (key << 10) | id;
  }
  if (small) return key;
  key = 0;
  for (let k = 0; k < dims.length; k++) key = key * MAX_DIMENSION_VALUES + rowIds[dims[k]!]!;
  return key + LARGE_KEY_OFFSET;
}

/**
 * A merge key for the k value ids at ids[at]: for up to three, a number as packKey makes it (a
 * small integer when every id is below SMALL_ID, which a Map hashes fastest), else a string.
 */
function entryKey(ids: readonly number[], at: number, k: number): number | string {
  if (k > 3) return ids.slice(at, at + k).join(',');
  let key = 0;
  let small = true;
  for (let j = 0; j < k; j++) {
    const id = ids[at + j]!;
    if (id >= SMALL_ID) small = false;
    key = (key << 10) | id;
  }
  if (small) return key;
  key = 0;
  for (let j = 0; j < k; j++) key = key * MAX_DIMENSION_VALUES + ids[at + j]!;
  return key + LARGE_KEY_OFFSET;
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
  const tables = a.tables.map((ta, ti) => {
    const tb = b.tables[ti]!;
    const k = ta.dims.length;
    const out: TallyTable = { dims: ta.dims.slice(), ids: ta.ids.slice(), counts: ta.counts.slice() };
    // Room for every entry of both; trimmed at the end.
    let missing: Float64Array | undefined;
    if (ta.missing) {
      missing = new Float64Array((ta.counts.length + tb.counts.length) * W);
      missing.set(ta.missing.subarray(0, ta.counts.length * W));
    }
    const entryOf = new Map<number | string, number>();
    for (let i = 0; i < ta.counts.length; i++) entryOf.set(entryKey(ta.ids, i * k, k), i);
    const ids: number[] = new Array<number>(k);
    for (let i = 0; i < tb.counts.length; i++) {
      for (let j = 0; j < k; j++) ids[j] = remap[ta.dims[j]!]![tb.ids[i * k + j]!]!;
      const key = entryKey(ids, 0, k);
      let e = entryOf.get(key);
      if (e === undefined) {
        if (out.counts.length >= a.spec.maxKeys) {
          overflowRows += tb.counts[i]!;
          continue;
        }
        e = out.counts.length;
        entryOf.set(key, e);
        for (let j = 0; j < k; j++) out.ids.push(ids[j]!);
        out.counts.push(0);
      }
      out.counts[e] = out.counts[e]! + tb.counts[i]!;
      if (missing && tb.missing) for (let c = 0; c < W; c++) missing[e * W + c] = missing[e * W + c]! + tb.missing[i * W + c]!;
    }
    if (missing) out.missing = missing.slice(0, out.counts.length * W);
    return out;
  });
  return { tallyVersion: 2, spec: structuredSpec(a.spec), columns: a.columns.slice(), rows: a.rows + b.rows, values, tables, overflowRows };
}
