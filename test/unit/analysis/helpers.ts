// In-process pass for analysis tests: the seeded synthetic extract parsed with papaparse and fed
// to tally accumulators, optionally split into parts and merged as the workers' states are.
import Papa from 'papaparse';
import { generateExtract, type ExtractOptions } from '../../../shared/synthetic';
import { createTallyAccumulator, mergeTallyStates, planAnalysis, tallySpecFor, type AnalysisPlan, type PlanOverrides, type TallyState } from '../../../shared/analysis';

export function syntheticRows(options: ExtractOptions): { columns: string[]; rows: string[][] } {
  const text = [...generateExtract(options)].join('');
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const columns = rows.shift()!;
  return { columns, rows };
}

export const EXTRACT_MAPPING = {
  schemaVersion: 1,
  attributes: [
    { column: 'ETHNIC_CATEGORY', kind: 'ethnicity', scheme: 'nhs-ethnic-category' },
    { column: 'PERSON_PHENOTYPIC_SEX', kind: 'sex', scheme: 'nhs-person-phenotypic-sex' },
    { column: 'PERSON_BIRTH_DATE', kind: 'age', scheme: 'date-of-birth', referenceDate: '2025-03-31' },
    { column: 'REGION_CODE', kind: 'region', scheme: 'ons-region' },
  ],
  outcome: { column: 'OUTCOME_30D', positiveValues: ['1'] },
  period: { column: 'ADMISSION_DATE', granularity: 'year' },
};

/** Tallies rows in parts cut at `cuts` (row indices) and merges the parts in the given order. */
export function tallyOf(doc: unknown, columns: string[], rows: string[][], options: { cuts?: number[]; overrides?: PlanOverrides; reverse?: boolean; maxKeys?: number } = {}): { plan: AnalysisPlan; tally: TallyState } {
  const plan = planAnalysis(doc, columns, options.overrides);
  const spec = tallySpecFor(plan, columns, options.maxKeys);
  const bounds = [0, ...(options.cuts ?? []), rows.length];
  const states = bounds.slice(1).map((end, i) => {
    const acc = createTallyAccumulator(spec, columns);
    // Feed in uneven batches, as the CSV reader does.
    for (let at = bounds[i]!; at < end; at += 777) acc.addRows(rows.slice(at, Math.min(end, at + 777)));
    return acc.toState();
  });
  if (options.reverse) states.reverse();
  return { plan, tally: states.reduce(mergeTallyStates) };
}
