// The journal that keeps an export file and the database in step. A bundle is written to a temp
// file registered here as "writing"; the database change that records it also marks the entry
// "committed"; only then is the temp file renamed into place. After a crash, `writing` entries are
// rolled back (temp file removed) and `committed` ones rolled forward (renamed), so a bundle exists
// exactly when the database says it does. See main/services/export-workflow/journaled-write.ts.
import type { Db } from './database-type';

export interface PendingWrite {
  tempPath: string;
  targetPath: string;
  state: 'writing' | 'committed';
  /** The process writing it: recovery leaves a live writer's entry alone. */
  ownerPid: number;
  startedAt: string;
}

export function insertPendingWrite(db: Db, tempPath: string, targetPath: string, now: Date = new Date()): void {
  db.prepare("INSERT INTO pending_writes (temp_path, target_path, state, owner_pid, started_at) VALUES (?, ?, 'writing', ?, ?)").run(
    tempPath,
    targetPath,
    process.pid,
    now.toISOString(),
  );
}

export function markPendingWriteCommitted(db: Db, tempPath: string): void {
  db.prepare("UPDATE pending_writes SET state = 'committed' WHERE temp_path = ?").run(tempPath);
}

export function deletePendingWrite(db: Db, tempPath: string): void {
  db.prepare('DELETE FROM pending_writes WHERE temp_path = ?').run(tempPath);
}

export function listPendingWrites(db: Db): PendingWrite[] {
  const rows = db.prepare('SELECT * FROM pending_writes ORDER BY started_at').all() as {
    temp_path: string;
    target_path: string;
    state: 'writing' | 'committed';
    owner_pid: number;
    started_at: string;
  }[];
  return rows.map((r) => ({ tempPath: r.temp_path, targetPath: r.target_path, state: r.state, ownerPid: r.owner_pid, startedAt: r.started_at }));
}
