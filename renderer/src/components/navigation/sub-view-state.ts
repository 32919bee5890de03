// Which sub-view of a split page is showing, remembered per page and dataset in sessionStorage so
// a reload keeps the place. Only sub-view ids are stored (e.g. "attribute-2", "outcomes"): they
// name parts of the page, never a value from the data.
import type { SubViewEntry } from './ContentsList';

/** The Web Storage methods used (sessionStorage in the page; a Map-backed fake in tests). */
export interface SubViewStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function subViewKey(page: string, datasetId: string): string {
  return `represent:sub-view:${page}:${datasetId}`;
}

export function recallSubView(storage: SubViewStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null; // storage denied: start at the first sub-view
  }
}

export function rememberSubView(storage: SubViewStorage | null, key: string, id: string): void {
  try {
    storage?.setItem(key, id);
  } catch {
    // Full or denied: the place is simply not kept across a reload.
  }
}

/** The chosen sub-view if the page still has it (an attribute may have been unmapped since), else the first. */
export function resolveSubView(entries: readonly SubViewEntry[], chosen: string | null): string | undefined {
  return (chosen !== null && entries.some((e) => e.id === chosen) ? chosen : entries[0]?.id) ?? undefined;
}

export function neighbours(entries: readonly SubViewEntry[], current: string | undefined): { previous: SubViewEntry | undefined; next: SubViewEntry | undefined } {
  const i = entries.findIndex((e) => e.id === current);
  if (i < 0) return { previous: undefined, next: undefined };
  return { previous: entries[i - 1], next: entries[i + 1] };
}

/** sessionStorage when the page has it (a sandbox may deny it); null otherwise. */
export function sessionSubViewStorage(): SubViewStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
