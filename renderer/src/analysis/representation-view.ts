// What the Representation page draws, worked out once per analysis (the page memoises these):
// the chart's scale and bars, each flag as one plain sentence, and capped, ordered views of the
// big tables, so that an attribute with thousands of groups never makes React build thousands of
// rows. Shares are 0-1 throughout; percentages are made only for display.
import type { AnalysisSettings, AttributeAnalysis, GroupFlag, GroupRepresentation, Intersection, MissingnessByGroup, OutcomeAnalysis, PeriodAnalysis } from '../../../shared/analysis/types';

/** More bars than this stop being readable; the rest are in the table. */
export const CHART_MAX_GROUPS = 30;
/** Rows of a group table drawn before "and N more". */
export const TABLE_MAX_ROWS = 200;
/** Columns of the missingness heat table drawn at once. */
export const HEAT_MAX_COLUMNS = 12;

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const counts = new Intl.NumberFormat('en-GB');

/** 0.1234 → "12.3%". */
export function percent(share: number): string {
  return `${oneDecimal.format(share * 100)}%`;
}

export function count(n: number): string {
  return counts.format(n);
}

/** The groups worth drawing first: the largest by rows, then in the category set's own order. */
export function largestGroups<T extends { count: number }>(groups: readonly T[], limit: number): { shown: T[]; hidden: number } {
  if (groups.length <= limit) return { shown: [...groups], hidden: 0 };
  const order = groups.map((g, i) => ({ g, i })).sort((a, b) => b.g.count - a.g.count || a.i - b.i);
  const kept = order.slice(0, limit).sort((a, b) => a.i - b.i);
  return { shown: kept.map((x) => x.g), hidden: groups.length - limit };
}

export interface ChartBar {
  key: string;
  label: string;
  share: number;
  low: number;
  high: number;
  reference: number | null;
  flagged: boolean;
}

export interface ChartModel {
  bars: ChartBar[];
  /** The axis runs from 0 to this share. */
  max: number;
  ticks: number[];
  hidden: number;
}

/** A round axis end at or above `x` (0.05 steps up to 50%, 0.1 above), so ticks fall on whole percentages. */
export function axisMax(x: number): number {
  if (!(x > 0)) return 0.1;
  const step = x <= 0.5 ? 0.05 : 0.1;
  return Math.min(1, Math.ceil(x / step - 1e-9) * step);
}

export function chartModel(attr: AttributeAnalysis, limit = CHART_MAX_GROUPS): ChartModel {
  const { shown, hidden } = largestGroups(attr.groups, limit);
  let top = 0;
  const bars = shown.map((g): ChartBar => {
    const reference = g.referenceShare ?? null;
    top = Math.max(top, g.shareInterval.high, reference ?? 0);
    return {
      key: g.key,
      label: g.label,
      share: g.share,
      low: g.shareInterval.low,
      high: g.shareInterval.high,
      reference,
      flagged: g.flags.includes('under-represented') || g.flags.includes('over-represented') || g.flags.includes('absent'),
    };
  });
  const max = axisMax(top);
  const step = max <= 0.2 ? 0.05 : max <= 0.5 ? 0.1 : 0.2;
  const ticks: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += step) ticks.push(Math.round(t * 100) / 100);
  return { bars, max, ticks, hidden };
}

/** One flag on one group, in one plain sentence. */
export type FlagSettings = Pick<AnalysisSettings, 'parityBand' | 'reliabilityFloor'>;

/** A ratio bound as "four-fifths" style words would be vague; say it as a percentage of the reference share. */
function ofReference(ratio: number): string {
  return `${Math.round(ratio * 100)}% of the reference share`;
}

export function flagSentence(flag: GroupFlag, g: GroupRepresentation, referenceName: string | null, settings: FlagSettings): string {
  const what = `"${g.label}"`;
  const ref = referenceName ?? 'the reference population';
  const refShare = g.referenceShare !== undefined ? percent(g.referenceShare) : null;
  switch (flag) {
    case 'under-represented':
      return `${what} is under-represented: ${percent(g.share)} of people with a recorded category against ${refShare ?? 'a larger share'} in ${ref}, below ${ofReference(settings.parityBand[0])} even allowing for chance.`;
    case 'over-represented':
      return `${what} is over-represented: ${percent(g.share)} of people with a recorded category against ${refShare ?? 'a smaller share'} in ${ref}, above ${ofReference(settings.parityBand[1])} even allowing for chance.`;
    case 'absent':
      return refShare !== null
        ? `No one is recorded as ${what}, though ${refShare} of ${ref} are in this group.`
        : `No one is recorded as ${what}.`;
    case 'below-reliability-floor':
      return `Only ${count(g.count)} ${g.count === 1 ? 'person is' : 'people are'} recorded as ${what}, fewer than ${count(settings.reliabilityFloor)}, so figures for this group are uncertain.`;
    case 'not-in-reference':
      return `${what} has no share in ${ref}, so it cannot be compared.`;
  }
}

/** Every flag of an attribute as sentences, the serious ones (representation) first. */
export function attributeFlagSentences(attr: AttributeAnalysis, referenceName: string | null, settings: FlagSettings, limit = 50): { sentences: { key: string; text: string }[]; more: number } {
  const rank: Record<GroupFlag, number> = { 'under-represented': 0, 'over-represented': 1, absent: 2, 'not-in-reference': 3, 'below-reliability-floor': 4 };
  const all: { key: string; r: number; text: string }[] = [];
  for (const g of attr.groups)
    for (const f of g.flags) all.push({ key: `${g.key}:${f}`, r: rank[f], text: flagSentence(f, g, referenceName, settings) });
  all.sort((a, b) => a.r - b.r);
  return { sentences: all.slice(0, limit).map(({ key, text }) => ({ key, text })), more: Math.max(0, all.length - limit) };
}

// ---- missingness heat table -----------------------------------------------------------------

export interface HeatCell {
  rate: number;
  missing: number;
  /** rate / overall rate; null when the column has no missing values overall. */
  ratio: number | null;
  /** 0 (about the same or lower) to 3 (three or more times the overall rate): the shade. */
  level: 0 | 1 | 2 | 3;
  /** Words for the level, so the meaning is not carried by colour alone. */
  note: string;
}

export function heatLevel(ratio: number | null, rate: number): Pick<HeatCell, 'level' | 'note'> {
  if (ratio === null || rate === 0) return { level: 0, note: '' };
  if (ratio >= 3) return { level: 3, note: 'far higher' };
  if (ratio >= 2) return { level: 2, note: 'higher' };
  if (ratio >= 1.25) return { level: 1, note: 'a little higher' };
  if (ratio <= 0.5) return { level: 0, note: 'lower' };
  return { level: 0, note: '' };
}

export interface HeatTableModel {
  columns: { name: string; overall: number }[];
  rows: { key: string; label: string; rows: number; cells: HeatCell[] }[];
  hiddenColumns: number;
  hiddenRows: number;
  /** Columns with no missing value at all (left out: nothing to compare). */
  completeColumns: number;
}

/**
 * The `maxRows` largest groups, and the columns that say most about them: those with missing
 * values, ordered by how far these groups' rates spread, at most `maxColumns` of them.
 */
export function heatTableModel(m: MissingnessByGroup, maxColumns = HEAT_MAX_COLUMNS, maxRows = TABLE_MAX_ROWS): HeatTableModel {
  // The largest groups first: the spread is measured over the groups the table shows, so the
  // work stays at rows × columns shown however many groups the attribute has.
  const picked = largestGroups(
    m.groups.map((g) => ({ g, count: g.rows })),
    maxRows,
  );
  const shown = picked.shown.map((p) => p.g);
  const hidden = picked.hidden;
  const withMissing: number[] = [];
  m.columns.forEach((_, c) => {
    if ((m.overallRate[c] ?? 0) > 0) withMissing.push(c);
  });
  const completeColumns = m.columns.length - withMissing.length;
  // Groups outer, columns inner: each group's rate array is read once, in order.
  const lo = new Float64Array(withMissing.length).fill(Infinity);
  const hi = new Float64Array(withMissing.length).fill(-Infinity);
  for (const g of shown) {
    if (g.rows === 0) continue;
    const rate = g.rate;
    for (let j = 0; j < withMissing.length; j++) {
      const r = rate[withMissing[j]!] ?? 0;
      if (r < lo[j]!) lo[j] = r;
      if (r > hi[j]!) hi[j] = r;
    }
  }
  const candidates = withMissing.map((index, j) => ({ index, spread: hi[j]! >= lo[j]! ? hi[j]! - lo[j]! : 0 }));
  candidates.sort((a, b) => b.spread - a.spread || a.index - b.index);
  const chosen = candidates.slice(0, maxColumns).map((c) => c.index);
  return {
    columns: chosen.map((c) => ({ name: m.columns[c] ?? '', overall: m.overallRate[c] ?? 0 })),
    rows: shown.map((g) => ({
      key: g.key,
      label: g.label,
      rows: g.rows,
      cells: chosen.map((c) => {
        const rate = g.rate[c] ?? 0;
        const ratio = g.ratio[c] ?? null;
        return { rate, missing: g.missing[c] ?? 0, ratio, ...heatLevel(ratio, rate) };
      }),
    })),
    hiddenColumns: Math.max(0, candidates.length - maxColumns),
    hiddenRows: hidden,
    completeColumns,
  };
}

// ---- outcomes, trends, intersections ----------------------------------------------------------

export function outcomeFor(outcome: OutcomeAnalysis | undefined, attributeIndex: number): OutcomeAnalysis['byAttribute'][number] | undefined {
  return outcome?.byAttribute.find((b) => b.attribute === attributeIndex);
}

export interface TrendModel {
  periods: string[];
  keys: string[];
  labels: string[];
  /** periods × keys: count and share of the period's rows. */
  cells: { count: number; share: number }[][];
  totals: number[];
  hiddenKeys: number;
}

/** Each period's groups as counts and shares of that period (shares, because periods differ in size). */
export function trendModel(period: PeriodAnalysis | undefined, attributeIndex: number, maxKeys = 12): TrendModel | undefined {
  const by = period?.byAttribute.find((b) => b.attribute === attributeIndex);
  if (!period || !by) return undefined;
  const keyTotals = by.keys.map((_, k) => by.counts.reduce((s, row) => s + (row[k] ?? 0), 0));
  const { shown } = largestGroups(
    by.keys.map((key, k) => ({ key, k, count: keyTotals[k] ?? 0 })),
    maxKeys,
  );
  const ks = shown.map((s) => s.k);
  const totals = by.counts.map((row) => row.reduce((s, x) => s + x, 0));
  return {
    periods: period.periods,
    keys: ks.map((k) => by.keys[k] ?? ''),
    labels: ks.map((k) => by.labels[k] ?? by.keys[k] ?? ''),
    cells: by.counts.map((row, p) => ks.map((k) => {
      const n = row[k] ?? 0;
      const t = totals[p] ?? 0;
      return { count: n, share: t > 0 ? n / t : 0 };
    })),
    totals,
    hiddenKeys: by.keys.length - ks.length,
  };
}

/** "2021-Q3" → "July to September 2021"; "not-known" → "Date not known"; years as they are. */
export function periodLabel(key: string): string {
  if (key === 'not-known') return 'Date not known';
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!q) return key;
  const names = ['January to March', 'April to June', 'July to September', 'October to December'];
  return `${names[Number(q[2]) - 1]} ${q[1]}`;
}

export interface IntersectionModel {
  title: string;
  /** Two dimensions: a grid (rows × columns). More: a list of the non-empty combinations. */
  grid: { rowLabels: string[]; columnLabels: string[]; counts: number[][] } | null;
  list: { labels: string[]; count: number }[];
  hiddenCells: number;
  emptyCells: number;
  smallCells: number;
  realCells: number;
}

export function intersectionModel(x: Intersection, maxCells = TABLE_MAX_ROWS): IntersectionModel {
  const title = x.dimensions.map((d) => d.name).join(' by ');
  const base = { title, emptyCells: x.emptyCells.length, smallCells: x.smallCells.length, realCells: x.realCells };
  if (x.dimensions.length === 2) {
    const [a, b] = x.dimensions as [Intersection['dimensions'][number], Intersection['dimensions'][number]];
    const nb = b.keys.length;
    if (a.keys.length * nb <= maxCells * 2) {
      const counts = a.keys.map((_, i) => x.counts.slice(i * nb, i * nb + nb));
      return { ...base, grid: { rowLabels: a.labels, columnLabels: b.labels, counts }, list: [], hiddenCells: 0 };
    }
  }
  // Row-major with the last dimension fastest: decode each index into its keys.
  const sizes = x.dimensions.map((d) => d.keys.length);
  const list: { labels: string[]; count: number }[] = [];
  let nonEmpty = 0;
  for (let i = 0; i < x.counts.length; i++) {
    const n = x.counts[i] ?? 0;
    if (n === 0) continue;
    nonEmpty++;
    if (list.length >= maxCells) continue;
    const labels: string[] = new Array<string>(sizes.length);
    let rest = i;
    for (let d = sizes.length - 1; d >= 0; d--) {
      const size = sizes[d] ?? 1;
      labels[d] = x.dimensions[d]?.labels[rest % size] ?? '';
      rest = Math.floor(rest / size);
    }
    list.push({ labels, count: n });
  }
  return { ...base, grid: null, list, hiddenCells: nonEmpty - list.length };
}

/** The attribute's name for headings: its label, else the column. */
export function attributeHeading(attr: AttributeAnalysis, kindLabel: string): string {
  return attr.label ?? `${kindLabel} (${attr.column})`;
}
