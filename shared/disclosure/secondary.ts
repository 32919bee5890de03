// Primary and secondary suppression over a family of linked tables (R1, R2, R11, R12).
//
// Primary: a cell the policy may not publish (below the threshold, or a disclosive zero) is
// suppressed; every other cell is published, rounded to the policy's base.
//
// Stages (coarse before fine): cells are decided in order of how many attributes they cross (the
// grand total and 1-way counts first, then 2-way cells, then 3-way cells). While stage s is decided,
// every finer cell is treated as not published yet (anything from 0 up), and every coarser cell is a
// fixed published fact: secondary suppression for stage s suppresses stage-s cells only, and its
// witnesses may move a coarser published cell only within what its published value allows. So a
// sparse 3-way table pays for its own small cells inside itself instead of hiding the 1-way counts
// it shares totals with, and a coarse table's protection never depends on how fine tables turn out.
// Soundness does not rest on the order: when stage s publishes cells, every earlier proof is replayed
// against the new ranges and any that fails is proven again (suppressing more stage-s cells), and at
// the end every suppressed cell holds a witness against everything published in every stage.
// Two fall-backs, both only ever hiding more: a stage-s cell that no set of stage-s cells can protect
// may also suppress coarser cells (the unstaged method, rarely needed); and a stage that runs out of
// its work budget is withheld whole (`withheldFrom`): its tables are not published at all, which
// leaves exactly the coarser stages, already proven with those cells unpublished.
//
// Secondary (per stage): while some suppressed cell cannot be shown (./witness.ts) to keep an
// attacker's interval at least the protection width wide, pick the hypercube direction through it
// whose published cells are cheapest to suppress (fewest cells, margins counting more, then the
// smallest counts) among those that would give it the width, and suppress them. Suppressing only
// ever widens what an attacker must allow, so a cell once proven stays proven; each round suppresses
// at least one more cell, so the loop ends.
// Release: the greedy choice can suppress more than needed (a whole hypercube where rounding slack
// would have done), so afterwards each secondary cell of the stage, margins and large counts first,
// is published again if every suppressed cell whose proof moved it can still be proven. Proofs are
// rechecked, never assumed, so the release pass cannot weaken protection.

import { RepresentError } from '../errors';
import { buildFamily, type CellState, type Family, type FamilyMemberInput } from './family';
import { isPublishable, publishCount, publishedInterval } from './rounding';
import { protectionWidthOf, type Policy } from './policy';
import { DirectionSearch, proofHolds, provenWidth, type Proof, type Ranges } from './witness';

export interface FamilyProtection {
  fam: Family;
  state: CellState[];
  /** Published value per family cell (null when suppressed). */
  published: (number | null)[];
  /** Protection width every suppressed cell was proven to have. */
  width: number;
  /** Directions the witness search evaluated: the work done, independent of the machine. */
  work: number;
  /**
   * Set when the proof search ran out of its work budget on the coarsest stage: every cell of the
   * family was then suppressed (nothing published can narrow anything), and the tables need an
   * output checker's look.
   */
  exhausted: boolean;
  /**
   * Members (by index) that must be withheld, not published at all: a table whose own cells could not
   * be protected without hiding coarser tables' cells, every finer table that contains it, and every
   * table of a stage that ran out of its proof budget. The other tables were proven without them.
   */
  withheld: Map<number, WithheldReason>;
  /** Set when a release pass ran out of its budget: some secondary cells stay suppressed that might have been published. */
  releaseCut: boolean;
}

/**
 * Work budgets, in evaluated directions (./witness.ts). The proof budget covers the whole family;
 * the release budget each stage. Running out is never unsafe: the proof search withholds the stage
 * it ran out in (or, on the coarsest stage, suppresses the whole family); the release pass keeps the
 * rest of its stage's cells suppressed.
 */
export const PROOF_BUDGET = 20_000_000;
export const RELEASE_BUDGET = 3_000_000;
/** Directions one secondary-suppression choice looks at (./witness.ts searches up to 60,000 for proofs). */
const CHOICE_EVALUATIONS = 1_000;

interface Candidate {
  score: number;
  cost: number;
  sum: number;
}

/** Why a table is withheld: its own cells could not protect it, or its stage ran out of work budget. */
export type WithheldReason = 'unprotectable' | 'budget';

/** Everything the stages change, so a stage that is withheld can be undone. */
interface Snapshot {
  state: CellState[];
  published: (number | null)[];
  lo: Float64Array;
  hi: Float64Array;
  proven: Uint8Array;
  proofUses: (Set<number> | undefined)[];
  proofs: (Proof | undefined)[];
  gone: Uint8Array;
}

export function protectFamily(
  inputs: readonly FamilyMemberInput[],
  policy: Policy,
  budgets: { proof: number; release: number } = { proof: PROOF_BUDGET, release: RELEASE_BUDGET },
): FamilyProtection {
  const fam = buildFamily(inputs);
  const n = fam.size;
  let state: CellState[] = new Array<CellState>(n);
  let published: (number | null)[] = new Array<number | null>(n).fill(null);
  // Ranges are opened stage by stage: a cell of a later stage is "anything from 0 up" until then.
  const ranges: Ranges = { lo: new Float64Array(n), hi: new Float64Array(n).fill(Number.POSITIVE_INFINITY) };
  const width = protectionWidthOf(policy);

  // Stage of a table: how many attributes it crosses. Stage of a cell: that of the coarsest table
  // showing it (a 2-way cell that is also a margin of a 3-way table is decided with the 2-way table).
  const memberStage = fam.members.map((m) => m.dims.length);
  const stage = new Uint8Array(n).fill(255);
  let maxStage = 1;
  fam.members.forEach((m, mi) => {
    maxStage = Math.max(maxStage, memberStage[mi]!);
    for (const cell of m.cells) stage[cell] = Math.min(stage[cell]!, memberStage[mi]!);
  });
  let current = 1;
  const open = (cell: number): boolean => stage[cell]! <= current;
  const withheld = new Map<number, WithheldReason>();
  // Cells shown only by withheld tables: never published, so they need no proof.
  const gone = new Uint8Array(n);
  const withhold = (members: Iterable<number>, why: WithheldReason): void => {
    for (const mi of members) {
      withheld.set(mi, why);
      search.active[mi] = 0;
      // Every finer table showing all of its attributes shows its cells as margins: withheld too.
      const dims = fam.members[mi]!.dims;
      fam.members.forEach((o, oi) => {
        if (oi !== mi && o.dims.length > dims.length && dims.every((d) => o.dims.includes(d))) {
          if (!withheld.has(oi)) withheld.set(oi, why);
          search.active[oi] = 0;
        }
      });
    }
    const shown = new Uint8Array(n);
    fam.members.forEach((m, mi) => {
      if (!withheld.has(mi)) for (const cell of m.cells) shown[cell] = 1;
    });
    for (let cell = 0; cell < n; cell++)
      if (!shown[cell] && !gone[cell]) {
        gone[cell] = 1;
        suppress(cell, 'suppressed-secondary');
      }
  };

  const suppress = (cell: number, how: CellState): void => {
    state[cell] = how;
    published[cell] = null;
    ranges.lo[cell] = 0;
    ranges.hi[cell] = Number.POSITIVE_INFINITY;
  };
  const publishRange = (cell: number): void => {
    const interval = publishedInterval(published[cell]!, policy)!;
    ranges.lo[cell] = interval.lo;
    ranges.hi[cell] = interval.hi;
  };

  // Primary decisions for every cell up front; a cell's range opens when its stage does.
  for (let cell = 0; cell < n; cell++) {
    const truth = fam.truth[cell]!;
    const value = isPublishable(truth, policy) ? publishCount(truth, policy) : null;
    const interval = value === null ? null : publishedInterval(value, policy);
    // A publishable count always lies in its own published interval; guard the invariant anyway.
    if (value === null || !interval || truth < interval.lo || truth > interval.hi) {
      state[cell] = 'suppressed-primary';
      continue;
    }
    state[cell] = 'published';
    published[cell] = value;
  }

  let maxSupport = 0;
  for (let cell = 0; cell < n; cell++) maxSupport = Math.max(maxSupport, fam.support(cell));
  // Suppressing a margin hides more from readers than an interior cell, the grand total most of all.
  const weights = new Float64Array(n);
  for (let cell = 0; cell < n; cell++) weights[cell] = 1 + 2 * (maxSupport - fam.support(cell));
  const weight = (cell: number): number => weights[cell]!;

  const search = new DirectionSearch(fam);
  let proven: Uint8Array = new Uint8Array(n);
  // Cells each proof moved: publishing one of them again may break that proof.
  let proofUses: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(n);
  // The witness itself, so later stages and the release pass can recheck it by replay.
  let proofs: (Proof | undefined)[] = new Array<Proof | undefined>(n);
  let exhausted = false;
  let releaseCut = false;

  for (let s = 1; s <= maxStage; s++) {
    current = s;
    // Tables of this stage join the search; finer ones stay out until theirs.
    fam.members.forEach((_, mi) => (search.active[mi] = memberStage[mi]! <= s && !withheld.has(mi) ? 1 : 0));
    const snapshot: Snapshot = {
      state: state.slice(),
      published: published.slice(),
      lo: ranges.lo.slice(),
      hi: ranges.hi.slice(),
      proven: proven.slice(),
      proofUses: proofUses.slice(),
      proofs: proofs.slice(),
      gone: gone.slice(),
    };
    const queue: number[] = [];
    for (let cell = 0; cell < n; cell++) {
      if (stage[cell] !== s) continue;
      if (state[cell] === 'published') publishRange(cell);
      else queue.push(cell);
    }
    // This stage's tables add cells, and relations between cells, that earlier witnesses did not
    // move: every earlier proof is found again in the larger family (suppressing this stage's cells
    // where needed).
    for (let cell = 0; cell < n; cell++) {
      if (stage[cell]! >= s || state[cell] === 'published' || gone[cell] || !proven[cell]) continue;
      proven[cell] = 0;
      queue.push(cell);
    }
    const ok = secondaryPass(s, queue);
    if (!ok) {
      if (s === 1) {
        // Fail closed: with nothing of the family published, an attacker has only non-negativity
        // and the additivity of the hidden cells, which bounds no cell from above.
        exhausted = true;
        for (let cell = 0; cell < n; cell++) if (state[cell] === 'published') suppress(cell, 'suppressed-secondary');
        return { fam, state, published, width, work: search.evaluations, exhausted, withheld, releaseCut: false };
      }
      // Withhold this stage and every finer one: back to the proven state before it, with their
      // cells never published.
      state = snapshot.state;
      published = snapshot.published;
      ranges.lo.set(snapshot.lo);
      ranges.hi.set(snapshot.hi);
      proven = snapshot.proven;
      proofUses = snapshot.proofUses;
      proofs = snapshot.proofs;
      gone.set(snapshot.gone);
      withhold(fam.members.flatMap((_, mi) => (memberStage[mi]! >= s ? [mi] : [])), 'budget');
      break;
    }
    releasePass(snapshot.state);
  }
  return { fam, state, published, width, work: search.evaluations, exhausted, withheld, releaseCut };

  /** Proves (suppressing more where needed) every queued cell; false when the proof budget ran out. */
  function secondaryPass(s: number, queue: number[]): boolean {
    // Smallest cells first: they are the ones that need partners.
    queue.sort((a, b) => fam.truth[a]! - fam.truth[b]! || a - b);
    // Coarser cells are fixed facts unless no set of this stage's cells can protect a cell (then for that one choice).
    let unlocked = false;
    const free = (x: number): boolean => state[x] === 'published' && open(x) && (unlocked || stage[x] === s);
    let guard = 0;
    for (let head = 0; head < queue.length; head++) {
      const cell = queue[head]!;
      if (proven[cell] || gone[cell]) continue;
      if (search.evaluations >= budgets.proof) return false;
      const { up, down, used, proof } = provenWidth(fam, search, ranges, cell, width);
      if (up + down >= width) {
        proven[cell] = 1;
        proofUses[cell] = used;
        proofs[cell] = proof;
        continue;
      }
      const evaluate = (cells: number[], signs: number[], count: number): Candidate | null => {
        let upH = Number.POSITIVE_INFINITY;
        let downH = Number.POSITIVE_INFINITY;
        let cost = 0;
        let sum = 0;
        for (let i = 0; i < count; i++) {
          const x = cells[i]!;
          const t = fam.truth[x]!;
          if (state[x] === 'published' && open(x) && !free(x)) {
            // A fixed published cell stays: it moves only within its published interval.
            const room = signs[i]! > 0 ? ranges.hi[x]! - t : t - ranges.lo[x]!;
            const back = signs[i]! > 0 ? t - ranges.lo[x]! : ranges.hi[x]! - t;
            upH = Math.min(upH, room);
            downH = Math.min(downH, back);
            continue;
          }
          if (free(x)) {
            cost += weight(x);
            sum += t;
          }
          if (signs[i]! > 0) downH = Math.min(downH, t);
          else upH = Math.min(upH, t);
        }
        if (cost === 0) return null;
        const score = Math.max(upH, up) + Math.max(downH, down);
        // A direction that would not move the cell further than it already goes (a fixed cell with no
        // room in it) is no reason to suppress anything.
        if (score <= up + down) return null;
        return { score, cost, sum };
      };
      const better = (a: Candidate, b: Candidate): boolean => {
        const aOk = a.score >= width;
        const bOk = b.score >= width;
        if (aOk !== bOk) return aOk;
        if (!aOk && a.score !== b.score) return a.score > b.score;
        if (a.cost !== b.cost) return a.cost < b.cost;
        return a.sum < b.sum;
      };
      // The cheapest direction is a nicety: look a little way (stopping at a single published interior
      // cell, the least any direction can cost), and through every direction only when that finds none
      // at all. A choice short of the width still suppresses at least one more cell, and the cell comes
      // round again.
      const cheapest = (v: Candidate): boolean => v.score >= width && v.cost <= 1;
      let choice = search.best<Candidate>(cell, evaluate, better, cheapest, undefined, CHOICE_EVALUATIONS);
      if (!choice) choice = search.best<Candidate>(cell, evaluate, better) ?? choice;
      if (!choice && s > 1) {
        // No cell of this stage is left to suppress around it. Rather than hide coarser tables'
        // cells, withhold the tables of this stage that show it (or, for a coarser cell whose proof
        // this stage broke, those that show it as a margin); it is then proven again without them.
        const showing = fam.members.flatMap((m, mi) => (memberStage[mi] === s && !withheld.has(mi) && m.cells.includes(cell) ? [mi] : []));
        if (showing.length > 0) {
          withhold(showing, 'unprotectable');
          queue.push(cell);
          if (++guard > 4 * n + 16) throw new RepresentError('internal', 'Secondary suppression did not settle.', {});
          continue;
        }
      }
      if (!choice && !unlocked) {
        // Last resort (a stage-1 cell, or no table of this stage shows the cell): let coarser cells
        // go too, for this one choice. The coarsest stage has none, so there this never applies.
        unlocked = true;
        choice = search.best<Candidate>(cell, evaluate, better);
      }
      if (!choice) {
        // Cannot happen: the direction through the cell and all its margins always has a cost or is
        // already unbounded. Fail closed rather than loop.
        throw new RepresentError('internal', 'Secondary suppression found no way to protect a cell.', {});
      }
      for (const x of choice.move.cells) {
        if (free(x)) {
          suppress(x, 'suppressed-secondary');
          queue.push(x);
        }
      }
      unlocked = false;
      queue.push(cell);
      if (++guard > 4 * n + 16) throw new RepresentError('internal', 'Secondary suppression did not settle.', {});
    }
    return true;
  }

  /** Publishes again each cell this stage suppressed as secondary, where every proof still holds. */
  function releasePass(before: readonly CellState[]): void {
    const releaseStart = search.evaluations;
    const secondary: number[] = [];
    const hidden: number[] = [];
    for (let cell = 0; cell < n; cell++) {
      if (!open(cell) || gone[cell]) continue;
      if (state[cell] === 'suppressed-secondary' && before[cell] !== 'suppressed-secondary') secondary.push(cell);
      if (state[cell] !== 'published') hidden.push(cell);
    }
    secondary.sort((a, b) => weight(b) - weight(a) || fam.truth[b]! - fam.truth[a]! || a - b);
    for (const cell of secondary) {
      if (search.evaluations - releaseStart >= budgets.release) {
        releaseCut = true;
        break;
      }
      state[cell] = 'published';
      published[cell] = publishCount(fam.truth[cell]!, policy);
      publishRange(cell);
      const affected: number[] = [];
      for (const other of hidden) if (state[other] !== 'published' && proofUses[other]!.has(cell)) affected.push(other);
      const renewed = new Map<number, { used: Set<number>; proof: Proof }>();
      let holds = true;
      for (const other of affected) {
        // The old witness may not need the room it loses (net zero, or within rounding): replay it first.
        if (proofHolds(fam, search, ranges, proofs[other]!)) continue;
        const again = provenWidth(fam, search, ranges, other, width);
        if (again.up + again.down < width) {
          holds = false;
          break;
        }
        renewed.set(other, { used: again.used, proof: again.proof });
      }
      if (holds)
        for (const [other, { used, proof }] of renewed) {
          proofUses[other] = used;
          proofs[other] = proof;
        }
      else suppress(cell, 'suppressed-secondary');
    }
  }
}
