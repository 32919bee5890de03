// Protection for the statistic classes other than count tables: means and SDs, quantiles, rates,
// extremes, histograms, distinct counts and date ranges. Each keeps the rule behind every published
// or withheld field in its evidence.

import { RepresentError } from '../errors';
import { isPublishable, midpoint6, publishCount } from './rounding';
import type { Policy } from './policy';
import {
  DEFAULT_POPULATION,
  cellCoordinates,
  cellCount,
  validateCounts,
  validateDimensions,
  type DateRange,
  type DistinctCount,
  type ExtremeStatistic,
  type Histogram,
  type MeanTable,
  type QuantileTable,
  type RateTable,
  type StatisticClass,
} from './table';
import {
  policyRecord,
  summarise,
  SUPPRESSED_PRIMARY_REASON,
  type CellEvidence,
  type CellStatus,
  type Mitigation,
  type Outcome,
  type ProtectedGroupTable,
  type ProtectedHistogram,
  type ProtectedResult,
  type ProtectedScalar,
  type PublishedGroupStatistic,
  type StatisticEvidence,
} from './evidence';

/** A protected group count, from a linked family or protected on its own. */
export interface GroupCount {
  value: number | null;
  status: CellStatus;
}

/** Protects counts with no margins: threshold and zero rule, then rounding. Nothing to difference. */
export function standaloneCounts(counts: readonly number[], policy: Policy): GroupCount[] {
  return counts.map((n) =>
    isPublishable(n, policy)
      ? { value: publishCount(n, policy), status: policy.rounding.base > 1 ? 'rounded' : 'shown' }
      : { value: null, status: 'suppressed-primary' },
  );
}

function countEvidence(coords: (string | null)[], field: string, c: GroupCount, policy: Policy): CellEvidence {
  if (c.status === 'suppressed-primary')
    return { coords: [...coords, field], status: c.status, rule: 'R1', reason: SUPPRESSED_PRIMARY_REASON, params: { threshold: policy.threshold } };
  if (c.status === 'suppressed-secondary')
    return {
      coords: [...coords, field],
      status: c.status,
      rule: 'R12',
      reason: 'Suppressed with the same count in a linked table of this report.',
      params: {},
    };
  return {
    coords: [...coords, field],
    status: c.status,
    rule: c.status === 'rounded' ? 'R11' : 'R1',
    reason: c.status === 'rounded' ? 'At least the threshold; published rounded.' : 'At least the threshold.',
    params: { threshold: policy.threshold, base: policy.rounding.base },
  };
}

function makeEvidence(
  id: string,
  title: string,
  statisticClass: StatisticClass,
  population: string,
  policy: Policy,
  cells: CellEvidence[],
  outcome: Outcome,
  reasons: string[],
  mitigations: Mitigation[],
): StatisticEvidence {
  return {
    statisticId: id,
    title,
    statisticClass,
    population,
    policy: policyRecord(policy),
    outcome,
    reasons,
    mitigations: [...new Set(mitigations)],
    cells,
    summary: summarise(cells),
  };
}

function groupCoords(dimensions: MeanTable['dimensions'], g: number): string[] {
  return cellCoordinates(dimensions, g);
}

function checkGroups(table: { id: string; dimensions: MeanTable['dimensions'] }, length: number, what: string): void {
  validateDimensions(table, table.dimensions);
  const expected = cellCount(table.dimensions);
  if (length !== expected)
    throw new RepresentError('bad-argument', `Statistic "${table.id}": wrong number of ${what}.`, {
      expected: `${expected} (one per group)`,
      found: `${length}`,
    });
}

/** A statistic is never shown without its count (OpenSAFELY: underlying counts go with every figure). */
const NOT_WITHOUT_COUNT = {
  rule: 'R7' as const,
  reason: 'Its count is suppressed (to protect another cell), and a statistic is not shown without its count.',
  status: 'suppressed-secondary' as const,
};

// ---------------------------------------------------------------------------------------------
// Means and SDs (R7 small groups, R3 NK dominance, R4 p-ratio, R5 negatives).

export function protectMeans(table: MeanTable, policy: Policy, linked?: readonly GroupCount[]): ProtectedResult {
  checkGroups(table, table.groups.length, 'groups');
  validateCounts(table, table.groups.map((g) => g.n), table.groups.length, 'group sizes');
  const counts = linked ?? standaloneCounts(table.groups.map((g) => g.n), policy);
  const groups: PublishedGroupStatistic[] = [];
  const evidence: CellEvidence[] = [];
  const reasons: string[] = [];
  const mitigations: Mitigation[] = [];
  let outcome: Outcome = 'pass';
  let dominanceUnchecked = 0;
  let negatives = 0;
  let constant = 0;
  table.groups.forEach((g, i) => {
    const coords = groupCoords(table.dimensions, i);
    const n = counts[i]!;
    evidence.push(countEvidence(coords, 'n', n, policy));
    const values: Record<string, number | null> = { mean: null };
    const status: Record<string, CellStatus> = { mean: 'suppressed-primary' };
    if (g.sd !== undefined) {
      values.sd = null;
      status.sd = 'suppressed-primary';
    }
    let withheld: { rule: 'R7' | 'R3' | 'R4'; reason: string; status?: CellStatus } | null = null;
    if (g.n < policy.threshold) withheld = { rule: 'R7', reason: `Based on fewer than ${policy.threshold} values.` };
    else if (n.value === null) withheld = NOT_WITHOUT_COUNT;
    else if (g.hasNegative) {
      negatives++;
    } else if (policy.dominance || policy.pRatio) {
      const largest = g.largest;
      if (!largest || largest.length === 0 || g.sum === undefined) dominanceUnchecked++;
      else {
        const total = g.sum;
        const x1 = largest[0] ?? 0;
        const x2 = largest[1] ?? 0;
        if (policy.dominance && total > 0) {
          let top = 0;
          for (let j = 0; j < policy.dominance.n && j < largest.length; j++) top += largest[j]!;
          if (top / total > policy.dominance.k)
            withheld = {
              rule: 'R3',
              reason: `The largest ${policy.dominance.n} contribution(s) make up more than ${policy.dominance.k * 100}% of the total (NK dominance).`,
            };
        }
        if (!withheld && policy.pRatio) {
          // ACRO 0.4: with no positive contribution the result follows zeros_are_disclosive.
          if (x1 <= 0) {
            if (policy.zerosDisclosive) withheld = { rule: 'R4', reason: 'Every contribution is zero (class disclosure).' };
          } else if ((total - x1 - x2) / x1 < policy.pRatio.p)
            withheld = {
              rule: 'R4',
              reason: `What remains after the two largest contributions is less than ${policy.pRatio.p * 100}% of the largest (p-ratio).`,
            };
        }
      }
    }
    if (withheld) {
      mitigations.push('suppression');
      for (const field of Object.keys(values)) {
        status[field] = withheld.status ?? 'suppressed-primary';
        evidence.push({ coords: [...coords, field], status: status[field]!, rule: withheld.rule, reason: withheld.reason, params: ruleParams(withheld.rule, policy) });
      }
    } else {
      values.mean = g.mean;
      status.mean = 'shown';
      evidence.push({ coords: [...coords, 'mean'], status: 'shown', rule: 'R7', reason: `Based on at least ${policy.threshold} values.`, params: { threshold: policy.threshold } });
      if (g.sd !== undefined) {
        values.sd = g.sd;
        status.sd = 'shown';
        if (g.sd === 0) constant++;
        evidence.push({ coords: [...coords, 'sd'], status: 'shown', rule: 'R7', reason: `Based on at least ${policy.threshold} values.`, params: { threshold: policy.threshold } });
      }
    }
    groups.push({ coords, n: n.value, nStatus: n.status, values, status });
  });
  reasons.push(`A mean or SD is published only when it rests on at least ${policy.threshold} values (R7).`);
  if (policy.dominance) reasons.push(`NK dominance checked with n = ${policy.dominance.n}, k = ${policy.dominance.k} (R3).`);
  if (policy.pRatio) reasons.push(`p-ratio checked with p = ${policy.pRatio.p} (R4).`);
  if (dominanceUnchecked > 0) {
    outcome = 'review';
    reasons.push(`${dominanceUnchecked} group(s) could not be checked for dominance: their largest contributions were not supplied.`);
  }
  if (negatives > 0) {
    outcome = 'review';
    reasons.push(`${negatives} group(s) contain negative values, for which dominance is not defined (R5): check by hand.`);
  }
  if (constant > 0) {
    outcome = 'review';
    reasons.push(`${constant} group(s) have an SD of 0, so every member has the mean value (class disclosure): check before release.`);
  }
  if (policy.rounding.base > 1) mitigations.push('rounding');
  return {
    output: groupTable(table, 'means', 'mean', policy, groups, { variable: table.variable }),
    evidence: makeEvidence(table.id, table.title, 'mean', populationOf(table), policy, evidence, outcome, reasons, mitigations),
  };
}

function ruleParams(rule: string, policy: Policy): CellEvidence['params'] {
  if (rule === 'R3' && policy.dominance) return { n: policy.dominance.n, k: policy.dominance.k };
  if (rule === 'R4' && policy.pRatio) return { p: policy.pRatio.p };
  return { threshold: policy.threshold };
}

function populationOf(t: { population?: string }): string {
  return t.population ?? DEFAULT_POPULATION;
}

function groupTable(
  table: { id: string; title: string; dimensions: MeanTable['dimensions']; population?: string },
  kind: ProtectedGroupTable['kind'],
  statisticClass: ProtectedGroupTable['statisticClass'],
  policy: Policy,
  groups: PublishedGroupStatistic[],
  extra: Partial<ProtectedGroupTable>,
): ProtectedGroupTable {
  return {
    kind,
    id: table.id,
    title: table.title,
    population: populationOf(table),
    statisticClass,
    dimensions: table.dimensions.map((d) => ({ name: d.name, categories: [...d.categories] })),
    marker: policy.marker,
    groups,
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Quantiles (R9). No source gives a number for "minimum contributors for quantiles" (reference b4,
// R9: not retrieved). Our rule, in the spirit of R8: a quantile is published only if at least
// `threshold` values lie on each side of it, so it can never sit among a handful of extreme values;
// p = 0 or 1 (the minimum or maximum) is never published.

export function quantileKey(p: number): string {
  const pct = Math.round(p * 10000) / 100;
  return `p${pct}`;
}

export function protectQuantiles(table: QuantileTable, policy: Policy, linked?: readonly GroupCount[]): ProtectedResult {
  checkGroups(table, table.groups.length, 'groups');
  validateCounts(table, table.groups.map((g) => g.n), table.groups.length, 'group sizes');
  const counts = linked ?? standaloneCounts(table.groups.map((g) => g.n), policy);
  const groups: PublishedGroupStatistic[] = [];
  const evidence: CellEvidence[] = [];
  const mitigations: Mitigation[] = [];
  table.groups.forEach((g, i) => {
    const coords = groupCoords(table.dimensions, i);
    const n = counts[i]!;
    evidence.push(countEvidence(coords, 'n', n, policy));
    const values: Record<string, number | null> = {};
    const status: Record<string, CellStatus> = {};
    for (const q of g.quantiles) {
      const key = quantileKey(q.p);
      const below = q.p * g.n;
      const above = (1 - q.p) * g.n;
      const rests = q.p > 0 && q.p < 1 && g.n >= policy.threshold && below >= policy.threshold && above >= policy.threshold;
      const ok = rests && n.value !== null;
      values[key] = ok ? q.value : null;
      status[key] = ok ? 'shown' : rests ? 'suppressed-secondary' : 'suppressed-primary';
      if (!ok) mitigations.push('suppression');
      evidence.push({
        coords: [...coords, key],
        status: status[key]!,
        rule: q.p <= 0 || q.p >= 1 ? 'R8' : 'R9',
        reason: ok
          ? `At least ${policy.threshold} values lie on each side of it.`
          : rests
            ? NOT_WITHOUT_COUNT.reason
            : q.p <= 0 || q.p >= 1
            ? 'A minimum or maximum describes one person and is never published.'
            : `Fewer than ${policy.threshold} values on one side of it.`,
        params: { threshold: policy.threshold, p: q.p },
      });
    }
    groups.push({ coords, n: n.value, nStatus: n.status, values, status });
  });
  return {
    output: groupTable(table, 'quantiles', 'quantile', policy, groups, { variable: table.variable }),
    evidence: makeEvidence(table.id, table.title, 'quantile', populationOf(table), policy, evidence, 'pass', [
      `A quantile is published only when at least ${policy.threshold} values lie on each side of it (Represent's reading of R9; no source gives a number).`,
    ], mitigations),
  };
}

// ---------------------------------------------------------------------------------------------
// Rates (R14, R16): from protected numerator and denominator, or midpoint-6 (OpenSAFELY option).

export function protectRates(table: RateTable, policy: Policy, linkedDenominators?: readonly GroupCount[]): ProtectedResult {
  checkGroups(table, table.numerators.length, 'numerators');
  validateCounts(table, table.numerators, table.numerators.length, 'numerators');
  validateCounts(table, table.denominators, table.numerators.length, 'denominators');
  if (!(table.per > 0)) throw new RepresentError('bad-argument', `Statistic "${table.id}": a rate needs a positive "per".`, { expected: 'a positive number', found: 'another value' });
  const midpoint = policy.rates.method === 'midpoint6';
  const groups: PublishedGroupStatistic[] = [];
  const evidence: CellEvidence[] = [];
  const mitigations: Mitigation[] = [];
  const nums: GroupCount[] = midpoint
    ? table.numerators.map((x) => ({ value: midpoint6(x), status: 'rounded' as const }))
    : standaloneCounts(table.numerators, policy);
  const dens: readonly GroupCount[] = midpoint
    ? table.denominators.map((x) => ({ value: midpoint6(x), status: 'rounded' as const }))
    : (linkedDenominators ?? standaloneCounts(table.denominators, policy));
  for (let i = 0; i < table.numerators.length; i++) {
    const coords = groupCoords(table.dimensions, i);
    const num = nums[i]!;
    const den = dens[i]!;
    for (const [field, c] of [['numerator', num], ['denominator', den]] as const) {
      if (midpoint)
        evidence.push({ coords: [...coords, field], status: 'rounded', rule: 'R16', reason: 'Midpoint-6 rounded: 0 stays 0, 1–6 → 3, 7–12 → 9 …', params: { method: 'midpoint6' } });
      else evidence.push(countEvidence(coords, field, c, policy));
    }
    let rate: number | null = null;
    let rateStatus: CellStatus = 'suppressed-secondary';
    if (num.value !== null && den.value !== null && den.value > 0) {
      rate = Math.round((num.value / den.value) * table.per * 100) / 100;
      rateStatus = 'shown';
    }
    evidence.push({
      coords: [...coords, 'rate'],
      status: rateStatus,
      rule: 'R14',
      reason:
        rate === null
          ? 'Not published: its numerator or denominator is suppressed, or the denominator is zero.'
          : 'Computed from the protected numerator and denominator.',
      params: { per: table.per, method: policy.rates.method },
    });
    groups.push({
      coords,
      n: den.value,
      nStatus: den.status,
      values: { numerator: num.value, denominator: den.value, rate },
      status: { numerator: num.status, denominator: den.status, rate: rateStatus },
    });
  }
  if (midpoint) mitigations.push('rounding');
  else {
    if (policy.rounding.base > 1) mitigations.push('rounding');
    if (groups.some((g) => g.values.rate === null)) mitigations.push('suppression');
  }
  return {
    output: groupTable(table, 'rates', 'rate', policy, groups, { per: table.per, method: policy.rates.method }),
    evidence: makeEvidence(table.id, table.title, 'rate', populationOf(table), policy, evidence, 'pass', [
      midpoint
        ? 'Numerators and denominators are midpoint-6 rounded (OpenSAFELY); rates are computed from the rounded values. Name such columns *_midpoint6.'
        : `Numerators and denominators follow the count rules (threshold ${policy.threshold}${policy.rounding.base > 1 ? `, rounded to ${policy.rounding.base}` : ''}); a rate is suppressed where either is.`,
    ], mitigations),
  };
}

// ---------------------------------------------------------------------------------------------
// Extremes (R8): never published. Coarse bounds instead, when both tails hold enough values.

export function protectExtremes(stat: ExtremeStatistic, policy: Policy): ProtectedResult {
  const unit = stat.unit ?? 1;
  if (!(unit > 0)) throw new RepresentError('bad-argument', `Statistic "${stat.id}": the bounds unit must be positive.`, { expected: 'a positive number', found: 'another value' });
  const evidence: CellEvidence[] = [
    { coords: ['min'], status: 'suppressed-primary', rule: 'R8', reason: 'A minimum describes one or two people and is never published.', params: {} },
    { coords: ['max'], status: 'suppressed-primary', rule: 'R8', reason: 'A maximum describes one or two people and is never published.', params: {} },
  ];
  const fields: Record<string, number | null> = { lowerBound: null, upperBound: null };
  const status: Record<string, CellStatus> = { lowerBound: 'suppressed-primary', upperBound: 'suppressed-primary' };
  const t = stat.tails;
  const enough = !!t && stat.n >= policy.threshold && t.countBelow >= policy.threshold && t.countAbove >= policy.threshold;
  if (enough) {
    fields.lowerBound = Math.floor(t.low / unit) * unit;
    fields.upperBound = Math.ceil(t.high / unit) * unit;
    status.lowerBound = 'shown';
    status.upperBound = 'shown';
  }
  for (const key of ['lowerBound', 'upperBound'] as const)
    evidence.push({
      coords: [key],
      status: status[key]!,
      rule: 'R8',
      reason: enough
        ? `A coarse bound, rounded outward to ${unit}, with at least ${policy.threshold} values beyond it.`
        : `Not published: no tail with at least ${policy.threshold} values beyond it was supplied.`,
      params: { threshold: policy.threshold, unit },
    });
  return {
    output: scalar(stat, 'extreme', policy, fields, status),
    evidence: makeEvidence(stat.id, stat.title, 'extreme', populationOf(stat), policy, evidence, 'pass', [
      'Minimum and maximum are never exported (R8); coarse bounds with enough values beyond them are shown instead.',
    ], ['withheld', 'coarsening']),
  };
}

function scalar(
  stat: { kind: ProtectedScalar['kind']; id: string; title: string; variable: string; population?: string },
  statisticClass: ProtectedScalar['statisticClass'],
  policy: Policy,
  fields: ProtectedScalar['fields'],
  status: ProtectedScalar['status'],
): ProtectedScalar {
  return { kind: stat.kind, id: stat.id, title: stat.title, population: populationOf(stat), statisticClass, variable: stat.variable, marker: policy.marker, fields, status };
}

// ---------------------------------------------------------------------------------------------
// Histograms (R10): edge bins merged inward and made open-ended, so no edge is a data extreme;
// small interior bins merged with their smaller neighbour; then counts rounded.

export function protectHistogram(h: Histogram, policy: Policy): ProtectedResult {
  const bins = h.counts.length;
  if (bins < 1 || h.edges.length !== bins + 1)
    throw new RepresentError('bad-argument', `Statistic "${h.id}": a histogram needs one more edge than bins.`, {
      expected: `${bins + 1} edges for ${bins} bins`,
      found: `${h.edges.length} edges`,
    });
  for (let i = 1; i < h.edges.length; i++)
    if (!(h.edges[i]! > h.edges[i - 1]!))
      throw new RepresentError('bad-argument', `Statistic "${h.id}": histogram edges must increase.`, { expected: 'ascending edges', found: `edge ${i + 1} not above edge ${i}` });
  validateCounts(h, h.counts, bins, 'bin counts');

  const ok = (c: number): boolean => isPublishable(c, policy);
  // Work on [lowerEdgeIndex, upperEdgeIndex, count] runs.
  let runs = h.counts.map((c, i) => ({ from: i, to: i + 1, count: c }));
  const total = h.counts.reduce((a, b) => a + b, 0);
  let merged = false;
  if (total < policy.threshold || (total === 0 && policy.zerosDisclosive)) runs = [{ from: 0, to: bins, count: total }];
  else {
    // Leading and trailing bins: merge inward until the edge bin is publishable and not empty.
    while (runs.length > 1 && (runs[0]!.count === 0 || !ok(runs[0]!.count))) {
      const [a, b] = runs;
      runs.splice(0, 2, { from: a!.from, to: b!.to, count: a!.count + b!.count });
      merged = true;
    }
    while (runs.length > 1 && (runs[runs.length - 1]!.count === 0 || !ok(runs[runs.length - 1]!.count))) {
      const b = runs.pop()!;
      const a = runs.pop()!;
      runs.push({ from: a.from, to: b.to, count: a.count + b.count });
      merged = true;
    }
    // Interior bins that may not be published: merge with the smaller neighbour, smallest first.
    for (;;) {
      let worstIndex = -1;
      for (let i = 0; i < runs.length; i++)
        if (!ok(runs[i]!.count) && (worstIndex < 0 || runs[i]!.count < runs[worstIndex]!.count)) worstIndex = i;
      if (worstIndex < 0 || runs.length === 1) break;
      const left = worstIndex > 0 ? runs[worstIndex - 1]!.count : Number.POSITIVE_INFINITY;
      const right = worstIndex < runs.length - 1 ? runs[worstIndex + 1]!.count : Number.POSITIVE_INFINITY;
      const j = left <= right ? worstIndex - 1 : worstIndex;
      const a = runs[j]!;
      const b = runs[j + 1]!;
      runs.splice(j, 2, { from: a.from, to: b.to, count: a.count + b.count });
      merged = true;
    }
  }
  const evidence: CellEvidence[] = [];
  const published: ProtectedHistogram['bins'] = runs.map((r, i) => {
    const lower = i === 0 ? null : h.edges[r.from]!;
    const upper = i === runs.length - 1 ? null : h.edges[r.to]!;
    const publish = ok(r.count);
    const value = publish ? publishCount(r.count, policy) : null;
    const status: CellStatus = !publish ? 'suppressed-primary' : policy.rounding.base > 1 ? 'rounded' : 'shown';
    const label = `${lower === null ? '' : String(lower)}–${upper === null ? '' : String(upper)}`;
    evidence.push({
      coords: [label],
      status,
      rule: publish ? 'R10' : 'R1',
      reason: !publish
        ? SUPPRESSED_PRIMARY_REASON
        : r.to - r.from > 1
          ? 'Merged bin, at least the threshold.'
          : 'At least the threshold.',
      params: { threshold: policy.threshold, base: policy.rounding.base, openLower: lower === null, openUpper: upper === null },
    });
    return { lower, upper, value, status };
  });
  const mitigations: Mitigation[] = ['coarsening'];
  if (merged) mitigations.push('merging');
  if (policy.rounding.base > 1) mitigations.push('rounding');
  if (published.some((b) => b.value === null)) mitigations.push('suppression');
  return {
    output: { kind: 'histogram', id: h.id, title: h.title, population: populationOf(h), statisticClass: 'histogram', variable: h.variable, marker: policy.marker, bins: published },
    evidence: makeEvidence(h.id, h.title, 'histogram', populationOf(h), policy, evidence, 'pass', [
      'The first and last bins are open-ended, so no published edge is a minimum or maximum (R8, R10).',
      `Bins below ${policy.threshold}${policy.zerosDisclosive ? ' or empty' : ''} are merged with a neighbour; empty edge bins are merged away.`,
    ], mitigations),
  };
}

// ---------------------------------------------------------------------------------------------
// Distinct counts: the number of distinct values is not a count of people, so it is not rounded,
// but it is published only for at least `threshold` records, and flagged when it says something
// about everyone (1 value: class disclosure; as many values as records: an identifier-like column).

export function protectDistinctCount(stat: DistinctCount, policy: Policy): ProtectedResult {
  validateCounts(stat, [stat.n, stat.distinct], 2, 'counts');
  const publish = stat.n >= policy.threshold;
  const status: CellStatus = publish ? 'shown' : 'suppressed-primary';
  let outcome: Outcome = 'pass';
  const reasons = [`Published only for at least ${policy.threshold} records.`];
  if (publish && stat.distinct === stat.n) {
    outcome = 'review';
    reasons.push('Every record has its own value: the column may be an identifier.');
  }
  if (publish && stat.distinct === 1) {
    outcome = 'review';
    reasons.push('Every record has the same value (class disclosure).');
  }
  return {
    output: scalar(stat, 'distinct-count', policy, { distinct: publish ? stat.distinct : null }, { distinct: status }),
    evidence: makeEvidence(stat.id, stat.title, 'distinct-count', populationOf(stat), policy, [
      { coords: ['distinct'], status, rule: 'R1', reason: publish ? 'Enough records behind it.' : SUPPRESSED_PRIMARY_REASON, params: { threshold: policy.threshold } },
    ], outcome, reasons, publish ? [] : ['suppression']),
  };
}

// ---------------------------------------------------------------------------------------------
// Date ranges: coarsened to the policy's granularity (month or year); the exact first and last
// dates are endpoints (R8) and are never published.

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

export function coarsenDate(iso: string, granularity: Policy['dates']['granularity'], id: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RepresentError('bad-argument', `Statistic "${id}": a date is not in ISO 8601 form.`, { expected: 'YYYY-MM or YYYY-MM-DD', found: 'another form' });
  return granularity === 'year' ? m[1]! : `${m[1]}-${m[2]}`;
}

export function protectDateRange(stat: DateRange, policy: Policy): ProtectedResult {
  validateCounts(stat, [stat.n], 1, 'counts');
  const g = policy.dates.granularity;
  const publish = stat.n >= policy.threshold;
  const from = coarsenDate(stat.earliest, g, stat.id);
  const to = coarsenDate(stat.latest, g, stat.id);
  const status: CellStatus = publish ? 'shown' : 'suppressed-primary';
  return {
    output: scalar(stat, 'date-range', policy, { from: publish ? from : null, to: publish ? to : null }, { from: status, to: status }),
    evidence: makeEvidence(stat.id, stat.title, 'date-range', populationOf(stat), policy, (['from', 'to'] as const).map((k) => ({
      coords: [k],
      status,
      rule: 'R8' as const,
      reason: publish ? `Coarsened to the ${g}; the exact date is never published.` : SUPPRESSED_PRIMARY_REASON,
      params: { granularity: g, threshold: policy.threshold },
    })), 'pass', [`Dates are published to the ${g} only, and only for at least ${policy.threshold} records.`], publish ? ['coarsening'] : ['suppression']),
  };
}
