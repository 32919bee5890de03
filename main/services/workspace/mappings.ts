// A dataset's mapping: the one the user saved (for this opening of the file, or an earlier opening
// of the same bytes), else the one the recognisers suggest from the profile.
import type { AttributeSuggestion, MappingView } from '../../../shared/api';
import { detectAttributes, suggestMapping, validateMapping, type MappingDocument } from '../../../shared/demographics';
import { RepresentError } from '../../../shared/errors';
import type { Db } from '../../store/database';
import { findDatasetsBySha256, type Dataset } from '../../store/datasets';
import { latestMapping, saveMapping } from '../../store/mappings';
import type { StoredOverview } from '../dataset-overview';
import { columnSummaries, requireDataset, storedOverview } from './datasets';

export function currentMapping(db: Db, dataset: Dataset): { mapping: MappingDocument; source: 'saved' | 'suggested' } {
  const saved = latestSavedMapping(db, dataset);
  if (saved) return { mapping: saved, source: 'saved' };
  return { mapping: suggestMapping(columnSummaries(db, dataset).columns), source: 'suggested' };
}

export function mappingView(db: Db, datasetId: string): MappingView {
  const dataset = requireDataset(db, datasetId);
  const { mapping, source } = currentMapping(db, dataset);
  return view(db, dataset, mapping, source);
}

/** Checks the mapping against the file's columns and saves it as a new version (audited as mapping changed). */
export function saveDatasetMapping(db: Db, datasetId: string, mapping: MappingDocument): MappingView {
  const dataset = requireDataset(db, datasetId);
  const stored = storedOverview(db, dataset);
  const valid = validateMapping(
    mapping,
    stored.overview.columns.map((c) => c.name),
  );
  refuseIdentifierAttributes(valid, stored);
  saveMapping(db, dataset.id, valid);
  return view(db, dataset, valid, 'saved');
}

/**
 * An identifier column's values identify people, and an attribute's categories reach the screen
 * and the report (an open category set keeps raw values as categories), so no attribute may read
 * one. The one exception is a date of birth read as one: the analysis reduces it to whole ages.
 */
function refuseIdentifierAttributes(mapping: MappingDocument, stored: StoredOverview): void {
  stored.overview.columns.forEach((column, i) => {
    const kind = stored.identifierKinds[i];
    if (!kind) return;
    const attribute = mapping.attributes.find((a) => a.column === column.name);
    if (!attribute || (kind === 'date-of-birth' && attribute.scheme === 'date-of-birth')) return;
    throw new RepresentError('bad-mapping', `Column "${column.name}" holds identifiers, so it cannot be mapped as a demographic attribute.`, {
      expected: kind === 'date-of-birth' ? 'a date of birth read with the date-of-birth scheme (as ages), or no mapping' : 'a column that is not an identifier',
      found: 'an identifier column',
      location: { column: column.name },
    });
  });
}

function latestSavedMapping(db: Db, dataset: Dataset): MappingDocument | undefined {
  const own = latestMapping(db, dataset.id);
  if (own) return own.mapping as MappingDocument;
  // The same bytes opened again (a new dataset row) keep the mapping made for them before.
  const earlier = findDatasetsBySha256(db, dataset.sha256).reverse();
  for (const d of earlier) {
    const m = d.id === dataset.id ? undefined : latestMapping(db, d.id);
    if (m) return m.mapping as MappingDocument;
  }
  return undefined;
}

function view(db: Db, dataset: Dataset, mapping: MappingDocument, source: 'saved' | 'suggested'): MappingView {
  const stored = storedOverview(db, dataset);
  const { columns, withValues } = columnSummaries(db, dataset);
  const suggestions: AttributeSuggestion[] = detectAttributes(columns).map((s) => ({
    column: s.column,
    kind: s.kind,
    scheme: s.scheme,
    confidence: s.confidence,
    reason: reasonText(s.reasons, withValues),
  }));
  return {
    datasetId: dataset.id,
    mapping,
    source,
    suggestions,
    columns: stored.overview.columns.map((c, i) => ({ name: c.name, type: c.type, isIdentifier: stored.identifierKinds[i] != null })),
  };
}

function reasonText(reasons: string[], withValues: boolean): string {
  const text = reasons.join(' ').trim() || 'The column looks like this attribute.';
  // Without the file's values in memory only the column's name and type were read: say so.
  return withValues ? text : `${text} (From the column name and type only: analyse the file to check its values.)`;
}
