// One Represent home (REPRESENT_HOME or the OS app-data folder): its store, opened, migrated and
// with any half-finished export from a killed process finished or undone.
import { existsSync } from 'node:fs';
import type { Db } from '../../store/database-type';
import { openStore } from '../../store/database';
import { representHome, storePath, trustedKeysDir } from '../../store/home';
import { recoverPendingWrites } from './journaled-write';
import { loadTrustedKeys, type TrustedKey } from './keys';

export interface Home {
  dir: string;
  db: Db;
}

export function openHome(env: NodeJS.ProcessEnv = process.env): Home {
  const dir = representHome(env);
  const db = openStore(storePath(dir));
  try {
    recoverPendingWrites(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return { dir, db };
}

/** Trusted keys from the given folder, else this home's trusted-keys folder, else null (none). */
export async function trustedKeysFor(home: string, dir: string | undefined): Promise<ReadonlyMap<string, TrustedKey> | null> {
  if (dir !== undefined) return loadTrustedKeys(dir);
  const own = trustedKeysDir(home);
  return existsSync(own) ? loadTrustedKeys(own) : null;
}
