// `npm run bench`: profiling throughput and peak memory of `represent profile` beside DuckDB
// SUMMARIZE on the same files, measured in the same run and reported as ratios.
// Files are generated once with the seeded generator and cached outside git.
import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSampleExtract } from '../../main/services/sample-data';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const cacheDir = process.env.REPRESENT_BENCH_DIR ?? path.join(os.homedir(), '.cache', 'represent-bench');
const cli = path.join(repo, 'out/node/cli.js');
const rssReporter = path.join(repo, 'test/bench/peak-rss.cjs');
const duckdbScript = path.join(repo, 'test/bench/duckdb-summarize.mjs');

interface Run {
  seconds: number;
  maxRssMiB: number;
  /** User + system CPU of the whole process (all threads): steadier than wall time on a shared machine. */
  cpuSeconds: number;
}

async function measure(args: string[]): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', rssReporter, ...args], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
  let report = '';
  child.stdio[3]!.on('data', (d: Buffer) => (report += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
  // The preload runs in worker threads too, so there is one line per thread; all report the
  // process's peak (RUSAGE_SELF), and the largest is the last word.
  const lines = report.trim().split('\n').map((line) => JSON.parse(line) as { maxRssKiB: number; cpuMicros: number });
  const maxRssKiB = Math.max(...lines.map((l) => l.maxRssKiB));
  const cpuMicros = Math.max(...lines.map((l) => l.cpuMicros));
  return { seconds, maxRssMiB: maxRssKiB / 1024, cpuSeconds: cpuMicros / 1e6 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** "2.41 s (2.30–2.77)": the median and, with repeats, the spread. */
function secondsWithSpread(xs: number[]): string {
  const m = `${median(xs).toFixed(2)} s`;
  return xs.length > 1 ? `${m} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})` : m;
}

async function ensureFile(rows: number): Promise<string> {
  const file = path.join(cacheDir, `synthetic-${rows}-seed42.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${rows.toLocaleString('en-GB')} rows into ${file} (once) ...\n`);
    await writeSampleExtract(file, { rows, seed: 42 });
  }
  return file;
}

interface Case {
  label: string;
  rows: number;
  repeats: number;
}

const quick = process.argv.includes('--quick');
const cases: Case[] = quick
  ? [{ label: '1M rows', rows: 1_000_000, repeats: 1 }]
  : [
      { label: '1M rows', rows: 1_000_000, repeats: 3 },
      { label: '10M rows', rows: 10_000_000, repeats: 1 },
    ];

const lines: string[] = [];
const log = (s: string) => {
  lines.push(s);
  process.stdout.write(s + '\n');
};
/**
 * The mapping the analysis case uses: what `represent mapping suggest` proposes for the synthetic
 * extract (six attributes, an outcome and a period), written once beside the cached file.
 */
async function ensureMapping(file: string): Promise<string> {
  const mapping = file.replace(/\.csv$/, '.mapping.json');
  if (!existsSync(mapping)) {
    const child = spawn(process.execPath, [cli, 'mapping', 'suggest', file, '--reference-date', '2025-03-31'], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error(`mapping suggest exited with ${code}`);
    writeFileSync(mapping, out);
  }
  return mapping;
}

log(`Represent benchmark — ${new Date().toISOString()}, ${os.availableParallelism()} cores, Node ${process.version}`);
log('Each figure is the median of the repeats; MB = 10^6 bytes. Ratios > 1 favour Represent.');
log('');
for (const c of cases) {
  const file = await ensureFile(c.rows);
  const mb = statSync(file).size / 1e6;
  const ours: Run[] = [];
  const duck: Run[] = [];
  for (let i = 0; i < c.repeats; i++) {
    // Alternate so the page cache and CPU state favour neither.
    ours.push(await measure([cli, 'profile', file, '--quiet', '--json', path.join(os.tmpdir(), 'represent-bench-profile.json')]));
    duck.push(await measure([duckdbScript, file]));
  }
  const oursS = median(ours.map((r) => r.seconds));
  const duckS = median(duck.map((r) => r.seconds));
  const oursRss = Math.max(...ours.map((r) => r.maxRssMiB));
  const duckRss = Math.max(...duck.map((r) => r.maxRssMiB));
  log(`${c.label} (${mb.toFixed(0)} MB):`);
  log(`  represent profile   ${secondsWithSpread(ours.map((r) => r.seconds))}  ${(mb / oursS).toFixed(1)} MB/s  peak RSS ${oursRss.toFixed(0)} MiB  CPU ${median(ours.map((r) => r.cpuSeconds)).toFixed(2)} s`);
  log(`  DuckDB SUMMARIZE    ${secondsWithSpread(duck.map((r) => r.seconds))}  ${(mb / duckS).toFixed(1)} MB/s  peak RSS ${duckRss.toFixed(0)} MiB  CPU ${median(duck.map((r) => r.cpuSeconds)).toFixed(2)} s`);
  log(`  throughput ratio (represent / DuckDB): ${(duckS / oursS).toFixed(2)}×   memory ratio: ${(oursRss / duckRss).toFixed(2)}×`);
  log('');
}

// The analysis tallies the mapped columns in the same pass as the profile; the target is at most
// 20% more time than profiling alone on the 1M-row file. Measured alternately on the same file.
{
  const file = await ensureFile(1_000_000);
  const mapping = await ensureMapping(file);
  const repeats = quick ? 1 : 3;
  const profiled: Run[] = [];
  const analysed: Run[] = [];
  for (let i = 0; i < repeats; i++) {
    profiled.push(await measure([cli, 'profile', file, '--quiet']));
    analysed.push(await measure([cli, 'analyse', file, '--mapping', mapping, '--reference', 'england-2021', '--quiet']));
  }
  const p = median(profiled.map((r) => r.seconds));
  const a = median(analysed.map((r) => r.seconds));
  log('Analysis (1M rows, suggested mapping: 6 attributes, outcome, period; England reference):');
  const pCpu = median(profiled.map((r) => r.cpuSeconds));
  const aCpu = median(analysed.map((r) => r.cpuSeconds));
  log(`  represent profile   ${secondsWithSpread(profiled.map((r) => r.seconds))}  peak RSS ${Math.max(...profiled.map((r) => r.maxRssMiB)).toFixed(0)} MiB  CPU ${pCpu.toFixed(2)} s`);
  log(`  represent analyse   ${secondsWithSpread(analysed.map((r) => r.seconds))}  peak RSS ${Math.max(...analysed.map((r) => r.maxRssMiB)).toFixed(0)} MiB  CPU ${aCpu.toFixed(2)} s`);
  log(`  time ratio (analyse / profile): ${(a / p).toFixed(2)}×  (target ≤ 1.20×); CPU ratio ${(aCpu / pCpu).toFixed(2)}×`);
  log('');
}
