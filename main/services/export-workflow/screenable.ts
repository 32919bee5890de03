// Which files can go into an export: only text formats the disclosure screen can read, so that
// nothing leaves without being checked (SATRE 3.3.07 asks for a policy on outputs that cannot be
// checked; ours is that they cannot be exported).
import { RepresentError } from '../../../shared/errors';
import type { ExportFile, ExportFormat } from '../../../shared/disclosure';

const FORMATS: Record<string, ExportFormat> = {
  csv: 'csv',
  json: 'json',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  txt: 'text',
};

export function screenFormatOf(name: string): ExportFormat | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : FORMATS[name.slice(dot + 1).toLowerCase()];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file as the screen reads it; throws when it is not a screenable text file. */
export function toExportFile(name: string, bytes: Uint8Array, location: string = name): ExportFile {
  const format = screenFormatOf(name);
  if (!format)
    throw new RepresentError('bad-argument', 'Represent exports only files its disclosure screen can check.', {
      expected: 'a .csv, .json, .md, .html or .txt file',
      found: `a file named ${name}`,
      location: { file: location },
    });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new RepresentError('bad-argument', 'An export file is not UTF-8 text.', {
      expected: 'UTF-8 text',
      found: 'bytes that are not UTF-8',
      location: { file: location },
    });
  }
  return { name, format, text };
}
