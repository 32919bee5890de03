// Report sections from an analysis result: which table plays which role, and the reference
// distribution each representation table is compared with. Kept here so wiring the analysis into
// `represent report` (and the app) is one call.

import { analysisToStatistics } from '../analysis/to-statistics';
import type { AnalysisResult } from '../analysis/types';
import { RepresentError } from '../errors';
import { findCustomDistribution, getReference, listReferences, type CustomReference, type ReferenceDistribution } from '../reference';
import type { ReportSectionInput } from './build';
import { THREE_WAY_MIN_PUBLISHABLE_SHARE } from './methods';

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export interface SectionsOptions {
  /**
   * The imported reference population the analysis compared with, when it was not a built-in one.
   * The analysis result names it by id only; its figures come from here.
   */
  customReference?: CustomReference;
}

function referenceFor(result: AnalysisResult, id: string, custom: CustomReference | undefined): ReferenceDistribution | undefined {
  const attr = result.attributes.find((a) => `counts-${slug(a.column)}` === id);
  if (!attr?.reference) return undefined;
  if (custom && attr.reference.id === custom.id) return findCustomDistribution(custom, attr.kind, attr.categorySet, attr.label);
  try {
    return getReference(attr.reference.id, attr.kind, attr.categorySet);
  } catch (e) {
    if (!(e instanceof RepresentError)) throw e;
    // The analysis found these figures, so the same lookup cannot fail for a built-in reference.
    return undefined;
  }
}

/** Refuses to build a report that would silently drop the comparison the analysis made. */
function checkCustomSupplied(result: AnalysisResult, custom: CustomReference | undefined): void {
  const used = result.reference;
  if (!used || listReferences().some((r) => r.id === used.id) || custom?.id === used.id) return;
  throw new RepresentError('bad-reference', 'The analysis compared with an imported reference population that was not given to the report.', {
    expected: custom ? 'the reference population file the analysis used' : 'the imported reference population file the analysis used (--reference-file)',
    found: custom ? 'a different reference population file' : 'no reference population file',
  });
}

export function sectionsFromAnalysis(result: AnalysisResult, options: SectionsOptions = {}): ReportSectionInput[] {
  checkCustomSupplied(result, options.customReference);
  return analysisToStatistics(result).map((original): ReportSectionInput => {
    // Fine intersections are published only when dense enough (rule and reason in ./methods.ts).
    const statistic =
      original.kind === 'count-table' && original.dimensions.length >= 3 ? { ...original, minPublishableShare: THREE_WAY_MIN_PUBLISHABLE_SHARE } : original;
    const id = statistic.id;
    if (id.startsWith('counts-')) {
      const reference = referenceFor(result, id, options.customReference);
      return reference ? { role: 'representation', statistic, reference } : { role: 'representation', statistic };
    }
    if (id.startsWith('missing-by-') || (id.startsWith('period-') && id.endsWith('-missing'))) return { role: 'missingness', statistic };
    if (id.startsWith('cross-')) return { role: 'intersection', statistic };
    if (id.startsWith('outcome-')) return { role: 'outcome', statistic, variable: result.outcome?.column ?? statistic.title };
    if (id.startsWith('period-')) return { role: 'period', statistic };
    return { role: statistic.kind === 'count-table' ? 'intersection' : 'outcome', statistic };
  });
}
