// The app's pages and what every page receives. Pages are state, not URLs: the app never
// navigates, so the navigation guard in the main process never has to judge a URL.
import type { DatasetOverview, RepresentApi } from '../../shared/api';

export type PageName =
  | 'start'
  | 'overview'
  | 'mapping'
  | 'representation'
  | 'documentation'
  | 'report'
  | 'export'
  | 'review'
  | 'settings';

/** The dataset the analyst is working on, once profiled (or reopened from Recent). */
export interface OpenDataset {
  datasetId: string;
  projectId: string;
  path: string;
  overview: DatasetOverview;
  /** The report last built in this session, which an export request sends. */
  reportId: string | null;
}

/** What every page after Start gets: the API, the open dataset, and a way to move on. */
export interface PageContext {
  api: RepresentApi;
  dataset: OpenDataset | null;
  go(page: PageName): void;
  /** Records the report just built, so the export page can send it. */
  setReportId(reportId: string): void;
}

/** Pages that need an open dataset, in the order of the analyst's journey. */
export const DATASET_PAGES: readonly { page: PageName; label: string }[] = [
  { page: 'overview', label: 'Overview' },
  { page: 'mapping', label: 'Mapping' },
  { page: 'representation', label: 'Representation' },
  { page: 'documentation', label: 'Documentation' },
  { page: 'report', label: 'Report' },
  { page: 'export', label: 'Export request' },
];

/** Pages that work without a dataset. */
export const GENERAL_PAGES: readonly { page: PageName; label: string }[] = [
  { page: 'start', label: 'Open a file' },
  { page: 'review', label: 'Review a request' },
  { page: 'settings', label: 'Settings' },
];
