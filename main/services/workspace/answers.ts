// A project's STANDING Together answers: the whole document, validated, stored one row per
// top-level field (so each autosave writes, and audits, only what changed), and its completeness
// computed exactly as the report computes it (shared/report/build.ts): catalogueCompleteness over
// fieldState, with the analysis outputs the report will hold for the project's mapping.
import type { AnswersView } from '../../../shared/api';
import type { MappingDocument } from '../../../shared/demographics';
import { RepresentError } from '../../../shared/errors';
import { emptyAnswers, fieldState, parseAnswers, type Answers } from '../../../shared/report/answers';
import { catalogueCompleteness, type AnalysisOutput, type ItemCompleteness } from '../../../shared/standards';
import type { Db } from '../../store/database';
import { listAnswers, saveAnswer } from '../../store/answers';
import { canonicalJson } from '../../store/canonical-json';
import { listProjectDatasets } from '../../store/datasets';
import { latestMapping } from '../../store/mappings';
import { getProject } from '../../store/projects';

/** The fields every answers document carries; they are not stored as answers. */
const HEADER_FIELDS = new Set(['format', 'formatVersion']);

/** The project's answers as saved (an empty document when none are), and when they were last saved. */
export function loadAnswers(db: Db, projectId: string): { answers: Answers; savedIso: string | null } {
  const rows = listAnswers(db, projectId);
  const doc: Record<string, unknown> = { ...emptyAnswers() };
  let savedIso: string | null = null;
  for (const row of rows) {
    // A field removed in a later save is kept as null (the store has no delete): absent again here.
    if (row.answer !== null && !HEADER_FIELDS.has(row.itemId)) doc[row.itemId] = row.answer;
    if (savedIso === null || row.updatedAt > savedIso) savedIso = row.updatedAt;
  }
  return { answers: parseAnswers(doc), savedIso };
}

/** Validates and saves the whole document; only fields that differ from the stored ones are written. */
export function saveAnswers(db: Db, projectId: string, input: unknown, now: Date = new Date()): Answers {
  requireProject(db, projectId);
  const answers = parseAnswers(input);
  const stored = new Map(listAnswers(db, projectId).map((r) => [r.itemId, canonicalJson(r.answer)]));
  const fields = new Set([...Object.keys(answers), ...stored.keys()]);
  db.transaction(() => {
    for (const field of fields) {
      if (HEADER_FIELDS.has(field)) continue;
      const value = (answers as Record<string, unknown>)[field] ?? null;
      const was = stored.get(field) ?? canonicalJson(null);
      if (canonicalJson(value) !== was) saveAnswer(db, projectId, field, value, now);
    }
  }).immediate();
  return answers;
}

export function answersView(db: Db, projectId: string): AnswersView {
  requireProject(db, projectId);
  const { answers, savedIso } = loadAnswers(db, projectId);
  return { projectId, answers, completeness: answersCompleteness(answers, outputsForMapping(projectMapping(db, projectId))), savedIso };
}

/** As in buildReport: the report's items, each judged from the answer fields and the outputs present. */
export function answersCompleteness(answers: Answers, outputsPresent: ReadonlySet<AnalysisOutput>): ItemCompleteness[] {
  return catalogueCompleteness({
    fieldState: (p) => fieldState(answers, p),
    outputsPresent,
    notedItems: new Set(Object.keys(answers.itemNotes ?? {})),
  });
}

/**
 * The analysis outputs a report built with this mapping holds (buildReport adds one per section
 * role present): the dataset's identity always; with mapped attributes, the overview,
 * representation, missingness and flags; intersections with two or more; outcomes and periods
 * when those columns are mapped.
 */
export function outputsForMapping(mapping: MappingDocument | undefined): Set<AnalysisOutput> {
  const present = new Set<AnalysisOutput>(['dataset-identity']);
  const attributes = mapping?.attributes.length ?? 0;
  if (attributes > 0) for (const o of ['overview', 'representation', 'missingness', 'flags'] as const) present.add(o);
  if (attributes > 1) present.add('intersections');
  if (mapping?.outcome) present.add('outcomes');
  if (mapping?.period) present.add('periods');
  return present;
}

/** The saved mapping of the project's most recently opened dataset that has one. */
function projectMapping(db: Db, projectId: string): MappingDocument | undefined {
  for (const d of listProjectDatasets(db, projectId)) {
    const m = latestMapping(db, d.id);
    if (m) return m.mapping as MappingDocument;
  }
  return undefined;
}

function requireProject(db: Db, projectId: string): void {
  if (!getProject(db, projectId))
    throw new RepresentError('bad-argument', 'Represent does not know that project.', { expected: 'a project of a remembered dataset', found: 'an id the store does not hold' });
}
