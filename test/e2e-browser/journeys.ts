// TEST-ONLY. Steps several issue-8 journeys share, done the way a user does them (visible labels
// and roles from notes/ui-contract.md), plus the analyst's run through the API itself for tests
// that only need its result (a request bundle to review).
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { readZipFile } from '../../main/services/export-workflow/zip-io';
import { JOB_TIMEOUT, type AppHost, type AppPage } from './app-session';

/** Settings → "Your name", role, "Save profile"; waits for the save to succeed. */
export async function saveProfile(app: AppPage, host: AppHost, displayName: string, role: 'Analyst' | 'Reviewer'): Promise<void> {
  const { page } = app;
  await app.nav().getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Your name').waitFor();
  const saved = host.callsOn('identity:save').length;
  await page.getByLabel('Your name').fill(displayName);
  await page.getByRole('radio', { name: role, exact: true }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await waitForCall(page, host, 'identity:save', saved);
}

/** Start → "Data file" → "Profile this file" → Dataset overview. */
export async function profileFromStart(page: Page, file: string): Promise<void> {
  await page.getByLabel('Data file').fill(file);
  await page.getByRole('button', { name: 'Profile this file' }).click();
  await page.getByRole('heading', { level: 1, name: /Dataset overview/ }).waitFor({ timeout: JOB_TIMEOUT });
}

/** Waits until the page has made one more call on `channel` than `before`, and checks it succeeded. */
export async function waitForCall(page: Page, host: AppHost, channel: Parameters<AppHost['callsOn']>[0], before: number): Promise<void> {
  const deadline = Date.now() + JOB_TIMEOUT;
  while (host.callsOn(channel).length <= before) {
    if (Date.now() > deadline) throw new Error(`the page never called ${channel}`);
    await page.waitForTimeout(50);
  }
  const last = host.callsOn(channel).at(-1);
  if (last !== true) throw new Error(`${channel} failed (see the page's error summary)`);
}

// ── Pages split into sub-views (Representation, Report): a contents list and Previous / Next ──

/**
 * The entries the contents list named `label` shows, in order (the current one included; a group
 * not showing reads as its name and size, e.g. "Intersections (15)").
 */
export async function contentsTitles(page: Page, label: string): Promise<string[]> {
  const items = page.getByRole('navigation', { name: label }).getByRole('listitem');
  return (await items.allInnerTexts()).map((t) => t.trim());
}

/** The contents list's current entry (aria-current="page"). */
export function currentEntry(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: label }).locator('[aria-current="page"]');
}

/** The text of the focused element when it is an h2 (where a sub-view change puts the focus), else null. */
export async function focusedH2(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.tagName === 'H2' ? (el.textContent ?? '').trim() : null;
  });
}

/** The sub-view named `title` is showing: current in the contents list, with its h2. */
export async function expectSubView(page: Page, contents: string, title: string): Promise<void> {
  await expect.poll(() => currentEntry(page, contents).innerText()).toBe(title);
  await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
}

/** A file-name-safe form of a sub-view title for screenshots (titles name attributes, never data). */
export function shotSlug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The title a pagination link leads to, from its name ("Next page : Age" → "Age"). */
function linkTarget(name: string): string {
  return name.replace(/^(Next|Previous) page\s*:\s*/, '').trim();
}

/**
 * Walks every sub-view of a split page, from the first (chosen in the contents list) to the last,
 * with the pagination's "Next" link, clicked. On each it checks that the contents list marks it
 * current, that its h2 names it and, after a move, has the focus; `onEach` then checks or
 * photographs it. Ends on the last sub-view, which has no "Next". Returns the titles visited.
 */
export async function walkSubViews(
  page: Page,
  options: { contents: string; pagination: string; first: string; onEach(title: string, index: number): Promise<void> },
): Promise<string[]> {
  const contents = page.getByRole('navigation', { name: options.contents });
  if ((await currentEntry(page, options.contents).innerText()).trim() !== options.first) {
    await contents.getByRole('link', { name: options.first, exact: true }).click();
  }
  const pagination = page.getByRole('navigation', { name: options.pagination });
  const next = pagination.getByRole('link', { name: /^Next page\s*:/ });
  const previous = pagination.getByRole('link', { name: /^Previous page\s*:/ });
  const visited: string[] = [];
  let title = options.first;
  for (;;) {
    await expectSubView(page, options.contents, title);
    expect(await previous.count()).toBe(visited.length === 0 ? 0 : 1);
    if (visited.length > 0) expect(linkTarget((await previous.textContent()) ?? '')).toBe(visited.at(-1));
    await options.onEach(title, visited.length);
    visited.push(title);
    if ((await next.count()) === 0) break;
    title = linkTarget((await next.textContent()) ?? '');
    await next.click();
    await expect.poll(() => focusedH2(page)).toBe(title);
  }
  return visited;
}

/** The accessible name of a form field from its <label> (how getByLabel finds it again). */
export async function labelOf(locator: ReturnType<Page['locator']>): Promise<string> {
  return locator.evaluate((el) => {
    const labels = (el as HTMLTextAreaElement).labels;
    return (labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? '').trim();
  });
}

/** Entry names in a zip the app wrote (read with the app's own hash-checked reader). */
export async function zipEntries(file: string): Promise<string[]> {
  return [...(await readZipFile(file)).entries.keys()].sort();
}

/**
 * What an analyst does before a reviewer sees anything, through the same API gate the page uses:
 * a profile, the profiled dataset, the suggested mapping saved, a report built and `count`
 * export requests written. Returns the bundles' paths.
 */
export async function analystRequestsViaApi(host: AppHost, sample: string, count: number): Promise<string[]> {
  await host.call('identity:save', { displayName: 'Priya Shah', role: 'analyst' });
  const overview = await host.call('profile:run', { jobId: randomUUID(), path: sample });
  const mapping = await host.call('mapping:get', { datasetId: overview.datasetId });
  await host.call('mapping:save', { datasetId: overview.datasetId, mapping: mapping.mapping });
  const bundles: string[] = [];
  for (let i = 1; i <= count; i++) {
    const report = await host.call('report:build', { jobId: randomUUID(), datasetId: overview.datasetId });
    const folder = path.join(host.dir, `request-${i}`);
    await mkdir(folder, { recursive: true });
    const written = await host.call('export:request', {
      reportId: report.reportId,
      purpose: 'Publish how well each ethnic group and age band is represented in the admissions extract.',
      justification: 'Aggregate counts only, checked by disclosure control; small cells suppressed.',
      path: path.join(folder, 'export-request.zip'),
    });
    bundles.push(written.path);
  }
  return bundles;
}
