// Writes an export file so that it exists exactly when the database says it does, even if the
// process is killed at any instant (see store/pending-writes.ts for the journal):
//   1. journal "writing", 2. write and fsync a temp file beside the target,
//   3. one transaction: the caller's records + journal "committed", 4. rename, 5. drop the entry.
// A kill before 3 leaves no target and no records; the next start deletes the temp file. A kill
// after 3 leaves the records; the next start completes the rename.
import { promises as fs, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { RepresentError } from '../../../shared/errors';
import type { Db } from '../../store/database-type';
import { deletePendingWrite, insertPendingWrite, listPendingWrites, markPendingWriteCommitted } from '../../store/pending-writes';

export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.partial`);
}

export async function ensureTargetIsFree(target: string): Promise<void> {
  if (existsSync(target))
    throw new RepresentError('bad-argument', 'The output file already exists; Represent does not overwrite exports.', {
      expected: 'a path where no file exists yet',
      found: 'an existing file',
      location: { file: target },
    });
  try {
    const dir = await fs.stat(path.dirname(target));
    if (!dir.isDirectory()) throw new Error('not a directory');
  } catch {
    throw new RepresentError('file-not-found', 'The folder for the output file does not exist.', { location: { file: path.dirname(target) } });
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename durable on POSIX; Windows cannot open a directory this way, and NTFS
  // journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeJournaled<T>(
  db: Db,
  target: string,
  write: (tempPath: string) => Promise<string>,
  commit: (sha256: string) => T,
): Promise<T> {
  await ensureTargetIsFree(target);
  const temp = tempPathFor(target);
  insertPendingWrite(db, temp, target);
  let result: T;
  try {
    const sha256 = await write(temp);
    result = db
      .transaction(() => {
        const r = commit(sha256);
        markPendingWriteCommitted(db, temp);
        return r;
      })
      .immediate();
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    deletePendingWrite(db, temp);
    throw e;
  }
  await fs.rename(temp, target);
  await syncDirectory(path.dirname(target)).catch(() => undefined);
  deletePendingWrite(db, temp);
  return result;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false; // our pid now: the entry is from a dead process that had it before
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes or undoes writes a killed process left behind. Runs each time a store is opened; an
 * entry whose writer is still running is another process's write in progress and is left alone.
 */
export function recoverPendingWrites(db: Db): { rolledBack: number; rolledForward: number } {
  let rolledBack = 0;
  let rolledForward = 0;
  for (const p of listPendingWrites(db)) {
    if (isRunning(p.ownerPid)) continue;
    if (p.state === 'committed') {
      if (existsSync(p.tempPath) && !existsSync(p.targetPath)) renameSync(p.tempPath, p.targetPath);
      rolledForward++;
    } else {
      rmSync(p.tempPath, { force: true });
      rolledBack++;
    }
    deletePendingWrite(db, p.tempPath);
  }
  return { rolledBack, rolledForward };
}
