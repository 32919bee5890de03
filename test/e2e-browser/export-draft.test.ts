// Issue 8, "an export request never loses work": what the analyst types as Purpose and
// Justification is a draft kept per project. It is there again after leaving the Export request
// page and coming back (saved, or still waiting for the autosave when the page was left), and in a
// new window with a fresh session (from the store alone); once the request is written it is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { readZipFile } from '../../main/services/export-workflow/zip-io';
import { builtRenderer, findChromium, JOB_TIMEOUT, launchChromium, openAppPage, startAppHost, UI_TIMEOUT, writeSample, type AppHost, type AppPage } from './app-session';

const executablePath = findChromium();
if (!executablePath) console.log('[e2e-browser] export draft: SKIPPED: Debian Chromium was not found at /usr/bin/chromium (or CHROMIUM_PATH).');

const PURPOSE = 'Publish how well each ethnic group is represented in the admissions extract.';
const JUSTIFICATION = 'Aggregate counts only, after disclosure control.';
const MORE = ' Tables by age band are needed for the equity audit.';

describe.skipIf(!executablePath)('the export request draft in Chromium', () => {
  let browser: Browser;
  let host: AppHost;
  let fileName: string;
  let projectId: string;

  beforeAll(async () => {
    const rendererDir = await builtRenderer();
    host = await startAppHost({ rendererDir, label: 'export-draft' });
    const sample = await writeSample(host.dir, 5_000);
    // The steps before the Export request page, through the API (other journeys walk them).
    await host.call('identity:save', { displayName: 'Priya Shah', role: 'analyst' });
    const overview = await host.call('profile:run', { jobId: randomUUID(), path: sample });
    const mapping = await host.call('mapping:get', { datasetId: overview.datasetId });
    await host.call('mapping:save', { datasetId: overview.datasetId, mapping: mapping.mapping });
    fileName = overview.file.name;
    projectId = overview.projectId;
    browser = await launchChromium(executablePath!);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const field = (app: AppPage, name: 'Purpose' | 'Justification') => app.page.getByRole('textbox', { name, exact: true });

  /** Start → "Open <file>" → header "Report" → "Build report" → "Continue to export request". */
  async function toExportRequest(app: AppPage): Promise<void> {
    const { page } = app;
    await page.getByRole('button', { name: `Open ${fileName}`, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: /Dataset overview/ }).waitFor({ timeout: JOB_TIMEOUT });
    await app.nav().getByRole('button', { name: 'Report', exact: true }).click();
    await page.getByRole('button', { name: 'Build report' }).click();
    await page.getByRole('button', { name: 'Continue to export request' }).click({ timeout: JOB_TIMEOUT });
    await page.getByRole('heading', { level: 1, name: /Export request/ }).waitFor();
  }

  /** Header → `away` → header "Export request". */
  async function leaveAndReturn(app: AppPage, away: 'Report' | 'Documentation'): Promise<void> {
    await app.nav().getByRole('button', { name: away, exact: true }).click();
    await app.page.getByRole('heading', { level: 1, name: new RegExp(`${away}$`) }).waitFor();
    await app.nav().getByRole('button', { name: 'Export request', exact: true }).click();
    await app.page.getByRole('heading', { level: 1, name: /Export request/ }).waitFor();
  }

  it('keeps what was typed when the user leaves the page and comes back, saved or not yet saved', async () => {
    const app = await openAppPage(browser, host, { suite: 'export-draft' });
    await toExportRequest(app);
    await app.visit('Export request', 'empty');
    await field(app, 'Purpose').fill(PURPOSE);
    await field(app, 'Justification').fill(JUSTIFICATION);
    await app.page.getByRole('status').filter({ hasText: /^Draft saved at \d\d:\d\d$/ }).waitFor({ timeout: UI_TIMEOUT });
    await app.snap('saved');

    await leaveAndReturn(app, 'Report');
    await expect.poll(() => field(app, 'Purpose').inputValue()).toBe(PURPOSE);
    expect(await field(app, 'Justification').inputValue()).toBe(JUSTIFICATION);
    await app.visit('Export request', 'returned');

    // Typed and left at once, before the autosave's quiet spell: leaving saves it.
    const saves = host.callsOn('export-draft:save').length;
    await field(app, 'Justification').press('End');
    await field(app, 'Justification').pressSequentially(MORE, { delay: 0 });
    await leaveAndReturn(app, 'Documentation');
    await expect.poll(() => field(app, 'Justification').inputValue()).toBe(JUSTIFICATION + MORE);
    expect(host.callsOn('export-draft:save').slice(saves)).toContain(true);
    await expect.poll(async () => (await host.call('export-draft:get', { projectId })).justification, { timeout: UI_TIMEOUT }).toBe(JUSTIFICATION + MORE);
    app.expectClean();
    await app.context.close();
  }, 240_000);

  it('restores the draft from the store in a new window, and clears it once the request is written', async () => {
    // A new browser context: no sessionStorage from before, so the text can only come from the store.
    const app = await openAppPage(browser, host, { suite: 'export-draft-new-window' });
    await toExportRequest(app);
    await expect.poll(() => field(app, 'Purpose').inputValue()).toBe(PURPOSE);
    expect(await field(app, 'Justification').inputValue()).toBe(JUSTIFICATION + MORE);
    await app.page.getByText('Your draft from earlier is filled in below.').waitFor();
    await app.visit('Export request', 'restored');

    const folder = path.join(host.dir, 'requests');
    await mkdir(folder);
    host.dialogs.saveFolder = folder;
    await app.page.getByRole('button', { name: 'Choose where to save and write the request' }).click();
    await app.page.getByText('Export request written').waitFor({ timeout: JOB_TIMEOUT });
    const bundle = host.dialogs.saves.at(-1)?.path;
    expect(bundle).toBeTruthy();
    const manifest = JSON.parse((await readZipFile(bundle!)).entries.get('manifest.json')!.toString('utf8')) as { purpose: string; justification: string };
    expect(manifest).toMatchObject({ purpose: PURPOSE, justification: JUSTIFICATION + MORE });
    // Written: the draft is gone from the store, and a new visit starts empty.
    expect(await host.call('export-draft:get', { projectId })).toEqual({ projectId, purpose: '', justification: '', savedIso: null });
    app.expectClean();
    await app.context.close();

    const again = await openAppPage(browser, host, { suite: 'export-draft-after' });
    const gets = host.callsOn('export-draft:get').length;
    await toExportRequest(again);
    await expect.poll(() => host.callsOn('export-draft:get').slice(gets)).toEqual([true]);
    await again.page.getByRole('button', { name: 'Choose where to save and write the request' }).waitFor();
    expect(await field(again, 'Purpose').inputValue()).toBe('');
    expect(await field(again, 'Justification').inputValue()).toBe('');
    expect(await again.page.getByText('Your draft from earlier is filled in below.').count()).toBe(0);
    again.expectClean();
    await again.context.close();
  }, 240_000);
});
