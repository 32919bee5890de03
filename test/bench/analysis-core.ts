// Hand-run micro-benchmark of the analysis tally's share of a profiling pass, on one thread:
// the cached 1M-row bench file is read and parsed, and its rows go to the profile accumulator
// alone, or to the accumulator and the tally (the suggested mapping's spec), alternately. CPU
// time (process.cpuUsage) is steadier than wall time on a shared machine. Run `npm run bench`
// once first (it writes the file and the mapping), then:
//   npx esbuild test/bench/analysis-core.ts --bundle --platform=node --format=esm --outfile=/tmp/ac.mjs \
//     --external:protobufjs/minimal \
//     --banner:js="import{createRequire}from'module';const require=createRequire(import.meta.url);" && node /tmp/ac.mjs
import { openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sniffDialect } from '../../shared/ingest/dialect';
import { CsvChunkReader } from '../../shared/ingest/csv-chunk-reader';
import { createProfileAccumulator } from '../../shared/profile';
import { createTallyAccumulator } from '../../shared/analysis/tally';
import { planAnalysis, tallySpecFor } from '../../shared/analysis/plan';

const dir = process.env.REPRESENT_BENCH_DIR ?? path.join(os.homedir(), '.cache', 'represent-bench');
const file = path.join(dir, 'synthetic-1000000-seed42.csv');
const mapping: unknown = JSON.parse(readFileSync(file.replace(/\.csv$/, '.mapping.json'), 'utf8'));
const REPEATS = Number(process.argv[2] ?? 3);

const buffer = new Uint8Array(1 << 20);
const fd = openSync(file, 'r');
readSync(fd, buffer, 0, buffer.length, 0);
const dialect = sniffDialect(buffer, { file: 'bench', totalBytes: statSync(file).size });

let tallyMs = 0;

/** One pass over the file; CPU seconds. */
function pass(withTally: boolean): number {
  let columns: string[] = [];
  let accumulator: ReturnType<typeof createProfileAccumulator> | undefined;
  let tally: ReturnType<typeof createTallyAccumulator> | undefined;
  const reader = new CsvChunkReader(
    dialect,
    (rows) => {
      if (!accumulator) {
        columns = reader.columns;
        const spec = tallySpecFor(planAnalysis(mapping, columns), columns);
        // As the profiling worker asks: codes for the tallied columns, missing cells for all.
        accumulator = createProfileAccumulator(columns, {}, { recordCells: withTally, keyColumns: spec.dimensions.map((d) => d.column) });
        if (withTally) tally = createTallyAccumulator(spec, columns);
      }
      accumulator.addRows(rows);
      if (tally) {
        const t = performance.now();
        tally.addRows(rows, accumulator.cells);
        tallyMs += performance.now() - t;
      }
    },
    { file: 'bench', isFirstPart: true },
  );
  const started = process.cpuUsage();
  for (let position = 0; ; ) {
    const got = readSync(fd, buffer, 0, buffer.length, position);
    if (got === 0) break;
    position += got;
    reader.push(buffer.subarray(0, got));
  }
  reader.end();
  accumulator?.toState();
  tally?.toState();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

const profileOnly: number[] = [];
const withTally: number[] = [];
const inTally: number[] = [];
for (let i = 0; i < REPEATS; i++) {
  profileOnly.push(pass(false));
  tallyMs = 0;
  withTally.push(pass(true));
  inTally.push(tallyMs / 1000);
}
closeSync(fd);
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
const min = (xs: number[]) => Math.min(...xs);
console.log(`profile alone      CPU s: ${fmt(profileOnly)}`);
console.log(`profile + tally    CPU s: ${fmt(withTally)}`);
console.log(`in tally.addRows  wall s: ${fmt(inTally)}`);
console.log(`tally share (best of each): +${((min(withTally) / min(profileOnly) - 1) * 100).toFixed(0)}%`);
