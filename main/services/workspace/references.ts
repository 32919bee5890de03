// Reference populations the analyst can compare with: the built-in Census 2021 areas, and
// populations imported from a small CSV (a catchment, a GP list, a disease cohort). Imported ones
// are kept as one setting (their parsed distributions: published aggregates the user supplied, no
// row of a dataset), so they survive a restart and every import is audited as a setting change.
import type { ReferenceOption } from '../../../shared/api';
import type { ReferenceChoice } from '../../../shared/analysis';
import { RepresentError } from '../../../shared/errors';
import { listReferences, type CustomReference, type ReferenceSummary } from '../../../shared/reference';
import type { Db } from '../../store/database';
import { getSetting, setSetting } from '../../store/settings';
import { readReferenceFile } from '../report/reference-file';

export const IMPORTED_REFERENCES_SETTING = 'references.imported';
/** England, Census 2021: the comparison when the analyst has not chosen one. */
export const DEFAULT_REFERENCE_ID = 'census2021-england';

export function listReferenceOptions(db: Db): ReferenceOption[] {
  const builtIn: ReferenceOption[] = listReferences().map((summary) => ({ id: summary.id, name: summary.name, kind: 'census-2021', summary }));
  return [...builtIn, ...importedReferences(db).map(importedOption)];
}

/** Reads, checks and stores a reference population CSV; importing a file of the same name again replaces it. */
export async function importReference(db: Db, filePath: string): Promise<ReferenceOption> {
  const reference = await readReferenceFile(filePath);
  const others = importedReferences(db).filter((r) => r.id !== reference.id);
  setSetting(db, IMPORTED_REFERENCES_SETTING, [...others, reference]);
  return importedOption(reference);
}

/** An imported reference by id, or undefined. */
export function getImportedReference(db: Db, id: string): CustomReference | undefined {
  return importedReferences(db).find((r) => r.id === id);
}

/** The reference the analysis compares with: a built-in area or an imported population; default England. */
export function resolveReferenceChoice(db: Db, referenceId: string | undefined): ReferenceChoice {
  const id = referenceId ?? DEFAULT_REFERENCE_ID;
  if (listReferences().some((r) => r.id === id)) return { builtIn: id };
  const custom = getImportedReference(db, id);
  if (custom) return { custom };
  throw new RepresentError('bad-reference', 'There is no reference population with that id.', {
    expected: 'a Census 2021 area or an imported reference population from the list',
    found: 'an id that is neither',
  });
}

function importedReferences(db: Db): CustomReference[] {
  return getSetting<CustomReference[]>(db, IMPORTED_REFERENCES_SETTING) ?? [];
}

function importedOption(reference: CustomReference): ReferenceOption {
  const covers = reference.distributions.map((d) => `${d.label ?? d.attribute} (${d.categories.length} categories${d.total !== undefined ? `, ${d.total.toLocaleString('en-GB')} people` : ''})`);
  const summary: ReferenceSummary = {
    id: reference.id,
    name: reference.name,
    areaCode: '',
    level: 'imported',
    available: reference.distributions.map((d) => ({ attribute: d.attribute, categorySet: d.categorySet, measure: d.measure })),
    notAvailable: [],
  };
  return { id: reference.id, name: reference.name, kind: 'imported', summary, description: `Imported from ${reference.fileName}: ${covers.join('; ')}.` };
}
