// TEST-ONLY. What the issue-8 browser journeys share: the built renderer (built once per source
// state and reused across test files and runs), a host per person (its own Represent home, the real
// services and store behind the test bridge, and native dialogs faked by answers the test sets),
// and pages that are watched (no request leaves 127.0.0.1, no console or CSP error), checked with
// axe-core and photographed on every page they visit.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiChannel, ApiRequest, ApiResponse, SaveDialogRequest } from '../../shared/api';
import { buildRenderer } from '../../build/vite.renderer.config';
import { createNodeApiDeps } from '../../main/services/api-deps';
import { dispatchApiCall, type ApiDeps } from '../../main/services/api-handlers';
import { writeSampleExtract } from '../../main/services/sample-data';
import { bundlePageClient } from '../bridge/bundle-page-client';
import { startTestBridge, type TestBridge } from '../bridge/server';
import { findChromium, launchChromium, repoRoot, screenshot, seriousAccessibilityViolations, watchPage, type PageWatch } from './harness';

export { findChromium, launchChromium };

/** Bounded waits: generous for a loaded 2-core CI machine, but a hung page still fails in minutes. */
export const UI_TIMEOUT = 30_000;
export const JOB_TIMEOUT = 120_000;
/** Pages taller than this are saved as JPEG (see harness.screenshot). */
const TALL_PAGE_PX = 8_000;

// ── Renderer build ───────────────────────────────────────────────────────────────────────────

const RENDERER_INPUTS = ['renderer', 'shared', 'build/vite.renderer.config.ts', 'package-lock.json'];

/**
 * Builds the renderer into a temp folder named by a hash of its inputs, so the five journey files
 * (separate Vitest workers) and later runs share one build; the rename makes a concurrent build
 * by another worker harmless (the loser's copy is dropped).
 */
export async function builtRenderer(): Promise<string> {
  const hash = createHash('sha256');
  for (const input of RENDERER_INPUTS) await hashTree(hash, path.join(repoRoot, input), input);
  const dir = path.join(tmpdir(), `represent-e2e-renderer-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(path.join(dir, 'index.html'))) return dir;
  const staging = await mkdtemp(`${dir}.building-`);
  await buildRenderer({ outDir: staging });
  try {
    await rename(staging, dir);
  } catch {
    await rm(staging, { recursive: true, force: true }); // another worker finished first
  }
  await pruneOldBuilds(dir);
  return dir;
}

/** Builds of earlier source states, a day old or more, are dropped so the temp folder does not fill up. */
async function pruneOldBuilds(keep: string): Promise<void> {
  const prefix = 'represent-e2e-renderer-';
  for (const name of await readdir(tmpdir())) {
    const full = path.join(tmpdir(), name);
    if (!name.startsWith(prefix) || full === keep) continue;
    const info = await stat(full).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 24 * 3600_000) await rm(full, { recursive: true, force: true });
  }
}

async function hashTree(hash: ReturnType<typeof createHash>, full: string, relative: string): Promise<void> {
  const entries = await readdir(full, { withFileTypes: true }).catch(() => null);
  if (entries === null) {
    hash.update(relative).update('\0').update(await readFile(full)).update('\0');
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    await hashTree(hash, path.join(full, entry.name), `${relative}/${entry.name}`);
  }
}

// ── Sample data ──────────────────────────────────────────────────────────────────────────────

/**
 * The bundled sample as `represent demo` writes it (seeded synthetic extract with the messy
 * variants real extracts have), at a size a browser journey can afford.
 */
export async function writeSample(dir: string, rows = 20_000): Promise<string> {
  const file = path.join(dir, 'synthetic-extract.csv');
  await writeSampleExtract(file, { rows, seed: 42, messy: true });
  return file;
}

/** NHS numbers in the first rows of a sample: none may ever be shown on a page. */
export async function sampleNhsNumbers(file: string, count = 200): Promise<string[]> {
  const lines = (await readFile(file, 'utf8')).split('\n', count + 1);
  const header = lines[0]!.split(',');
  const column = header.indexOf('NHS_NUMBER');
  return lines
    .slice(1)
    .map((line) => line.split(',')[column] ?? '')
    .filter((v) => /^\d{10}$/.test(v));
}

// ── A person's Represent, behind the bridge ──────────────────────────────────────────────────

/** What the fake native dialogs answer next; the test sets these before the click that opens one. */
export interface FakeDialogs {
  dataFile: string | null;
  /** The folder the save dialog is in: it answers with the app's suggested name there (null: cancel). */
  saveFolder: string | null;
  bundle: string | null;
  /** Every save dialog the app asked for, in order, with the path it answered. */
  saves: { request: SaveDialogRequest; path: string | null }[];
}

export interface AppHost {
  /** This person's Represent home (store, keys, locked policy). */
  home: string;
  /** A scratch folder for this host's outputs. */
  dir: string;
  deps: ApiDeps;
  bridge: TestBridge;
  dialogs: FakeDialogs;
  initScript: string;
  /** Calls a channel through the same gate the page uses, as the page's origin; throws on failure. */
  call<C extends ApiChannel>(channel: C, request: ApiRequest<C>): Promise<ApiResponse<C>>;
  /** The calls the page made on `channel` since the test began, with whether each succeeded. */
  callsOn(channel: ApiChannel): boolean[];
  close(): Promise<void>;
}

export async function startAppHost(options: { rendererDir: string; label: string; workers?: number }): Promise<AppHost> {
  const dir = await mkdtemp(path.join(tmpdir(), `represent-e2e-${options.label}-`));
  const home = path.join(dir, 'home');
  await mkdir(home, { recursive: true });
  const dialogs: FakeDialogs = { dataFile: null, saveFolder: null, bundle: null, saves: [] };
  const deps = createNodeApiDeps({
    appInfo: { name: 'Represent', version: '0.0.0-e2e', offline: true },
    chooseDataFile: async () => dialogs.dataFile,
    chooseSavePath: async (request: SaveDialogRequest) => {
      const answer = dialogs.saveFolder === null ? null : path.join(dialogs.saveFolder, request.suggestedName);
      dialogs.saves.push({ request, path: answer });
      return answer;
    },
    chooseBundle: async () => dialogs.bundle,
    home,
    workers: options.workers ?? 1,
  });
  const bridge = await startTestBridge({ deps, rendererDir: options.rendererDir });
  const initScript = await bundlePageClient(bridge);

  const call = async <C extends ApiChannel>(channel: C, request: ApiRequest<C>): Promise<ApiResponse<C>> => {
    const result = await dispatchApiCall(deps, channel, request, {
      sender: { frameUrl: `${bridge.origin}/`, isMainFrame: true },
      trustedOrigin: bridge.origin,
      emit: () => {},
    });
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as ApiResponse<C>;
  };

  return {
    home,
    dir,
    deps,
    bridge,
    dialogs,
    initScript,
    call,
    callsOn: (channel) => bridge.calls.filter((c) => c.channel === channel).map((c) => c.ok),
    close: async () => {
      await bridge.close();
      (deps as { db?: { close(): void } }).db?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ── Watched pages ────────────────────────────────────────────────────────────────────────────

/**
 * Chromium's console line for a Trusted Types or CSP violation does not say what was blocked;
 * the violation event does (directive, the first characters of the script, where it ran). The
 * sample is the app's own code, never data.
 */
const DESCRIBE_CSP_VIOLATIONS = `addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || '') + ' sample "' + (e.sample || '') + '" at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' during ' + document.title);
});`;

export interface AppPage {
  page: Page;
  context: BrowserContext;
  watch: PageWatch;
  /**
   * Waits for the page whose h1 is `heading`, then checks it (axe-core: no serious or critical
   * violation; no NHS number from the data on it) and saves a full-page screenshot.
   */
  visit(heading: string | RegExp, shotName: string): Promise<void>;
  /** A screenshot only, for a later state of a page already visited (axe-core is slow on big pages). */
  snap(shotName: string): Promise<void>;
  /** Header navigation ("Pages"). */
  nav(): Locator;
  /** Fails (softly: the journey goes on) on any non-local request or console/CSP error so far. */
  expectClean(): void;
}

export interface OpenPageOptions {
  /** Reuse a context (a second tab of the same browser profile); default: a new one. */
  context?: BrowserContext;
  /** Values that must never appear on any page (row-level identifiers from the data). */
  secrets?: string[];
  /** Prefix for screenshot names, e.g. "analyst". */
  suite: string;
  /** Scripts to install before the app's own (e.g. a PerformanceObserver). */
  extraInitScripts?: string[];
}

export async function openAppPage(browser: Browser, host: AppHost, options: OpenPageOptions): Promise<AppPage> {
  const context = options.context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', serviceWorkers: 'block' }));
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const watch = await watchPage(page, host.bridge.origin);
  await page.addInitScript({ content: DESCRIBE_CSP_VIOLATIONS });
  for (const script of options.extraInitScripts ?? []) await page.addInitScript({ content: script });
  await page.addInitScript({ content: host.initScript });
  await page.goto(`${host.bridge.origin}/`);
  await page.getByRole('heading', { level: 1, name: 'Profile a dataset' }).waitFor();
  let shots = 0;
  const shoot = async (shotName: string) => {
    shots += 1;
    const tall = (await page.evaluate(() => document.documentElement.scrollHeight)) > TALL_PAGE_PX;
    await screenshot(page, `${options.suite}-${String(shots).padStart(2, '0')}-${shotName}`, { timeout: JOB_TIMEOUT, jpeg: tall });
  };

  return {
    page,
    context,
    watch,
    nav: () => page.getByRole('navigation', { name: 'Pages' }),
    visit: async (heading, shotName) => {
      const h1 = page.getByRole('heading', { level: 1 });
      await expect.poll(() => h1.allInnerTexts(), { timeout: UI_TIMEOUT }).toEqual([expect.stringMatching(headingPattern(heading))]);
      const t0 = Date.now();
      await shoot(shotName);
      const t1 = Date.now();
      // Photographed first, so a failing page leaves its picture; soft checks, so one page's
      // problem does not hide the rest of the journey.
      expect.soft(await seriousAccessibilityViolations(page), `axe-core on "${String(heading)}"`).toEqual([]);
      if (options.secrets?.length) {
        const text = await page.locator('body').innerText();
        expect.soft(options.secrets.filter((s) => text.includes(s)), `row values on "${String(heading)}"`).toEqual([]);
      }
      if (process.env.REPRESENT_E2E_TIMING) console.log(`[visit] ${shotName}: screenshot ${t1 - t0} ms, checks ${Date.now() - t1} ms, height ${await page.evaluate(() => document.documentElement.scrollHeight)} px`);
    },
    snap: shoot,
    expectClean: () => {
      expect.soft(watch.blocked, 'requests that were not local').toEqual([]);
      expect.soft(watch.errors, 'console and CSP errors').toEqual([]);
    },
  };
}

/** The h1's text is the heading, after a caption (e.g. the file name) if the page has one. */
function headingPattern(heading: string | RegExp): RegExp {
  if (heading instanceof RegExp) return heading;
  return new RegExp(`(^|\\s)${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The success panel's text (NHS panel or notification banner) containing `text`. */
export function successText(page: Page, text: string): Locator {
  return page.getByText(text, { exact: false }).first();
}
