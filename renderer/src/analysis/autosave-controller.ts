// Debounced saving with nothing lost: every change is written to the draft store at once, saved
// after a quiet spell, saved again if it changed while a save was running, and flushed at once
// when the page is hidden. Plain TypeScript (no React) so its timing can be tested with fake
// timers; hooks/useAutosave.ts connects it to a component.

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string };

export interface SaveOutcome {
  ok: boolean;
  /** Shown to the user when the save failed. */
  message?: string;
}

export interface AutosaveOptions<T> {
  save(value: T): Promise<SaveOutcome>;
  /** Keeps the value somewhere that survives a reload (sessionStorage), until a save succeeds. */
  keepDraft(value: T, editedIso: string): void;
  dropDraft(): void;
  onState(state: SaveState): void;
  delayMs: number;
  now?: () => Date;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class AutosaveController<T> {
  private latest: T | null = null;
  /** Increments with every change; a save records the version it sent. */
  private version = 0;
  private savedVersion = 0;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private disposed = false;
  private readonly now: () => Date;
  private readonly setTimer: (f: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.now = options.now ?? (() => new Date());
    this.setTimer = options.setTimer ?? ((f, ms) => setTimeout(f, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** The user changed the value: keep the draft now, save after the quiet spell. */
  change(value: T): void {
    if (this.disposed) return;
    this.latest = value;
    this.version++;
    this.options.keepDraft(value, this.now().toISOString());
    this.options.onState({ kind: 'pending' });
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, this.options.delayMs);
  }

  /** True when a change has not been saved yet. */
  get dirty(): boolean {
    return this.version !== this.savedVersion;
  }

  /** Saves now (page hidden, leaving the page). Resolves when everything changed so far is saved or has failed. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    // One save at a time: a later save could otherwise land before an earlier one and be overwritten.
    // Each check-then-start below is synchronous, so two callers cannot both start a save.
    while (this.inFlight) await this.inFlight;
    if (!this.dirty || this.latest === null || this.disposed) return;
    const run = this.run(this.latest, this.version);
    this.inFlight = run;
    try {
      await run;
    } finally {
      if (this.inFlight === run) this.inFlight = null;
    }
  }

  private async run(value: T, version: number): Promise<void> {
    this.options.onState({ kind: 'saving' });
    let outcome: SaveOutcome;
    try {
      outcome = await this.options.save(value);
    } catch {
      outcome = { ok: false };
    }
    if (this.disposed) return;
    if (!outcome.ok) {
      // The draft stays; the next change or flush tries again.
      this.options.onState({ kind: 'failed', message: outcome.message ?? 'Your answers could not be saved.' });
      return;
    }
    this.savedVersion = version;
    if (this.version === version) {
      this.options.dropDraft();
      this.options.onState({ kind: 'saved', at: this.now() });
    } else {
      // Changed while saving: its timer is running and saves the newer value.
      this.options.onState({ kind: 'pending' });
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }
}

/** "Saved at 14:05" (24-hour, local time: what the page shows). */
export function savedAtText(at: Date): string {
  const pad = (x: number) => String(x).padStart(2, '0');
  return `Saved at ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
