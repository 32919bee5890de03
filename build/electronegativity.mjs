// Advisory static check: runs Doyensec's Electronegativity over the BUILT main process and
// preload (out/app) and saves its findings as SARIF in test-results/electronegativity.sarif.
// It never fails the build: the tool is unmaintained since 2024 (electron-engineering.md §2.3),
// and its global checks misfire on bundled, custom-protocol code, so those are excluded here and
// covered by our own unit tests instead (test/unit/app: CSP, permissions, navigation).
//
// When @doyensec/electronegativity is not installed it says so and exits 0.
//   node build/electronegativity.mjs            (after npm run build:app)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.join(root, 'out', 'app');
const output = path.join(root, 'test-results', 'electronegativity.sarif');

// Global checks that need the whole app's HTML/JS to judge and misread ours (the CSP is a response
// header from app-protocol.ts; permission and navigation handlers sit in bundled modules), and
// the one that would look up Electron releases online.
const EXCLUDED_CHECKS = [
  'CSPGlobalCheck',
  'PermissionRequestHandlerGlobalCheck',
  'LimitNavigationGlobalCheck',
  'AvailableSecurityFixesGlobalCheck',
];

async function loadElectronegativity() {
  try {
    const mod = await import('@doyensec/electronegativity');
    const run = mod.default?.default ?? mod.default ?? mod.run;
    return typeof run === 'function' ? run : null;
  } catch {
    return null;
  }
}

const run = await loadElectronegativity();
if (!run) {
  console.log('electronegativity: skipped — @doyensec/electronegativity is not installed (add it as a devDependency to run this advisory check).');
  process.exit(0);
}
if (!existsSync(path.join(input, 'main.js')) || !existsSync(path.join(input, 'preload.cjs'))) {
  console.error('electronegativity: out/app is not built; run `npm run build:app` first.');
  process.exit(1);
}

const electronVersion = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('electron/package.json'), 'utf8')).version;
mkdirSync(path.dirname(output), { recursive: true });
const result = await run(
  {
    input,
    output,
    isSarif: true,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

const issues = result?.issues ?? [];
const bySeverity = new Map();
for (const issue of issues) {
  const key = `${issue.severity?.name ?? 'unknown'}/${issue.confidence?.name ?? 'unknown'}`;
  bySeverity.set(key, (bySeverity.get(key) ?? 0) + 1);
}
console.log(`electronegativity: ${issues.length} finding(s) over out/app (advisory) → ${path.relative(root, output)}`);
for (const [key, count] of [...bySeverity].sort()) console.log(`  ${key}: ${count}`);
for (const issue of issues) console.log(`  - ${issue.id} ${issue.file}:${issue.location?.line ?? '?'}`);
