// The table-level accumulator: one ColumnAccumulator per column, fed column by column so each
// column's Map stays hot in cache, plus the plain-data state that crosses postMessage, and the
// merge of parts that the workers profiled (b follows a in the file).
import { RepresentError } from '../errors';
import { MissingMatcher } from './missing-values';
import { ColumnAccumulator, mergeColumnStates, type ColumnContext, type ColumnState } from './column-accumulator';
import { finishColumn } from './finish-column';
import { resolveProfileOptions, type ProfileOptions } from './options';
import type { ColumnProfile } from './types';
import { MissingCells, type CellCodes } from './cell-codes';

/**
 * Everything a part of the file contributes, as structured-clone-safe data (arrays, typed
 * arrays, plain objects). It holds distinct raw values of columns within the exact cap, so it
 * is row-level data: pass it between threads, never write it anywhere.
 */
export interface ProfileState {
  stateVersion: 1;
  columns: string[];
  options: ProfileOptions;
  /** Data rows seen. */
  rows: number;
  columnStates: ColumnState[];
}

export interface ProfileAccumulator {
  /** Hot path. Rows are expected to have exactly columns.length fields; a missing field counts as ''. */
  addRows(rows: readonly (readonly string[])[]): void;
  toState(): ProfileState;
  /**
   * With recordCells: each cell's missing flag and exact-tier key from the last addRows, valid
   * until the next addRows (the arrays are reused). Undefined without recordCells.
   */
  readonly cells: CellCodes | undefined;
}

export interface AccumulatorFeatures {
  /** Keep each batch's cell codes for another consumer of the same rows (the analysis tally). */
  recordCells?: boolean;
  /** With recordCells: the columns whose every cell gets a code (default all); the others' missing cells are listed only. */
  keyColumns?: readonly number[];
  /**
   * Columns to count in the sketch tier from the start: only those that another part of the same
   * file has already taken past the exact tier (merging with it makes them sketches regardless).
   */
  sketchColumns?: readonly number[];
}

const ROW_BLOCK = 1024;

class TableAccumulator implements ProfileAccumulator {
  private rows = 0;
  private readonly accumulators: ColumnAccumulator[];
  /** With recordCells: per column, its cell codes (undefined for a column not among keyColumns). */
  private codes: (Int32Array | undefined)[] | null;
  private readonly missingCells: MissingCells | null;
  private codesLength = ROW_BLOCK;
  cells: CellCodes | undefined;

  constructor(
    private readonly columns: string[],
    private readonly options: ProfileOptions,
    private readonly ctx: ColumnContext,
    from?: ProfileState,
    features: AccumulatorFeatures = {},
  ) {
    this.accumulators = from
      ? from.columnStates.map((s) => ColumnAccumulator.fromState(s, ctx))
      : columns.map(() => new ColumnAccumulator(ctx));
    this.rows = from?.rows ?? 0;
    const keyed = features.keyColumns ? new Set(features.keyColumns) : null;
    this.codes = features.recordCells ? columns.map((_, c) => (keyed === null || keyed.has(c) ? new Int32Array(ROW_BLOCK) : undefined)) : null;
    this.missingCells = features.recordCells ? new MissingCells() : null;
    for (const c of features.sketchColumns ?? []) this.accumulators[c]?.enterSketchTier();
  }

  addRows(rows: readonly (readonly string[])[]): void {
    const firstRow = this.rows + 1;
    const columns = this.accumulators.length;
    let codes = this.codes;
    if (codes !== null && this.codesLength < rows.length) {
      const length = Math.max(rows.length, this.codesLength * 2);
      codes = this.codes = codes.map((a) => (a === undefined ? undefined : new Int32Array(length)));
      this.codesLength = length;
    }
    const missing = this.missingCells;
    if (missing !== null) missing.count = 0;
    // Column by column keeps each column's table hot in cache; in blocks of rows, so a block's
    // row arrays and strings are still in cache when the next column reads them.
    for (let from = 0; from < rows.length; from += ROW_BLOCK) {
      const to = Math.min(rows.length, from + ROW_BLOCK);
      for (let c = 0; c < columns; c++) this.accumulators[c]!.addColumn(rows, c, from, to, firstRow, codes?.[c] ?? null, missing);
    }
    this.rows += rows.length;
    if (codes !== null && missing !== null) {
      this.cells = {
        rows: rows.length,
        columns: codes,
        missingRows: missing.rows,
        missingColumns: missing.columns,
        missingCount: missing.count,
      };
    }
  }

  toState(): ProfileState {
    return {
      stateVersion: 1,
      columns: this.columns.slice(),
      options: structuredCloneOptions(this.options),
      rows: this.rows,
      columnStates: this.accumulators.map((a) => a.toState()),
    };
  }
}

function contextFor(options: ProfileOptions): ColumnContext {
  return { options, matcher: new MissingMatcher(options.missingTokens) };
}

function structuredCloneOptions(o: ProfileOptions): ProfileOptions {
  return { ...o, missingTokens: o.missingTokens.slice() };
}

export function createProfileAccumulator(columns: string[], options?: Partial<ProfileOptions>, features?: AccumulatorFeatures): ProfileAccumulator {
  const resolved = resolveProfileOptions(options);
  return new TableAccumulator(columns.slice(), resolved, contextFor(resolved), undefined, features);
}

export function profileAccumulatorFromState(state: ProfileState): ProfileAccumulator {
  checkState(state);
  const options = resolveProfileOptions(state.options);
  return new TableAccumulator(state.columns.slice(), options, contextFor(options), state);
}

/** The state of a followed by b (b's rows come after a's in the file). */
export function mergeProfileStates(a: ProfileState, b: ProfileState): ProfileState {
  checkState(a);
  checkState(b);
  if (a.columns.length !== b.columns.length || a.columns.some((c, i) => c !== b.columns[i])) {
    throw new RepresentError('internal', 'Two parts of one file were profiled with different columns.', {
      expected: `${a.columns.length} columns with the same names`,
      found: `${b.columns.length} columns`,
    });
  }
  if (JSON.stringify(a.options) !== JSON.stringify(b.options)) {
    throw new RepresentError('internal', 'Two parts of one file were profiled with different options.', {
      expected: 'the same profile options for every part',
      found: 'different options',
    });
  }
  const ctx = contextFor(a.options);
  return {
    stateVersion: 1,
    columns: a.columns.slice(),
    options: structuredCloneOptions(a.options),
    rows: a.rows + b.rows,
    columnStates: a.columnStates.map((s, i) => mergeColumnStates(s, b.columnStates[i]!, a.rows, ctx)),
  };
}

/** One part's share of the columns being finished: its rows, and the states of those columns only. */
export interface PartColumns {
  rows: number;
  columnStates: ColumnState[];
}

/**
 * Merges the parts (in file order) of some columns and finishes them: what finishProfile does for
 * all columns, for a subset, so the finish can be shared between threads. `indices[i]` is the
 * position in the file of the column whose states are `parts[*].columnStates[i]`.
 */
export function finishColumnsOfParts(names: readonly string[], indices: readonly number[], options: ProfileOptions, parts: readonly PartColumns[]): ColumnProfile[] {
  if (parts.length === 0 || parts.some((p) => p.columnStates.length !== indices.length)) {
    throw new RepresentError('internal', 'The columns to finish are not in the expected form.', {
      expected: `${indices.length} column states in each of at least one part`,
      found: 'something else',
    });
  }
  const ctx = contextFor(resolveProfileOptions(options));
  const rows = parts.reduce((sum, p) => sum + p.rows, 0);
  return indices.map((c, i) => {
    let state = parts[0]!.columnStates[i]!;
    let offset = parts[0]!.rows;
    for (const part of parts.slice(1)) {
      state = mergeColumnStates(state, part.columnStates[i]!, offset, ctx);
      offset += part.rows;
    }
    return finishColumn(names[c]!, c, rows, state, ctx);
  });
}

export function finishProfile(state: ProfileState): ColumnProfile[] {
  checkState(state);
  const ctx = contextFor(state.options);
  return state.columns.map((name, i) => finishColumn(name, i, state.rows, state.columnStates[i]!, ctx));
}

function checkState(state: ProfileState): void {
  if (state?.stateVersion !== 1 || !Array.isArray(state.columnStates) || state.columnStates.length !== state.columns?.length) {
    throw new RepresentError('internal', 'A profile part is not in the expected form.', {
      expected: 'a ProfileState of version 1 with one state per column',
      found: 'something else',
    });
  }
}
