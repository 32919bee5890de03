// The analysis tables as disclosure-control inputs (true counts; shared/disclosure protects them).
// Every table counts rows of the same file, so all share one population and protectReport can
// keep their margins consistent. Dimension names are the mapped column names; categories are
// labels, exhaustive (not stated / not known / unmapped included) so cells sum to the totals.
import type { CountTable, RateTable, StatisticInput } from '../disclosure/table';
import type { AnalysisResult } from './types';

export const ANALYSIS_POPULATION = 'rows';

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function analysisToStatistics(result: AnalysisResult): StatisticInput[] {
  const out: StatisticInput[] = [];
  const population = ANALYSIS_POPULATION;
  const labelsOf = (a: number) => {
    const intersectionDims = result.intersections.find((i) => i.attributes.includes(a))?.dimensions.find((d) => d.name === result.attributes[a]!.column);
    if (intersectionDims) return { keys: intersectionDims.keys, labels: intersectionDims.labels };
    const attr = result.attributes[a]!;
    const groups = attr.missingness.groups;
    return { keys: groups.map((g) => g.key), labels: groups.map((g) => g.label) };
  };

  for (const attr of result.attributes) {
    const { keys, labels } = labelsOf(attr.index);
    const byKey = new Map(attr.missingness.groups.map((g) => [g.key, g.rows]));
    const counts: CountTable = {
      kind: 'count-table',
      id: `counts-${slug(attr.column)}`,
      title: `Rows by ${attr.column}`,
      population,
      dimensions: [{ name: attr.column, categories: labels }],
      counts: keys.map((k) => byKey.get(k) ?? 0),
      margins: 'all',
      shares: { over: [attr.column] },
    };
    out.push(counts);

    const m = attr.missingness;
    if (m.columns.length > 0) {
      const rate: RateTable = {
        kind: 'rates',
        id: `missing-by-${slug(attr.column)}`,
        title: `Missing values of each column by ${attr.column}`,
        population,
        dimensions: [
          { name: attr.column, categories: labels },
          { name: 'column', categories: m.columns },
        ],
        numerators: keys.flatMap((k) => m.groups.find((g) => g.key === k)?.missing ?? m.columns.map(() => 0)),
        denominators: keys.flatMap((k) => m.columns.map(() => byKey.get(k) ?? 0)),
        per: 100,
      };
      out.push(rate);
    }
  }

  for (const x of result.intersections) {
    const names = x.dimensions.map((d) => d.name);
    out.push({
      kind: 'count-table',
      id: `cross-${names.map(slug).join('-by-')}`,
      title: `Rows by ${names.join(' × ')}`,
      population,
      dimensions: x.dimensions.map((d) => ({ name: d.name, categories: d.labels })),
      counts: x.counts.slice(),
      margins: 'all',
    });
  }

  if (result.outcome) {
    const o = result.outcome;
    for (const by of o.byAttribute) {
      const attr = result.attributes[by.attribute]!;
      out.push({
        kind: 'rates',
        id: `outcome-${slug(o.column)}-by-${slug(attr.column)}`,
        title: `${o.column}: prevalence by ${attr.column}`,
        population,
        dimensions: [{ name: attr.column, categories: by.groups.map((g) => g.label) }],
        numerators: by.groups.map((g) => g.positive),
        denominators: by.groups.map((g) => g.recorded),
        per: 100,
      });
    }
  }

  if (result.period) {
    const p = result.period;
    const periodName = `${p.column} (${p.granularity})`;
    for (const by of p.byAttribute) {
      const attr = result.attributes[by.attribute]!;
      out.push({
        kind: 'count-table',
        id: `period-${slug(p.column)}-by-${slug(attr.column)}`,
        title: `Rows by ${periodName} and ${attr.column}`,
        population,
        dimensions: [
          { name: periodName, categories: p.periods },
          { name: attr.column, categories: by.labels },
        ],
        counts: by.counts.flat(),
        margins: 'all',
        shares: { over: [attr.column] },
      });
    }
    out.push({
      kind: 'rates',
      id: `period-${slug(p.column)}-missing`,
      title: `Missing values of each column by ${periodName}`,
      population,
      dimensions: [
        { name: periodName, categories: p.periods },
        { name: 'column', categories: p.columnMissing.columns },
      ],
      numerators: p.columnMissing.missing.flat(),
      denominators: p.periods.flatMap((_, i) => p.columnMissing.columns.map(() => p.rows[i]!)),
      per: 100,
    });
  }
  return out;
}
