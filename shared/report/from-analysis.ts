// Report sections from an analysis result: which table plays which role, and the reference
// distribution each representation table is compared with. Kept here so wiring the analysis into
// `represent report` (and the app) is one call.

import { analysisToStatistics } from '../analysis/to-statistics';
import type { AnalysisResult } from '../analysis/types';
import { getReference, type ReferenceDistribution } from '../reference';
import type { ReportSectionInput } from './build';
import { THREE_WAY_MIN_PUBLISHABLE_SHARE } from './methods';

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function referenceFor(result: AnalysisResult, id: string): ReferenceDistribution | undefined {
  const attr = result.attributes.find((a) => `counts-${slug(a.column)}` === id);
  if (!attr?.reference) return undefined;
  try {
    return getReference(attr.reference.id, attr.kind, attr.categorySet);
  } catch {
    // A custom reference is not a built-in one: the analysis already compared it; the report
    // then shows the counts without reference markers rather than guess its figures.
    return undefined;
  }
}

export function sectionsFromAnalysis(result: AnalysisResult): ReportSectionInput[] {
  return analysisToStatistics(result).map((original): ReportSectionInput => {
    // Fine intersections are published only when dense enough (rule and reason in ./methods.ts).
    const statistic =
      original.kind === 'count-table' && original.dimensions.length >= 3 ? { ...original, minPublishableShare: THREE_WAY_MIN_PUBLISHABLE_SHARE } : original;
    const id = statistic.id;
    if (id.startsWith('counts-')) {
      const reference = referenceFor(result, id);
      return reference ? { role: 'representation', statistic, reference } : { role: 'representation', statistic };
    }
    if (id.startsWith('missing-by-') || (id.startsWith('period-') && id.endsWith('-missing'))) return { role: 'missingness', statistic };
    if (id.startsWith('cross-')) return { role: 'intersection', statistic };
    if (id.startsWith('outcome-')) return { role: 'outcome', statistic, variable: result.outcome?.column ?? statistic.title };
    if (id.startsWith('period-')) return { role: 'period', statistic };
    return { role: statistic.kind === 'count-table' ? 'intersection' : 'outcome', statistic };
  });
}
