// The rendered files of each built report, kept under the Represent home so that an export
// request sends exactly the bytes the analyst saw (checked against the hashes the store recorded
// when the report was built). They are protected, screened outputs; the store holds only hashes.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RepresentError } from '../../../shared/errors';
import type { FileHash } from '../../store/audit-events';
import { sha256Hex } from '../../store/canonical-json';

export const REPORT_CACHE_DIR = 'report-cache';
/** Older reports than this are removed from the cache (the store still records them). */
export const CACHED_REPORTS = 20;

export interface ReportFile {
  name: string;
  bytes: Buffer;
}

export function reportCacheDir(home: string, reportId?: string): string {
  const root = path.join(home, REPORT_CACHE_DIR);
  return reportId === undefined ? root : path.join(root, reportId);
}

export function hashFiles(files: readonly ReportFile[]): FileHash[] {
  return files.map((f) => ({ path: f.name, sha256: sha256Hex(f.bytes) }));
}

/** Writes the files to a temporary folder and renames it into place, so a report's folder is whole or absent. */
export async function saveReportFiles(home: string, reportId: string, files: readonly ReportFile[]): Promise<void> {
  const root = reportCacheDir(home);
  await fs.mkdir(root, { recursive: true });
  const temp = path.join(root, `.${reportId}.${randomBytes(4).toString('hex')}.partial`);
  try {
    for (const f of files) {
      const file = path.join(temp, ...f.name.split('/'));
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, f.bytes, { flag: 'wx' });
    }
    await fs.rename(temp, reportCacheDir(home, reportId));
  } catch (e) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw new RepresentError('store-error', 'The report’s files could not be kept for the export request.', {
      expected: 'a writable Represent home folder',
      found: (e as NodeJS.ErrnoException).code ?? 'a write error',
      location: { file: root },
    });
  }
  await pruneReportCache(home);
}

/** The files of a built report, each checked against the hash the store recorded. */
export async function readReportFiles(home: string, reportId: string, recorded: readonly FileHash[]): Promise<ReportFile[]> {
  const dir = reportCacheDir(home, reportId);
  const files: ReportFile[] = [];
  for (const h of recorded) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path.join(dir, ...h.path.split('/')));
    } catch {
      throw new RepresentError('file-not-found', 'The files of this report are no longer kept. Build the report again, then write the request.', {
        expected: `the report’s file ${h.path} in the Represent home`,
        found: 'no such file (the report is older than the last 20, or did not pass the export screen)',
        location: { file: dir },
      });
    }
    const hash = sha256Hex(bytes);
    if (hash !== h.sha256)
      throw new RepresentError('file-changed', 'A file of this report was changed after it was built. Build the report again.', {
        expected: `${h.path} with SHA-256 ${h.sha256}`,
        found: `SHA-256 ${hash}`,
        location: { file: dir },
      });
    files.push({ name: h.path, bytes });
  }
  return files;
}

async function pruneReportCache(home: string): Promise<void> {
  const root = reportCacheDir(home);
  const entries = await fs.readdir(root, { withFileTypes: true });
  const folders = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map(async (e) => ({ dir: path.join(root, e.name), mtimeMs: (await fs.stat(path.join(root, e.name))).mtimeMs })),
  );
  folders.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const old of folders.slice(CACHED_REPORTS)) await fs.rm(old.dir, { recursive: true, force: true });
}
