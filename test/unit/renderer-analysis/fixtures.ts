// A real analysis for the renderer helpers' tests: the seeded synthetic extract (messy, with an
// under-recruited group and missing ethnicity) tallied and analysed against England, as the main
// side does for the app.
import { analyseTally } from '../../../shared/analysis';
import type { AnalysisResult } from '../../../shared/analysis/types';
import { EXTRACT_MAPPING, syntheticRows, tallyOf } from '../analysis/helpers';

let cached: AnalysisResult | null = null;

export function syntheticAnalysis(): AnalysisResult {
  if (cached) return cached;
  const { columns, rows } = syntheticRows({ rows: 6000, seed: 8, messy: true, undersample: { attribute: 'ethnicity', category: 'N', factor: 0.1 }, missingEthnicity: { notStated: 0.04, notKnown: 0.06 } });
  const { plan, tally } = tallyOf(EXTRACT_MAPPING, columns, rows);
  cached = analyseTally(tally, plan, { reference: { builtIn: 'census2021-england' } });
  return cached;
}
