// Issue 8, the whole reviewer flow: a second person with their own Represent home sets up their
// profile and signing key in Settings, opens an analyst's export request, decides on every output
// with comments, and approves with their passphrase ("Release written": the release zip is on
// disk); then rejects a second request ("Response written"). The analyst's side is done through
// the API itself (its own home and bridge), as another machine would have done it. Every page is
// checked with axe-core and photographed; any non-local request or console/CSP error fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
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
import { analystRequestsViaApi, saveProfile, waitForCall, zipEntries } from './journeys';

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

  it('rejects a second request and writes the response', async () => {
    const app = await openAppPage(browser, reviewer, { suite: 'reviewer-reject' });
    const { page } = app;
    await openRequest(app, bundles[1]!, 'reject');
    await decideAll(page, 'Reject', 'Not needed for the stated purpose');
    await page.getByRole('textbox', { name: 'Overall comment' }).fill('Please narrow the request to the tables the purpose needs.');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await app.visit('Review a request', 'reject-decided');
    const folder = path.join(reviewer.dir, 'response');
    await mkdir(folder);
    reviewer.dialogs.saveFolder = folder;
    const decides = reviewer.callsOn('review:decide').length;
    await page.getByRole('button', { name: 'Reject and write response' }).click();
    await page.getByText('Response written').waitFor({ timeout: JOB_TIMEOUT });
    await app.snap('reject-written');
    expect(reviewer.callsOn('review:decide').slice(decides)).toEqual([true]);
    const save = reviewer.dialogs.saves.at(-1);
    expect(save?.path && existsSync(save.path)).toBe(true);
    app.expectClean();
    await app.context.close();
  }, 240_000);
});
