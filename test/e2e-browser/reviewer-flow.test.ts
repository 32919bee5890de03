// Issue 8, the whole reviewer flow: a second person with their own Represent home sets up their
// profile and signing key in Settings, opens an analyst's export request, decides on every output
// with comments after reading the request's report on the page (folded, one section at a time),
// and approves with their passphrase ("Release written": the release zip is on disk); then, on a
// second request, is stopped from approving with no output approved, and rejects the request as a
// whole although one output is marked Approve ("Response written", releasing nothing, keeping the
// marks). The analyst's side is done through
// the API itself (its own home and bridge), as another machine would have done it. Every page is
// checked with axe-core and photographed; any non-local request or console/CSP error fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  builtRenderer,
  findChromium,
  JOB_TIMEOUT,
  launchChromium,
  openAppPage,
  startAppHost,
  writeSample,
  type AppHost,
  type AppPage,
} from './app-session';
import { analystRequestsViaApi, contentsTitles, expectSubView, saveProfile, waitForCall, zipEntries } from './journeys';
import { readZipFile } from '../../main/services/export-workflow/zip-io';
import type { StandardsReport } from '../../shared/report/model';

const executablePath = findChromium();
if (!executablePath) console.log('[e2e-browser] reviewer flow: SKIPPED: Debian Chromium was not found at /usr/bin/chromium (or CHROMIUM_PATH).');

const PASSPHRASE = 'correct horse battery staple 42';

describe.skipIf(!executablePath)('the reviewer flow in Chromium', () => {
  let browser: Browser;
  let analyst: AppHost;
  let reviewer: AppHost;
  let bundles: string[];

  beforeAll(async () => {
    const rendererDir = await builtRenderer();
    analyst = await startAppHost({ rendererDir, label: 'analyst-api' });
    reviewer = await startAppHost({ rendererDir, label: 'reviewer' });
    const sample = await writeSample(analyst.dir);
    bundles = await analystRequestsViaApi(analyst, sample, 2);
    browser = await launchChromium(executablePath!);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await analyst?.close();
    await reviewer?.close();
  });

  /** Header → "Review a request" → "Choose a request bundle" (the fake dialog answers `bundle`). */
  async function openRequest(app: AppPage, bundle: string, shot: string): Promise<void> {
    const { page } = app;
    await app.nav().getByRole('button', { name: 'Review a request' }).click();
    await app.snap(`${shot}-choose`);
    reviewer.dialogs.bundle = bundle;
    const opens = reviewer.callsOn('review:open').length;
    await page.getByRole('button', { name: 'Choose a request bundle' }).click();
    await waitForCall(page, reviewer, 'review:open', opens);
    await page.getByRole('radio', { name: 'Approve', exact: true }).first().waitFor();
    await page.getByText('Priya Shah').first().waitFor();
  }

  /** Decides every output the same way, with a comment on each (required or not). */
  async function decideAll(page: Page, decision: 'Approve' | 'Reject', comment: string): Promise<number> {
    const radios = page.getByRole('radio', { name: decision, exact: true });
    const comments = page.getByRole('textbox', { name: /^Comment on / });
    const outputs = await radios.count();
    expect(outputs).toBeGreaterThan(0);
    expect(await comments.count()).toBe(outputs);
    for (let i = 0; i < outputs; i++) {
      await radios.nth(i).check();
      await comments.nth(i).fill(`${comment} (${i + 1})`);
    }
    return outputs;
  }

  it('sets up the reviewer, approves a request and writes the release', async () => {
    const app = await openAppPage(browser, reviewer, { suite: 'reviewer' });
    const { page } = app;
    await app.visit('Profile a dataset', 'start');

    // ── Settings: who I am, and my signing key ──
    await saveProfile(app, reviewer, 'Sam Okafor', 'Reviewer');
    await page.getByLabel('New passphrase').fill(PASSPHRASE);
    await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    const keys = reviewer.callsOn('keys:create').length;
    await page.getByRole('button', { name: 'Create signing key' }).click();
    await waitForCall(page, reviewer, 'keys:create', keys);
    await page.getByRole('button', { name: 'Export public key' }).waitFor();
    await app.visit('Settings', 'settings');

    // ── Review: every output approved with a comment, an overall comment, the passphrase ──
    await openRequest(app, bundles[0]!, 'approve');
    await app.visit('Review a request', 'approve-opened');

    // ── The request's report, read on the page: folded until opened, then one section at a time ──
    const report = JSON.parse((await readZipFile(bundles[0]!)).entries.get('report.json')!.toString('utf8')) as StandardsReport;
    const title = page.getByRole('heading', { level: 2, name: report.title, exact: true });
    expect(await title.count()).toBe(0);
    await page.getByText('Read the report', { exact: true }).click();
    await title.waitFor();
    const sections = await contentsTitles(page, 'Report contents');
    expect(sections).toContain('Disclosure control');
    expect(sections.length).toBeGreaterThan(3);
    await expectSubView(page, 'Report contents', sections[0]!);
    await app.visit('Review a request', 'approve-report-open');
    await page.getByRole('navigation', { name: 'Report contents' }).getByRole('link', { name: 'Disclosure control', exact: true }).click();
    await expectSubView(page, 'Report contents', 'Disclosure control');
    // The evidence table and the export screen's verdict, both from the bundle itself.
    await page.getByRole('heading', { level: 3, name: 'Evidence for each table' }).waitFor();
    await page.getByText('The independent export screen read the files as they would be written and found nothing to stop.').waitFor();
    await app.snap('approve-report-disclosure');
    const outputs = await decideAll(page, 'Approve', 'Checked: aggregate counts, small cells suppressed');
    await page.getByRole('textbox', { name: 'Overall comment' }).fill('Safe to release: every table passed disclosure control.');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    const folder = path.join(reviewer.dir, 'release');
    await mkdir(folder);
    reviewer.dialogs.saveFolder = folder;
    await page.getByRole('button', { name: 'Approve and write release' }).click();
    await page.getByText('Release written').waitFor({ timeout: JOB_TIMEOUT });
    await app.visit('Review a request', 'approve-written');

    const save = reviewer.dialogs.saves.at(-1);
    expect(save?.request.kind).toBe('zip');
    expect(save?.path && existsSync(save.path)).toBe(true);
    const entries = await zipEntries(save!.path!);
    expect(entries).toContain('manifest.json');
    expect(entries).toContain('approval.json');
    expect(reviewer.callsOn('review:decide')).toEqual([true]);
    expect(outputs).toBeGreaterThan(0);
    app.expectClean();
    await app.context.close();
  }, 240_000);

  it('refuses to approve with no output approved, then rejects the request as a whole with one output marked Approve', async () => {
    const app = await openAppPage(browser, reviewer, { suite: 'reviewer-reject' });
    const { page } = app;
    await openRequest(app, bundles[1]!, 'reject');
    await decideAll(page, 'Reject', 'Not needed for the stated purpose');
    await page.getByRole('textbox', { name: 'Overall comment' }).fill('Please narrow the request to the tables the purpose needs.');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    const decides = reviewer.callsOn('review:decide').length;
    const saves = reviewer.dialogs.saves.length;

    // ── Overall approve needs an approved output: stopped on the page, nothing asked or written ──
    await page.getByRole('button', { name: 'Approve and write release' }).click();
    await page.getByRole('link', { name: 'Approve at least one output to write a release, or reject the request' }).waitFor();
    await app.visit('Review a request', 'reject-approve-refused');
    expect(reviewer.callsOn('review:decide').length).toBe(decides);
    expect(reviewer.dialogs.saves.length).toBe(saves);

    // ── Overall reject with the first output marked Approve: allowed, nothing released ──
    await page.getByRole('radio', { name: 'Approve', exact: true }).first().check();
    await app.snap('reject-decided');
    const folder = path.join(reviewer.dir, 'response');
    await mkdir(folder);
    reviewer.dialogs.saveFolder = folder;
    await page.getByRole('button', { name: 'Reject and write response' }).click();
    await page.getByText('Response written').waitFor({ timeout: JOB_TIMEOUT });
    await page.getByText(/You rejected the request as a whole, so nothing is released, although you marked 1 output as approved/).waitFor();
    await app.visit('Review a request', 'reject-written');
    expect(reviewer.callsOn('review:decide').slice(decides)).toEqual([true]);
    const save = reviewer.dialogs.saves.at(-1);
    expect(save?.request.kind).toBe('zip');
    expect(save?.path && existsSync(save.path)).toBe(true);
    const signed = JSON.parse(readFileSync(save!.path!, 'utf8')) as { statement: { decision: string; releasedFiles: unknown[]; outputs: { decision: string }[] } };
    expect(signed.statement.decision).toBe('rejected');
    expect(signed.statement.releasedFiles).toEqual([]);
    expect(signed.statement.outputs.map((o) => o.decision)).toEqual(signed.statement.outputs.map((_, i) => (i === 0 ? 'approved' : 'rejected')));
    app.expectClean();
    await app.context.close();
  }, 240_000);
});
