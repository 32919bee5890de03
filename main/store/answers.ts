// STANDING Together answers, one per project and item; saving again replaces the answer.
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';
import { canonicalJson, sha256Hex } from './canonical-json';

export interface StoredAnswer {
  projectId: string;
  itemId: string;
  answer: unknown;
  updatedAt: string;
}

export function saveAnswer(db: Db, projectId: string, itemId: string, answer: unknown, now: Date = new Date()): void {
  const json = canonicalJson(answer);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO answers (project_id, item_id, answer_json, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (project_id, item_id) DO UPDATE SET answer_json = excluded.answer_json, updated_at = excluded.updated_at`,
    ).run(projectId, itemId, json, now.toISOString());
    appendAuditEvent(db, 'answer.saved', { projectId, itemId, sha256: sha256Hex(json) }, { subject: projectId, at: now });
  }).immediate();
}

export function listAnswers(db: Db, projectId: string): StoredAnswer[] {
  const rows = db.prepare('SELECT * FROM answers WHERE project_id = ? ORDER BY item_id').all(projectId) as {
    project_id: string;
    item_id: string;
    answer_json: string;
    updated_at: string;
  }[];
  return rows.map((r) => ({ projectId: r.project_id, itemId: r.item_id, answer: JSON.parse(r.answer_json) as unknown, updatedAt: r.updated_at }));
}
