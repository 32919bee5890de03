// State for a page split into sub-views: the current one (remembered per dataset, see
// sub-view-state.ts), a way to choose another, and focus moved to the new sub-view's heading when
// the user changes it (not on arrival: then the page's h1 takes focus), so keyboard and screen
// reader users start reading where the new content starts.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { SubViewEntry } from './ContentsList';
import { neighbours, recallSubView, rememberSubView, resolveSubView, sessionSubViewStorage, subViewKey } from './sub-view-state';

export interface SubViewState {
  current: string | undefined;
  previous: SubViewEntry | undefined;
  next: SubViewEntry | undefined;
  select(id: string): void;
  /** Put on the element that holds the sub-view; its first heading takes focus after a change. */
  containerRef: RefObject<HTMLDivElement | null>;
}

export function useSubView(page: string, datasetId: string, entries: readonly SubViewEntry[]): SubViewState {
  const key = subViewKey(page, datasetId);
  const [chosen, setChosen] = useState<string | null>(() => recallSubView(sessionSubViewStorage(), key));
  const containerRef = useRef<HTMLDivElement | null>(null);
  const focusPending = useRef(false);
  const current = resolveSubView(entries, chosen);

  const select = useCallback(
    (id: string) => {
      focusPending.current = true;
      setChosen(id);
      rememberSubView(sessionSubViewStorage(), key, id);
    },
    [key],
  );

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const heading = containerRef.current?.querySelector<HTMLElement>('h2, h3');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }, [current, chosen]);

  const around = useMemo(() => neighbours(entries, current), [entries, current]);
  return { current, ...around, select, containerRef };
}
