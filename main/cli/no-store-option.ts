// The --no-store option shared by `represent profile`, `analyse` and `report`, and the lazy opening
// of the store behind it: the store code (SQLite, the audit log) is loaded only for a run that
// records, so `--no-store` pays nothing for it at start-up.
import type { StoreRecorder } from './store-recorder';

export const NO_STORE_OPTION = { 'no-store': { type: 'boolean', default: false } } as const;

export const NO_STORE_USAGE = `  --no-store            record nothing in this Represent home's store (REPRESENT_HOME): no
                        dataset, profile, mapping, report or audit event. Without it, a store
                        that is locked or cannot be written stops the command before it reads
                        FILE (exit 3)`;

/** The home's store, opened and checked writable; null with --no-store. */
export async function openRecorder(noStore: boolean): Promise<StoreRecorder | null> {
  if (noStore) return null;
  const { StoreRecorder } = await import('./store-recorder');
  return StoreRecorder.open();
}
