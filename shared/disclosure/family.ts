// The linear structure behind secondary suppression.
//
// All count tables of one population are slices of one (unknown) joint table over the union of
// their dimensions. A "family" holds every cell those tables publish, each keyed by its position in
// that joint table, with "Total" (index = number of categories) on every dimension the cell sums
// over. A cell shared by two tables (a margin of a crosstab and a 1-way table, or the grand total)
// is one family cell, so a suppression decision applies to both and their published values agree.
//
// Why this shape: every linear relation between published cells ("a total equals the sum of its
// parts") holds along one dimension of the joint table. A direction that is a tensor product of
// per-dimension vectors p_d with sum(p_d over categories) = p_d(Total) therefore keeps every such
// relation true, in every table at once. Moving the true table along such a direction, while every
// published cell stays inside what its published value allows and every cell stays ≥ 0, gives
// another table an attacker cannot tell from the truth. ./witness.ts uses exactly these moves.

import { RepresentError } from '../errors';
import type { Dimension } from './table';

export interface FamilyMemberInput {
  /** Caller's reference (table index in the report). */
  ref: number;
  tableId: string;
  dimensions: readonly Dimension[];
  /** True interior counts, row-major. */
  counts: readonly number[];
  /** Whether the table's margins are family cells (true totals that constrain suppressed cells). */
  margins: boolean;
}

export interface FamilyMember {
  ref: number;
  tableId: string;
  /** Union-dimension index of each of the table's dimensions. */
  dims: number[];
  margins: boolean;
  /** Extent per table dimension: categories (+1 for Total when margins). */
  extents: number[];
  /** Family cell index of each extended table cell (row-major over `extents`). */
  cells: Int32Array;
}

export type CellState = 'published' | 'suppressed-primary' | 'suppressed-secondary';

export class Family {
  readonly dimNames: string[] = [];
  readonly dimSizes: number[] = [];
  readonly members: FamilyMember[] = [];
  /** Per family cell. */
  readonly coords: number[][] = [];
  readonly truth: number[] = [];
  readonly keys = new Map<string, number>();

  /** Number of non-Total coordinates of a cell (3 for an interior 3-way cell, 0 for the grand total). */
  support(cell: number): number {
    const c = this.coords[cell]!;
    let s = 0;
    for (let d = 0; d < c.length; d++) if (c[d] !== this.dimSizes[d]) s++;
    return s;
  }

  isTotal(d: number, index: number): boolean {
    return index === this.dimSizes[d];
  }

  get size(): number {
    return this.truth.length;
  }
}

function sameCategories(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Builds the family of the given tables. Throws `bad-argument` when two tables use one dimension
 * name with different categories, or disagree on a cell they share (say, a 1-way table whose counts
 * are not the margins of the crosstab: usually a "Not known" category missing from one of them).
 */
export function buildFamily(inputs: readonly FamilyMemberInput[]): Family {
  const fam = new Family();
  const dimIndex = new Map<string, number>();
  const dimOwner: string[] = [];
  const dimCats: (readonly string[])[] = [];
  for (const t of inputs) {
    for (const d of t.dimensions) {
      const existing = dimIndex.get(d.name);
      if (existing === undefined) {
        dimIndex.set(d.name, fam.dimNames.length);
        fam.dimNames.push(d.name);
        fam.dimSizes.push(d.categories.length);
        dimOwner.push(t.tableId);
        dimCats.push(d.categories);
      } else if (!sameCategories(dimCats[existing]!, d.categories)) {
        throw new RepresentError(
          'bad-argument',
          `Tables "${dimOwner[existing]}" and "${t.tableId}" both have a dimension "${d.name}" but with different categories.`,
          {
            expected: 'the same categories in the same order wherever a dimension name is used (give a differently banded attribute its own name)',
            found: 'two different category lists',
          },
        );
      }
    }
  }
  const nDims = fam.dimNames.length;
  for (const t of inputs) {
    const dims = t.dimensions.map((d) => dimIndex.get(d.name)!);
    const extents = t.dimensions.map((d) => d.categories.length + (t.margins ? 1 : 0));
    let extended = 1;
    for (const e of extents) extended *= e;
    const member: FamilyMember = { ref: t.ref, tableId: t.tableId, dims, margins: t.margins, extents, cells: new Int32Array(extended) };
    // True value of every extended cell: each interior count adds into all of its margins.
    const values = new Float64Array(extended);
    const k = dims.length;
    const local = new Array<number>(k).fill(0);
    for (let pos = 0; pos < t.counts.length; pos++) {
      let rest = pos;
      for (let j = k - 1; j >= 0; j--) {
        const size = t.dimensions[j]!.categories.length;
        local[j] = rest % size;
        rest = Math.floor(rest / size);
      }
      const count = t.counts[pos]!;
      const subsets = t.margins ? 1 << k : 1;
      for (let mask = 0; mask < subsets; mask++) {
        let idx = 0;
        for (let j = 0; j < k; j++) {
          const v = mask & (1 << j) ? t.dimensions[j]!.categories.length : local[j]!;
          idx = idx * extents[j]! + v;
        }
        values[idx] = values[idx]! + count;
      }
    }
    const coords = new Array<number>(nDims);
    for (let idx = 0; idx < extended; idx++) {
      for (let d = 0; d < nDims; d++) coords[d] = fam.dimSizes[d]!;
      let rest = idx;
      for (let j = k - 1; j >= 0; j--) {
        coords[dims[j]!] = rest % extents[j]!;
        rest = Math.floor(rest / extents[j]!);
      }
      const key = coords.join(',');
      let cell = fam.keys.get(key);
      if (cell === undefined) {
        cell = fam.truth.length;
        fam.keys.set(key, cell);
        fam.coords.push(coords.slice());
        fam.truth.push(values[idx]!);
      } else if (fam.truth[cell] !== values[idx]) {
        throw new RepresentError(
          'bad-argument',
          `Table "${t.tableId}" disagrees with another table of the same population on a count they share.`,
          {
            expected: 'margins that equal the 1-way and 2-way tables of the same attributes (every table must include all categories, such as "Not known")',
            found: 'two different counts for the same group',
          },
        );
      }
      member.cells[idx] = cell;
    }
    fam.members.push(member);
  }
  return fam;
}
