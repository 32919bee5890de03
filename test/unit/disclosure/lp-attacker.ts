// The attacker, as real code: given only what was published (the protected tables and the policy,
// which a TRE publishes), compute for every suppressed cell the exact interval [min, max] it could
// take over all tables consistent with the publication, by linear programming.
//
// What the attacker uses:
//   - every published cell: exact when the policy does not round; otherwise the integers that round
//     to it AND that the policy would have published (at least the threshold, or 0 when zeros are
//     shown) — the tightest a reader who knows the policy can do;
//   - every suppressed cell: x ≥ 0;
//   - every linear relation that holds between published cells: a cell that totals over some
//     dimensions equals the sum of the interior cells of ANY published table that covers those
//     dimensions (within a table and across tables of the same population);
//   - totals made as "sum of rounded cells" carry no information (they are a function of other
//     published cells) and are only checked for consistency.
// It is written independently of shared/disclosure's protection code: it sees output, not state.

import solver from 'javascript-lp-solver';
import type { Policy } from '../../../shared/disclosure/policy';
import type { ProtectedCountTable } from '../../../shared/disclosure/evidence';

const TOTAL = '\u0000Total';

export interface AttackResult {
  tableId: string;
  coords: (string | null)[];
  min: number;
  max: number;
  width: number;
}

interface Variable {
  name: string;
  lo: number;
  hi: number;
  suppressed: boolean;
  /** Non-Total coordinates by dimension name. */
  fixed: Map<string, string>;
  origin: { tableId: string; coords: (string | null)[] };
}

/** Integers that the policy would publish as `value`, as [lo, hi] (convex hull). */
export function attackerInterval(value: number, policy: Policy): [number, number] {
  const base = policy.rounding.base;
  if (base === 1) return [value, value];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let x = Math.max(0, value - base); x <= value + base; x++) {
    const publishable = x === 0 ? !policy.zerosDisclosive : x >= policy.threshold;
    // Nearest multiple of the base, halves up (the presets use odd bases, so no halves arise).
    const rounded = Math.floor(x / base + 0.5) * base;
    if (publishable && rounded === value) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  }
  if (lo > hi) throw new Error(`published value ${value} cannot come from any publishable count`);
  return [lo, hi];
}

function keyOf(fixed: Map<string, string>, allDims: string[]): string {
  return allDims.map((d) => fixed.get(d) ?? TOTAL).join('\u0001');
}

/** Every interior combination of a table's categories, as name → label maps. */
function interiorCells(t: ProtectedCountTable): Map<string, string>[] {
  let out: Map<string, string>[] = [new Map()];
  for (const d of t.dimensions) {
    const next: Map<string, string>[] = [];
    for (const m of out)
      for (const c of d.categories) {
        const n = new Map(m);
        n.set(d.name, c);
        next.push(n);
      }
    out = next;
  }
  return out;
}

/** Attacks all suppressed cells of a set of published tables of one population. */
export function attack(published: readonly ProtectedCountTable[], policy: Policy): AttackResult[] {
  // A withheld table publishes nothing (no cell, no margin): the attacker does not see it.
  const tables = published.filter((t) => t.cells.length > 0);
  const allDims = [...new Set(tables.flatMap((t) => t.dimensions.map((d) => d.name)))].sort();
  const vars = new Map<string, Variable>();
  for (const t of tables) {
    for (const cell of t.cells) {
      const isMargin = cell.coords.some((c) => c === null);
      if (isMargin && t.totals === 'sum-of-rounded-cells') continue; // a function of other cells
      const fixed = new Map<string, string>();
      t.dimensions.forEach((d, j) => {
        const label = cell.coords[j];
        if (label !== null && label !== undefined) fixed.set(d.name, label);
      });
      const key = keyOf(fixed, allDims);
      const [lo, hi] = cell.value === null ? [0, Number.POSITIVE_INFINITY] : attackerInterval(cell.value, policy);
      const existing = vars.get(key);
      if (existing) {
        if (existing.lo !== lo || existing.hi !== hi || existing.suppressed !== (cell.value === null))
          throw new Error(`tables disagree on a shared cell (${t.id})`);
        continue;
      }
      vars.set(key, { name: `v${vars.size}`, lo, hi, suppressed: cell.value === null, fixed, origin: { tableId: t.id, coords: cell.coords } });
    }
  }

  // Relations: a published cell g equals the sum of the interior cells of every table whose
  // dimensions include g's non-Total dimensions.
  const relations: { total: string; parts: string[] }[] = [];
  for (const g of vars.values()) {
    for (const t of tables) {
      const names = new Set(t.dimensions.map((d) => d.name));
      if (![...g.fixed.keys()].every((d) => names.has(d))) continue;
      const parts: string[] = [];
      for (const inner of interiorCells(t)) {
        if (![...g.fixed].every(([d, c]) => inner.get(d) === c)) continue;
        const v = vars.get(keyOf(inner, allDims));
        if (!v) throw new Error('an interior cell is missing from the publication');
        parts.push(v.name);
      }
      if (parts.length === 1 && parts[0] === g.name) continue;
      relations.push({ total: g.name, parts });
    }
  }

  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (const v of vars.values()) {
    variables[v.name] = { [`b_${v.name}`]: 1 };
    constraints[`b_${v.name}`] = Number.isFinite(v.hi) ? { min: v.lo, max: v.hi } : { min: v.lo };
  }
  relations.forEach((r, i) => {
    const name = `r${i}`;
    constraints[name] = { equal: 0 };
    variables[r.total]![name] = (variables[r.total]![name] ?? 0) + 1;
    for (const p of r.parts) variables[p]![name] = (variables[p]![name] ?? 0) - 1;
  });

  const results: AttackResult[] = [];
  for (const v of vars.values()) {
    if (!v.suppressed) continue;
    const bound = (opType: 'min' | 'max'): number => {
      const vs: Record<string, Record<string, number>> = {};
      for (const [name, coeffs] of Object.entries(variables)) vs[name] = name === v.name ? { ...coeffs, obj: 1 } : coeffs;
      const r = solver.Solve({ optimize: 'obj', opType, constraints, variables: vs }) as { feasible: boolean; result: number; bounded?: boolean };
      if (!r.feasible) throw new Error('the publication is inconsistent: no table fits it');
      if (r.bounded === false) return opType === 'max' ? Number.POSITIVE_INFINITY : 0;
      return r.result;
    };
    const min = bound('min');
    const max = bound('max');
    results.push({ tableId: v.origin.tableId, coords: v.origin.coords, min, max, width: max - min });
  }
  return results;
}

/**
 * Checks that "sum of rounded cells" totals are what they claim: the sum of the published cells
 * they cover, or a marker when nothing they cover is published.
 */
export function checkSumOfRoundedTotals(t: ProtectedCountTable): void {
  if (t.totals !== 'sum-of-rounded-cells') return;
  const interior = t.cells.filter((c) => c.coords.every((x) => x !== null));
  for (const cell of t.cells) {
    if (cell.coords.every((x) => x !== null)) continue;
    const covered = interior.filter((c) => c.coords.every((x, j) => cell.coords[j] === null || cell.coords[j] === x));
    const shown = covered.filter((c) => c.value !== null);
    const sum = shown.reduce((a, c) => a + c.value!, 0);
    if (cell.value === null) {
      if (shown.length > 0 && sum > 0) throw new Error('a sum-of-rounded total is hidden although it has published parts');
    } else if (cell.value !== sum) throw new Error('a sum-of-rounded total is not the sum of its published parts');
  }
}
