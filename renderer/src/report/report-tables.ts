// The report's tables as plain grids of text, for the Report page to render in React. Each grid
// holds exactly the figures and words that shared/report/render-html.ts writes into the exported
// HTML (a unit test compares the two cell by cell), so the page shows the report as it would be
// exported. Pure functions over the report model; lookups go through maps, so a large report stays
// linear where the string renderer searches lists.
import type { CellStatus } from '../../../shared/disclosure';
import type { CrossTableBlock, GroupRateBlock, MissingnessBlock, RepresentationBlock, StandardsReport } from '../../../shared/report/model';
import { EVIDENCE_LABELS, STATUS_LABELS, countText, figureText, isSuppressed } from '../../../shared/report/format';

export interface GridCell {
  text: string;
  numeric: boolean;
  /** True when the figure is hidden (the policy's marker) or rests on a hidden count. */
  suppressed: boolean;
  /** Heat-table shading band, 0 (lightest) to 4; absent elsewhere. */
  heat?: 0 | 1 | 2 | 3 | 4;
  /** A completeness status, shown as a tag. */
  tag?: 'complete' | 'partial' | 'not-available' | 'missing';
}

export interface GridRow {
  key: string;
  /** The row's header cell (scope="row"). */
  header: string;
  cells: GridCell[];
}

export interface Grid {
  id: string;
  caption: string;
  columns: { label: string; numeric: boolean }[];
  rows: GridRow[];
  /** The protected statistics behind the grid (their disclosure evidence goes beside it). */
  tableIds: string[];
}

const text = (t: string): GridCell => ({ text: t, numeric: false, suppressed: false });
const num = (t: string, suppressed: boolean): GridCell => ({ text: t, numeric: true, suppressed });
const EMPTY: GridCell = { text: '', numeric: true, suppressed: false };

export function markerOf(report: StandardsReport): string {
  return report.policy.parameters.marker;
}

// ── Completeness ───────────────────────────────────────────────────────────────────────────────

export function completenessGrids(report: StandardsReport): Grid[] {
  const status = new Map(report.completeness.map((c) => [c.itemId, c.status]));
  const grid = (part: 'documentation' | 'use', id: string, caption: string): Grid => ({
    id,
    caption,
    columns: [
      { label: 'Item', numeric: false },
      { label: 'Topic', numeric: false },
      { label: 'Evidence', numeric: false },
      { label: 'Status', numeric: false },
    ],
    rows: report.items
      .filter((i) => i.part === part)
      .map((item) => {
        const s = status.get(item.id) ?? 'missing';
        return { key: item.id, header: item.id, cells: [text(item.title), text(EVIDENCE_LABELS[item.evidence]), { ...text(STATUS_LABELS[s]), tag: s }] };
      }),
    tableIds: [],
  });
  return [
    grid('documentation', 'completeness-documentation', 'Part 1: documentation of the dataset (18 items)'),
    grid('use', 'completeness-use', 'Part 2: use of the dataset (11 items; item IDs are placeholders, see caveats)'),
  ];
}

// ── Representation ─────────────────────────────────────────────────────────────────────────────

export function representationGrid(b: RepresentationBlock, marker: string): Grid {
  const hasRef = b.reference !== null;
  const columns = [
    { label: 'Group', numeric: false },
    { label: 'n', numeric: true },
    { label: 'Percent of all', numeric: true },
    ...(hasRef
      ? ['Percent of recorded', '95% interval (percent)', 'Reference percent', 'Ratio to reference'].map((label) => ({ label, numeric: true }))
      : [{ label: '95% interval (percent)', numeric: true }]),
  ];
  const rows: GridRow[] = b.rows.map((row) => {
    const sup = row.n === null;
    const interval = row.intervalLow === null || row.intervalHigh === null ? (sup ? marker : '—') : `${row.intervalLow.toFixed(1)} to ${row.intervalHigh.toFixed(1)}`;
    const derived = (v: number | null, d: number) => (v === null ? (sup ? marker : '—') : v.toFixed(d));
    const cells = [num(countText(row.n, marker), sup), num(derived(row.percentOfAll, 1), sup)];
    if (hasRef)
      cells.push(
        num(derived(row.percentOfRecorded, 1), sup),
        num(interval, sup),
        num(row.referencePercent === null ? (sup ? 'not compared' : '—') : row.referencePercent.toFixed(1), false),
        num(derived(row.ratio, 2), sup),
      );
    else cells.push(num(interval, sup));
    return { key: row.category, header: row.category, cells };
  });
  const totalHidden = b.total === null;
  rows.push({
    key: '\u0000total',
    header: 'Total',
    cells: [num(countText(b.total, marker), totalHidden), num(totalHidden ? marker : '100.0', totalHidden), ...new Array<GridCell>(hasRef ? 4 : 1).fill(EMPTY)],
  });
  return { id: b.id, caption: `${b.title}: published counts and shares`, columns, rows, tableIds: [b.tableId] };
}

// ── Count tables (intersections, periods, sites) ─────────────────────────────────────────────────

const coordKey = (coords: readonly (string | null)[]) => coords.map((c) => (c === null ? '\u0000' : c)).join('\u0001');

function countCell(value: number | null, status: CellStatus, marker: string): GridCell {
  return num(countText(value, marker), isSuppressed(status));
}

export function crossGrid(b: CrossTableBlock, marker: string): Grid {
  if (b.dimensions.length === 2) {
    const [rowDim, colDim] = b.dimensions as [CrossTableBlock['dimensions'][number], CrossTableBlock['dimensions'][number]];
    const byCoords = new Map(b.cells.map((c) => [coordKey(c.coords), c]));
    const colKeys: (string | null)[] = [...colDim.categories, ...(b.hasMargins ? [null] : [])];
    const rowKeys: (string | null)[] = [...rowDim.categories, ...(b.hasMargins ? [null] : [])];
    return {
      id: b.id,
      caption: `${b.title} (counts; rows: ${rowDim.name}, columns: ${colDim.name})`,
      columns: [{ label: rowDim.name, numeric: false }, ...colKeys.map((k) => ({ label: k ?? 'Total', numeric: true }))],
      rows: rowKeys.map((rk) => ({
        key: rk ?? '\u0000total',
        header: rk ?? 'Total',
        cells: colKeys.map((ck) => {
          const c = byCoords.get(coordKey([rk, ck]));
          return c ? countCell(c.value, c.status, marker) : EMPTY;
        }),
      })),
      tableIds: [b.tableId],
    };
  }
  // One or three dimensions: one row per cell, as the exported HTML has it.
  return {
    id: b.id,
    caption: `${b.title} (counts)`,
    columns: [...b.dimensions.map((d) => ({ label: d.name, numeric: false })), { label: 'n', numeric: true }],
    rows: b.cells.map((c) => ({
      key: coordKey(c.coords),
      header: c.coords[0] ?? 'Total',
      cells: [...c.coords.slice(1).map((x) => text(x ?? 'Total')), countCell(c.value, c.status, marker)],
    })),
    tableIds: [b.tableId],
  };
}

// ── Rates (missingness, outcomes) ────────────────────────────────────────────────────────────────

export function rateGrid(b: GroupRateBlock, marker: string): Grid {
  const mid = b.countMethod === 'midpoint6';
  return {
    id: b.id,
    caption: b.title,
    columns: [
      ...b.dimensions.map((d) => ({ label: d, numeric: false })),
      { label: mid ? 'n midpoint6' : 'n', numeric: true },
      { label: mid ? 'Events midpoint6' : 'Events', numeric: true },
      { label: 'Percent', numeric: true },
    ],
    rows: b.rows.map((r) => ({
      key: r.group.join('\u0001'),
      header: r.group[0] ?? '',
      cells: [
        ...r.group.slice(1).map(text),
        countCell(r.n, r.nStatus, marker),
        countCell(r.events, r.eventsStatus, marker),
        num(figureText(r.percent, 1, marker), r.percent === null),
      ],
    })),
    tableIds: [b.tableId],
  };
}

/** Shading band of a missing share (percent), as the exported heat table has it. */
export function heatBand(p: number): 0 | 1 | 2 | 3 | 4 {
  if (p < 5) return 0;
  if (p < 10) return 1;
  if (p < 20) return 2;
  if (p < 40) return 3;
  return 4;
}

export const HEAT_LEGEND = 'Shading: under 5%, 5 to 10%, 10 to 20%, 20 to 40%, 40% or more.';

/** The heat table of missing shares: the longer of variables and groups runs down the page. */
export function heatGrid(m: MissingnessBlock, marker: string): Grid {
  const percentOf = m.blocks.map((b) => new Map(b.rows.map((r) => [r.group.join(' / '), r])));
  const cellFor = (g: string, v: number): GridCell => {
    const r = percentOf[v]?.get(g);
    if (!r) return EMPTY;
    return r.percent === null ? num(marker, true) : { ...num(r.percent.toFixed(1), false), heat: heatBand(r.percent) };
  };
  const byVariable = m.variables.length > m.groups.length;
  const caption = `Percent of people in each ${m.attribute} group with no value, ${byVariable ? 'one row per variable' : 'one column per variable'}`;
  return {
    id: m.id,
    caption: `${caption}. Darker cells have more missing values; every cell also shows its value.`,
    columns: byVariable
      ? [{ label: 'Variable', numeric: false }, ...m.groups.map((g) => ({ label: `${g} percent missing`, numeric: true }))]
      : [{ label: m.attribute, numeric: false }, ...m.blocks.map((b) => ({ label: `${b.variable} percent missing`, numeric: true }))],
    rows: byVariable
      ? m.blocks.map((b, v) => ({ key: b.id, header: b.variable, cells: m.groups.map((g) => cellFor(g, v)) }))
      : m.groups.map((g) => ({ key: g, header: g, cells: m.blocks.map((_, v) => cellFor(g, v)) })),
    tableIds: [...new Set(m.blocks.map((b) => b.tableId))],
  };
}

/** A grid's cells as text, row by row with the header first (what a reader of the table sees). */
export function gridText(grid: Grid): { header: string[]; rows: string[][] } {
  return { header: grid.columns.map((c) => c.label), rows: grid.rows.map((r) => [r.header, ...r.cells.map((c) => c.text)]) };
}
