// The shipped bundles — the renderer (Vite) and the main process and preload (esbuild) — are
// built here exactly as for release, into a temp folder, and searched: no trace of the test
// bridge, no networking module, and no remote URL other than the few identifier strings below
// that no code ever fetches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer } from '../../../build/vite.renderer.config';
// @ts-expect-error plain ESM build script without type declarations
import { buildApp } from '../../../build/build-app.mjs';
import { BRIDGE_PATH_PREFIX, BRIDGE_TOKEN_HEADER } from '../../bridge/server';
import { profileFile } from '../../../main/services/profile-job';
import { CPS_FIXTURE } from './fixture-values';

/**
 * URLs allowed to appear in shipped code, and why each can never cause a request. Anything else
 * fails the test: a CDN, a font host, a telemetry or update endpoint.
 */
const IDENTIFIER_URLS: Record<string, string> = {
  'http://www.w3.org/2000/svg': 'SVG XML namespace name (React, inline SVG icons)',
  'http://www.w3.org/1999/xlink': 'XLink namespace name (React)',
  'http://www.w3.org/XML/1998/namespace': 'XML namespace name (React)',
  'http://www.w3.org/1998/Math/MathML': 'MathML namespace name (React)',
  'https://react.dev/errors/': "text of React's production error messages; the page never follows it",
  'https://json-schema.org/draft/2020-12/schema': "JSON Schema $schema identifier (zod's JSON Schema output)",
  'http://json-schema.org/draft-07/schema#': "JSON Schema $schema identifier (zod's JSON Schema output)",
  'http://json-schema.org/draft-04/schema#': "JSON Schema $schema identifier (zod's JSON Schema output)",
  'http://[${value}]': "zod's IPv6 check: wraps a string in a URL only to parse it",
  'http://[${e}]': "zod's IPv6 check, minified: wraps a string in a URL only to parse it",
  'http://': "a scheme prefix string in ajv's URI parser (fast-uri), used to parse $ids",
  'http://json-schema.org/schema': "ajv's default meta-schema identifier",
  'https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#': "ajv's $data meta-schema identifier (the schema is bundled; ajv has no loadSchema, so it never fetches)",
  'https://represent.invalid/schemas/standards-report-1.json': "the report JSON Schema's own $id; .invalid can never resolve",
};

/**
 * ajv (validating report JSON in the main process) carries the JSON Schema 2020-12 meta-schemas
 * under their $id URLs. They are bundled identifiers; ajv is never given a loadSchema, so it
 * cannot fetch anything.
 */
const IDENTIFIER_URL_PATTERNS: readonly RegExp[] = [/^https:\/\/json-schema\.org\/draft\/2020-12\/(?:meta|vocab)\/[a-z-]+$/];

/**
 * Source citations inside the bundled reference data (code sets, Census tables, the STANDING
 * Together catalogue): plain strings shown to people as provenance, never fetched. Collected from
 * the data files themselves, so a URL added to code rather than data still fails.
 */
async function citationUrlsInData(): Promise<Set<string>> {
  const roots = ['shared/demographics/codesets', 'shared/reference/data', 'shared/standards', 'shared/disclosure/presets'];
  const urls = new Set<string>();
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await visit(full);
      else if (entry.name.endsWith('.json')) for (const u of urlsIn(await readFile(full, 'utf8'))) urls.add(u);
    }
  };
  for (const root of roots) await visit(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', root));
  return urls;
}

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici', 'ws'];

const BRIDGE_MARKERS = [BRIDGE_PATH_PREFIX, BRIDGE_TOKEN_HEADER, '__BRIDGE_', 'test-bridge', 'page-client', 'startTestBridge'];

let outRoot: string;
const files: { name: string; text: string }[] = [];

async function collect(dir: string, label: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await collect(full, `${label}/${entry.name}`);
    else files.push({ name: `${label}/${entry.name}`, text: await readFile(full, 'utf8') });
  }
}

function urlsIn(text: string): string[] {
  return [...text.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]*/g)].map((m) => m[0]);
}

beforeAll(async () => {
  outRoot = await mkdtemp(path.join(tmpdir(), 'represent-bundle-'));
  await buildRenderer({ outDir: path.join(outRoot, 'renderer') });
  await buildApp({ outRoot, quiet: true });
  await collect(path.join(outRoot, 'renderer'), 'renderer');
  await collect(path.join(outRoot, 'app'), 'app');
}, 120_000);

afterAll(async () => {
  if (outRoot) await rm(outRoot, { recursive: true, force: true });
});

describe('production bundles', () => {
  it('contain the renderer, main process and preload', () => {
    const names = files.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['renderer/index.html', 'app/main.js', 'app/preload.cjs', 'app/profile-worker.mjs', 'app/api-host.mjs']));
    expect(names.some((n) => /^renderer\/assets\/.*\.js$/.test(n))).toBe(true);
    expect(names.some((n) => /^renderer\/assets\/.*\.css$/.test(n))).toBe(true);
    expect(names.some((n) => n.endsWith('.map'))).toBe(false);
  });

  it('are production builds (React without its development runtime)', () => {
    const js = files.filter((f) => f.name.endsWith('.js')).map((f) => f.text).join('\n');
    expect(js).not.toContain('jsxDEV');
    expect(js).not.toContain('react-dom.development');
  });

  it('contain nothing of the test bridge', () => {
    for (const file of files) {
      for (const marker of BRIDGE_MARKERS) expect(file.text.includes(marker), `${file.name} contains ${marker}`).toBe(false);
    }
  });

  it('contain no remote URL except identifier strings and data citations that are never fetched', async () => {
    const citations = await citationUrlsInData();
    const found = new Map<string, string[]>();
    for (const file of files) {
      for (const url of urlsIn(file.text)) {
        if (Object.hasOwn(IDENTIFIER_URLS, url) || IDENTIFIER_URL_PATTERNS.some((p) => p.test(url)) || citations.has(url)) continue;
        found.set(url, [...(found.get(url) ?? []), file.name]);
      }
    }
    expect(Object.fromEntries(found)).toEqual({});
  });

  it('drop the NHS.UK web font (fetched from assets.nhs.uk) and inline the icons', () => {
    const css = files.filter((f) => f.name.endsWith('.css')).map((f) => f.text).join('\n');
    expect(css).toContain('nhsuk-header');
    expect(css).not.toContain('@font-face');
    expect(css).not.toContain('assets.nhs.uk');
    expect(css).not.toMatch(/url\(\s*["']?\//); // no site-absolute asset URL left to resolve
  });

  it('load no script or style from anywhere but the bundle itself', () => {
    const html = files.find((f) => f.name === 'renderer/index.html')!.text;
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s, s).toMatch(/^\.\/assets\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script: the CSP forbids it
    expect(html).not.toMatch(/\sstyle="/);
  });

  it("ship a profiling worker that runs on its own, from a folder with no package.json (as in app.asar.unpacked)", async () => {
    const profile = await profileFile(CPS_FIXTURE, { workers: 1, workerPath: path.join(outRoot, 'app', 'profile-worker.mjs') });
    expect(profile.rows).toBe(534);
  });

  it('import no networking module in the main process, data host or worker, and only electron in the preload', () => {
    for (const name of ['app/main.js', 'app/api-host.mjs', 'app/profile-worker.mjs']) {
      const text = files.find((f) => f.name === name)!.text;
      for (const m of NETWORK_MODULES) {
        expect(text, `${name}: ${m}`).not.toMatch(new RegExp(`from\\s*["'](node:)?${m}["']|require\\(["'](node:)?${m}["']\\)`));
      }
    }
    const main = files.find((f) => f.name === 'app/main.js')!.text;
    expect(main).toMatch(/from\s*["']electron["']/);
    // The store lives in the data host (a utility process), never in the main process.
    expect(main).not.toMatch(/better-sqlite3/);
    const host = files.find((f) => f.name === 'app/api-host.mjs')!.text;
    expect(host).toMatch(/better-sqlite3/);
    expect(host).not.toMatch(/from\s*["']electron["']|require\(["']electron["']\)/);
    const preload = files.find((f) => f.name === 'app/preload.cjs')!.text;
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m); // CommonJS, as a sandboxed preload must be
  });
});
