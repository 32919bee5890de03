// The export request an analyst is still writing, one per project. Not audited: a draft is not an
// action (it is replaced on every autosave); the request written from it is audited with its hash.
// Its text is the analyst's own words, never row-level data, and never goes to a log.
import type { Db } from './database-type';

export interface ExportDraft {
  projectId: string;
  purpose: string;
  justification: string;
  updatedAt: string;
}

export function getExportDraft(db: Db, projectId: string): ExportDraft | null {
  const r = db.prepare('SELECT project_id, purpose, justification, updated_at FROM export_drafts WHERE project_id = ?').get(projectId) as
    | { project_id: string; purpose: string; justification: string; updated_at: string }
    | undefined;
  return r ? { projectId: r.project_id, purpose: r.purpose, justification: r.justification, updatedAt: r.updated_at } : null;
}

export function saveExportDraft(db: Db, draft: Omit<ExportDraft, 'updatedAt'>, now: Date = new Date()): ExportDraft {
  const updatedAt = now.toISOString();
  db.prepare(
    `INSERT INTO export_drafts (project_id, purpose, justification, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (project_id) DO UPDATE SET purpose = excluded.purpose, justification = excluded.justification, updated_at = excluded.updated_at`,
  ).run(draft.projectId, draft.purpose, draft.justification, updatedAt);
  return { ...draft, updatedAt };
}

/** Removes the project's draft; a no-op when there is none. */
export function clearExportDraft(db: Db, projectId: string): void {
  db.prepare('DELETE FROM export_drafts WHERE project_id = ?').run(projectId);
}
