// Opening a user's file, with the specific messages the bad-input promise asks for.
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { RepresentError } from '../../shared/errors';

export interface OpenedFile {
  path: string;
  /** The name shown in messages and reports: the base name, never the full path of a TRE share. */
  label: string;
  sizeBytes: number;
  modifiedIso: string;
}

export async function statInputFile(filePath: string): Promise<OpenedFile> {
  const label = path.basename(filePath);
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new RepresentError('file-not-found', 'The file does not exist.', {
        expected: 'a path to a CSV or other delimited text file',
        found: 'nothing at that path',
        location: { file: filePath },
      });
    }
    if (code === 'EACCES' || code === 'EPERM') throw noPermission(filePath);
    throw e;
  }
  if (!stat.isFile()) {
    throw new RepresentError('not-a-file', 'The path is not a file.', {
      expected: 'a CSV or other delimited text file',
      found: stat.isDirectory() ? 'a folder' : 'something that is not a regular file',
      location: { file: filePath },
    });
  }
  try {
    await fs.access(filePath, fsConstants.R_OK);
  } catch {
    throw noPermission(filePath);
  }
  return { path: filePath, label, sizeBytes: stat.size, modifiedIso: stat.mtime.toISOString() };
}

function noPermission(filePath: string): RepresentError {
  return new RepresentError('no-permission', 'The file cannot be read with your account’s permissions.', {
    expected: 'read permission on the file',
    found: 'access denied',
    location: { file: filePath },
  });
}

/** Reads up to `bytes` from the start of the file. */
export async function readHead(filePath: string, bytes: number): Promise<Uint8Array> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
