// The standards report's HTML in real headless Chromium: it renders with no network request at
// all (every request is refused and recorded), axe-core finds no serious or critical violation,
// the print stylesheet applies, and a screenshot of the first page is kept as a test artefact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { presetPolicy } from '../../shared/disclosure';
import { buildReport, parseAnswers } from '../../shared/report';
import { writeReportFolder } from '../../main/services/report/write-report';
import { syntheticReport } from '../unit/report/synthetic-report';
import { findChromium, launchChromium, screenshot, screenshotDir, seriousAccessibilityViolations } from './harness';

const executablePath = findChromium();
if (!executablePath) console.log('[e2e-browser] report: SKIPPED: Debian Chromium was not found at /usr/bin/chromium (or CHROMIUM_PATH).');

describe.skipIf(!executablePath)('standards report HTML in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let reportDir: string;

  beforeAll(async () => {
    browser = await launchChromium(executablePath!);
    dir = await mkdtemp(path.join(tmpdir(), 'represent-report-'));
    const s = syntheticReport();
    const answers = parseAnswers({
      format: 'represent-answers',
      formatVersion: 1,
      provenance: { summary: 'Synthetic admissions to an NHS trust, 2019 to 2024, made for testing Represent.', custodian: 'Represent test suite' },
      ethics: { approval: { notAvailable: 'Synthetic data: no ethics review needed.' } },
    });
    const report = buildReport({ ...s.input, answers, policy: presetPolicy('nhs-england-subnational') });
    reportDir = path.join(dir, 'report');
    await writeReportFolder(report, reportDir, { pdf: true, chromiumPath: executablePath! });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('renders from file:// with no network request, and passes axe-core (no serious or critical violation)', async () => {
    // axe-core opens a helper page in the same context, so the guard is on the context.
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      // The page itself is the only thing that may load.
      if (url === pathToFileURL(path.join(reportDir, 'report.html')).href) await route.continue();
      else {
        requests.push(url);
        await route.abort('blockedbyclient');
      }
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(path.join(reportDir, 'report.html')).href, { waitUntil: 'load' });
    expect(await page.locator('h1').textContent()).toContain('STANDING Together standards report');
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#completeness-heading ~ table tbody tr').count()).toBe(29);
    const shot = await page.screenshot({ path: path.join(screenshotDir, 'report-first-page.png') });
    expect(shot.length).toBeGreaterThan(10_000);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('applies the print stylesheet and is readable with the print media', async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient')));
    await page.goto(pathToFileURL(path.join(reportDir, 'report.html')).href);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.contents').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await screenshot(page, 'report-print');
    await page.close();
  }, 60_000);

  it('wrote report.pdf through headless Chromium', async () => {
    const s = await stat(path.join(reportDir, 'report.pdf'));
    expect(s.size).toBeGreaterThan(20_000);
  });
});
