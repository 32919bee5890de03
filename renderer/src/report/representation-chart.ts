// Geometry of the representation bar chart, the same drawing as the exported HTML's inline SVG
// (shared/report/render-html.ts): a bar per group (share of recorded, or of all without a
// reference), its 95% interval, and a diamond at the reference share. The page draws it in JSX.
import type { RepresentationBlock } from '../../../shared/report/model';

export const CHART = { rowHeight: 30, labelWidth: 220, plotWidth: 400, valueWidth: 140 } as const;

export interface ChartRow {
  key: string;
  y: number;
  label: string;
  /** The bar and its value text; null when the share is hidden or not computable. */
  bar: { width: number; valueText: string } | null;
  interval: { x1: number; x2: number } | null;
  /** Text in place of the bar: the marker for a hidden count, else "not compared". */
  placeholder: string | null;
  referenceX: number | null;
}

export interface ChartLayout {
  width: number;
  height: number;
  ticks: { x: number; label: string }[];
  rows: ChartRow[];
  description: string;
}

function truncate(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}

export function chartLayout(b: RepresentationBlock, marker: string): ChartLayout {
  const { rowHeight, labelWidth, plotWidth, valueWidth } = CHART;
  const width = labelWidth + plotWidth + valueWidth;
  const height = b.rows.length * rowHeight + 40;
  const share = (r: RepresentationBlock['rows'][number]) => (b.reference ? r.percentOfRecorded : r.percentOfAll);
  let max = 0;
  for (const r of b.rows) max = Math.max(max, share(r) ?? 0, r.intervalHigh ?? 0, r.referencePercent ?? 0);
  for (const r of b.referenceOnly) max = Math.max(max, r.referencePercent);
  max = Math.max(5, Math.ceil(max / 10) * 10);
  const x = (p: number) => labelWidth + (p / max) * plotWidth;
  const ticks: ChartLayout['ticks'] = [];
  for (let t = 0; t <= max; t += max / 5) ticks.push({ x: x(t), label: `${t.toFixed(0)}%` });
  const rows = b.rows.map((r, i): ChartRow => {
    const s = share(r);
    return {
      key: r.category,
      y: 12 + i * rowHeight,
      label: truncate(r.category, 30),
      bar: s === null ? null : { width: Math.max(1, x(s) - labelWidth), valueText: `${s.toFixed(1)}%` },
      interval: s !== null && r.intervalLow !== null && r.intervalHigh !== null ? { x1: x(r.intervalLow), x2: x(r.intervalHigh) } : null,
      placeholder: s === null ? (r.n === null ? marker : 'not compared') : null,
      referenceX: r.referencePercent === null ? null : x(r.referencePercent),
    };
  });
  const description = b.reference
    ? `Bars show each group's percent of people with a recorded category, lines its 95% interval, and diamonds the ${b.reference.name} share. The table below gives the same figures.`
    : 'Bars show each group’s percent of all records and lines its 95% interval. The table below gives the same figures.';
  return { width, height, ticks, rows, description };
}
