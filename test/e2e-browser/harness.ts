// Real Chromium for the renderer tests: Debian's /usr/bin/chromium driven by playwright-core
// (which never downloads a browser), a guard that fails any request that is not local, console
// and CSP error capture, axe-core checks and screenshots.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Debian's Chromium, or CHROMIUM_PATH; null when neither exists. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export interface PageWatch {
  /** Requests aborted because they were not local. Must stay empty. */
  blocked: string[];
  /** Console errors (CSP violations are logged here) and uncaught page errors. Must stay empty. */
  errors: string[];
}

/**
 * Aborts and records every request that does not go to `localOrigin` (the bridge), so a font,
 * CDN or telemetry request fails the test even if the CSP were to let it through.
 */
export async function watchPage(page: Page, localOrigin: string): Promise<PageWatch> {
  const watch: PageWatch = { blocked: [], errors: [] };
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url, localOrigin)) await route.continue();
    else {
      watch.blocked.push(url);
      await route.abort('blockedbyclient');
    }
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Where it came from, so a failure names the script (the URL is the app's own, never data).
    const { url, lineNumber, columnNumber } = message.location();
    watch.errors.push(url ? `${message.text()} (at ${url}:${lineNumber}:${columnNumber})` : message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(`${error.name}: ${error.message}`));
  return watch;
}

function isLocal(url: string, localOrigin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === localOrigin;
  } catch {
    return false;
  }
}

/** axe-core over the whole page; returns the serious and critical violations (must be none). */
export async function seriousAccessibilityViolations(page: Page): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * A full-page screenshot in test-results/screenshots. `timeout` for very tall pages on a slow
 * machine; `jpeg` for those too (PNG-encoding a page 100,000 px tall takes a minute and 20 MB).
 */
export async function screenshot(page: Page, name: string, options: { timeout?: number; jpeg?: boolean } = {}): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.${options.jpeg ? 'jpg' : 'png'}`);
  await page.screenshot({
    path: file,
    fullPage: true,
    ...(options.jpeg ? { type: 'jpeg' as const, quality: 70 } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
  });
  return file;
}

/** The accessible name of the focused element, to follow keyboard-only journeys. */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (labelled ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });
}
