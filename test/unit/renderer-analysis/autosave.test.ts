// Autosave timing and drafts: nothing typed is lost, whatever order saves, changes and page hides
// come in. Fake timers drive the debounce; a Map stands in for sessionStorage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, savedAtText, type SaveOutcome, type SaveState } from '../../../renderer/src/analysis/autosave-controller';
import { clearDraft, draftKey, newerDraft, readDraft, writeDraft, type DraftStorage } from '../../../renderer/src/analysis/drafts';

class MapStorage implements DraftStorage {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

const isText = (v: unknown): v is string => typeof v === 'string';

function harness(saveImpl?: (value: string) => Promise<SaveOutcome>) {
  const storage = new MapStorage();
  const key = draftKey('answers', 'p1');
  const saved: string[] = [];
  const states: SaveState[] = [];
  const pending: { value: string; resolve(o: SaveOutcome): void }[] = [];
  const controller = new AutosaveController<string>({
    delayMs: 600,
    save:
      saveImpl ??
      ((value) =>
        new Promise<SaveOutcome>((resolve) => {
          pending.push({
            value,
            resolve: (o) => {
              if (o.ok) saved.push(value);
              resolve(o);
            },
          });
        })),
    keepDraft: (value, editedIso) => writeDraft(storage, key, { value, editedIso }),
    dropDraft: () => clearDraft(storage, key),
    onState: (s) => states.push(s),
  });
  return { storage, key, saved, states, pending, controller, draft: () => readDraft(storage, key, isText) };
}

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-05-01T14:05:30Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('keeps a draft at once, saves once after the quiet spell, then drops the draft', async () => {
    const h = harness();
    h.controller.change('a');
    h.controller.change('ab');
    h.controller.change('abc');
    expect(h.draft()?.value).toBe('abc');
    await vi.advanceTimersByTimeAsync(599);
    expect(h.pending).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.pending.map((p) => p.value)).toEqual(['abc']);
    h.pending[0]!.resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saved).toEqual(['abc']);
    expect(h.draft()).toBeNull();
    expect(h.states.at(-1)?.kind).toBe('saved');
    expect(h.controller.dirty).toBe(false);
  });

  it('a change while a save runs is saved after it, never before it, and the draft stays until then', async () => {
    const h = harness();
    h.controller.change('one');
    await vi.advanceTimersByTimeAsync(600);
    h.controller.change('two');
    await vi.advanceTimersByTimeAsync(600);
    // The second save waits for the first.
    expect(h.pending.map((p) => p.value)).toEqual(['one']);
    h.pending[0]!.resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.draft()?.value).toBe('two');
    expect(h.pending.map((p) => p.value)).toEqual(['one', 'two']);
    h.pending[1]!.resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saved).toEqual(['one', 'two']);
    expect(h.draft()).toBeNull();
  });

  it('flush saves at once (page hidden) and a failed save keeps the draft and is tried again', async () => {
    const h = harness();
    h.controller.change('words');
    const flushed = h.controller.flush();
    expect(h.pending.map((p) => p.value)).toEqual(['words']);
    h.pending[0]!.resolve({ ok: false, message: 'The store is locked.' });
    await flushed;
    expect(h.states.at(-1)).toEqual({ kind: 'failed', message: 'The store is locked.' });
    expect(h.draft()?.value).toBe('words');
    expect(h.controller.dirty).toBe(true);
    const again = h.controller.flush();
    h.pending[1]!.resolve({ ok: true });
    await again;
    expect(h.saved).toEqual(['words']);
    expect(h.draft()).toBeNull();
  });

  it('a save that throws counts as failed, not lost', async () => {
    const h = harness(() => Promise.reject(new Error('channel closed')));
    h.controller.change('x');
    await h.controller.flush();
    expect(h.states.at(-1)?.kind).toBe('failed');
    expect(h.draft()?.value).toBe('x');
  });

  it('flush with nothing changed does not save', async () => {
    const h = harness();
    await h.controller.flush();
    expect(h.pending).toHaveLength(0);
  });

  it('shows the save time as HH:MM in local time', () => {
    const at = new Date(2025, 4, 1, 9, 7);
    expect(savedAtText(at)).toBe('Saved at 09:07');
  });
});

describe('drafts', () => {
  it('restores a draft only when it is newer than the saved answers', () => {
    const draft = { value: 'typed', editedIso: '2025-05-01T14:00:00.000Z' };
    expect(newerDraft(draft, null)).toBe(draft);
    expect(newerDraft(draft, '2025-05-01T13:59:59.000Z')).toBe(draft);
    expect(newerDraft(draft, '2025-05-01T14:00:00.000Z')).toBeNull();
    expect(newerDraft(null, null)).toBeNull();
  });

  it('ignores drafts it cannot read, and survives storage that refuses', () => {
    const storage = new MapStorage();
    storage.setItem('k', '{not json');
    expect(readDraft(storage, 'k', isText)).toBeNull();
    storage.setItem('k', JSON.stringify({ value: 3, editedIso: '2025-01-01T00:00:00Z' }));
    expect(readDraft(storage, 'k', isText)).toBeNull();
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(writeDraft(full, 'k', { value: 'x', editedIso: '2025-01-01T00:00:00Z' })).toBe(false);
    expect(writeDraft(null, 'k', { value: 'x', editedIso: '2025-01-01T00:00:00Z' })).toBe(false);
  });
});
