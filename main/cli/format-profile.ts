// The terminal summary of a profile: one line per column, never a data value (frequencies and
// ranges are in the JSON, which stays inside the TRE).
import type { ColumnProfile, DatasetProfile } from '../../shared/profile';
import { formatBytes, formatCount, formatPercent, textTable } from './format';

export function formatProfileSummary(profile: DatasetProfile): string {
  const { file, dialect, ingest } = profile;
  const lines = [
    `${file.name}: ${formatCount(profile.rows)} rows × ${profile.columns.length} columns, ${formatBytes(file.sizeBytes)}`,
    `  ${dialect.encoding}${dialect.bomLength ? ' with BOM' : ''}, ${describeDelimiter(dialect.delimiter)}-delimited, ${describeNewline(dialect.newline)} line endings${dialect.hasHeader ? '' : ', no header row'}`,
    `  SHA-256 ${file.sha256}`,
    '',
    textTable(
      ['Column', 'Type', 'Missing', 'Distinct', 'Notes'],
      profile.columns.map((c) => [c.name, c.type, formatPercent(c.rows ? c.missing.total / c.rows : 0), describeDistinct(c), notes(c)]),
    ),
  ];
  const ragged = ingest.ragged.tooFew + ingest.ragged.tooMany;
  if (ragged > 0) {
    lines.push('', `${formatCount(ragged)} rows had the wrong number of fields (${formatCount(ingest.ragged.tooFew)} too few, ${formatCount(ingest.ragged.tooMany)} too many); first at rows ${ingest.ragged.firstRows.join(', ')}.`);
  }
  if (ingest.blankLines > 0) lines.push(`${formatCount(ingest.blankLines)} blank lines were skipped.`);
  for (const w of ingest.warnings) lines.push(`Note: ${w}`);
  return lines.join('\n');
}

function describeDistinct(c: ColumnProfile): string {
  return c.distinct.exact ? formatCount(c.distinct.count) : `~${formatCount(c.distinct.count)}`;
}

function notes(c: ColumnProfile): string {
  const out: string[] = [];
  if (c.identifier) out.push(`identifier (${c.identifier.kind}): values hidden`);
  if (c.pattern) out.push(c.pattern.kind);
  if (c.nonConforming.count > 0 && c.type !== 'text' && c.type !== 'category') {
    out.push(`${formatCount(c.nonConforming.count)} values not ${c.type}`);
  }
  if (c.date?.format) out.push(`format ${c.date.format}`);
  return out.join('; ');
}

function describeDelimiter(d: string): string {
  return d === ',' ? 'comma' : d === '\t' ? 'tab' : d === ';' ? 'semicolon' : 'pipe';
}

function describeNewline(n: string): string {
  return n === '\n' ? 'LF' : n === '\r\n' ? 'CRLF' : 'CR';
}
