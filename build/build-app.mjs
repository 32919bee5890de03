// Bundles the Electron side with esbuild:
//   out/app/main.js               the main process (ESM; electron and better-sqlite3 stay external)
//   out/app/preload.cjs           the preload: ONE CommonJS file, because a sandboxed preload can
//                                 require only a few Electron modules — so only 'electron'.
//   out/app/profile-worker.mjs    the profiling worker the main process starts (worker_threads).
//                                 .mjs, because it runs from app.asar.unpacked, where no
//                                 package.json says "type": "module".
//   out/app/api-host.mjs          the data host main forks as a utility process (store, reports).
//                                 It stays inside app.asar, so better-sqlite3 resolves from there.
// The renderer comes from Vite (build/vite.renderer.config.ts). `outRoot` is a parameter so tests
// can build elsewhere.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 45 runs Node 22 in main and Chromium ≥ 150 in the preload (electron-engineering.md §5, §7). */
const MAIN_TARGET = 'node22';
const PRELOAD_TARGET = 'chrome150';

export async function buildApp({ outRoot = path.join(root, 'out'), quiet = false } = {}) {
  const started = Date.now();
  const outdir = path.join(outRoot, 'app');
  const common = {
    absWorkingDir: root,
    bundle: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: quiet ? 'warning' : 'info',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const nodeSide = {
    ...common,
    outdir,
    platform: 'node',
    target: MAIN_TARGET,
    format: 'esm',
    // protobufjs is required lazily by @datadog/sketches-js only for its protobuf (de)serialisation,
    // which Represent never calls; it is not installed.
    external: ['electron', 'better-sqlite3', 'protobufjs/minimal'],
    // CommonJS dependencies call require(); give the ESM bundles one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  };
  const main = await build({ ...nodeSide, entryPoints: { main: 'main/app/main.ts' } });
  const worker = await build({ ...nodeSide, entryPoints: { 'profile-worker': 'main/worker/profile-worker.ts' }, outExtension: { '.js': '.mjs' } });
  const host = await build({ ...nodeSide, entryPoints: { 'api-host': 'main/worker/api-host-entry.ts' }, outExtension: { '.js': '.mjs' } });
  const preload = await build({
    ...common,
    entryPoints: { preload: 'main/app/preload.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    platform: 'browser',
    target: PRELOAD_TARGET,
    format: 'cjs',
    external: ['electron'],
  });
  assertPreloadImportsOnlyElectron(preload.metafile);
  if (!quiet) console.log(`built ${path.relative(root, outdir)} in ${Date.now() - started} ms`);
  return {
    outdir,
    mainFile: path.join(outdir, 'main.js'),
    preloadFile: path.join(outdir, 'preload.cjs'),
    workerFile: path.join(outdir, 'profile-worker.mjs'),
    hostFile: path.join(outdir, 'api-host.mjs'),
    metafiles: { main: main.metafile, preload: preload.metafile, worker: worker.metafile, host: host.metafile },
  };
}

/** A sandboxed preload that requires anything else fails at run time, far from here: fail the build. */
function assertPreloadImportsOnlyElectron(metafile) {
  for (const output of Object.values(metafile.outputs)) {
    const others = output.imports.filter((i) => i.external && i.path !== 'electron');
    if (others.length > 0) {
      throw new Error(`preload must be self-contained; it imports ${others.map((i) => i.path).join(', ')}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildApp({ quiet: process.argv.includes('--quiet') });
}
