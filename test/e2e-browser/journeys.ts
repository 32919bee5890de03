// TEST-ONLY. Steps several issue-8 journeys share, done the way a user does them (visible labels
// and roles from notes/ui-contract.md), plus the analyst's run through the API itself for tests
// that only need its result (a request bundle to review).
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
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
