// What the Dataset overview page may see of a profile: per column, its type, missing share,
// distinct count and flags — counts and labels only. This is the privacy boundary between the
// profile (which, for non-identifier columns, holds frequencies, ranges and examples) and the
// renderer: nothing here reads `frequencies`, `nonConforming.examples`, `numeric`, `date` or
// `boolean`, so no row value can reach the screen through this page.
//
// The same boundary decides what the store keeps of a profile (`toStoredOverview`): the overview
// and each column's identifier kind, so a remembered dataset can be reopened without the file and
// the store never holds a value from it.
import type { ColumnFlag, ColumnOverview, DatasetOverview } from '../../shared/api';
import { RepresentError } from '../../shared/errors';
import type { ColumnProfile, DatasetProfile, IdentifierKind, InferredType } from '../../shared/profile';

/** The overview of a profile before the store has given it ids. */
export type ProfileOverview = Omit<DatasetOverview, 'datasetId' | 'projectId'>;

/** What saveProfile stores as a profile's summary: counts, types, labels and column names only. */
export interface StoredOverview {
  format: 'represent-overview';
  formatVersion: 1;
  overview: ProfileOverview;
  /** Per column (same order), the identifier kind the profiler found, or null. */
  identifierKinds: (IdentifierKind | null)[];
}

/** At or above this share missing, a column is flagged "mostly missing". */
export const MOSTLY_MISSING_SHARE = 0.5;

const TYPE_LABELS: Record<InferredType, string> = {
  integer: 'Whole number',
  decimal: 'Decimal number',
  date: 'Date',
  datetime: 'Date and time',
  boolean: 'Yes or no',
  category: 'Category',
  text: 'Text',
  empty: 'Empty',
};

const IDENTIFIER_LABELS: Record<IdentifierKind, string> = {
  'nhs-number': 'NHS number',
  email: 'email address',
  phone: 'phone number',
  postcode: 'postcode',
  'date-of-birth': 'date of birth',
  name: 'name',
  'record-key': 'record key',
  'free-text': 'free text',
};

export function toDatasetOverview(profile: DatasetProfile): ProfileOverview {
  return {
    file: { name: profile.file.name, sizeBytes: profile.file.sizeBytes, modifiedIso: profile.file.modifiedIso, sha256: profile.file.sha256 },
    rows: profile.rows,
    dialect: { encoding: profile.dialect.encoding, delimiter: profile.dialect.delimiter, hasHeader: profile.dialect.hasHeader },
    columns: profile.columns.map(toColumnOverview),
    notes: ingestNotes(profile),
  };
}

export function toStoredOverview(profile: DatasetProfile): StoredOverview {
  return { format: 'represent-overview', formatVersion: 1, overview: toDatasetOverview(profile), identifierKinds: profile.columns.map((c) => c.identifier?.kind ?? null) };
}

/** Reads back a stored summary; a summary of another shape (an older app's) is refused, not guessed at. */
export function readStoredOverview(summary: unknown): StoredOverview {
  const s = summary as Partial<StoredOverview> | null;
  if (!s || s.format !== 'represent-overview' || s.formatVersion !== 1 || !s.overview || !Array.isArray(s.identifierKinds))
    throw new RepresentError('store-error', 'The stored profile of this dataset is in a form this version cannot read.', {
      expected: 'a dataset overview saved by this version of Represent',
      found: 'another shape; profile the file again',
    });
  return s as StoredOverview;
}

export function toColumnOverview(column: ColumnProfile): ColumnOverview {
  const missingCount = column.missing.total;
  const missingShare = column.rows > 0 ? missingCount / column.rows : 0;
  return {
    name: column.name,
    type: column.type,
    typeLabel: TYPE_LABELS[column.type],
    rows: column.rows,
    missingCount,
    missingShare,
    distinctCount: column.distinct.count,
    distinctIsEstimate: !column.distinct.exact,
    flags: columnFlags(column, missingShare),
  };
}

function columnFlags(column: ColumnProfile, missingShare: number): ColumnFlag[] {
  const flags: ColumnFlag[] = [];
  if (column.identifier) {
    flags.push({ kind: 'identifier', label: `Identifier (${IDENTIFIER_LABELS[column.identifier.kind]}): values hidden` });
  } else if (column.valuesWithheld) {
    flags.push({ kind: 'identifier', label: 'Values hidden' });
  }
  if (column.nonMissing === 0) {
    flags.push({ kind: 'all-missing', label: 'All missing' });
    return flags;
  }
  if (missingShare >= MOSTLY_MISSING_SHARE) flags.push({ kind: 'mostly-missing', label: 'Mostly missing' });
  if (column.distinct.count === 1) flags.push({ kind: 'constant', label: 'One value only' });
  if (column.nonConforming.count > 0 && column.type !== 'text' && column.type !== 'category') {
    const n = column.nonConforming.count;
    flags.push({ kind: 'mixed-types', label: `${n.toLocaleString('en-GB')} ${n === 1 ? 'value does' : 'values do'} not fit the type` });
  }
  if (!column.identifier && column.distinct.exact && column.nonMissing > 1 && column.distinct.count === column.nonMissing) {
    flags.push({ kind: 'unique', label: 'Every value different' });
  }
  return flags;
}

function ingestNotes(profile: DatasetProfile): string[] {
  const notes = [...profile.ingest.warnings];
  // The profile type names these short/long; the reader's stats (which the profiling job passes
  // through) name them tooFew/tooMany. Accept either until the two agree.
  const ragged = profile.ingest.ragged as { short?: number; long?: number; tooFew?: number; tooMany?: number };
  const short = ragged.short ?? ragged.tooFew ?? 0;
  const long = ragged.long ?? ragged.tooMany ?? 0;
  if (short > 0) notes.push(`${plural(short, 'row')} had fewer fields than the header; the missing fields were treated as empty.`);
  if (long > 0) notes.push(`${plural(long, 'row')} had more fields than the header; the extra fields were not read.`);
  if (profile.ingest.blankLines > 0) notes.push(`${plural(profile.ingest.blankLines, 'blank line')} skipped.`);
  return notes;
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
}
