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

/** A witness: moves applied in order from the true table, each by `amount` in sense `sense`. */
export interface Proof {
  steps: { move: Move; sense: 1 | -1; amount: number }[];
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
  /** Directions evaluated over this search's life: the unit of work that budgets are set in. */
  evaluations = 0;
  /**
   * Members the search may touch (all by default). Secondary suppression decides coarse tables
   * before fine ones; while it does, the fine tables are not published and their cells are no
   * constraint, so directions leave them out (./secondary.ts recomputes every proof once they join).
   */
  active: Uint8Array;
  /** Scratch copy of the true table that `reach` moves and then restores, so no call copies the family. */
  readonly scratch: Float64Array;
  /** Each cell's position in the joint table (Total as one more category), and the cell at each. */
  private readonly strides: number[];
  private readonly codes: Float64Array;
  private readonly byCode = new Map<number, number>();

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
    this.active = new Uint8Array(fam.members.length).fill(1);
    this.relevantStamp = new Int32Array(fam.dimNames.length);
    this.scratch = Float64Array.from(fam.truth);
    this.strides = [];
    let stride = 1;
    for (const T of fam.dimSizes) {
      this.strides.push(stride);
      stride *= T + 1;
    }
    this.codes = new Float64Array(fam.size);
    for (let cell = 0; cell < fam.size; cell++) {
      let code = 0;
      fam.coords[cell]!.forEach((v, d) => (code += v * this.strides[d]!));
      this.codes[cell] = code;
      this.byCode.set(code, cell);
    }
  }

  /**
   * The family cells a direction touches, with their signs, into the shared buffers; returns how
   * many, or -1 as soon as `admit` turns down a cell (most directions touch a published cell with no
   * room to move, and finding that out early is most of the search's speed).
   */
  private collect(pairs: Pair[], touchedCount: number, admit?: (cell: number, sign: number) => boolean): number {
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
        if (admit && !admit(cell, sign)) return -1;
        this.stamp[cell] = this.stampNow;
        this.bufCells[n] = cell;
        this.bufSigns[n] = sign;
        n++;
      }
    }
    return n;
  }

  /**
   * The partners of `cell` on dimension `d` worth trying when `admit` screens cells. Pairing with
   * category j puts sign -1 on the cell that differs from `cell` only at j on `d`: every direction
   * with that pair touches it, so if `admit` turns it down, none of them can pass. Dropping those
   * partners up front skips whole branches of the search without changing what it can find.
   */
  private viablePairs(cell: number, d: number, admit: (cell: number, sign: number) => boolean): Pair[] {
    const i = this.fam.coords[cell]![d]!;
    const all = this.categoryPairs[d]![i]!;
    const T = this.fam.dimSizes[d]!;
    const code = this.codes[cell]!;
    const stride = this.strides[d]!;
    return all.filter((p) => {
      if (p.b === T) return true;
      const corner = this.byCode.get(code + (p.b - i) * stride);
      return corner === undefined || admit(corner, p.sb);
    });
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
    /** A cheap per-cell test; a direction with a cell it turns down is rejected without evaluation. */
    admit?: (cell: number, sign: number) => boolean,
    /** Most directions to evaluate before settling for the best found. */
    limit: number = MAX_EVALUATIONS,
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
        options.push(admit ? this.viablePairs(cell, d, admit) : this.categoryPairs[d]![c[d]!]!);
      }
    }

    let bestValue: T | null = null;
    let bestMove: Move | null = null;
    let evaluations = 0;
    let touchedCount = 0;
    const consider = (): T | null => {
      evaluations++;
      this.evaluations++;
      const n = this.collect(pairs, touchedCount, admit);
      if (n < 0) return null;
      const value = evaluate(this.bufCells, this.bufSigns, n);
      if (value !== null && (bestValue === null || better(value, bestValue))) {
        bestValue = value;
        bestMove = { cells: this.bufCells.slice(0, n), signs: this.bufSigns.slice(0, n) };
      }
      return value;
    };

    // The tables a direction touches, and the summed-over dimensions it must place, depend only on
    // which active dimensions pair with Total: work them out once per such pattern, not per direction.
    const patterns = new Map<number, { touched: number[]; rel: number[] }>();
    const patternOf = (mask: number): { touched: number[]; rel: number[] } => {
      let found = patterns.get(mask);
      if (found) return found;
      found = { touched: [], rel: [] };
      this.relevantNow++;
      for (let mi = 0; mi < fam.members.length; mi++) {
        if (!this.active[mi]) continue;
        const inM = this.inMember[mi]!;
        let ok = true;
        // Tables touched: those that contain every active dimension whose pair has no Total.
        for (let a = 0; a < active.length; a++)
          if (!inM[active[a]!] && (mask & (1 << a)) === 0) {
            ok = false;
            break;
          }
        if (!ok) continue;
        found.touched.push(mi);
        for (const d of fam.members[mi]!.dims)
          if (c[d] === fam.dimSizes[d] && this.relevantStamp[d] !== this.relevantNow) {
            this.relevantStamp[d] = this.relevantNow;
            found.rel.push(d);
          }
      }
      patterns.set(mask, found);
      return found;
    };
    const satisfied = (): boolean => enough !== undefined && bestValue !== null && enough(bestValue);
    const choice = new Array<number>(active.length).fill(0);
    for (;;) {
      let mask = 0;
      for (let a = 0; a < active.length; a++) {
        const d = active[a]!;
        pairs[d] = options[a]![choice[a]!]!;
        if (pairs[d].b === fam.dimSizes[d]) mask |= 1 << a;
      }
      const { touched, rel } = patternOf(mask);
      touchedCount = touched.length;
      for (let t = 0; t < touchedCount; t++) this.touched[t] = touched[t]!;
      // Dimensions the cell sums over: pick the partner category by coordinate ascent.
      for (const d of rel) pairs[d] = this.totalPairs[d]![0]!;
      let current = consider();
      for (let pass = 0; pass < (rel.length > 1 ? 2 : 1) && !satisfied(); pass++) {
        for (const d of rel) {
          let keep = pairs[d]!.b;
          for (let k = 0; k < fam.dimSizes[d]! && !satisfied(); k++) {
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
      if (evaluations >= limit || (enough && bestValue !== null && enough(bestValue))) break;
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
 * stopping once it has moved `need`. Every intermediate table stays within `ranges`. The moves are
 * appended to `proof`; `cur` is the true table on entry and is left moved (the caller restores it).
 */
function reach(search: DirectionSearch, cur: Float64Array, ranges: Ranges, cell: number, sense: 1 | -1, need: number, proof: Proof): number {
  if (need <= 0) return 0;
  const { lo, hi } = ranges;
  const roomOf = (x: number, s: number): number => (s > 0 ? hi[x]! - cur[x]! : cur[x]! - lo[x]!);
  const admit = (x: number, sign: number): boolean => roomOf(x, sign * sense) > 0;
  let moved = 0;
  for (let step = 0; step < MAX_STEPS && moved < need; step++) {
    // At its own bound (a count at 0, a published value at its interval's end) nothing moves the cell:
    // say so now rather than after scanning every direction.
    if (roomOf(cell, sense) <= 0) break;
    const found = search.best(
      cell,
      (cells, signs, n) => {
        let room = Number.POSITIVE_INFINITY;
        for (let i = 0; i < n; i++) {
          const r = roomOf(cells[i]!, signs[i]! * sense);
          if (r < room) room = r;
          if (room <= 0) return null;
        }
        return room;
      },
      (a, b) => a > b,
      // Stop at the first direction that keeps the proof on course: one that reaches the cell's own
      // bound or the need (no direction can do better), or that moves at least an even share of
      // what is left over the steps left. The best direction is only sought when none does, which
      // keeps one proof from scanning every direction at every step.
      (v) => v >= Math.min(need - moved, roomOf(cell, sense), Math.ceil((need - moved) / (MAX_STEPS - step))),
      admit,
    );
    if (!found) break;
    const amount = Math.min(found.value, need - moved);
    const { cells, signs } = found.move;
    for (let i = 0; i < cells.length; i++) cur[cells[i]!] = cur[cells[i]!]! + sense * signs[i]! * amount;
    proof.steps.push({ move: found.move, sense, amount });
    moved += amount;
  }
  return moved;
}

/** Puts the cells a proof moved back to their true values. */
function restore(fam: Family, cur: Float64Array, proof: Proof): void {
  for (const { move } of proof.steps) for (const x of move.cells) cur[x] = fam.truth[x]!;
}

/**
 * A proven lower bound on the attacker's interval width for `cell`, capped at `need`, the cells the
 * proof moved (it stays valid while none of those is published more tightly) and the proof itself,
 * which `proofHolds` can check again in time linear in its size.
 */
export function provenWidth(
  fam: Family,
  search: DirectionSearch,
  ranges: Ranges,
  cell: number,
  need: number,
): { up: number; down: number; used: Set<number>; proof: Proof } {
  const cur = search.scratch;
  const downProof: Proof = { steps: [] };
  const down = reach(search, cur, ranges, cell, -1, need, downProof);
  restore(fam, cur, downProof);
  const upProof: Proof = { steps: [] };
  const up = reach(search, cur, ranges, cell, 1, need - down, upProof);
  restore(fam, cur, upProof);
  const used = new Set<number>();
  const proof: Proof = { steps: [...downProof.steps, ...upProof.steps] };
  for (const { move } of proof.steps) for (const x of move.cells) used.add(x);
  return { up, down, used, proof };
}

/**
 * Whether a recorded proof is still a proof under (possibly tighter) `ranges`: replays its moves from
 * the true table, the down chain then the up chain (each starts again from the truth), and checks
 * every cell it moves stays within its range after every step. The ranges are boxes, so both ends of
 * a step inside means the whole step is. Exact: it accepts only what `reach` would have built.
 */
export function proofHolds(fam: Family, search: DirectionSearch, ranges: Ranges, proof: Proof): boolean {
  const cur = search.scratch;
  const { lo, hi } = ranges;
  let ok = true;
  let sense: number = 0;
  for (let k = 0; k < proof.steps.length && ok; k++) {
    const step = proof.steps[k]!;
    // A change of sense starts the other chain from the true table.
    if (step.sense !== sense) {
      restore(fam, cur, { steps: proof.steps.slice(0, k) });
      sense = step.sense;
    }
    const { cells, signs } = step.move;
    for (let i = 0; i < cells.length; i++) {
      const x = cells[i]!;
      const v = cur[x]! + step.sense * signs[i]! * step.amount;
      cur[x] = v;
      if (v < lo[x]! || v > hi[x]!) ok = false;
    }
  }
  restore(fam, cur, proof);
  return ok;
}
