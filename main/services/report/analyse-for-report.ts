// The analysis behind a report: one profiling-and-tally pass over the file (the same service the
// `analyse` command uses), the representation analysis, and its tables as report sections.

import type { ReferenceChoice } from '../../../shared/analysis';
import { analyseTally } from '../../../shared/analysis';
import { sectionsFromAnalysis, type ReportSectionInput } from '../../../shared/report';
import { analyseFile, type ProfileProgress } from '../profile-job';
import type { DatasetFingerprint } from './build-report';

export interface AnalyseForReportOptions {
  mapping: unknown;
  reference?: ReferenceChoice;
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (p: ProfileProgress) => void;
}

export async function analyseForReport(file: string, options: AnalyseForReportOptions): Promise<{ dataset: DatasetFingerprint; sections: ReportSectionInput[] }> {
  const analysed = await analyseFile(file, {
    mapping: options.mapping,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const result = analyseTally(analysed.tally, analysed.plan, {
    ...(options.reference ? { reference: options.reference } : {}),
    missingTokens: analysed.profile.options.missingTokens,
  });
  const f = analysed.profile.file;
  return { dataset: { name: f.name, sizeBytes: f.sizeBytes, modifiedIso: f.modifiedIso, sha256: f.sha256 }, sections: sectionsFromAnalysis(result) };
}
