// Bundles the Node-side entry points (CLI, profiling worker, data host, benchmark) with esbuild.
// Code splitting: the CLI imports each command when it runs (main/cli/index.ts), so a command
// compiles only its own code, and the worker shares the profiler's chunk with the CLI. Chunks sit
// beside the entries in out/node (profile-job finds the worker beside its own file).
// Native and Electron modules stay external: better-sqlite3 is loaded from node_modules.
// Files are written whole (temp file, then rename), chunks before the entries that import them:
// test runs build in parallel while other runs use out/node, and a CLI started mid-write must
// never read an empty or half-written file (it once ran an empty cli.js and exited 0).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { mkdir, rename, writeFile } from 'node:fs/promises';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

export const nodeEntries = {
  cli: 'main/cli/index.ts',
  'profile-worker': 'main/worker/profile-worker.ts',
  // The data host (a utility process in the app); tests start this build in a worker thread.
  'api-host': 'main/worker/api-host-entry.ts',
  bench: 'test/bench/bench.ts',
};

/**
 * zod's locales index → English only (see build/zod-locales-english.mjs), and two zod features
 * Represent never calls → stubs that say so (build/zod-stubs): less code for every command that
 * loads zod to compile before it can start.
 */
const zodStandIns = {
  './compile.js': 'build/zod-stubs/compile.mjs',
  './from-json-schema.js': 'build/zod-stubs/from-json-schema.mjs',
  '../locales/index.js': 'build/zod-locales-english.mjs',
};
const zodTrimmed = {
  name: 'zod-trimmed',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/(compile|from-json-schema|locales\/index)\.js$/ }, (args) => {
      const standIn = zodStandIns[args.path];
      return standIn && args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: path.join(root, standIn) } : undefined;
    });
  },
};

export async function buildNode() {
  const started = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: nodeEntries,
    outdir: 'out/node',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    sourcemap: true,
    // protobufjs: required lazily by DDSketch's (unused) protobuf serialisation only.
    // playwright-core: loaded on demand for PDF output only; 8 MB that every command would compile.
    external: ['better-sqlite3', '@duckdb/node-api', 'electron', 'protobufjs/minimal', 'playwright-core'],
    // CommonJS dependencies (papaparse) call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: quiet ? 'warning' : 'info',
    plugins: [zodTrimmed],
    write: false,
  });
  await mkdir(path.join(root, 'out/node'), { recursive: true });
  const isEntry = (file) => Object.keys(nodeEntries).some((name) => path.basename(file.path).startsWith(`${name}.js`));
  const ordered = [...result.outputFiles.filter((f) => !isEntry(f)), ...result.outputFiles.filter(isEntry)];
  for (const file of ordered) {
    const temp = `${file.path}.${process.pid}.tmp`;
    await writeFile(temp, file.contents);
    await rename(temp, file.path);
  }
  if (!quiet) console.log(`built out/node in ${Date.now() - started} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
}
