// The representation analysis of a remembered dataset. One pass over the file tallies the mapped
// columns (profile-job's analyseFile); the tally holds raw demographic values, so it is kept in
// memory only, for the few most recent datasets, keyed by what the pass depends on: the dataset and
// the mapped columns (in order), a date of birth's reference date, the outcome and period columns.
// A new code mapping, grouping or reference re-runs analyseTally on that tally without the file.
import type { UnmappedValues } from '../../../shared/api';
import { analyseTally, planAnalysis, type AnalysisPlan, type AnalysisResult, type ReferenceChoice, type TallyState } from '../../../shared/analysis';
import { compileMapping, UNMAPPED, type MappingDocument } from '../../../shared/demographics';
import { RepresentError } from '../../../shared/errors';
import type { Dataset } from '../../store/datasets';
import type { ApiDeps } from '../api-types';
import type { ProfileProgress } from '../profile-job';
import { checkFileUnchanged, rememberProfileValues, requireDataset, storedOverview } from './datasets';
import { currentMapping } from './mappings';
import { resolveReferenceChoice } from './references';
import { memoryCache } from './row-level-memory';

/** Tallies kept in memory: the four most recent (dataset, mapped columns) pairs. */
export const CACHED_TALLIES = 4;
/** Unmapped raw values listed per column; the rest are counted. */
export const MAX_UNMAPPED_VALUES = 50;

export interface AnalyseDatasetOptions {
  referenceId?: string;
  signal?: AbortSignal;
  onProgress?(p: ProfileProgress): void;
}

export interface DatasetAnalysis {
  dataset: Dataset;
  result: AnalysisResult;
  /** True when this run read the file; false when it re-used the tally in memory. */
  readFile: boolean;
  reference: ReferenceChoice;
  mapping: MappingDocument;
  /** Per mapped attribute column that is not an identifier: raw values the mapping leaves unmapped (for the TRE screen only). */
  unmapped: UnmappedValues[];
}

interface CachedTally {
  tally: TallyState;
  missingTokens: readonly string[];
}

export async function analyseDataset(
  deps: ApiDeps,
  datasetId: string,
  options: AnalyseDatasetOptions,
): Promise<{ dataset: Dataset; result: AnalysisResult; readFile: boolean }> {
  const { dataset, result, readFile } = await analyseDatasetInDetail(deps, datasetId, options);
  return { dataset, result, readFile };
}

/** analyseDataset with the reference and mapping used and the unmapped values (for the Representation page). */
export async function analyseDatasetInDetail(deps: ApiDeps, datasetId: string, options: AnalyseDatasetOptions): Promise<DatasetAnalysis> {
  const dataset = requireDataset(deps.db, datasetId);
  await checkFileUnchanged(dataset);
  // Settle the reference and mapping before a long pass, so a bad choice fails at once.
  const reference = resolveReferenceChoice(deps.db, options.referenceId);
  const { mapping } = currentMapping(deps.db, dataset);
  const cache = memoryCache<CachedTally>(deps.db, 'tallies', CACHED_TALLIES);
  const key = tallyKey(dataset.id, mapping);
  let cached = cache.get(key);
  const readFile = cached === undefined;
  if (!cached) {
    const analysed = await deps.analyseFile(dataset.filePath, {
      mapping,
      signal: options.signal ?? new AbortController().signal,
      onProgress: options.onProgress ?? (() => undefined),
    });
    if (analysed.profile.file.sha256 !== dataset.sha256)
      throw new RepresentError('file-changed', 'The file’s contents have changed since it was profiled. Open it again to profile it afresh.', {
        expected: 'the same bytes as when profiled (SHA-256)',
        found: 'a different SHA-256',
        location: { file: dataset.fileName },
      });
    cached = { tally: analysed.tally, missingTokens: analysed.profile.options.missingTokens };
    cache.set(key, cached);
    rememberProfileValues(deps.db, dataset.id, analysed.profile);
  }
  const plan = planAnalysis(mapping, cached.tally.columns);
  const result = analyseTally(cached.tally, plan, { reference, missingTokens: cached.missingTokens });
  const identifiers = identifierColumns(deps, dataset);
  return { dataset, result, readFile, reference, mapping: plan.mapping, unmapped: unmappedValues(cached.tally, plan, identifiers) };
}

/** What the tally depends on; everything else in the mapping (codes, groupings) is applied afterwards. */
export function tallyKey(datasetId: string, mapping: MappingDocument): string {
  return JSON.stringify([
    datasetId,
    mapping.attributes.map((a) => [a.column, a.scheme === 'date-of-birth' ? (a.referenceDate ?? null) : null]),
    mapping.outcome?.column ?? null,
    mapping.period?.column ?? null,
  ]);
}

function identifierColumns(deps: ApiDeps, dataset: Dataset): Set<string> {
  const stored = storedOverview(deps.db, dataset);
  return new Set(stored.overview.columns.filter((_, i) => stored.identifierKinds[i] != null).map((c) => c.name));
}

/**
 * Raw values of each mapped attribute that the mapping places in no category, most rows first.
 * Identifier columns (a date of birth among them) are never listed: their values identify people.
 */
export function unmappedValues(tally: TallyState, plan: AnalysisPlan, identifiers: ReadonlySet<string>): UnmappedValues[] {
  const compiled = compileMapping(plan.mapping);
  const out: UnmappedValues[] = [];
  plan.mapping.attributes.forEach((attribute, a) => {
    if (identifiers.has(attribute.column) || attribute.scheme === 'date-of-birth') return;
    // Table 1 + a is the attribute's own table (attribute × outcome × period), its first dimension the attribute.
    const table = tally.tables[1 + a];
    if (!table || table.dims[0] !== a) return;
    const k = table.dims.length;
    const rowsById = new Map<number, number>();
    for (let e = 0; e < table.counts.length; e++) {
      const id = table.ids[e * k]!;
      rowsById.set(id, (rowsById.get(id) ?? 0) + table.counts[e]!);
    }
    const values: { raw: string; rows: number }[] = [];
    for (const [id, rows] of rowsById) {
      const raw = tally.values[a]![id]!;
      if (compiled(a, raw) === UNMAPPED) values.push({ raw, rows });
    }
    if (values.length === 0) return;
    values.sort((x, y) => y.rows - x.rows || (x.raw < y.raw ? -1 : x.raw > y.raw ? 1 : 0));
    out.push({ column: attribute.column, values: values.slice(0, MAX_UNMAPPED_VALUES), more: Math.max(0, values.length - MAX_UNMAPPED_VALUES) });
  });
  return out;
}
