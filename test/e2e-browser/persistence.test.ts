// Issue 8, "closing mid-edit and reopening keeps what was typed": type into a documentation field,
// close the page (page.close(), as closing the window) before the autosave's debounce has fired,
// or just as it fires; then open a new page on the same Represent (same bridge, same store),
// reopen the dataset from "Recent datasets", go to Documentation: the text is there. Also: the
// Representation page's sub-view survives a reload (sessionStorage, per dataset).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { builtRenderer, findChromium, JOB_TIMEOUT, launchChromium, openAppPage, startAppHost, UI_TIMEOUT, writeSample, type AppHost, type AppPage } from './app-session';
import { currentEntry, expectSubView, focusedH2, labelOf } from './journeys';

const executablePath = findChromium();
if (!executablePath) console.log('[e2e-browser] persistence: SKIPPED: Debian Chromium was not found at /usr/bin/chromium (or CHROMIUM_PATH).');

/** How long a save sent as the page closed may take to reach the main side. */
const SAVE_ARRIVAL_MS = 10_000;

describe.skipIf(!executablePath)('documentation survives closing the page mid-edit', () => {
  let browser: Browser;
  let context: BrowserContext;
  let host: AppHost;
  let fileName: string;

  beforeAll(async () => {
    const rendererDir = await builtRenderer();
    host = await startAppHost({ rendererDir, label: 'persistence' });
    const sample = await writeSample(host.dir, 5_000);
    // Profiled before (the Start page then lists it under "Recent datasets").
    const overview = await host.call('profile:run', { jobId: randomUUID(), path: sample });
    fileName = overview.file.name;
    browser = await launchChromium(executablePath!);
    // One browser profile for both pages, as one app window after another.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', serviceWorkers: 'block' });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await host?.close();
  });

  /** Start → "Recent datasets" → "Open <file>" → Dataset overview → header "Documentation". */
  async function reopenDocumentation(app: AppPage, shot: string, check: boolean): Promise<void> {
    const { page } = app;
    await page.getByRole('heading', { level: 2, name: 'Recent datasets' }).waitFor();
    await page.getByRole('button', { name: `Open ${fileName}`, exact: true }).first().waitFor();
    if (check) await app.visit('Profile a dataset', `${shot}-start-recent`);
    else await app.snap(`${shot}-start-recent`);
    await page.getByRole('button', { name: `Open ${fileName}`, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: /Dataset overview/ }).waitFor({ timeout: JOB_TIMEOUT });
    if (check) await app.visit('Dataset overview', `${shot}-overview`);
    else await app.snap(`${shot}-overview`);
    await app.nav().getByRole('button', { name: 'Documentation', exact: true }).click();
    await page.getByText(/\d+ of 29 items complete/).first().waitFor();
  }

  async function closeMidEditAndReopen(moment: 'before the debounce' | 'as the save starts', text: string, shot: string): Promise<void> {
    const first = await openAppPage(browser, host, { suite: shot, context });
    // The first test checks the pages on the way (axe-core); the second only photographs them.
    const check = moment === 'before the debounce';
    await reopenDocumentation(first, `${shot}-1`, check);
    if (check) await first.visit('Documentation', `${shot}-1-documentation`);
    else await first.snap(`${shot}-1-documentation`);
    const field = first.page.locator('fieldset').getByRole('textbox').first();
    const label = await labelOf(field);
    expect(label.length).toBeGreaterThan(0);

    const savesBefore = host.callsOn('answers:save').length;
    await field.focus();
    await first.page.keyboard.press('ControlOrMeta+A');
    await first.page.keyboard.type(text);
    if (moment === 'as the save starts') {
      await first.page.getByRole('status').filter({ hasText: /Saving…|Saved at/ }).first().waitFor({ timeout: UI_TIMEOUT });
    }
    first.expectClean();
    await first.page.close();

    // The save sent as the page closed reaches the main side (as an IPC message would).
    const deadline = Date.now() + SAVE_ARRIVAL_MS;
    while (host.callsOn('answers:save').length === savesBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(host.callsOn('answers:save').slice(savesBefore), `no answers:save reached the main side ${moment}`).toContain(true);

    const second = await openAppPage(browser, host, { suite: shot, context });
    await reopenDocumentation(second, `${shot}-2`, false);
    await expect.poll(() => second.page.getByLabel(label, { exact: true }).first().inputValue(), { timeout: UI_TIMEOUT }).toBe(text);
    await second.snap(`${shot}-2-documentation`);
    second.expectClean();
    await second.page.close();
  }

  it('keeps text typed just before the page closed, before the autosave fired', async () => {
    await closeMidEditAndReopen('before the debounce', 'Admissions to one NHS trust, typed and closed at once.', 'persistence-before');
  }, 180_000);

  it('keeps text typed when the page closed as the autosave started', async () => {
    await closeMidEditAndReopen('as the save starts', 'Admissions to one NHS trust, closed while saving.', 'persistence-saving');
  }, 180_000);

  it('keeps the Representation sub-view the analyst was reading across a reload', async () => {
    const app = await openAppPage(browser, host, { suite: 'persistence-subview', context });
    const { page } = app;
    const openRepresentation = async () => {
      await page.getByRole('button', { name: `Open ${fileName}`, exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: /Dataset overview/ }).waitFor({ timeout: JOB_TIMEOUT });
      await app.nav().getByRole('button', { name: 'Representation', exact: true }).click();
      await page.getByText(/^Figures are exact counts of/).waitFor({ timeout: JOB_TIMEOUT });
    };
    await openRepresentation();
    const contents = 'Representation contents';
    await expectSubView(page, contents, 'Summary');
    await page.getByRole('navigation', { name: contents }).getByRole('link', { name: 'Intersections', exact: true }).click();
    await expect.poll(() => focusedH2(page)).toBe('Intersections');
    await app.snap('before-reload');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Profile a dataset' }).waitFor();
    await openRepresentation();
    await expectSubView(page, contents, 'Intersections');
    expect((await currentEntry(page, contents).innerText()).trim()).toBe('Intersections');
    await app.visit('Representation', 'after-reload');
    app.expectClean();
    await page.close();
  }, 180_000);
});
