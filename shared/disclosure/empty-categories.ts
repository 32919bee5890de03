// Categories with no one in the whole population, left out of a report's tables before protection.
//
// Why: under a policy where zeros are disclosive (acro-default, uk-llc), a canonical category that
// nobody in the dataset has (a region no one is from) puts a zero in the 1-way table and a whole
// row of zeros in every crosstab with that attribute. Each zero is a primary suppression, and hiding
// a row whose total is itself zero needs partners in every table, so secondary suppression withheld
// every crosstab containing the attribute. But such a category is about no one: its cells in finer
// tables are zero because its overall count is, so they add nothing to what its absence from the
// tables already says, and no person's attribute can be read from them. Class disclosure (R2) is
// learning that everyone in a group shares a value; a group with no members has no one to learn
// it about. So the category is left out of every table of its population, which publishes no zero
// cell (the policy's zero rule holds: a zero is never shown as a count), the way ACRO 0.4's
// crosstabs leave out categories no row has (pandas drops wholly empty rows and columns; see
// shared/reference/disclosure-control.md, b1, the "threshold" check's edge cases).
//
// Limits, said plainly in the report's methods: the absence of a category is still visible to a
// reader who knows the category list, and where membership of the dataset is itself sensitive (a
// disease register) "no one from region X is on it" is a statement about region X; an output checker
// should weigh that, as they would for ACRO's own tables. Under a policy that shows zeros nothing is
// left out: the zeros are published as counts ("no one in the dataset").
//
// Emptiness is read from count tables only (they count the population's people; every count table
// of one population is a slice of the same joint table). A group statistic (rates, means,
// quantiles) loses the same categories only when its groups there are empty too, so it stays
// linkable to the count tables (same categories per dimension name); otherwise it is left whole.

import type { Policy } from './policy';
import { DEFAULT_POPULATION, type CountTable, type Dimension, type MeanTable, type QuantileTable, type RateTable, type StatisticInput } from './table';

export interface EmptyCategoriesLeftOut {
  /** The statistics, with the empty categories left out where they apply (the others as given). */
  inputs: StatisticInput[];
  /** Per input index: the dimensions that lost categories (names only; which categories is not said). */
  leftOut: Map<number, string[]>;
}

/** Leaves out, per population, the categories no one has, when the policy treats zeros as disclosive. */
export function leaveOutEmptyCategories(inputs: readonly StatisticInput[], policy: Policy): EmptyCategoriesLeftOut {
  const out: EmptyCategoriesLeftOut = { inputs: [...inputs], leftOut: new Map() };
  if (!policy.zerosDisclosive) return out;
  const populations = new Map<string, number[]>();
  inputs.forEach((s, i) => {
    const p = s.population ?? DEFAULT_POPULATION;
    populations.set(p, [...(populations.get(p) ?? []), i]);
  });
  for (const indices of populations.values()) {
    const empty = emptyCategoriesOf(indices.map((i) => inputs[i]!).filter((s): s is CountTable => s.kind === 'count-table'));
    if (empty.size === 0) continue;
    for (const i of indices) {
      const s = inputs[i]!;
      if (s.kind !== 'count-table' && s.kind !== 'rates' && s.kind !== 'means' && s.kind !== 'quantiles') continue;
      const keep = s.dimensions.map((d) => {
        const gone = empty.get(d.name);
        return d.categories.flatMap((c, k) => (gone?.has(c) ? [] : [k]));
      });
      const names = s.dimensions.filter((d, j) => keep[j]!.length < d.categories.length).map((d) => d.name);
      if (names.length === 0) continue;
      const reduced = withCategories(s, keep);
      if (!reduced) continue;
      out.inputs[i] = reduced;
      out.leftOut.set(i, names);
    }
  }
  return out;
}

/**
 * Per dimension name, the categories whose total is zero in every count table that has the
 * dimension (they agree when the tables are consistent; protection checks that later). A dimension
 * whose every category is empty keeps them all: the table is then all zeros, and is protected as such.
 */
function emptyCategoriesOf(tables: readonly CountTable[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const t of tables) {
    const sizes = t.dimensions.map((d) => d.categories.length);
    t.dimensions.forEach((d, j) => {
      const margin = new Float64Array(sizes[j]!);
      forEachCell(sizes, (pos, idx) => {
        margin[idx[j]!] = margin[idx[j]!]! + t.counts[pos]!;
      });
      const here = new Set(d.categories.filter((_, k) => margin[k] === 0));
      if (here.size === d.categories.length) here.clear();
      const before = found.get(d.name);
      found.set(d.name, before ? new Set([...before].filter((c) => here.has(c))) : here);
    });
  }
  for (const [name, set] of found) if (set.size === 0) found.delete(name);
  return found;
}

/** Calls fn for each row-major position with its per-dimension indices (reused array). */
function forEachCell(sizes: readonly number[], fn: (pos: number, idx: readonly number[]) => void): void {
  const k = sizes.length;
  const idx = new Array<number>(k).fill(0);
  const total = sizes.reduce((a, b) => a * b, 1);
  for (let pos = 0; pos < total; pos++) {
    fn(pos, idx);
    for (let j = k - 1; j >= 0; j--) {
      idx[j]!++;
      if (idx[j]! < sizes[j]!) break;
      idx[j] = 0;
    }
  }
}

/** The values at the kept categories (keep[j] = kept category indices of dimension j), row-major. */
function select<T>(values: readonly T[], sizes: readonly number[], keep: readonly (readonly number[])[]): T[] {
  const kept = keep.map((ks) => new Set(ks));
  const result: T[] = [];
  forEachCell(sizes, (pos, idx) => {
    if (idx.every((v, j) => kept[j]!.has(v))) result.push(values[pos]!);
  });
  return result;
}

function isEmptyGroup(values: readonly number[], sizes: readonly number[], keep: readonly (readonly number[])[]): boolean {
  const kept = keep.map((ks) => new Set(ks));
  let empty = true;
  forEachCell(sizes, (pos, idx) => {
    if (!idx.every((v, j) => kept[j]!.has(v)) && values[pos] !== 0) empty = false;
  });
  return empty;
}

function withCategories(s: CountTable | RateTable | MeanTable | QuantileTable, keep: readonly (readonly number[])[]): StatisticInput | null {
  const sizes = s.dimensions.map((d) => d.categories.length);
  const dimensions: Dimension[] = s.dimensions.map((d, j) => ({ name: d.name, categories: keep[j]!.map((k) => d.categories[k]!) }));
  switch (s.kind) {
    case 'count-table':
      return { ...s, dimensions, counts: select(s.counts, sizes, keep) };
    case 'rates':
      if (!isEmptyGroup(s.denominators, sizes, keep) || !isEmptyGroup(s.numerators, sizes, keep)) return null;
      return { ...s, dimensions, numerators: select(s.numerators, sizes, keep), denominators: select(s.denominators, sizes, keep) };
    case 'means':
      if (!isEmptyGroup(s.groups.map((g) => g.n), sizes, keep)) return null;
      return { ...s, dimensions, groups: select(s.groups, sizes, keep) };
    case 'quantiles':
      if (!isEmptyGroup(s.groups.map((g) => g.n), sizes, keep)) return null;
      return { ...s, dimensions, groups: select(s.groups, sizes, keep) };
  }
}

/** The evidence note for a table that lost categories (names the dimensions, never the categories). */
export function emptyCategoriesNote(dimensions: readonly string[]): string {
  return `Categories of ${dimensions.map((d) => `"${d}"`).join(' and ')} that no one in the whole dataset has are left out of this table: such a category describes no one, and its cells here would all be zero by construction.`;
}
