// The export request the analyst is still writing, kept per project so leaving the Export request
// page (or closing the app) loses nothing; writeRequestForReport clears it once the request is
// written. The text is the analyst's own words about the request, never row-level data; it is
// stored, never logged or audited (a draft is not an action).
import type { ExportDraftSaveRequest, ExportDraftView } from '../../../shared/api';
import { RepresentError } from '../../../shared/errors';
import type { Db } from '../../store/database-type';
import { getExportDraft, saveExportDraft } from '../../store/export-drafts';
import { getProject } from '../../store/projects';

function requireProject(db: Db, projectId: string): void {
  if (!getProject(db, projectId))
    throw new RepresentError('bad-argument', 'Represent does not know that project.', { expected: 'a project of a remembered dataset', found: 'an id the store does not hold' });
}

/** The saved draft, or an empty one (savedIso null) when there is none. */
export function exportDraftView(db: Db, projectId: string): ExportDraftView {
  requireProject(db, projectId);
  const draft = getExportDraft(db, projectId);
  return draft
    ? { projectId, purpose: draft.purpose, justification: draft.justification, savedIso: draft.updatedAt }
    : { projectId, purpose: '', justification: '', savedIso: null };
}

export function saveExportDraftFor(db: Db, input: ExportDraftSaveRequest, now?: Date): ExportDraftView {
  requireProject(db, input.projectId);
  const saved = saveExportDraft(db, { projectId: input.projectId, purpose: input.purpose, justification: input.justification }, now);
  return { projectId: saved.projectId, purpose: saved.purpose, justification: saved.justification, savedIso: saved.updatedAt };
}
