// The report last built in this session, kept in memory (never stored) so that going back to the
// Report page shows it again instead of asking for another build. One report: the one the
// Export request page would send.
import type { ReportView } from '../../../shared/api';

let last: { datasetId: string; view: ReportView } | null = null;

export function rememberReport(datasetId: string, view: ReportView): void {
  last = { datasetId, view };
}

/** The remembered report if it is the one the open dataset will send (same dataset, same report id). */
export function recalledReport(datasetId: string, reportId: string | null): ReportView | null {
  return last !== null && reportId !== null && last.datasetId === datasetId && last.view.reportId === reportId ? last.view : null;
}
