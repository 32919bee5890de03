// Hand-run micro-benchmark of the profile accumulator alone (no file, no parsing): 1M in-memory
// rows shaped like an NHS extract, fed in batches as the CSV reader would. Reports rows/s and the
// MB/s of CSV text those rows stand for, the time to finish, and the size of the worker state.
//   npx esbuild test/bench/profile-core.ts --bundle --platform=node --format=esm --outfile=/tmp/pc.mjs \
//     --external:protobufjs/minimal \
//     --banner:js="import{createRequire}from'module';const require=createRequire(import.meta.url);" && node /tmp/pc.mjs
// (protobufjs is an optional peer of @datadog/sketches-js, required only by its unused toProto.)
import { serialize } from 'node:v8';
import { createProfileAccumulator, finishProfile, mergeProfileStates } from '../../shared/profile';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const BATCH = 8192;
const REPEATS = 3;

/** mulberry32: seeded, so every run profiles the same table. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLUMNS = [
  'PSEUDO_ID',
  'NHS_NUMBER',
  'PERSON_BIRTH_DATE',
  'AGE_AT_EXTRACT',
  'PERSON_PHENOTYPIC_SEX',
  'PERSON_STATED_GENDER_CODE',
  'ETHNIC_CATEGORY',
  'REGION_CODE',
  'LSOA_CODE',
  'IMD_DECILE',
  'BMI',
  'SYSTOLIC_BP',
  'ADMISSION_DATE',
  'DIAGNOSIS_CODE',
  'CLINICAL_NOTE',
];
const ETHNIC = 'A B C D E F G H J K L M N P R S Z 99'.split(' ');
const WORDS = 'patient seen in clinic follow up weeks review bloods stable discharged referred pain chest'.split(' ');

function nhsNumber(r: () => number): string {
  for (;;) {
    const digits = [9, 9, 9];
    for (let i = 0; i < 6; i++) digits.push(Math.floor(r() * 10));
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += digits[i]! * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return digits.join('') + String(check === 11 ? 0 : check);
  }
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The table is generated once as CSV lines (one string per row, ~110 MB); each batch is split
 * into fields just before it is fed, outside the timer. Like a CSV reader's output, the fields
 * are substrings of a bigger string and become garbage after their batch, so the heap holds the
 * lines but not 15 million field strings (which would make every GC mark ~800 MB).
 */
function generateLines(rows: number): { lines: string[]; bytes: number } {
  const r = rng(42);
  const lines: string[] = [];
  let bytes = 0;
  {
    for (let i = 0; i < rows; i++) {
      const age = Math.floor(r() * 100);
      const sex = r() < 0.51 ? '2' : r() < 0.995 ? '1' : '9';
      const row = [
        String(i + 1),
        nhsNumber(r),
        `${2024 - age}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
        String(age),
        sex,
        r() < 0.97 ? sex : r() < 0.5 ? '9' : 'X',
        r() < 0.03 ? '' : ETHNIC[Math.floor(r() * ETHNIC.length)]!,
        `E1200000${1 + Math.floor(r() * 9)}`,
        `E01${String(Math.floor(r() * 33000)).padStart(6, '0')}`,
        r() < 0.05 ? '' : String(1 + Math.floor(r() * 10)),
        r() < 0.2 ? 'NA' : (15 + r() * 35).toFixed(1),
        r() < 0.1 ? ['NULL', '', 'Not known'][Math.floor(r() * 3)]! : String(90 + Math.floor(r() * 90)),
        `${pad(1 + Math.floor(r() * 28))}/${pad(1 + Math.floor(r() * 12))}/${2015 + Math.floor(r() * 9)}`,
        `${'IJKE'[Math.floor(r() * 4)]}${Math.floor(r() * 100)}${r() < 0.5 ? '' : `.${Math.floor(r() * 10)}`}`,
        `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]} ${Math.floor(r() * 1000)} ${WORDS[Math.floor(r() * WORDS.length)]}`,
      ];
      const line = row.join(',');
      bytes += line.length + 1;
      lines.push(line);
    }
  }
  return { lines, bytes };
}

const table = generateLines(ROWS);

function* batches(): Generator<string[][]> {
  for (let start = 0; start < table.lines.length; start += BATCH) {
    yield table.lines.slice(start, start + BATCH).map((line) => line.split(','));
  }
}

interface Run {
  seconds: number;
  cpuSeconds: number;
  bytes: number;
  finishSeconds: number;
  stateBytes: number;
  tiers: string;
}

function run(): Run {
  const acc = createProfileAccumulator(COLUMNS);
  let seconds = 0;
  let cpuMicros = 0;
  for (const batch of batches()) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    acc.addRows(batch);
    seconds += (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
  }
  const state = acc.toState();
  const stateBytes = serialize(state).length;
  const finishStart = performance.now();
  const profile = finishProfile(state);
  const finishSeconds = (performance.now() - finishStart) / 1000;
  const tiers = profile.map((c) => `${c.name}:${c.distinct.exact ? 'exact' : 'sketch'}:${c.type}${c.identifier ? `[${c.identifier.kind}]` : ''}`).join(' ');
  return { seconds, cpuSeconds: cpuMicros / 1e6, bytes: table.bytes, finishSeconds, stateBytes, tiers };
}

console.log(`${ROWS.toLocaleString('en-GB')} rows × ${COLUMNS.length} columns, batches of ${BATCH}; only addRows is timed`);
// CPU time is reported beside wall time because the benchmark machines are shared: under load
// wall time measures the neighbours as much as the code. (It includes V8's GC helper threads.)
const times: number[] = [];
const cpuTimes: number[] = [];
let last: Run | null = null;
for (let k = 0; k < REPEATS; k++) {
  last = run();
  times.push(last.seconds);
  cpuTimes.push(last.cpuSeconds);
  const mb = last.bytes / 1e6;
  console.log(
    `run ${k + 1}: ${mb.toFixed(1)} MB of CSV text; addRows ${last.seconds.toFixed(2)} s wall (${last.cpuSeconds.toFixed(2)} s CPU) = ` +
      `${(ROWS / last.seconds / 1e6).toFixed(2)} M rows/s = ${(mb / last.seconds).toFixed(0)} MB/s; ` +
      `finish ${(last.finishSeconds * 1000).toFixed(0)} ms; state ${(last.stateBytes / 1e6).toFixed(2)} MB serialised`,
  );
}
const mb = last!.bytes / 1e6;
const best = Math.min(...times);
const bestCpu = Math.min(...cpuTimes);
console.log(
  `best: ${(ROWS / best / 1e6).toFixed(2)} M rows/s, ${(mb / best).toFixed(0)} MB/s wall; ` +
    `${(ROWS / bestCpu / 1e6).toFixed(2)} M rows/s, ${(mb / bestCpu).toFixed(0)} MB/s per CPU-second (one thread, accumulator only)`,
);
console.log(`columns: ${last!.tiers}`);

// Merging two halves costs about as much as the state is big; time it once.
const half = Math.floor(ROWS / 2);
const a = createProfileAccumulator(COLUMNS);
const b = createProfileAccumulator(COLUMNS);
let fed = 0;
for (const batch of batches()) {
  (fed < half ? a : b).addRows(batch);
  fed += batch.length;
}
const mergeStart = performance.now();
mergeProfileStates(structuredClone(a.toState()), structuredClone(b.toState()));
console.log(`clone + merge of two halves: ${(performance.now() - mergeStart).toFixed(0)} ms`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
