// Writes the seeded synthetic NHS-like extract to disk (the generator itself is pure, in
// shared/synthetic). Used by `represent sample`, `represent demo` and the benchmark.
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { generateExtract, type ExtractOptions } from '../../shared/synthetic';

export async function writeSampleExtract(target: string, options: ExtractOptions, signal?: AbortSignal): Promise<{ bytes: number }> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const out = createWriteStream(temp);
  let bytes = 0;
  try {
    for (const chunk of generateExtract(options)) {
      if (signal?.aborted) throw new Error('aborted');
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await fs.rename(temp, target);
    return { bytes };
  } catch (e) {
    out.destroy();
    await fs.rm(temp, { force: true });
    throw e;
  }
}
