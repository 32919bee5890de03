// Reading and writing bundle zips. Reading is defensive: the whole file is read once (hashed on
// the way), entries are checked for safe names, duplicates, encryption and size before any byte is
// inflated, and nothing is ever extracted to disk. Damage of any kind becomes one `bad-bundle`
// message; yauzl's own texts are not shown because they can quote entry names from a hostile file.
import { createWriteStream, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { RepresentError } from '../../../shared/errors';

export const ZIP_LIMITS = {
  /** Bundles carry aggregate reports; anything this large is not one of ours. */
  maxFileBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 1024 * 1024 * 1024,
};

export interface ZipContents {
  file: string;
  sha256: string;
  entries: Map<string, Buffer>;
}

function damaged(file: string, found: string): RepresentError {
  return new RepresentError('bad-bundle', 'The bundle is damaged or is not a zip file.', {
    expected: 'a complete zip archive written by Represent',
    found,
    location: { file },
  });
}

/** Control characters, and the characters Windows forbids in names (a release is unpacked there too). */
function hasUnsafeCharacter(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c < 0x20 || ':*?"<>|'.includes(segment[i]!)) return true;
  }
  return false;
}

/** Entry names we accept: relative POSIX paths of plain segments. */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 300 || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  return name.split('/').every((seg) => seg.length > 0 && seg !== '.' && seg !== '..' && !hasUnsafeCharacter(seg));
}

export async function readZipFile(file: string): Promise<ZipContents> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new RepresentError('file-not-found', 'The bundle file was not found.', { location: { file } });
  }
  if (!stat.isFile()) throw new RepresentError('not-a-file', 'The bundle path is not a file.', { location: { file } });
  if (stat.size > ZIP_LIMITS.maxFileBytes) throw damaged(file, `a file of ${stat.size} bytes, over the ${ZIP_LIMITS.maxFileBytes}-byte limit`);
  const bytes = await fs.readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true, decodeStrings: true });
  } catch {
    throw damaged(file, 'no readable zip directory (the file is truncated or not a zip)');
  }
  const entries = new Map<string, Buffer>();
  let total = 0;
  try {
    if (zip.entryCount > ZIP_LIMITS.maxEntries) throw damaged(file, `${zip.entryCount} entries`);
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith('/')) continue; // a directory record; we keep no empty folders
      if (!isSafeEntryName(name)) throw damaged(file, `entry ${entries.size + 1} with an unsafe name`);
      if (entries.has(name)) throw damaged(file, `two entries named ${name}`);
      if (entry.isEncrypted()) throw damaged(file, `an encrypted entry (${name})`);
      total += entry.uncompressedSize;
      if (total > ZIP_LIMITS.maxTotalUncompressedBytes) throw damaged(file, 'more uncompressed content than the limit allows');
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      entries.set(name, Buffer.concat(chunks));
    }
  } catch (e) {
    if (e instanceof RepresentError) throw e;
    throw damaged(file, 'an entry that could not be read (the file is truncated or corrupted)');
  } finally {
    zip.close();
  }
  return { file, sha256, entries };
}

export interface ZipEntryInput {
  name: string;
  bytes: Uint8Array;
}

/**
 * Writes a zip to `file` (which must not exist yet), flushes it to disk and returns its SHA-256.
 * Entries get one fixed timestamp so the same content always makes the same bytes.
 */
export async function writeZipFile(file: string, entries: readonly ZipEntryInput[], mtime: Date, signal?: AbortSignal): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength), e.name, { mtime, compress: true });
  zip.end();
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(zip.outputStream, tap, createWriteStream(file, { flags: 'wx' }), signal ? { signal } : {});
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
