// Proving that a suppressed cell cannot be narrowed: by exhibiting alternative tables.
//
// An attacker who knows the published cells, margins and non-negativity can at best compute the
// interval [min, max] of a suppressed cell over all tables consistent with what was published
// (a linear program). We do not solve that LP here; we prove a lower bound on its width instead:
// starting from the true table we move along "hypercube" directions (see ./family.ts), each step
// keeping every published value inside what it allows, until the cell has gone up and down by at
// least the protection width between them. Every point reached is a table the attacker cannot rule
// out, so the attacker's interval contains them all. The bound is exact integer arithmetic, never
// reports more protection than there is, and is simple to explain to an output checker. (The unit
// tests check it against a real LP attacker.) It may report less protection than there is, which
// costs extra suppression, never safety.
//
// Why not solve the LP here: the only LP library in the project (javascript-lp-solver) is a test
// dependency, and a floating-point optimum would need tolerances before it could back a release
// decision. Known gap: a move is one hypercube (a 2×2 rectangle in a 2-way table) or a chain of them;
// longer cycles that route around a published cell are not tried, so very sparse linked tables get
// more secondary suppression than an exact solver would give (measured in the report to the lead).

import type { Family } from './family';

/** One per-dimension pair: index `a` gets sign +1, index `b` gets sign `sb`. */
interface Pair {
  a: number;
  b: number;
  sb: 1 | -1;
}

export interface Move {
  cells: number[];
  signs: number[];
}

export interface Ranges {
  /** Smallest and largest value each family cell may take given what is published (suppressed: 0 and Infinity). */
  lo: Float64Array;
  hi: Float64Array;
}

/** How many candidate directions one search may evaluate before settling for the best found. */
const MAX_EVALUATIONS = 60_000;
/** How many moves one witness chain may compose. */
const MAX_STEPS = 12;

/** Enumerates hypercube directions through a cell and keeps the best by a caller's measure. */
export class DirectionSearch {
  private readonly stamp: Int32Array;
  private stampNow = 0;
  private readonly bufCells: number[] = [];
  private readonly bufSigns: number[] = [];
  private readonly inMember: boolean[][];
  /** Pair objects are made once and shared: the search is hot and allocation-bound otherwise. */
  private readonly totalPairs: Pair[][];
  private readonly categoryPairs: Pair[][][];
  private readonly touched: Int32Array;
  private readonly relevantStamp: Int32Array;
  private relevantNow = 0;

  constructor(private readonly fam: Family) {
    this.stamp = new Int32Array(fam.size);
    this.inMember = fam.members.map((m) => {
      const flags = new Array<boolean>(fam.dimNames.length).fill(false);
      for (const d of m.dims) flags[d] = true;
      return flags;
    });
    this.totalPairs = fam.dimSizes.map((T) => Array.from({ length: T }, (_, k) => ({ a: T, b: k, sb: 1 as const })));
    // For a cell at category i: pair it with each other category (opposite signs) or with Total.
    this.categoryPairs = fam.dimSizes.map((T) =>
      Array.from({ length: T }, (_, i) => {
        const opts: Pair[] = [];
        for (let j = 0; j < T; j++) if (j !== i) opts.push({ a: i, b: j, sb: -1 });
        opts.push({ a: i, b: T, sb: 1 });
        return opts;
      }),
    );
    this.touched = new Int32Array(fam.members.length);
    this.relevantStamp = new Int32Array(fam.dimNames.length);
  }

  /** The family cells a direction touches, with their signs, into the shared buffers; returns how many. */
  private collect(pairs: Pair[], touchedCount: number): number {
    const fam = this.fam;
    this.stampNow++;
    let n = 0;
    for (let t = 0; t < touchedCount; t++) {
      const m = fam.members[this.touched[t]!]!;
      const k = m.dims.length;
      for (let mask = 0; mask < 1 << k; mask++) {
        let idx = 0;
        let sign = 1;
        let ok = true;
        for (let j = 0; j < k; j++) {
          const d = m.dims[j]!;
          const p = pairs[d]!;
          const second = (mask & (1 << j)) !== 0;
          const v = second ? p.b : p.a;
          if (!m.margins && v === fam.dimSizes[d]) {
            ok = false;
            break;
          }
          if (second) sign *= p.sb;
          idx = idx * m.extents[j]! + v;
        }
        if (!ok) continue;
        const cell = m.cells[idx]!;
        if (this.stamp[cell] === this.stampNow) continue;
        this.stamp[cell] = this.stampNow;
        this.bufCells[n] = cell;
        this.bufSigns[n] = sign;
        n++;
      }
    }
    return n;
  }

  /**
   * Searches directions that move `cell` with sign +1 and returns the best by `better`.
   * `evaluate` sees the touched cells and signs (valid only during the call) and returns a measure,
   * or null to reject the direction.
   */
  best<T>(
    cell: number,
    evaluate: (cells: number[], signs: number[], n: number) => T | null,
    better: (a: T, b: T) => boolean,
    /** Stop searching as soon as a direction this good is found. */
    enough?: (value: T) => boolean,
  ): { move: Move; value: T } | null {
    const fam = this.fam;
    const nDims = fam.dimNames.length;
    const c = fam.coords[cell]!;
    const active: number[] = [];
    const options: Pair[][] = [];
    const pairs: Pair[] = new Array<Pair>(nDims);
    for (let d = 0; d < nDims; d++) {
      if (c[d] === fam.dimSizes[d]) pairs[d] = this.totalPairs[d]![0]!;
      else {
        active.push(d);
        options.push(this.categoryPairs[d]![c[d]!]!);
      }
    }

    let bestValue: T | null = null;
    let bestMove: Move | null = null;
    let evaluations = 0;
    let touchedCount = 0;
    const consider = (): T | null => {
      evaluations++;
      const n = this.collect(pairs, touchedCount);
      const value = evaluate(this.bufCells, this.bufSigns, n);
      if (value !== null && (bestValue === null || better(value, bestValue))) {
        bestValue = value;
        bestMove = { cells: this.bufCells.slice(0, n), signs: this.bufSigns.slice(0, n) };
      }
      return value;
    };

    const rel: number[] = [];
    const choice = new Array<number>(active.length).fill(0);
    for (;;) {
      for (let a = 0; a < active.length; a++) pairs[active[a]!] = options[a]![choice[a]!]!;
      // Tables touched: those that contain every active dimension whose pair has no Total.
      touchedCount = 0;
      rel.length = 0;
      this.relevantNow++;
      for (let mi = 0; mi < fam.members.length; mi++) {
        const inM = this.inMember[mi]!;
        let ok = true;
        for (let a = 0; a < active.length; a++) {
          const d = active[a]!;
          if (!inM[d] && pairs[d]!.b !== fam.dimSizes[d]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        this.touched[touchedCount++] = mi;
        for (const d of fam.members[mi]!.dims)
          if (c[d] === fam.dimSizes[d] && this.relevantStamp[d] !== this.relevantNow) {
            this.relevantStamp[d] = this.relevantNow;
            rel.push(d);
          }
      }
      // Dimensions the cell sums over: pick the partner category by coordinate ascent.
      for (const d of rel) pairs[d] = this.totalPairs[d]![0]!;
      let current = consider();
      for (let pass = 0; pass < (rel.length > 1 ? 2 : 1); pass++) {
        for (const d of rel) {
          let keep = pairs[d]!.b;
          for (let k = 0; k < fam.dimSizes[d]!; k++) {
            if (k === keep) continue;
            pairs[d] = this.totalPairs[d]![k]!;
            const v = consider();
            if (v !== null && (current === null || better(v, current))) {
              current = v;
              keep = k;
            }
          }
          pairs[d] = this.totalPairs[d]![keep]!;
        }
      }
      if (evaluations >= MAX_EVALUATIONS || (enough && bestValue !== null && enough(bestValue))) break;
      // Next combination of active-dimension pairs (mixed radix).
      let a = 0;
      while (a < active.length) {
        choice[a]!++;
        if (choice[a]! < options[a]!.length) break;
        choice[a] = 0;
        a++;
      }
      if (a === active.length) break;
    }
    return bestMove === null || bestValue === null ? null : { move: bestMove, value: bestValue };
  }
}

/**
 * How far `cell` provably moves in one sense (+1 up, -1 down), composing up to MAX_STEPS moves,
 * stopping once it has moved `need`. Every intermediate table stays within `ranges`.
 */
function reach(
  fam: Family,
  search: DirectionSearch,
  ranges: Ranges,
  cell: number,
  sense: 1 | -1,
  need: number,
  used?: Set<number>,
): number {
  if (need <= 0) return 0;
  const cur = Float64Array.from(fam.truth);
  const { lo, hi } = ranges;
  let moved = 0;
  for (let step = 0; step < MAX_STEPS && moved < need; step++) {
    const found = search.best(
      cell,
      (cells, signs, n) => {
        let room = Number.POSITIVE_INFINITY;
        for (let i = 0; i < n; i++) {
          const x = cells[i]!;
          const s = signs[i]! * sense;
          const r = s > 0 ? hi[x]! - cur[x]! : cur[x]! - lo[x]!;
          if (r < room) room = r;
          if (room <= 0) return null;
        }
        return room;
      },
      (a, b) => a > b,
      // No direction can move the cell past its own bound, so one that reaches it is the best.
      (v) => v >= Math.min(need - moved, sense > 0 ? hi[cell]! - cur[cell]! : cur[cell]! - lo[cell]!),
    );
    if (!found) break;
    const amount = Math.min(found.value, need - moved);
    const { cells, signs } = found.move;
    for (let i = 0; i < cells.length; i++) {
      cur[cells[i]!] = cur[cells[i]!]! + sense * signs[i]! * amount;
      used?.add(cells[i]!);
    }
    moved += amount;
  }
  return moved;
}

/**
 * A proven lower bound on the attacker's interval width for `cell`, capped at `need`, and the cells
 * the proof moved (the proof stays valid while none of those is published more tightly).
 */
export function provenWidth(
  fam: Family,
  search: DirectionSearch,
  ranges: Ranges,
  cell: number,
  need: number,
): { up: number; down: number; used: Set<number> } {
  const used = new Set<number>();
  const down = reach(fam, search, ranges, cell, -1, need, used);
  const up = reach(fam, search, ranges, cell, 1, need - down, used);
  return { up, down, used };
}
