// The analysis behind a report: one profiling-and-tally pass over the file (the same service the
// `analyse` command uses), the representation analysis, and its tables as report sections.

import type { ReferenceChoice } from '../../../shared/analysis';
import type { MappingDocument } from '../../../shared/demographics';
import type { DatasetProfile } from '../../../shared/profile';
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

export interface AnalysedForReport {
  dataset: DatasetFingerprint;
  sections: ReportSectionInput[];
  /** The pass's profile and the mapping as checked against the file: what the store records (value-free parts only). */
  profile: DatasetProfile;
  mapping: MappingDocument;
}

export async function analyseForReport(file: string, options: AnalyseForReportOptions): Promise<AnalysedForReport> {
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
  const custom = options.reference && 'custom' in options.reference ? { customReference: options.reference.custom } : {};
  return {
    dataset: { name: f.name, sizeBytes: f.sizeBytes, modifiedIso: f.modifiedIso, sha256: f.sha256 },
    sections: sectionsFromAnalysis(result, custom),
    profile: analysed.profile,
    mapping: analysed.plan.mapping,
  };
}

