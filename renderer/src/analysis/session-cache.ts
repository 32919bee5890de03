// The last analysis shown in this session, per dataset, so the Mapping page can list the raw
// values it could not place and the Documentation page can quote its evidence without running
// it again. Memory only: it holds exact counts and unmapped codes, which never go to storage.
import type { AnalysisView } from '../../../shared/api';

const lastByDataset = new Map<string, AnalysisView>();
/** The reference the analyst chose per dataset: theirs, so it outlives a stale analysis. */
const referenceChoices = new Map<string, string>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const l of listeners) l();
}

export function rememberAnalysis(view: AnalysisView): void {
  lastByDataset.set(view.datasetId, view);
  changed();
}

export function lastAnalysis(datasetId: string): AnalysisView | null {
  return lastByDataset.get(datasetId) ?? null;
}

/** A saved mapping makes the old analysis stale (its unmapped values, its groups). */
export function forgetAnalysis(datasetId: string): void {
  if (lastByDataset.delete(datasetId)) changed();
}

export function chooseReference(datasetId: string, referenceId: string): void {
  referenceChoices.set(datasetId, referenceId);
}

export function preferredReferenceId(datasetId: string): string | undefined {
  return referenceChoices.get(datasetId);
}

export function subscribeAnalysis(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
