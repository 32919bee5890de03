// Issue 8, the whole analyst flow on the bundled sample, in real Chromium on the real services and
// store (a temporary Represent home) through the test bridge: Settings (who is asking) → Start →
// Profiling → Dataset overview → Mapping (save, place an unmapped value, save again) →
// Representation (every sub-view in turn with "Next", the summary's links, then "Compare with": re-run
// from the counts in memory) → Documentation (type, "Not available" with a reason, "Saved at") →
// Report (build; the first section, then "Disclosure control" from the contents list; every section
// is walked in report-sections.test.ts) → Export request (purpose, justification; the zip is on
// disk). Every page, and every Representation sub-view, is checked with axe-core and photographed,
// and any request that is not local, or any console or CSP error, fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  builtRenderer,
  findChromium,
  JOB_TIMEOUT,
  launchChromium,
  openAppPage,
  sampleNhsNumbers,
  startAppHost,
  UI_TIMEOUT,
  writeSample,
  type AppHost,
} from './app-session';
import { expectSubView, focusedH2, profileFromStart, saveProfile, shotSlug, waitForCall, walkSubViews, zipEntries } from './journeys';

const executablePath = findChromium();
if (!executablePath) console.log('[e2e-browser] analyst flow: SKIPPED: Debian Chromium was not found at /usr/bin/chromium (or CHROMIUM_PATH).');

describe.skipIf(!executablePath)('the analyst flow in Chromium', () => {
  let browser: Browser;
  let host: AppHost;
  let sample: string;
  let secrets: string[];

  beforeAll(async () => {
    const rendererDir = await builtRenderer();
    host = await startAppHost({ rendererDir, label: 'analyst' });
    sample = await writeSample(host.dir);
    secrets = await sampleNhsNumbers(sample);
    browser = await launchChromium(executablePath!);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('profiles, maps, compares, documents, reports and writes an export request', async () => {
    const app = await openAppPage(browser, host, { suite: 'analyst', secrets });
    const { page } = app;
    await app.visit('Profile a dataset', 'start');

    // Who is asking: an export request names its requester.
    await saveProfile(app, host, 'Priya Shah', 'Analyst');
    await app.visit('Settings', 'settings');

    await app.nav().getByRole('button', { name: 'Open a file' }).click();
    await profileFromStart(page, sample);
    await expect.poll(() => page.locator('dl').first().innerText()).toContain('20,000');
    await app.visit('Dataset overview', 'overview');

    // ── Mapping ──
    await page.getByRole('button', { name: 'Continue to mapping' }).click();
    await page.getByRole('button', { name: 'Save mapping' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Attribute', exact: true }).count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('combobox', { name: 'Code scheme', exact: true }).count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('combobox', { name: 'Outcome column' }).selectOption('OUTCOME_30D');
    await page.getByRole('combobox', { name: 'Period column' }).selectOption('ADMISSION_DATE');
    await app.snap('mapping');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Mapping saved').waitFor();

    // The messy sample has codes no scheme places; the analysis lists them with their counts.
    await page.getByRole('button', { name: 'Find values not placed in a category' }).first().click();
    const unplaced = page.getByRole('combobox', { name: /^Category for / });
    await unplaced.first().waitFor({ timeout: JOB_TIMEOUT });
    await app.visit('Mapping', 'mapping-unmapped-values');
    const first = unplaced.first();
    const choices = await first.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    expect(choices.length).toBeGreaterThan(0);
    await first.selectOption(choices[0]!);
    const saves = host.callsOn('mapping:save').length;
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await waitForCall(page, host, 'mapping:save', saves);
    await page.getByText('Mapping saved').waitFor();

    // ── Representation: one thing per page (a summary, each attribute, outcomes, intersections, trends) ──
    await page.getByRole('button', { name: 'Continue to representation' }).click();
    const figures = page.getByText(/^Figures are exact counts of/);
    await figures.waitFor({ timeout: JOB_TIMEOUT });
    const contents = 'Representation contents';
    const views = await walkSubViews(page, {
      contents,
      first: 'Summary',
      pagination: 'Representation pages',
      onEach: (title, i) => app.visit('Representation', `representation-${String(i).padStart(2, '0')}-${shotSlug(title)}`),
    });
    expect(views[0]).toBe('Summary');
    expect(views.slice(-3)).toEqual(['Outcomes', 'Intersections', 'Changes over time']);
    const attributes = views.slice(1, -3);
    expect(attributes.length).toBeGreaterThanOrEqual(3);
    // Back to the summary with the contents list: one line per attribute, each with a link to its own sub-view.
    await page.getByRole('navigation', { name: contents }).getByRole('link', { name: 'Summary', exact: true }).click();
    await expect.poll(() => focusedH2(page)).toBe('Summary');
    for (const a of attributes) await page.getByRole('link', { name: `View ${a}`, exact: true }).waitFor();
    const second = attributes[1]!;
    await page.getByRole('link', { name: `View ${second}`, exact: true }).click();
    await expect.poll(() => focusedH2(page)).toBe(second);
    await expectSubView(page, contents, second);

    const compareWith = page.getByRole('combobox', { name: 'Compare with' });
    const current = await compareWith.inputValue();
    const others = await compareWith.locator('option').evaluateAll((options, now) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== now), current);
    expect(others.length).toBeGreaterThan(0);
    const runs = host.callsOn('analysis:run').length;
    await compareWith.selectOption(others[0]!);
    await waitForCall(page, host, 'analysis:run', runs);
    // A new reference is worked out from the counts already taken, without reading the file again;
    // the analyst stays on the sub-view they were reading.
    await page.getByText(/Worked out again from the counts already taken; the file was not read again/).waitFor({ timeout: JOB_TIMEOUT });
    await figures.waitFor();
    await expectSubView(page, contents, second);
    await app.snap('representation-other-reference');

    // ── Documentation ──
    await page.getByRole('button', { name: 'Continue to documentation' }).click();
    const completeness = page.getByText(/\d+ of 29 items complete/);
    await completeness.first().waitFor();
    const answer = page.locator('fieldset').getByRole('textbox').first();
    await answer.fill('Synthetic admissions to an NHS trust, 2019 to 2024, made for testing Represent.');
    const status = page.getByRole('status').filter({ hasText: /Saving…|Saved at/ });
    await expect.poll(() => status.first().innerText(), { timeout: UI_TIMEOUT }).toMatch(/Saved at \d{2}:\d{2}/);
    // "Not available" is an explicit answer with a reason.
    await page.getByRole('checkbox', { name: 'Not available' }).nth(1).check();
    await page.getByRole('textbox', { name: 'Why is this not available?' }).first().fill('Not collected by the source system.');
    const answerSaves = host.callsOn('answers:save').length;
    await waitForCall(page, host, 'answers:save', answerSaves);
    await expect.poll(() => status.first().innerText(), { timeout: UI_TIMEOUT }).toMatch(/Saved at \d{2}:\d{2}/);
    await app.visit('Documentation', 'documentation');

    // ── Report: built, shown one section at a time (report-sections.test.ts walks every one) ──
    await page.getByRole('button', { name: 'Continue to report' }).click();
    await page.getByRole('button', { name: 'Build report' }).click();
    const reportContents = page.getByRole('navigation', { name: 'Report contents' });
    await reportContents.waitFor({ timeout: JOB_TIMEOUT });
    expect(host.callsOn('report:build').at(-1)).toBe(true);
    await expectSubView(page, 'Report contents', 'Dataset and report');
    await app.visit('Report', 'report-dataset');
    await reportContents.getByRole('link', { name: 'Disclosure control', exact: true }).click();
    await expect.poll(() => focusedH2(page)).toBe('Disclosure control');
    await expectSubView(page, 'Report contents', 'Disclosure control');
    expect(await page.locator('main').innerText()).toMatch(/shown|suppressed|rounded/i);
    await app.visit('Report', 'report-disclosure-control');

    // ── Export request ──
    await page.getByRole('button', { name: 'Continue to export request' }).click();
    await page.getByRole('textbox', { name: 'Purpose' }).fill('Publish how well each ethnic group and age band is represented in the admissions extract.');
    await page.getByRole('textbox', { name: 'Justification' }).fill('Aggregate counts only, checked by disclosure control; small cells suppressed.');
    await app.snap('export-request');
    const outFolder = path.join(host.dir, 'chosen-folder');
    await mkdir(outFolder);
    host.dialogs.saveFolder = outFolder;
    await page.getByRole('button', { name: 'Choose where to save and write the request' }).click();
    await page.getByText('Export request written').waitFor({ timeout: JOB_TIMEOUT });
    await app.visit('Export request', 'export-request-written');

    const save = host.dialogs.saves.at(-1);
    expect(save?.request.kind).toBe('zip');
    expect(save?.path && existsSync(save.path)).toBe(true);
    const entries = await zipEntries(save!.path!);
    expect(entries).toContain('manifest.json');
    expect(entries).toContain('results.json');
    expect(host.callsOn('export:request')).toEqual([true]);
    app.expectClean();
    await app.context.close();
  }, 600_000);
});
