// Count tables (class "count") and their percentages (class "share"), published from a protected family.

import type { FamilyProtection } from './secondary';
import type { FamilyMember } from './family';
import type { Policy } from './policy';
import type { CountTable } from './table';
import {
  policyRecord,
  summarise,
  SUPPRESSED_PRIMARY_REASON,
  SUPPRESSED_SECONDARY_REASON,
  type CellEvidence,
  type CellStatus,
  type Coords,
  type Mitigation,
  type Outcome,
  type ProtectedCountTable,
  type ProtectedResult,
  type PublishedCell,
} from './evidence';

export type EffectiveTotals = ProtectedCountTable['totals'];

/** Decimal places of published percentages. */
const SHARE_DECIMALS = 1;

function extendedPositions(extents: readonly number[]): number[][] {
  const out: number[][] = [];
  const k = extents.length;
  const cur = new Array<number>(k).fill(0);
  let total = 1;
  for (const e of extents) total *= e;
  for (let p = 0; p < total; p++) {
    let rest = p;
    for (let j = k - 1; j >= 0; j--) {
      cur[j] = rest % extents[j]!;
      rest = Math.floor(rest / extents[j]!);
    }
    out.push(cur.slice());
  }
  return out;
}

/** Publishes one count table of a protected family, with its evidence. */
export function publishCountTable(
  table: CountTable,
  member: FamilyMember,
  protection: FamilyProtection,
  policy: Policy,
  population: string,
  linkedWith: string[],
): ProtectedResult {
  const { state, published, width } = protection;
  const base = policy.rounding.base;
  const sizes = table.dimensions.map((d) => d.categories.length);
  const withMargins = table.margins === 'all';
  const extents = sizes.map((s) => s + (withMargins ? 1 : 0));
  const totals: EffectiveTotals = !withMargins ? 'none' : member.margins ? 'rounded-true-total' : 'sum-of-rounded-cells';
  const shownStatus: CellStatus = base > 1 ? 'rounded' : 'shown';

  const positions = extendedPositions(extents);
  const cells: PublishedCell[] = [];
  const evidence: CellEvidence[] = [];
  const interiorValue = (idx: number[]): { value: number | null; status: CellStatus } => {
    let local = 0;
    for (let j = 0; j < idx.length; j++) local = local * member.extents[j]! + idx[j]!;
    const cell = member.cells[local]!;
    const s = state[cell]!;
    return { value: published[cell]!, status: s === 'published' ? shownStatus : s };
  };

  for (const idx of positions) {
    const coords: Coords = idx.map((v, j) => (v === sizes[j] ? null : table.dimensions[j]!.categories[v]!));
    const isMargin = idx.some((v, j) => v === sizes[j]);
    if (!isMargin || member.margins) {
      const { value, status } = interiorValue(idx);
      cells.push({ coords, value, status });
      evidence.push(cellEvidence(coords, status, value, policy, width, isMargin));
      continue;
    }
    // Sum-of-rounded-cells total: the published cells it covers, suppressed ones left out.
    let sum = 0;
    let anySuppressed = false;
    let anyShown = false;
    const fixed = idx.map((v, j) => (v === sizes[j] ? -1 : v));
    for (const inner of extendedPositions(sizes)) {
      if (!inner.every((v, j) => fixed[j] === -1 || fixed[j] === v)) continue;
      const { value } = interiorValue(inner);
      if (value === null) anySuppressed = true;
      else {
        anyShown = true;
        sum += value;
      }
    }
    if (!anyShown || (sum === 0 && anySuppressed)) {
      cells.push({ coords, value: null, status: 'suppressed-secondary' });
      evidence.push({
        coords,
        status: 'suppressed-secondary',
        rule: 'R11',
        reason: 'A total of suppressed cells only: with totals made from published cells there is nothing to show.',
        params: { totals: 'sum-of-rounded-cells' },
      });
    } else {
      cells.push({ coords, value: sum, status: shownStatus });
      evidence.push({
        coords,
        status: shownStatus,
        rule: 'R11',
        reason: anySuppressed
          ? 'Sum of the published cells it covers; suppressed cells are left out (totals recalculated after redaction).'
          : 'Sum of the published cells it covers.',
        params: { totals: 'sum-of-rounded-cells', base },
      });
    }
  }

  const reasons: string[] = [];
  let outcome: Outcome = 'pass';
  const summary = summarise(cells);
  const mitigations: Mitigation[] = [];
  if (summary.suppressedPrimary + summary.suppressedSecondary > 0) mitigations.push('suppression');
  if (base > 1) mitigations.push('rounding');
  reasons.push(
    `Counts below ${policy.threshold}${policy.zerosDisclosive ? ' and zero counts' : ''} are suppressed (${summary.suppressedPrimary} cell${summary.suppressedPrimary === 1 ? '' : 's'}).`,
  );
  if (base > 1) reasons.push(`Every published count is rounded to the nearest ${base}.`);
  if (totals === 'rounded-true-total')
    reasons.push(
      `Totals are true totals${base > 1 ? ', rounded' : ''}; ${summary.suppressedSecondary} more cell${summary.suppressedSecondary === 1 ? ' was' : 's were'} suppressed so that every suppressed cell keeps an attacker's interval at least ${width} wide.`,
    );
  else if (totals === 'sum-of-rounded-cells') reasons.push('Totals are sums of the published cells, so they reveal nothing about suppressed cells.');
  if (totals === 'rounded-true-total' && policy.totals === 'sum-of-rounded-cells')
    reasons.push(
      'The policy makes totals from rounded cells, but this table shares totals with other tables of the report; so that they agree, its totals are the true totals, rounded, with secondary suppression against differencing.',
    );
  const interior = cells.filter((c) => !c.coords.includes(null));
  const hidden = interior.filter((c) => c.value === null).length;
  if (interior.length > 1 && hidden * 2 > interior.length) {
    outcome = 'review';
    reasons.push(
      `${hidden} of ${interior.length} cells are suppressed: the table says little, and in a report it can force suppression in the tables it shares totals with. Consider coarser categories.`,
    );
  }
  if (protection.exhausted) {
    outcome = 'review';
    reasons.push(
      'Proving the suppressed cells safe took more work than allowed for one report, so every count of these linked tables was suppressed (safe, but uninformative): publish fewer or coarser tables.',
    );
  } else if (protection.releaseCut)
    reasons.push('Some cells may be suppressed that could safely have been shown: the pass that publishes them again stopped at its work limit.');
  if (linkedWith.length > 0)
    reasons.push(
      `Protected jointly with ${linkedWith.map((t) => `"${t}"`).join(', ')}: shared totals are published once, with the same value and status, and no suppressed cell can be found by subtracting one table from another.`,
    );

  const result: ProtectedCountTable = {
    kind: 'count-table',
    id: table.id,
    title: table.title,
    population,
    statisticClass: 'count',
    dimensions: table.dimensions.map((d) => ({ name: d.name, categories: [...d.categories] })),
    margins: table.margins,
    totals,
    roundingBase: base,
    marker: policy.marker,
    cells,
  };

  if (table.shares) {
    const shares = publishShares(table, cells, extents, sizes);
    result.shares = { over: [...table.shares.over], decimals: SHARE_DECIMALS, cells: shares.cells };
    evidence.push(...shares.evidence);
    if (shares.classDisclosure > 0) {
      outcome = 'review';
      reasons.push(
        `${shares.classDisclosure} percentage${shares.classDisclosure === 1 ? ' is' : 's are'} 0% or 100%, which says something about everyone in a group (class disclosure, R2): check before release.`,
      );
    }
    reasons.push('Percentages are computed from the protected counts, and suppressed where their numerator or denominator is.');
  }

  return {
    output: result,
    evidence: {
      statisticId: table.id,
      title: table.title,
      statisticClass: 'count',
      population,
      policy: policyRecord(policy),
      outcome,
      reasons,
      mitigations,
      cells: evidence,
      summary,
      protection: { width, method: 'hypercube-witness', linkedWith },
    },
  };
}

function cellEvidence(coords: Coords, status: CellStatus, value: number | null, policy: Policy, width: number, isMargin: boolean): CellEvidence {
  if (status === 'suppressed-primary')
    return {
      coords,
      status,
      rule: 'R1',
      reason: SUPPRESSED_PRIMARY_REASON,
      params: { threshold: policy.threshold, zerosDisclosive: policy.zerosDisclosive, protectionWidth: width, proven: true },
    };
  if (status === 'suppressed-secondary')
    return { coords, status, rule: 'R12', reason: SUPPRESSED_SECONDARY_REASON, params: { protectionWidth: width, proven: true } };
  if (status === 'rounded')
    return {
      coords,
      status,
      rule: 'R11',
      reason: isMargin
        ? 'A true total, published rounded.'
        : value === 0
          ? 'Zero is not disclosive under this policy; shown as 0.'
          : 'At least the threshold; published rounded.',
      params: { base: policy.rounding.base, threshold: policy.threshold },
    };
  if (value === 0)
    return { coords, status, rule: 'R2', reason: 'Zero is not disclosive under this policy; shown as 0.', params: { zerosDisclosive: false } };
  return {
    coords,
    status,
    rule: 'R1',
    reason: isMargin ? 'A true total of at least the threshold.' : 'At least the threshold.',
    params: { threshold: policy.threshold },
  };
}

/** Percentages from protected counts (R14): suppressed with their numerator or denominator. */
function publishShares(
  table: CountTable,
  cells: readonly PublishedCell[],
  extents: readonly number[],
  sizes: readonly number[],
): { cells: PublishedCell[]; evidence: CellEvidence[]; classDisclosure: number } {
  const over = new Set(table.shares!.over);
  const overDims = table.dimensions.map((d) => over.has(d.name));
  const out: PublishedCell[] = [];
  const evidence: CellEvidence[] = [];
  let classDisclosure = 0;
  const scale = 10 ** SHARE_DECIMALS;
  for (let p = 0; p < cells.length; p++) {
    const cell = cells[p]!;
    let rest = p;
    const idx = new Array<number>(extents.length);
    for (let j = extents.length - 1; j >= 0; j--) {
      idx[j] = rest % extents[j]!;
      rest = Math.floor(rest / extents[j]!);
    }
    let denPos = 0;
    for (let j = 0; j < extents.length; j++) denPos = denPos * extents[j]! + (overDims[j] ? sizes[j]! : idx[j]!);
    const den = cells[denPos]!;
    const coords = cell.coords;
    if (cell.value === null || den.value === null || den.value === 0) {
      out.push({ coords, value: null, status: 'suppressed-secondary' });
      evidence.push({
        coords,
        status: 'suppressed-secondary',
        rule: 'R14',
        reason: 'Percentage not published: its numerator or denominator is suppressed, or the denominator is zero.',
        params: { share: true },
      });
      continue;
    }
    const value = Math.round((cell.value / den.value) * 100 * scale) / scale;
    if (denPos !== p && (cell.value === 0 || cell.value === den.value)) classDisclosure++;
    out.push({ coords, value, status: 'shown' });
    evidence.push({
      coords,
      status: 'shown',
      rule: 'R14',
      reason: 'Computed from the protected numerator and denominator.',
      params: { share: true, decimals: SHARE_DECIMALS },
    });
  }
  return { cells: out, evidence, classDisclosure };
}

/**
 * A count table that is not published at all: no cell, margin or percentage, only evidence saying
 * why. Its totals, where other tables of the report show them, are protected there. The reason names
 * the rule, never a count from the table.
 */
export function withheldCountTable(table: CountTable, policy: Policy, population: string, reason: string): ProtectedResult {
  const output: ProtectedCountTable = {
    kind: 'count-table',
    id: table.id,
    title: `${table.title} (withheld)`,
    population,
    statisticClass: 'count',
    dimensions: table.dimensions.map((d) => ({ name: d.name, categories: [...d.categories] })),
    margins: table.margins,
    totals: 'none',
    roundingBase: policy.rounding.base,
    marker: policy.marker,
    cells: [],
  };
  return {
    output,
    evidence: {
      statisticId: table.id,
      title: table.title,
      statisticClass: 'count',
      population,
      policy: policyRecord(policy),
      outcome: 'pass',
      reasons: [reason, 'Nothing from this table is published, so no cell of it needs protecting.'],
      mitigations: ['withheld'],
      cells: [],
      summary: summarise([]),
    },
  };
}
