// Hand-run micro-benchmark: papaparse's Node-stream paths against its string parser fed by our own
// chunks (CsvChunkReader), on a ~100 MB synthetic health-like CSV. Prints MiB/s (2^20 bytes/s).
//
//   npx esbuild test/bench/papaparse-paths.ts --bundle --platform=node --format=esm \
//     --outfile=/tmp/pp.mjs --banner:js="import{createRequire}from'module';const require=createRequire(import.meta.url);" \
//   && node /tmp/pp.mjs [--mb 100] [--runs 2]
//
// The file is generated once (seeded) and cached in $REPRESENT_BENCH_DIR or ~/.cache/represent-bench.
// Rows are counted, never retained, except by Papa.parse(string), which returns them all. Each path
// runs in its own child process, so one path's heap (old generation grown by another) cannot slow
// the next: in one shared process the last paths measured ran up to 2× slower than alone.
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { CsvChunkReader } from '../../shared/ingest/csv-chunk-reader';
import { sniffDialect, type Dialect } from '../../shared/ingest/dialect';
import { createTextDecoder } from '../../shared/ingest/encoding';
import { ROW_START_STATE, scanRowState } from '../../shared/ingest/row-boundaries';

const MiB = 1024 * 1024;
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const targetMiB = option('mb', 100);
const runs = option('runs', 3);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]! : '';
const childPath = args.includes('--path') ? args[args.indexOf('--path') + 1]! : undefined;
const childFile = args.includes('--file') ? args[args.indexOf('--file') + 1]! : undefined;
const smallMiB = 20;

// --- The file -----------------------------------------------------------------------------------
// Shaped like the extract in shared/reference/profiling-and-fairness.md §3.2: 12 columns with blanks,
// codes, dates, and a free-text note that is quoted with a comma in 30% of rows.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(file: string, bytes: number): void {
  const rand = mulberry32(20210321);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const ethnicity = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'Z', ''];
  const icd = ['I10', 'E11.9', 'J45.909', 'F32.9', 'M54.5', 'K21.9', 'N39.0', 'R07.9', 'Z00.0'];
  const words = ['seen', 'in', 'clinic', 'follow', 'up', 'referred', 'stable', 'review', 'bloods', 'normal'];
  const tmp = `${file}.part`;
  const fd = openSync(tmp, 'w');
  let written = writeSync(fd, 'patient_id,age,sex,ethnic_category,imd_decile,lsoa21,admission_date,icd10,bmi,systolic_bp,outcome,note\n');
  let id = 1;
  while (written < bytes) {
    const lines: string[] = [];
    for (let k = 0; k < 10_000; k++, id++) {
      const note = rand() < 0.3 ? `"${pick(words)}, ${pick(words)} ${pick(words)}"` : `${pick(words)} ${pick(words)}`;
      const day = 1 + Math.floor(rand() * 28);
      const month = 1 + Math.floor(rand() * 12);
      lines.push(
        [
          id,
          Math.floor(rand() * 100),
          pick(['1', '2', '9']),
          pick(ethnicity),
          rand() < 0.05 ? '' : 1 + Math.floor(rand() * 10),
          `E0${1_000_000 + Math.floor(rand() * 35_000)}`,
          `20${10 + Math.floor(rand() * 14)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          pick(icd),
          rand() < 0.2 ? '' : (15 + rand() * 30).toFixed(1),
          90 + Math.floor(rand() * 90),
          rand() < 0.12 ? 1 : 0,
          note,
        ].join(','),
      );
    }
    written += writeSync(fd, lines.join('\n') + '\n');
  }
  closeSync(fd);
  renameSync(tmp, file);
}

function benchFile(megabytes: number): string {
  const dir = process.env.REPRESENT_BENCH_DIR ?? path.join(os.homedir(), '.cache', 'represent-bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `papaparse-paths-${megabytes}mib.csv`);
  if (!existsSync(file)) {
    process.stdout.write(`generating ${file} … `);
    generate(file, megabytes * MiB);
    console.log('done');
  }
  return file;
}

// --- The paths ----------------------------------------------------------------------------------
type Path = (file: string) => Promise<number> | number; // returns rows seen

// Node read streams deliver 64 KiB chunks by default; 1 MiB is what the profiling worker reads.

/** Papa.parse(Papa.NODE_STREAM_INPUT): a Duplex that emits one row object per row. */
const papaDuplex = (highWaterMark: number): Path => (file) =>
  new Promise((resolve, reject) => {
    let rows = 0;
    const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {});
    parser.on('data', () => rows++);
    parser.on('end', () => resolve(rows));
    parser.on('error', reject);
    createReadStream(file, { highWaterMark }).pipe(parser);
  });

/** Papa.parse(fs.ReadStream, { step }): papaparse reads the Node stream itself, one callback per row. */
const papaStreamStep = (highWaterMark: number): Path => (file) =>
  new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(file, { highWaterMark }) as unknown as File, {
      step: () => rows++,
      complete: () => resolve(rows),
      error: reject,
    });
  });

/** Papa.parse(fs.ReadStream, { chunk }): one callback per Node chunk. */
const papaStreamChunk = (highWaterMark: number): Path => (file) =>
  new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse<string[]>(createReadStream(file, { highWaterMark }) as unknown as File, {
      chunk: (r) => (rows += r.data.length),
      complete: () => resolve(rows),
      error: reject,
    });
  });

function readChunks(file: string, chunkBytes: number, each: (chunk: Uint8Array) => void): void {
  const fd = openSync(file, 'r');
  const buffer = new Uint8Array(chunkBytes);
  try {
    for (let got; (got = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) each(buffer.subarray(0, got));
  } finally {
    closeSync(fd);
  }
}

/** Papa.parse(whole file as one string): needs the file in memory as a string (≤ 512 MiB in V8). */
const papaWholeString: Path = (file) => {
  const text = new TextDecoder().decode(readWhole(file));
  return (Papa.parse<string[]>(text, {}).data as string[][]).length;
};

/** Papa.parse(whole string, { step }): rows handed over one by one and dropped (the reference's setup). */
const papaWholeStringStep: Path = (file) => {
  const text = new TextDecoder().decode(readWhole(file));
  let rows = 0;
  Papa.parse<string[]>(text, { step: () => rows++ });
  return rows;
};

/** Papa.Parser on the whole string, no result wrapping (the engine alone). */
const papaParserWholeString: Path = (file) => {
  const text = new TextDecoder().decode(readWhole(file));
  return (new Papa.Parser({ delimiter: ',', newline: '\n' }).parse(text, 0, false).data as string[][]).length;
};

function readWhole(file: string): Uint8Array {
  const all = new Uint8Array(statSync(file).size);
  let at = 0;
  readChunks(file, 8 * MiB, (c) => {
    all.set(c, at);
    at += c.length;
  });
  return all;
}

/** The floor under any parser: read + streaming UTF-8 decode in 32 KiB windows, nothing else. */
const decodeOnly = (decoder: () => { decode(b: Uint8Array, o: { stream: boolean }): string }): Path => (file) => {
  const d = decoder();
  let chars = 0;
  readChunks(file, MiB, (c) => {
    for (let at = 0; at < c.length; at += 32 * 1024) chars += d.decode(c.subarray(at, at + 32 * 1024), { stream: true }).length;
  });
  return chars > 0 ? 0 : -1;
};

/**
 * Papa.Parser fed tail + text by hand from 1 MiB reads, decoding and parsing `window` bytes at a
 * time: no row work at all, so the gap to CsvChunkReader is the reader's own overhead, and the
 * 1 MiB-window line shows what parsing a whole 1 MiB chunk at once costs.
 */
function bareChunkedParser(window: number): Path {
  return (file) => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const parser = new Papa.Parser({ delimiter: ',', newline: '\n' });
    let tail = '';
    let rows = 0;
    readChunks(file, MiB, (c) => {
      for (let at = 0; at < c.length; at += window) {
        const input = tail + decoder.decode(c.subarray(at, at + window), { stream: true });
        const r = parser.parse(input, 0, true);
        rows += r.data.length;
        tail = input.substring(r.meta.cursor);
      }
    });
    rows += parser.parse(tail, 0, false).data.length;
    return rows;
  };
}

function readerPath(chunkBytes: number): Path {
  return (file) => {
    const d = dialectOf(file);
    let rows = 0;
    const reader = new CsvChunkReader(d, (batch) => (rows += batch.length), { file: 'bench.csv', isFirstPart: true });
    readChunks(file, chunkBytes, (c) => reader.push(c));
    reader.end();
    return rows;
  };
}

/** The quote-aware row-boundary scanner over the whole file (what an exact split would cost). */
const rowScanner: Path = (file) => {
  const d = dialectOf(file);
  let state = ROW_START_STATE;
  readChunks(file, MiB, (c) => (state = scanRowState(c, state, d)));
  return state;
};

const dialects = new Map<string, Dialect>();
function dialectOf(file: string): Dialect {
  let d = dialects.get(file);
  if (!d) {
    const head = new Uint8Array(MiB);
    const fd = openSync(file, 'r');
    const got = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    d = sniffDialect(head.subarray(0, got), { file, totalBytes: statSync(file).size });
    dialects.set(file, d);
  }
  return d;
}

// --- Running ------------------------------------------------------------------------------------
// Throughput is reported per CPU second (user + system time of the child, which includes
// papaparse's stream I/O on libuv threads and V8's GC threads) as well as per wall second: on a
// shared 2-vCPU machine the wall clock mostly measures the neighbours.
const PATHS: Record<string, { label: string; run: Path; small?: boolean }> = {
  decodeTextDecoder: { label: 'read + TextDecoder(stream: true) only', run: decodeOnly(() => new TextDecoder('utf-8', { fatal: true })) },
  decodeOurs: { label: 'read + createTextDecoder (UTF-8 fast path) only', run: decodeOnly(() => createTextDecoder('utf-8', true)) },
  scanner: { label: 'row-boundary scanner (scanRowState), 1 MiB chunks', run: rowScanner },
  duplex64k: { label: 'papaparse Node stream 64 KiB: NODE_STREAM_INPUT duplex', run: papaDuplex(64 * 1024) },
  step64k: { label: 'papaparse Node stream 64 KiB: Papa.parse(ReadStream, step)', run: papaStreamStep(64 * 1024) },
  chunk64k: { label: 'papaparse Node stream 64 KiB: Papa.parse(ReadStream, chunk)', run: papaStreamChunk(64 * 1024) },
  duplex1m: { label: 'papaparse Node stream 1 MiB: NODE_STREAM_INPUT duplex', run: papaDuplex(MiB) },
  step1m: { label: 'papaparse Node stream 1 MiB: Papa.parse(ReadStream, step)', run: papaStreamStep(MiB) },
  chunk1m: { label: 'papaparse Node stream 1 MiB: Papa.parse(ReadStream, chunk)', run: papaStreamChunk(MiB) },
  bareWhole: { label: 'Papa.Parser by hand, 1 MiB reads parsed whole (no row work)', run: bareChunkedParser(MiB) },
  bareWindows: { label: 'Papa.Parser by hand, 1 MiB reads in 32 KiB windows (no row work)', run: bareChunkedParser(32 * 1024) },
  reader64k: { label: 'CsvChunkReader, 64 KiB chunks', run: readerPath(64 * 1024) },
  reader1m: { label: 'CsvChunkReader, 1 MiB chunks', run: readerPath(MiB) },
  reader4m: { label: 'CsvChunkReader, 4 MiB chunks', run: readerPath(4 * MiB) },
  wholeStep: { label: 'Papa.parse(whole string, step) (rows dropped)', run: papaWholeStringStep, small: true },
  wholeRetained: { label: 'Papa.parse(whole string) (rows retained)', run: papaWholeString, small: true },
  wholeParser: { label: 'Papa.Parser on the whole string (rows retained)', run: papaParserWholeString, small: true },
  reader1mSmall: { label: 'CsvChunkReader, 1 MiB chunks', run: readerPath(MiB), small: true },
};

/** In the child: run one path `runs` times and print one line. */
async function measure(label: string, file: string, run: Path): Promise<void> {
  const size = statSync(file).size;
  const cpu: number[] = [];
  const wall: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    rows = await run(file);
    const used = process.cpuUsage(cpuStart);
    wall.push((performance.now() - started) / 1000);
    cpu.push((used.user + used.system) / 1e6);
  }
  const rate = (s: number) => (size / MiB / s).toFixed(1);
  const best = Math.min(...cpu);
  const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.log(
    `${label.padEnd(66)} ${rate(best).padStart(6)} MiB/CPU-s (runs ${cpu.map(rate).join(', ')}; wall ${wall.map(rate).join(', ')} MiB/s)` +
      `${rows > 0 ? `  ${(rows / best / 1e6).toFixed(2)} M rows/CPU-s` : ''}  peak RSS ${peak} MiB`,
  );
}

if (childPath && childFile) {
  const path = PATHS[childPath]!;
  await measure(path.label, childFile, path.run);
} else {
  const big = benchFile(targetMiB);
  const small = benchFile(smallMiB);
  const headBytes = new Uint8Array(MiB);
  const headFd = openSync(big, 'r');
  readSync(headFd, headBytes, 0, MiB, 0);
  closeSync(headFd);
  let sniffed: Dialect | undefined;
  const sniffMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    sniffed = sniffDialect(headBytes, { file: big, totalBytes: statSync(big).size });
    sniffMs.push(performance.now() - t);
  }
  console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`sniffDialect on a 1 MiB head: ${sniffMs.map((m) => m.toFixed(0)).join(', ')} ms →`, JSON.stringify(sniffed));
  let section = '';
  for (const [key, p] of Object.entries(PATHS)) {
    if (only && !p.label.includes(only)) continue;
    const file = p.small ? small : big;
    const heading = p.small ? `\n${smallMiB} MiB file (whole-string parsing holds it all in memory): ${small}` : `\n${targetMiB} MiB file: ${big}`;
    if (heading !== section) console.log((section = heading));
    const child = spawnSync(process.execPath, ['--expose-gc', process.argv[1]!, '--path', key, '--file', file, '--runs', String(runs)], { encoding: 'utf8' });
    process.stdout.write(child.stdout || `${p.label}: failed\n${child.stderr}`);
  }
}
