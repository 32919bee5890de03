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
  mkdirSync(path.dirname(file), { recursive: true });
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

function storeError(e: unknown, file: string): RepresentError {
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new RepresentError('store-error', 'The store file is not a readable SQLite database.', {
      expected: 'a Represent store (SQLite)',
      found: code === 'SQLITE_NOTADB' ? 'a file of another kind' : 'a damaged database',
      location: { file },
    });
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM')
    return new RepresentError('store-error', 'The store could not be opened for writing.', {
      expected: 'a folder this user can write to',
      found: `SQLite error ${code}`,
      location: { file },
    });
  if (code === 'SQLITE_BUSY')
    return new RepresentError('store-error', 'The store is locked by another Represent process.', { found: 'a lock held for over 10 s', location: { file } });
  return new RepresentError('store-error', 'The store could not be opened.', { found: code ? `SQLite error ${code}` : 'an unexpected error', location: { file } });
}
