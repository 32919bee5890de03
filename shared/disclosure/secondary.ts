// Primary and secondary suppression over a family of linked tables (R1, R2, R11, R12).
//
// Primary: a cell the policy may not publish (below the threshold, or a disclosive zero) is
// suppressed; every other cell is published, rounded to the policy's base.
// Secondary: while some suppressed cell cannot be shown (./witness.ts) to keep an attacker's
// interval at least the protection width wide, pick the hypercube direction through it whose
// published cells are cheapest to suppress (fewest cells, margins counting more, then the smallest
// counts) among those that would give it the width, and suppress them. Suppressing only ever widens
// what an attacker must allow, so a cell once proven stays proven; each round suppresses at least
// one more cell, so the loop ends (at worst with the cell's margins suppressed).
// Release: the greedy choice can suppress more than needed (a whole hypercube where rounding slack
// would have done), so afterwards each secondary cell, margins and large counts first, is published
// again if every suppressed cell whose proof moved it can still be proven. Proofs are rechecked, never
// assumed, so the release pass cannot weaken protection.
// Work: both passes run on a budget of evaluated directions (see PROOF_BUDGET). Running out only ever
// suppresses more: the whole family if proofs run out, the cells not yet released if the release does.

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
   * Set when the proof search ran out of its work budget: every cell of the family was then
   * suppressed (nothing published can narrow anything), and the tables need an output checker's look.
   */
  exhausted: boolean;
  /** Set when the release pass ran out of its budget: some secondary cells stay suppressed that might have been published. */
  releaseCut: boolean;
}

/**
 * Work budgets, in evaluated directions (./witness.ts). The 45-table report of a 2,000-row extract
 * takes about 10 million under acro-default (7 million of them proofs; test/unit/disclosure/report-scale.test.ts);
 * the budgets leave room above that and bound the work on a pathological family.
 * Running out is never unsafe: the proof search falls back to suppressing the whole family, the
 * release pass to keeping the rest of its cells suppressed.
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

export function protectFamily(
  inputs: readonly FamilyMemberInput[],
  policy: Policy,
  budgets: { proof: number; release: number } = { proof: PROOF_BUDGET, release: RELEASE_BUDGET },
): FamilyProtection {
  const fam = buildFamily(inputs);
  const n = fam.size;
  const state: CellState[] = new Array<CellState>(n);
  const published: (number | null)[] = new Array<number | null>(n).fill(null);
  const ranges: Ranges = { lo: new Float64Array(n), hi: new Float64Array(n) };
  const width = protectionWidthOf(policy);

  const suppress = (cell: number, how: CellState): void => {
    state[cell] = how;
    published[cell] = null;
    ranges.lo[cell] = 0;
    ranges.hi[cell] = Number.POSITIVE_INFINITY;
  };

  const queue: number[] = [];
  for (let cell = 0; cell < n; cell++) {
    const truth = fam.truth[cell]!;
    if (!isPublishable(truth, policy)) {
      suppress(cell, 'suppressed-primary');
      queue.push(cell);
      continue;
    }
    const value = publishCount(truth, policy);
    const interval = publishedInterval(value, policy);
    // A publishable count always lies in its own published interval; guard the invariant anyway.
    if (!interval || truth < interval.lo || truth > interval.hi) {
      suppress(cell, 'suppressed-primary');
      queue.push(cell);
      continue;
    }
    state[cell] = 'published';
    published[cell] = value;
    ranges.lo[cell] = interval.lo;
    ranges.hi[cell] = interval.hi;
  }

  let maxSupport = 0;
  for (let cell = 0; cell < n; cell++) maxSupport = Math.max(maxSupport, fam.support(cell));
  // Suppressing a margin hides more from readers than an interior cell, the grand total most of all.
  const weights = new Float64Array(n);
  for (let cell = 0; cell < n; cell++) weights[cell] = 1 + 2 * (maxSupport - fam.support(cell));
  const weight = (cell: number): number => weights[cell]!;

  const search = new DirectionSearch(fam);
  // Smallest cells first: they are the ones that need partners.
  queue.sort((a, b) => fam.truth[a]! - fam.truth[b]! || a - b);
  const proven = new Uint8Array(n);
  // Cells each proof moved: publishing one of them again may break that proof.
  const proofUses: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(n);
  // The witness itself, so the release pass can recheck it by replay before searching anew.
  const proofs: (Proof | undefined)[] = new Array<Proof | undefined>(n);
  let guard = 0;
  let exhausted = false;
  for (let head = 0; head < queue.length; head++) {
    const cell = queue[head]!;
    if (proven[cell]) continue;
    if (search.evaluations >= budgets.proof) {
      exhausted = true;
      break;
    }
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
        if (state[x] === 'published') {
          cost += weight(x);
          sum += t;
        }
        if (signs[i]! > 0) downH = Math.min(downH, t);
        else upH = Math.min(upH, t);
      }
      if (cost === 0) return null;
      return { score: Math.max(upH, up) + Math.max(downH, down), cost, sum };
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
    if (!choice) {
      // Cannot happen: the direction through the cell and all its margins always has a cost or is
      // already unbounded. Fail closed rather than loop.
      throw new RepresentError('internal', 'Secondary suppression found no way to protect a cell.', {});
    }
    for (const x of choice.move.cells) {
      if (state[x] === 'published') {
        suppress(x, 'suppressed-secondary');
        queue.push(x);
      }
    }
    queue.push(cell);
    if (++guard > 4 * n + 16) throw new RepresentError('internal', 'Secondary suppression did not settle.', {});
  }

  if (exhausted) {
    // Fail closed: with nothing of the family published, an attacker has only non-negativity and
    // the additivity of the hidden cells, which bounds no cell from above.
    for (let cell = 0; cell < n; cell++) if (state[cell] === 'published') suppress(cell, 'suppressed-secondary');
    return { fam, state, published, width, work: search.evaluations, exhausted, releaseCut: false };
  }

  const releaseStart = search.evaluations;
  let releaseCut = false;
  const secondary: number[] = [];
  const hidden: number[] = [];
  for (let cell = 0; cell < n; cell++) {
    if (state[cell] === 'suppressed-secondary') secondary.push(cell);
    if (state[cell] !== 'published') hidden.push(cell);
  }
  secondary.sort((a, b) => weight(b) - weight(a) || fam.truth[b]! - fam.truth[a]! || a - b);
  for (const cell of secondary) {
    if (search.evaluations - releaseStart >= budgets.release) {
      releaseCut = true;
      break;
    }
    const value = publishCount(fam.truth[cell]!, policy);
    const interval = publishedInterval(value, policy)!;
    state[cell] = 'published';
    published[cell] = value;
    ranges.lo[cell] = interval.lo;
    ranges.hi[cell] = interval.hi;
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
  return { fam, state, published, width, work: search.evaluations, exhausted, releaseCut };
}
