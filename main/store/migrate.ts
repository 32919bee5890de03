// Runs the forward-only schema migrations. All pending steps run in one transaction together with
// their audit event, so a crash or a failing step leaves the store exactly at its old version.
import { RepresentError } from '../../shared/errors';
import type { Db } from './database-type';
import { MIGRATIONS, type Migration } from './migrations';
import { appendAuditEvent, osUserName } from './audit-log';
import { APP_NAME, APP_VERSION } from '../services/app-version';

/** "RPST" in the SQLite header: marks the file as a Represent store. */
export const STORE_APPLICATION_ID = 0x52505354;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration "${m.name}" has version ${m.version}; expected ${i + 1}.`);
  });
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, file?: string): { from: number; to: number } {
  checkSequence(migrations);
  const from = schemaVersion(db);
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== STORE_APPLICATION_ID && (appId !== 0 || from !== 0))
    throw new RepresentError('store-error', 'This file is an SQLite database but not a Represent store.', {
      expected: 'a store written by Represent',
      found: `a database with application id ${appId} and schema version ${from}`,
      location: { file },
    });
  const latest = migrations.length;
  if (from > latest)
    throw new RepresentError('store-error', 'The store was written by a newer version of Represent.', {
      expected: `schema version ${latest} or older (Represent ${APP_VERSION})`,
      found: `schema version ${from}`,
      location: { file },
    });
  if (from === latest) return { from, to: latest };
  // IMMEDIATE takes the write lock first; the version is read again under it, because another
  // process opening the same new store may have migrated it while this one waited.
  const applied = db.transaction(() => {
    const current = schemaVersion(db);
    if (current >= latest) return false;
    for (const m of migrations.slice(current)) m.up(db);
    db.pragma(`application_id = ${STORE_APPLICATION_ID}`);
    db.pragma(`user_version = ${latest}`);
    appendAuditEvent(
      db,
      'store.migrated',
      { fromVersion: current, toVersion: latest, appVersion: APP_VERSION },
      { actor: { name: `${APP_NAME} ${APP_VERSION}`, identityId: null, osUser: osUserName() } },
    );
    return true;
  }).immediate();
  if (!applied) return { from, to: latest };
  const problems = db.pragma('foreign_key_check') as unknown[];
  if (problems.length > 0)
    throw new RepresentError('store-error', 'The store has rows that point at missing rows after the upgrade.', {
      expected: 'no foreign-key violations',
      found: `${problems.length} violation(s)`,
      location: { file },
    });
  return { from, to: latest };
}
