// Row-level state that must never be persisted (the tally's raw demographic values, a profile's
// frequency tables) lives here, in memory, per store, for the few most recent datasets only.
import type { Db } from '../../store/database';

/** A small map that forgets its least recently used entry past `limit`. */
export class RecentCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting makes this the most recent.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  get size(): number {
    return this.entries.size;
  }
}

const perStore = new WeakMap<Db, Map<string, RecentCache<unknown>>>();

/** The named cache of one store, created on first use (tests and the app each have their own store). */
export function memoryCache<V>(db: Db, name: string, limit: number): RecentCache<V> {
  let caches = perStore.get(db);
  if (!caches) perStore.set(db, (caches = new Map()));
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = new RecentCache<unknown>(limit)));
  return cache as RecentCache<V>;
}
