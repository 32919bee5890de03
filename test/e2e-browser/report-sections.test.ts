// Issue 8, "one thing per page" on the Report page: the sample mapped as in analyst-flow (outcome
// and period columns too), the report built on the page, then every section read in turn with
// "Next" — the dataset, the summary and flags, each table (representation, intersections,
// missingness, outcomes, changes over time), completeness, documentation, methods, policy and
// "Disclosure control" last. Each section is checked with axe-core and photographed, its h2 takes
// the focus, and the contents list marks it current. Apart from analyst-flow so the two run in
// parallel (the report has dozens of sections).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { builtRenderer, findChromium, JOB_TIMEOUT, launchChromium, openAppPage, sampleNhsNumbers, startAppHost, writeSample, type AppHost } from './app-session';
import { shotSlug, walkSubViews } from './journeys';

const executablePath = findChromium();
if (!executablePath) console.log('[e2e-browser] report sections: SKIPPED: Debian Chromium was not found at /usr/bin/chromium (or CHROMIUM_PATH).');

describe.skipIf(!executablePath)('the report, one section at a time, in Chromium', () => {
  let browser: Browser;
  let host: AppHost;
  let fileName: string;
  let secrets: string[];

  beforeAll(async () => {
    const rendererDir = await builtRenderer();
    host = await startAppHost({ rendererDir, label: 'report-sections' });
    const sample = await writeSample(host.dir);
    secrets = await sampleNhsNumbers(sample);
    // Profiled before (the Start page then lists it under "Recent datasets").
    fileName = (await host.call('profile:run', { jobId: randomUUID(), path: sample })).file.name;
    browser = await launchChromium(executablePath!);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('walks every section of the built report with Next, each checked and photographed', async () => {
    const app = await openAppPage(browser, host, { suite: 'report-sections', secrets });
    const { page } = app;
    await page.getByRole('button', { name: `Open ${fileName}`, exact: true }).first().click();
    await page.getByRole('button', { name: 'Continue to mapping' }).click({ timeout: JOB_TIMEOUT });
    await page.getByRole('combobox', { name: 'Outcome column' }).selectOption('OUTCOME_30D');
    await page.getByRole('combobox', { name: 'Period column' }).selectOption('ADMISSION_DATE');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Mapping saved').waitFor();

    await app.nav().getByRole('button', { name: 'Report', exact: true }).click();
    await page.getByRole('button', { name: 'Build report' }).click();
    await page.getByRole('navigation', { name: 'Report contents' }).waitFor({ timeout: JOB_TIMEOUT });
    expect(host.callsOn('report:build').at(-1)).toBe(true);
    const sections = await walkSubViews(page, {
      contents: 'Report contents',
      first: 'Dataset and report',
      pagination: 'Report pages',
      onEach: (title, i) => app.visit('Report', `${String(i).padStart(2, '0')}-${shotSlug(title)}`),
    });
    expect(sections.slice(0, 2)).toEqual(['Dataset and report', 'Summary and flags']);
    const attributes = sections.filter((t) => t.startsWith('Representation: ')).length;
    expect(attributes).toBeGreaterThanOrEqual(3);
    expect(sections.filter((t) => t.startsWith('Missing data by ')).length).toBeGreaterThanOrEqual(attributes);
    // One table per section: pairs of attributes, outcomes and periods each have theirs.
    expect(sections.length).toBeGreaterThan(2 + attributes * 3 + 5);
    expect(sections.slice(-5)).toEqual(['Completeness of the documentation', 'Documentation by item', 'Methods', 'Disclosure policy', 'Disclosure control']);
    await page.getByRole('heading', { level: 2, name: 'Disclosure control' }).waitFor();
    expect(await page.locator('main').innerText()).toMatch(/shown|suppressed|rounded/i);
    app.expectClean();
    await app.context.close();
  }, 900_000);
});
