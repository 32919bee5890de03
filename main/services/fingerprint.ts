// The file fingerprint that ties a report to its source without revealing it: size, modified
// time and SHA-256, computed on the main side while the workers parse.
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';

export async function sha256File(filePath: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const stream = createReadStream(filePath, { highWaterMark: 4 * 1024 * 1024, signal });
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
