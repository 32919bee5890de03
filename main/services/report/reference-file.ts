// A reference population CSV: read, size-checked and parsed (shared/reference/custom.ts checks every
// row). Used for the CLI's `--reference-file` and the app's reference:import
// (main/services/workspace/references.ts, which keeps the parsed result in the store).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RepresentError } from '../../../shared/errors';
import { parseCustomReference, type CustomReference } from '../../../shared/reference';
import { statInputFile } from '../file-access';

/** A reference file is a few hundred rows; anything far larger is the wrong file. */
export const MAX_REFERENCE_FILE_BYTES = 5 * 1024 * 1024;

export async function readReferenceFile(file: string): Promise<CustomReference> {
  const opened = await statInputFile(file);
  if (opened.sizeBytes > MAX_REFERENCE_FILE_BYTES)
    throw new RepresentError('bad-reference', 'The reference population file is too large.', {
      expected: `a small CSV of at most ${MAX_REFERENCE_FILE_BYTES / 1024 / 1024} MB (one row per attribute and category)`,
      found: `${(opened.sizeBytes / 1024 / 1024).toFixed(1)} MB`,
      location: { file: opened.label },
    });
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new RepresentError('file-not-found', 'The reference population file cannot be read.', { expected: 'a readable CSV file', found: 'a read error', location: { file: opened.label } });
  }
  return parseCustomReference(text, path.basename(file));
}
