// Opens the store: one SQLite file, WAL (readers never block the writer; a killed process leaves
// the last committed state), foreign keys on, FULL sync (a committed audit event survives a power
// cut), and the schema brought up to date.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RepresentError } from '../../shared/errors';
import type { Db } from './database-type';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

export type { Db } from './database-type';

export function openStore(file: string, options: { migrations?: readonly Migration[] } = {}): Db {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    throw storeError(e, file);
  }
  let db: Db;
  try {
    db = new Database(file, { timeout: 10_000 });
  } catch (e) {
    throw storeError(e, file);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    migrate(db, options.migrations ?? MIGRATIONS, file);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof RepresentError) throw e;
    throw storeError(e, file);
  }
}

/**
 * A failure to open, read or write the store as a RepresentError naming the file and the reason
 * (SQLite or file-system code), never the SQL or a value. Exported for callers that write to an
 * open store outside openStore (a lock taken by another process shows up at the write).
 */
export function storeError(e: unknown, file: string): RepresentError {
  if (e instanceof RepresentError) return e;
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EEXIST')
    return new RepresentError('store-error', 'The folder for the store could not be created.', {
      expected: 'a folder this user can write to (REPRESENT_HOME)',
      found: `file-system error ${code}`,
      location: { file },
    });
  // better-sqlite3 reports extended codes (SQLITE_READONLY_DBMOVED, SQLITE_BUSY_SNAPSHOT…): match the primary code.
  const primary = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
  if (primary === 'SQLITE_NOTADB' || primary === 'SQLITE_CORRUPT')
    return new RepresentError('store-error', 'The store file is not a readable SQLite database.', {
      expected: 'a Represent store (SQLite)',
      found: primary === 'SQLITE_NOTADB' ? 'a file of another kind' : 'a damaged database',
      location: { file },
    });
  if (primary === 'SQLITE_CANTOPEN' || primary === 'SQLITE_READONLY' || primary === 'SQLITE_PERM' || primary === 'SQLITE_IOERR' || primary === 'SQLITE_FULL')
    return new RepresentError('store-error', 'The store could not be opened or written: it is read-only, the disk is full, or its folder cannot be written.', {
      expected: 'a folder this user can write to',
      found: `SQLite error ${code}`,
      location: { file },
    });
  if (primary === 'SQLITE_BUSY' || primary === 'SQLITE_LOCKED')
    return new RepresentError('store-error', 'The store is locked by another Represent process.', { found: 'a lock held for over 10 s', location: { file } });
  return new RepresentError('store-error', 'The store could not be opened or written.', { found: code ? `SQLite error ${code}` : 'an unexpected error', location: { file } });
}
