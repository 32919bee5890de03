// One CSV per table, from the report model only. Column names follow the export screen's roles
// (n / *_n for counts, *percent* for shares, *_midpoint6 for midpoint-6 counts); suppressed cells
// hold the policy's marker, never a number.

import Papa from 'papaparse';
import { countText, figureText, slug } from './format';
import type { CrossTableBlock, GroupRateBlock, MissingnessBlock, StandardsReport } from './model';

export interface CsvFile {
  /** Relative path inside the report folder, e.g. "tables/representation-ethnicity.csv". */
  name: string;
  text: string;
}

function csv(header: string[], rows: (string | number)[][]): string {
  return Papa.unparse({ fields: header, data: rows }, { newline: '\n' }) + '\n';
}

const plain = (v: number | null, marker: string) => (v === null ? marker : String(v));

export function renderCsvTables(r: StandardsReport): CsvFile[] {
  const marker = r.policy.parameters.marker;
  const files: CsvFile[] = [];
  const used = new Set<string>();
  const add = (base: string, text: string) => {
    let name = `tables/${base}.csv`;
    for (let i = 2; used.has(name); i++) name = `tables/${base}-${i}.csv`;
    used.add(name);
    files.push({ name, text });
  };

  // One completeness table per part of the recommendations (documentation, use).
  for (const part of ['documentation', 'use'] as const) {
    const name = `tables/completeness-${part}.csv`;
    files.push({
      name,
      text: csv(
        ['item_id', 'topic', 'evidence', 'status'],
        r.items.filter((i) => i.part === part).map((i) => [i.id, i.title, i.evidence, r.completeness.find((c) => c.itemId === i.id)!.status]),
      ),
    });
    used.add(name);
  }

  for (const b of r.representation) {
    const sup = (n: number | null) => n === null;
    add(
      `representation-${slug(b.attribute)}`,
      csv(
        ['group', 'n', 'percent_of_all', 'percent_of_recorded', 'interval_low_percent', 'interval_high_percent', 'reference_percent', 'ratio_to_reference'],
        [
          ...b.rows.map((row) => [
            row.category,
            plain(row.n, marker),
            sup(row.n) ? marker : figureText(row.percentOfAll, 1, ''),
            sup(row.n) ? marker : figureText(row.percentOfRecorded, 1, ''),
            sup(row.n) ? marker : figureText(row.intervalLow, 1, ''),
            sup(row.n) ? marker : figureText(row.intervalHigh, 1, ''),
            figureText(row.referencePercent, 1, ''),
            sup(row.n) ? marker : figureText(row.ratio, 2, ''),
          ]),
          ['Total', plain(b.total, marker), b.total === null ? marker : '100.0', '', '', '', '', ''],
        ],
      ),
    );
  }
  for (const b of r.intersections) add(`intersection-${slug(b.tableId)}`, crossCsv(b, marker));
  for (const b of r.periods) add(`period-${slug(b.tableId)}`, crossCsv(b, marker));
  for (const b of r.sites) add(`site-${slug(b.tableId)}`, crossCsv(b, marker));
  for (const m of r.missingness) add(`missingness-by-${slug(m.attribute)}`, missingnessCsv(m, marker));
  for (const b of r.outcomes) add(`outcome-${slug(b.tableId)}`, rateCsv(b, marker, 'events'));
  for (const b of r.overview)
    add(
      `overview-${slug(b.tableId)}`,
      csv(['statistic', 'field', 'value'], b.fields.map((f) => [b.title, f.name, f.value === null ? marker : String(f.value)])),
    );
  return files;
}

function crossCsv(b: CrossTableBlock, marker: string): string {
  return csv(
    [...b.dimensions.map((d) => d.name), 'n'],
    b.cells.map((c) => [...c.coords.map((x) => x ?? 'Total'), countText(c.value, marker).replace(/,/g, '')]),
  );
}

function rateCsv(b: GroupRateBlock, marker: string, what: 'missing' | 'events'): string {
  const mid = b.countMethod === 'midpoint6' ? '_midpoint6' : '';
  return csv(
    [...b.dimensions, `${what}_n${mid}`, `n${mid}`, what === 'missing' ? 'percent_missing' : 'percent'],
    b.rows.map((r) => [...r.group, plain(r.events, marker), plain(r.n, marker), r.percent === null ? marker : r.percent.toFixed(1)]),
  );
}

/** One long table per attribute: group, variable, missing count, group size, percent missing. */
function missingnessCsv(m: MissingnessBlock, marker: string): string {
  const mid = m.blocks.some((b) => b.countMethod === 'midpoint6') ? '_midpoint6' : '';
  return csv(
    [m.attribute, 'variable', `missing_n${mid}`, `n${mid}`, 'percent_missing'],
    m.blocks.flatMap((b) => b.rows.map((r) => [r.group.join(' / '), b.variable, plain(r.events, marker), plain(r.n, marker), r.percent === null ? marker : r.percent.toFixed(1)])),
  );
}
