// One line per export-screen finding: file, where in it, what and which rule. The screen's messages
// describe problems without quoting values, so the line is safe to show and to log.
import type { ScreenFinding } from '../../../shared/disclosure';

export function describeScreenFinding(f: ScreenFinding): string {
  const where = `${f.location.table ? ` table ${f.location.table}` : ''}${f.location.row ? ` row ${f.location.row}` : ''}${f.location.column ? ` column "${f.location.column}"` : ''}${f.location.path ? ` at ${f.location.path}` : ''}`;
  return `${f.file}${where}: ${f.message} (${f.rule})`;
}
