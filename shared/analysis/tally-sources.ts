// Which wider tables the tally counts so that the spec's tables are their sums. Every table counted
// is an array increment per row, and the spec's tables overlap: the triples (0,1,2) (0,1,3) (0,2,3)
// (1,2,3) are all sums of one 4-way table, and a one-attribute table is a sum of any table holding
// that attribute. Counting the wider table alone costs one increment instead of several, and
// touches fewer cache lines per batch, as long as it stays small: its cells are the product of its
// dimensions' extents, so the choice is made again after an extent grows.

/**
 * Most cells of a table counted in place of narrower ones (4 bytes each: 256 KiB), and most
 * dimensions. Measured on the 1M-row bench file (test/bench/analysis-core.ts), 2^16 cells and 4
 * dimensions beat 2^14, 2^15 and 2^18 cells and 5 or 6 dimensions: a larger table misses the
 * cache on more rows than the increments it saves.
 */
export const SOURCE_MAX_CELLS = 1 << 16;
export const SOURCE_MAX_DIMS = 4;

export interface SourceGroup {
  /** The wider table's dimensions, ascending. */
  dims: number[];
  /** The tables (indices into the list given) that are sums of it: two or more. */
  members: number[];
}

/**
 * Greedy grouping: start with each table on its own and keep merging the two groups whose union
 * has the fewest cells, while that union stays within SOURCE_MAX_CELLS and SOURCE_MAX_DIMS. Each
 * merge saves one increment per row; taking the smallest union first keeps the counted tables
 * small. `tables`: the dims of the tables that may be summed (null: counted on its own). Dimension
 * sets are bit masks, so choosing (again whenever an extent grows) allocates next to nothing;
 * tables over a dimension of index 30 or more are left out of it.
 */
export function chooseSources(tables: readonly (readonly number[] | null)[], extentOf: readonly number[], maxCells = SOURCE_MAX_CELLS, maxDims = SOURCE_MAX_DIMS): SourceGroup[] {
  const masks: number[] = [];
  const members: number[][] = [];
  tables.forEach((dims, i) => {
    if (dims === null || dims.some((d) => d >= MAX_MASK_DIMS)) return;
    masks.push(dims.reduce((m, d) => m | (1 << d), 0));
    members.push([i]);
  });
  for (;;) {
    let bi = -1;
    let bj = -1;
    let bestCells = Infinity;
    for (let i = 0; i < masks.length; i++) {
      for (let j = i + 1; j < masks.length; j++) {
        const union = masks[i]! | masks[j]!;
        if (bitCount(union) > maxDims) continue;
        const cells = cellsOf(union, extentOf);
        if (cells <= maxCells && cells < bestCells) [bi, bj, bestCells] = [i, j, cells];
      }
    }
    if (bi < 0) break;
    masks[bi] = masks[bi]! | masks[bj]!;
    members[bi] = [...members[bi]!, ...members[bj]!].sort((a, b) => a - b);
    masks.splice(bj, 1);
    members.splice(bj, 1);
  }
  const groups: SourceGroup[] = [];
  masks.forEach((mask, g) => {
    if (members[g]!.length > 1) groups.push({ dims: dimsOf(mask), members: members[g]! });
  });
  return groups;
}

const MAX_MASK_DIMS = 30;

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

function cellsOf(mask: number, extentOf: readonly number[]): number {
  let cells = 1;
  for (let d = 0; mask >> d !== 0; d++) if ((mask >> d) & 1) cells *= extentOf[d]!;
  return cells;
}

function dimsOf(mask: number): number[] {
  const dims: number[] = [];
  for (let d = 0; mask >> d !== 0; d++) if ((mask >> d) & 1) dims.push(d);
  return dims;
}
