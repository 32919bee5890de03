// Drafts of what the user typed, kept in sessionStorage until the main side confirms a save, so a
// crash, a reload or a failed save never loses words. Only the user's own text goes here: the
// answers document holds no row-level data.

/** The Web Storage methods used (sessionStorage in the page; a Map-backed fake in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Draft<T> {
  value: T;
  /** When the user last changed it (ISO 8601). */
  editedIso: string;
}

export function draftKey(kind: string, id: string): string {
  return `represent:draft:${kind}:${id}`;
}

export function readDraft<T>(storage: DraftStorage | null, key: string, isValue: (v: unknown) => v is T): Draft<T> | null {
  if (!storage) return null;
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as { value?: unknown; editedIso?: unknown };
    if (typeof parsed.editedIso !== 'string' || Number.isNaN(Date.parse(parsed.editedIso)) || !isValue(parsed.value)) return null;
    return { value: parsed.value, editedIso: parsed.editedIso };
  } catch {
    return null;
  }
}

/** False when storage refused (full, or disabled): the caller still holds the value in memory. */
export function writeDraft<T>(storage: DraftStorage | null, key: string, draft: Draft<T>): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a draft left behind is older than the saved answers and is ignored on restore.
  }
}

/** The draft when it is newer than what was saved (or nothing was saved yet); otherwise null. */
export function newerDraft<T>(draft: Draft<T> | null, savedIso: string | null): Draft<T> | null {
  if (!draft) return null;
  if (savedIso === null) return draft;
  const saved = Date.parse(savedIso);
  return Number.isNaN(saved) || Date.parse(draft.editedIso) > saved ? draft : null;
}

/** sessionStorage when the page has it (a sandbox may deny it); null otherwise. */
export function sessionDraftStorage(): DraftStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
