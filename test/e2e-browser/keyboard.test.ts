// Issue 8, "every action works from the keyboard": the analyst flow's main actions with the
// keyboard alone (page.keyboard: Tab, Shift+Tab, Enter, Space, arrow keys; never the mouse, never
// a programmatic focus). Each control is reached by tabbing from where the page put the focus, so
// a control that is not in the tab order, or a page that loses focus, fails the test. The header
// navigation is used by keyboard too. The split pages are walked by keyboard: every Representation
// sub-view with "Next", and the Report's contents list, "Previous" and "Next" (each move must put
// the focus on the new sub-view's h2). Every page is checked with axe-core and photographed
// (Representation and Report sub-views only photographed: analyst-flow checks each with axe-core).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { builtRenderer, findChromium, JOB_TIMEOUT, launchChromium, openAppPage, sampleNhsNumbers, startAppHost, UI_TIMEOUT, writeSample, type AppHost } from './app-session';
import { focusedH2, shotSlug, waitForCall } from './journeys';

const executablePath = findChromium();
if (!executablePath) console.log('[e2e-browser] keyboard: SKIPPED: Debian Chromium was not found at /usr/bin/chromium (or CHROMIUM_PATH).');

/** More stops than any page has (the report holds scrollable tables and links). */
const MAX_TAB_STOPS = 600;

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, direction: 'forwards' | 'backwards' = 'forwards'): Promise<void> {
  await target.waitFor({ timeout: UI_TIMEOUT });
  const key = direction === 'forwards' ? 'Tab' : 'Shift+Tab';
  for (let i = 0; i < MAX_TAB_STOPS; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${String(target)} was not reached with ${key} in ${MAX_TAB_STOPS} presses`);
}

/** The title a pagination link leads to, from its text ("Next page:Age" → "Age"). */
async function linkTarget(link: Locator): Promise<string> {
  return ((await link.textContent()) ?? '').replace(/^(Next|Previous) page\s*:\s*/, '').trim();
}

/**
 * From wherever the focus is, Tab to the pagination's "Next" link and press Enter, until the last
 * sub-view: each time the new sub-view's h2 must have the focus. Returns the titles reached.
 */
async function nextByKeyboard(page: Page, pagination: string, onEach: (title: string, index: number) => Promise<void>): Promise<string[]> {
  const next = page.getByRole('navigation', { name: pagination }).getByRole('link', { name: /^Next page\s*:/ });
  const reached: string[] = [];
  while ((await next.count()) > 0) {
    const title = await linkTarget(next);
    await tabTo(page, next);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedH2(page)).toBe(title);
    reached.push(title);
    await onEach(title, reached.length);
  }
  return reached;
}

describe.skipIf(!executablePath)('the analyst flow by keyboard alone', () => {
  let browser: Browser;
  let host: AppHost;
  let sample: string;
  let secrets: string[];

  beforeAll(async () => {
    const rendererDir = await builtRenderer();
    host = await startAppHost({ rendererDir, label: 'keyboard' });
    sample = await writeSample(host.dir);
    secrets = await sampleNhsNumbers(sample);
    browser = await launchChromium(executablePath!);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('reaches and activates every page’s main action, and the header navigation', async () => {
    const app = await openAppPage(browser, host, { suite: 'keyboard', secrets });
    const { page } = app;
    const nav = (name: string) => app.nav().getByRole('button', { name, exact: true });
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
    await app.visit('Profile a dataset', 'start');

    // ── Settings through the header: name, role with the arrow keys, save ──
    await tabTo(page, nav('Settings'), 'backwards');
    await page.keyboard.press('Enter');
    await h1('Settings').waitFor();
    await tabTo(page, page.getByLabel('Your name'));
    await page.keyboard.type('Priya Shah');
    await tabTo(page, page.getByRole('radio', { name: /^(Analyst|Reviewer)$/ }).first());
    // In a radio group the arrow keys move and select; Space selects the focused one.
    if (!(await page.getByRole('radio', { name: 'Analyst' }).evaluate((el) => el === document.activeElement))) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Analyst' }).isChecked()).toBe(true);
    const profiles = host.callsOn('identity:save').length;
    await tabTo(page, button('Save profile'));
    await page.keyboard.press('Enter');
    await waitForCall(page, host, 'identity:save', profiles);
    await app.visit('Settings', 'settings');

    // ── Start: type the path, Enter submits ──
    await tabTo(page, nav('Open a file'), 'backwards');
    await page.keyboard.press('Enter');
    await h1('Profile a dataset').waitFor();
    await tabTo(page, page.getByLabel('Data file'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(sample);
    await page.keyboard.press('Enter');
    await h1(/Dataset overview/).waitFor({ timeout: JOB_TIMEOUT });
    await app.visit('Dataset overview', 'overview');

    // ── Overview → Mapping: save, then continue ──
    await tabTo(page, button('Continue to mapping'));
    await page.keyboard.press('Enter');
    await tabTo(page, button('Save mapping'));
    await app.visit('Mapping', 'mapping');
    await page.keyboard.press('Enter');
    await page.getByText('Mapping saved').waitFor();
    await tabTo(page, button('Continue to representation'), 'backwards');
    await page.keyboard.press('Enter');

    // ── Representation: another reference with the arrow keys ──
    await page.getByText(/^Figures are exact counts of/).waitFor({ timeout: JOB_TIMEOUT });
    const compareWith = page.getByRole('combobox', { name: 'Compare with' });
    await tabTo(page, compareWith);
    const before = await compareWith.inputValue();
    const runs = host.callsOn('analysis:run').length;
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => compareWith.inputValue()).not.toBe(before);
    await waitForCall(page, host, 'analysis:run', runs);
    await page.getByText(/Worked out again from the counts already taken/).waitFor({ timeout: JOB_TIMEOUT });
    await app.snap('representation-00-summary');
    // Every sub-view with "Next", by keyboard; then "Previous" once, and back to the summary from the contents list.
    const views = await nextByKeyboard(page, 'Representation pages', (title, i) => app.snap(`representation-${String(i).padStart(2, '0')}-${shotSlug(title)}`));
    expect(views.slice(-3)).toEqual(['Outcomes', 'Intersections', 'Changes over time']);
    expect(views.length).toBeGreaterThanOrEqual(6);
    const previous = page.getByRole('navigation', { name: 'Representation pages' }).getByRole('link', { name: /^Previous page\s*:/ });
    await tabTo(page, previous);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedH2(page)).toBe(views.at(-2));
    await tabTo(page, page.getByRole('navigation', { name: 'Representation contents' }).getByRole('link', { name: 'Summary', exact: true }), 'backwards');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedH2(page)).toBe('Summary');
    await tabTo(page, button('Continue to documentation'));
    await page.keyboard.press('Space');

    // ── Documentation: type an answer; "Not available" with Space and a reason ──
    await h1('Documentation').waitFor();
    const answer = page.locator('fieldset').getByRole('textbox').first();
    await tabTo(page, answer);
    await page.keyboard.type('Synthetic admissions to an NHS trust, typed with the keyboard.');
    const notAvailable = page.getByRole('checkbox', { name: 'Not available' }).nth(1);
    await tabTo(page, notAvailable);
    await page.keyboard.press('Space');
    expect(await notAvailable.isChecked()).toBe(true);
    await tabTo(page, page.getByRole('textbox', { name: 'Why is this not available?' }).first());
    await page.keyboard.type('Not collected by the source system.');
    const status = page.getByRole('status').filter({ hasText: /Saving…|Saved at/ });
    await expect.poll(() => status.first().innerText(), { timeout: UI_TIMEOUT }).toMatch(/Saved at \d{2}:\d{2}/);
    await app.visit('Documentation', 'documentation');
    await tabTo(page, button('Continue to report'));
    await page.keyboard.press('Enter');

    // ── Report: build, then continue ──
    await h1('Report').waitFor();
    await tabTo(page, button('Build report'));
    await page.keyboard.press('Enter');
    const reportContents = page.getByRole('navigation', { name: 'Report contents' });
    await reportContents.waitFor({ timeout: JOB_TIMEOUT });
    await app.snap('report-00-first-section');
    // The contents list by keyboard: straight to "Disclosure control"; then "Previous" and "Next".
    await tabTo(page, reportContents.getByRole('link', { name: 'Disclosure control', exact: true }));
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedH2(page)).toBe('Disclosure control');
    expect(await page.locator('main').innerText()).toMatch(/shown|suppressed|rounded/i);
    await app.snap('report-01-disclosure-control');
    const reportPages = page.getByRole('navigation', { name: 'Report pages' });
    const back = reportPages.getByRole('link', { name: /^Previous page\s*:/ });
    const policySection = await linkTarget(back);
    await tabTo(page, back);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedH2(page)).toBe(policySection);
    await tabTo(page, reportPages.getByRole('link', { name: /^Next page\s*:/ }));
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedH2(page)).toBe('Disclosure control');
    // A group of tables (one per page) opens at its first table and lists the rest under it.
    const intersections = reportContents.getByRole('link', { name: /^Intersections \(\d+\)$/ });
    await tabTo(page, intersections, 'backwards');
    await page.keyboard.press('Enter');
    await expect.poll(() => reportContents.locator('[aria-current="page"]').count()).toBe(1);
    const firstTable = (await reportContents.locator('[aria-current="page"]').innerText()).trim();
    await expect.poll(() => focusedH2(page)).toBe(firstTable);
    await app.snap('report-02-intersections-first');
    await tabTo(page, button('Continue to export request'));
    await page.keyboard.press('Enter');

    // ── Export request ──
    await h1('Export request').waitFor();
    await tabTo(page, page.getByRole('textbox', { name: 'Purpose' }));
    await page.keyboard.type('Publish representation figures for the admissions extract.');
    await tabTo(page, page.getByRole('textbox', { name: 'Justification' }));
    await page.keyboard.type('Aggregates only, after disclosure control.');
    const folder = path.join(host.dir, 'keyboard-out');
    await mkdir(folder);
    host.dialogs.saveFolder = folder;
    await tabTo(page, button('Choose where to save and write the request'));
    await app.visit('Export request', 'export-request');
    await page.keyboard.press('Enter');
    await page.getByText('Export request written').waitFor({ timeout: JOB_TIMEOUT });
    expect(host.dialogs.saves.at(-1)?.path && existsSync(host.dialogs.saves.at(-1)!.path!)).toBe(true);

    // ── Header navigation, backwards from the page: back to Documentation (the answer is kept), then Review ──
    await tabTo(page, nav('Documentation'), 'backwards');
    await page.keyboard.press('Enter');
    await h1('Documentation').waitFor();
    await expect.poll(() => page.locator('fieldset').getByRole('textbox').first().inputValue()).toBe('Synthetic admissions to an NHS trust, typed with the keyboard.');
    await tabTo(page, nav('Review a request'), 'backwards');
    await page.keyboard.press('Enter');
    await h1('Review a request').waitFor();
    await app.visit('Review a request', 'review');
    app.expectClean();
    await app.context.close();
  }, 600_000);
});
