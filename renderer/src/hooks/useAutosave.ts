// Autosave for a page's document: a draft in sessionStorage on every change, a debounced save
// through the API, and an immediate save when the page is hidden or closed (visibilitychange,
// pagehide) or the component goes away. The timing lives in analysis/autosave-controller.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import { AutosaveController, type SaveOutcome, type SaveState } from '../analysis/autosave-controller';
import { clearDraft, sessionDraftStorage, writeDraft } from '../analysis/drafts';

export interface UseAutosaveOptions<T> {
  /** sessionStorage key for the draft (see analysis/drafts.ts draftKey). */
  draftKey: string;
  save(value: T): Promise<SaveOutcome>;
  /** Quiet time before saving; the contract asks for about 600 ms. */
  delayMs?: number;
}

export function useAutosave<T>({ draftKey, save, delayMs = 600 }: UseAutosaveOptions<T>) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // The latest save function, without re-creating the controller when the caller's closure changes.
  const saveRef = useRef(save);
  saveRef.current = save;
  const controllerRef = useRef<AutosaveController<T> | null>(null);

  useEffect(() => {
    const storage = sessionDraftStorage();
    const controller = new AutosaveController<T>({
      delayMs,
      save: (v) => saveRef.current(v),
      keepDraft: (value, editedIso) => void writeDraft(storage, draftKey, { value, editedIso }),
      dropDraft: () => clearDraft(storage, draftKey),
      onState: setState,
    });
    controllerRef.current = controller;
    const hidden = () => {
      if (document.visibilityState === 'hidden') void controller.flush();
    };
    const leaving = () => void controller.flush();
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', leaving);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', leaving);
      controllerRef.current = null;
      // Moving to another page: save what is pending (the draft stays until that succeeds).
      void controller.flush().finally(() => controller.dispose());
    };
  }, [draftKey, delayMs]);

  const change = useCallback((value: T) => controllerRef.current?.change(value), []);
  const flush = useCallback(() => controllerRef.current?.flush() ?? Promise.resolve(), []);
  return { state, change, flush };
}
