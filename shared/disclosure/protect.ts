// Entry points: protect one statistic, or a whole report so that its tables agree and cannot be
// subtracted from one another (R13).

import { RepresentError } from '../errors';
import { buildFamily, type FamilyMemberInput } from './family';
import { protectFamily, type FamilyProtection } from './secondary';
import { publishCountTable, withheldCountTable } from './counts';
import {
  protectDateRange,
  protectDistinctCount,
  protectExtremes,
  protectHistogram,
  protectMeans,
  protectQuantiles,
  protectRates,
  type GroupCount,
} from './statistics';
import type { Policy } from './policy';
import { DEFAULT_POPULATION, cellCount, validateCountTable, validateCounts, validateDimensions, type CountTable, type Dimension, type MeanTable, type QuantileTable, type RateTable, type StatisticInput } from './table';
import { worst, type Outcome, type ProtectedResult } from './evidence';

export interface ProtectContext {
  /** Overrides the statistic's own population. */
  population?: string;
}

export interface LinkEvidence {
  population: string;
  /** Tables protected together because they share a dimension or a grand total. */
  tables: string[];
  sharedDimensions: string[];
  method: 'joint-suppression';
  notes: string[];
}

export interface ReportProtection {
  /** One per input, in input order. */
  results: ProtectedResult[];
  links: LinkEvidence[];
  outcome: Outcome;
  /** Witness directions evaluated over all families: the work the protection took (for budgets and tests). */
  work: number;
}

/** Protects one statistic on its own. A count table gets secondary suppression against its own margins. */
export function protectTable(input: StatisticInput, policy: Policy, context: ProtectContext = {}): ProtectedResult {
  const withPopulation = context.population === undefined ? input : { ...input, population: context.population };
  return protectReport([withPopulation], policy).results[0]!;
}

type GroupStatistic = MeanTable | QuantileTable | RateTable;

function groupCounts(s: GroupStatistic): readonly number[] {
  if (s.kind === 'rates') return s.denominators;
  return s.groups.map((g) => g.n);
}

function isLinkable(s: StatisticInput, policy: Policy): s is GroupStatistic {
  if (s.kind === 'means' || s.kind === 'quantiles') return true;
  return s.kind === 'rates' && policy.rates.method === 'suppress-and-round';
}

interface Candidate {
  index: number;
  input: FamilyMemberInput;
  table: CountTable | GroupStatistic;
  dims: readonly Dimension[];
  hasMargins: boolean;
  /** Group statistics: the position in the family member of each group (see projectRepeats). */
  groupCell?: Int32Array;
}

/**
 * Protects every statistic of a report. Count tables of one population (and the group counts behind
 * means, quantiles and rates, where they are the same counts) are protected as one family: a total
 * they share is one cell with one published value and status, and secondary suppression runs over
 * all of them at once, so no suppressed cell can be recovered from a published marginal table minus
 * the published cells of a crosstab, nor narrowed below the protection width.
 */
export function protectReport(inputs: readonly StatisticInput[], policy: Policy): ReportProtection {
  const ids = new Set<string>();
  for (const s of inputs) {
    if (ids.has(s.id))
      throw new RepresentError('bad-argument', `Two statistics in the report share the id "${s.id}".`, { expected: 'a unique id per statistic', found: 'a repeated id' });
    ids.add(s.id);
  }
  const results = new Array<ProtectedResult | undefined>(inputs.length);
  const links: LinkEvidence[] = [];
  let work = 0;
  const byPopulation = new Map<string, number[]>();
  inputs.forEach((s, i) => {
    const p = s.population ?? DEFAULT_POPULATION;
    const list = byPopulation.get(p) ?? [];
    list.push(i);
    byPopulation.set(p, list);
  });

  for (const [population, indices] of byPopulation) {
    const members: Candidate[] = [];
    for (const i of indices) {
      const s = inputs[i]!;
      if (s.kind !== 'count-table') continue;
      validateCountTable(s);
      if (tooSparse(s, policy)) {
        results[i] = withheldCountTable(s, policy, population, sparseReason(s, policy));
        continue;
      }
      members.push({
        index: i,
        table: s,
        dims: s.dimensions,
        hasMargins: s.margins === 'all',
        input: { ref: i, tableId: s.id, dimensions: s.dimensions, counts: s.counts, margins: s.margins === 'all' },
      });
    }
    // Errors between count tables are the caller's to fix: let them surface.
    const countFamilySize = buildFamily(members.map((m) => m.input)).size;
    const unlinked = new Set<number>();
    // Midpoint-6 rates are not suppressed, so their denominators must not be groups that a count
    // table of the report suppresses: the two roundings together would narrow those cells.
    const overlapsMidpoint = new Set<number>();
    for (const i of indices) {
      const s = inputs[i]!;
      if (s.kind !== 'rates' || policy.rates.method !== 'midpoint6' || members.length === 0) continue;
      try {
        const size = buildFamily([...members.map((m) => m.input), { ref: i, tableId: s.id, dimensions: s.dimensions, counts: s.denominators, margins: false }]).size;
        if (size < countFamilySize + s.denominators.length) overlapsMidpoint.add(i);
      } catch (e) {
        if (!(e instanceof RepresentError)) throw e;
      }
    }
    for (const i of indices) {
      const s = inputs[i]!;
      if (!isLinkable(s, policy)) continue;
      validateDimensions(s, s.dimensions);
      validateCounts(s, groupCounts(s), cellCount(s.dimensions), 'group sizes');
      const countDims = new Set(members.flatMap((m) => (m.table.kind === 'count-table' ? m.dims.map((d) => d.name) : [])));
      const projected = projectRepeats(s.dimensions, groupCounts(s), countDims);
      const candidate: Candidate = {
        index: i,
        table: s,
        dims: projected.dimensions,
        hasMargins: false,
        input: { ref: i, tableId: s.id, dimensions: projected.dimensions, counts: projected.counts, margins: false },
        groupCell: projected.groupCell,
      };
      try {
        buildFamily([...members.map((m) => m.input), candidate.input]);
        members.push(candidate);
      } catch (e) {
        // Its group counts are not the population's counts (say, values present rather than people):
        // protect them on their own and ask for a check.
        if (!(e instanceof RepresentError)) throw e;
        unlinked.add(i);
      }
    }

    // A table is linked when it shares a dimension, or a grand total, with another member.
    const linkedTo = members.map((m, a) =>
      members
        .filter((o, b) => b !== a && (o.dims.some((d) => m.dims.some((e) => e.name === d.name)) || (o.hasMargins && m.hasMargins)))
        .map((o) => o.table.id),
    );
    const finalInputs = members.map((m, a) => ({
      ...m.input,
      margins: m.hasMargins && (policy.totals === 'rounded-true-total' || linkedTo[a]!.length > 0),
    }));
    let protection: FamilyProtection | null = null;
    if (members.length > 0) {
      protection = protectFamily(finalInputs, policy);
      work += protection.work;
    }

    members.forEach((m, a) => {
      const member = protection!.fam.members[a]!;
      const why = protection!.withheld.get(a);
      const withheld = why !== undefined;
      if (m.table.kind === 'count-table') {
        results[m.index] = withheld
          ? withheldCountTable(m.table, policy, population, why === 'budget' ? WITHHELD_BUDGET_REASON : WITHHELD_FINE_REASON)
          : publishCountTable(m.table, member, protection!, policy, population, linkedTo[a]!);
        return;
      }
      const groupCell = m.groupCell!;
      const linked: GroupCount[] = Array.from(groupCell, (pos) => {
        const cell = member.cells[pos]!;
        const st = protection!.state[cell]!;
        return {
          value: protection!.published[cell]!,
          status: st === 'published' ? (policy.rounding.base > 1 ? 'rounded' : 'shown') : st,
        };
      });
      results[m.index] = protectGroup(m.table, policy, linked);
      if (withheld)
        results[m.index]!.evidence.reasons.push('Its group counts are cells of a table this report withholds, so they are suppressed too.');
      if (protection!.exhausted) {
        results[m.index]!.evidence.outcome = worst(results[m.index]!.evidence.outcome, 'review');
        results[m.index]!.evidence.reasons.push('Its group counts were all suppressed: proving the linked tables safe took more work than allowed for one report.');
      }
      if (m.table.kind === 'rates') results[m.index]!.evidence.reasons.push(NUMERATOR_NOTE);
      if (linkedTo[a]!.length > 0)
        results[m.index]!.evidence.reasons.push(
          `Its group counts are protected together with ${linkedTo[a]!.map((t) => `"${t}"`).join(', ')}, so they agree with them.`,
        );
    });

    const linkedIds = members.filter((_, a) => linkedTo[a]!.length > 0).map((m) => m.table.id);
    if (linkedIds.length > 0) {
      const dimCount = new Map<string, number>();
      for (const m of members) for (const d of m.dims) dimCount.set(d.name, (dimCount.get(d.name) ?? 0) + 1);
      links.push({
        population,
        tables: linkedIds,
        sharedDimensions: [...dimCount].filter(([, n]) => n > 1).map(([name]) => name),
        method: 'joint-suppression',
        notes: [
          'Shared totals are one cell: published once, with one value and status, in every table that shows them.',
          'Secondary suppression ran over all these tables at once, so no suppressed cell can be worked out, or narrowed below the protection width, by combining them.',
          'Tables were decided coarse before fine (1-way, then 2-way, then 3-way): a finer table suppressed its own cells, or was withheld, rather than hide cells of the coarser tables; every suppressed cell was then proven again against all published tables together.',
        ],
      });
    }

    for (const i of indices) {
      if (results[i]) continue;
      const s = inputs[i]!;
      const r = protectOne(s, policy);
      if (unlinked.has(i)) {
        r.evidence.outcome = worst(r.evidence.outcome, 'review');
        r.evidence.reasons.push(
          'Its group counts differ from the count tables of the same population, so they were protected on their own: check that they cannot be subtracted from those tables.',
        );
      }
      if (s.kind === 'rates' && policy.rates.method === 'suppress-and-round')
        r.evidence.reasons.push(NUMERATOR_NOTE);
      if (overlapsMidpoint.has(i)) {
        r.evidence.outcome = worst(r.evidence.outcome, 'review');
        r.evidence.reasons.push(
          'Its midpoint-6 denominators are groups that count tables of this report also publish (rounded or suppressed); together the two roundings can narrow a suppressed count. Publish one or the other.',
        );
      }
      results[i] = r;
    }
  }
  const done = results.map((r) => r!);
  return { results: done, links, outcome: worst(...done.map((r) => r.evidence.outcome)), work };
}

/**
 * Whether a count table that asks to be published only when dense (`minPublishableShare`) is too
 * sparse: fewer than that share of its non-zero cells reach the threshold (a table with no non-zero
 * cell at all is too sparse). Such a table would be published mostly suppressed, and its secondary
 * suppression would cost the tables it shares totals with; it is withheld instead.
 */
function tooSparse(table: CountTable, policy: Policy): boolean {
  const min = table.minPublishableShare;
  if (min === undefined) return false;
  let nonZero = 0;
  let reaching = 0;
  for (const c of table.counts) {
    if (c === 0) continue;
    nonZero++;
    if (c >= policy.threshold) reaching++;
  }
  return nonZero === 0 || reaching < min * nonZero;
}

function sparseReason(table: CountTable, policy: Policy): string {
  // The rule and the threshold only: the share itself is left out, as it would count the empty cells.
  return `Withheld: a table crossing ${table.dimensions.length} attributes is published only when at least ${Math.round((table.minPublishableShare ?? 0) * 100)}% of its non-zero cells reach the threshold of ${policy.threshold}; in this one fewer do, so most of it would be suppressed.`;
}

/**
 * Group counts that repeat along a dimension no count table uses (the "column" of a missingness
 * table: every column of one group has the same denominator, the group's size) are one count per
 * group, not a split of the group. Linking them as separate cells would let them be published while
 * the same count is suppressed in the group's 1-way table. So that dimension is dropped before
 * linking, and each group maps to its group's one cell. A dimension some count table uses, or along
 * which the counts vary, is a real split and is kept.
 */
function projectRepeats(
  dimensions: readonly Dimension[],
  counts: readonly number[],
  countDims: ReadonlySet<string>,
): { dimensions: Dimension[]; counts: number[]; groupCell: Int32Array } {
  const sizes = dimensions.map((d) => d.categories.length);
  const strides = sizes.map((_, j) => sizes.slice(j + 1).reduce((a, b) => a * b, 1));
  const keep = dimensions.map((d, j) => {
    if (countDims.has(d.name) || dimensions.length === 1) return true;
    for (let pos = 0; pos < counts.length; pos++) {
      const at = Math.floor(pos / strides[j]!) % sizes[j]!;
      if (at !== 0 && counts[pos] !== counts[pos - at * strides[j]!]) return true;
    }
    return false;
  });
  if (!keep.includes(true)) keep[0] = true;
  const kept = dimensions.filter((_, j) => keep[j]);
  const keptSizes = kept.map((d) => d.categories.length);
  const groupCell = new Int32Array(counts.length);
  const projected = new Array<number>(keptSizes.reduce((a, b) => a * b, 1)).fill(0);
  for (let pos = 0; pos < counts.length; pos++) {
    let idx = 0;
    dimensions.forEach((_, j) => {
      if (keep[j]) idx = idx * sizes[j]! + (Math.floor(pos / strides[j]!) % sizes[j]!);
    });
    groupCell[pos] = idx;
    projected[idx] = counts[pos]!;
  }
  return { dimensions: [...kept], counts: projected, groupCell };
}

const WITHHELD_FINE_REASON =
  'Withheld: tables are protected coarse before fine, and this one (or a coarser table whose cells it shows) could not be protected by suppressing its own cells alone, so it is not published rather than hide counts of the coarser tables it shares totals with.';
const WITHHELD_BUDGET_REASON =
  'Withheld: proving the tables that cross this many attributes safe took more work than allowed for one report, so none of them is published; the coarser tables were protected without them.';

const NUMERATOR_NOTE = 'Numerators are protected on their own: do not publish the same event counts in another table of this report.';

function protectGroup(s: GroupStatistic, policy: Policy, linked?: readonly GroupCount[]): ProtectedResult {
  if (s.kind === 'means') return protectMeans(s, policy, linked);
  if (s.kind === 'quantiles') return protectQuantiles(s, policy, linked);
  return protectRates(s, policy, linked);
}

function protectOne(s: StatisticInput, policy: Policy): ProtectedResult {
  switch (s.kind) {
    case 'means':
    case 'quantiles':
    case 'rates':
      return protectGroup(s, policy);
    case 'extremes':
      return protectExtremes(s, policy);
    case 'histogram':
      return protectHistogram(s, policy);
    case 'distinct-count':
      return protectDistinctCount(s, policy);
    case 'date-range':
      return protectDateRange(s, policy);
    case 'count-table':
      throw new RepresentError('internal', 'A count table was left out of its family.', {});
  }
}
