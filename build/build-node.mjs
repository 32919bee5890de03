// Bundles the Node-side entry points (CLI, profiling worker, benchmark) with esbuild.
// One bundle per entry keeps start-up fast and lets the worker file be found beside the CLI.
// Native and Electron modules stay external: better-sqlite3 is loaded from node_modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

export const nodeEntries = {
  cli: 'main/cli/index.ts',
  'profile-worker': 'main/worker/profile-worker.ts',
  bench: 'test/bench/bench.ts',
};

export async function buildNode() {
  const started = Date.now();
  await build({
    absWorkingDir: root,
    entryPoints: nodeEntries,
    outdir: 'out/node',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    // protobufjs: required lazily by DDSketch's (unused) protobuf serialisation only.
    // playwright-core: loaded on demand for PDF output only; 8 MB that every command would compile.
    external: ['better-sqlite3', '@duckdb/node-api', 'electron', 'protobufjs/minimal', 'playwright-core'],
    // CommonJS dependencies (papaparse) call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: quiet ? 'warning' : 'info',
  });
  if (!quiet) console.log(`built out/node in ${Date.now() - started} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
}
