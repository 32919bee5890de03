// The built renderer in real headless Chromium, on the real services through the test bridge:
// Start → Profiling (progress, Cancel) → Dataset overview, by keyboard, under the production CSP,
// with axe-core on every page and a guard that fails any request that is not local.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildRenderer } from '../../build/vite.renderer.config';
import { createNodeApiDeps } from '../../main/services/api-deps';
import { bundlePageClient } from '../bridge/bundle-page-client';
import { startTestBridge, type TestBridge } from '../bridge/server';
import { CPS_FIXTURE, cpsTextValues } from '../unit/app/fixture-values';
import { findChromium, focusedName, launchChromium, screenshot, seriousAccessibilityViolations, watchPage, type PageWatch } from './harness';

const executablePath = findChromium();
const inCI = process.env.CI === 'true' || process.env.CI === '1';
const MISSING = 'Debian Chromium was not found at /usr/bin/chromium (or CHROMIUM_PATH)';

if (!executablePath) {
  if (inCI) {
    describe('browser suite', () => {
      it('needs Chromium in CI', () => {
        throw new Error(`${MISSING}. CI must install it: apt-get install chromium (see .ci/run).`);
      });
    });
  } else {
    console.log(`[e2e-browser] SKIPPED: ${MISSING}. Install it with: sudo apt-get install chromium`);
  }
}

/** Big enough that profiling it with one worker takes seconds, so Cancel lands mid-job. */
const LARGE_FILE_BYTES = 400 * 1024 * 1024;

describe.skipIf(!executablePath)('renderer in Chromium through the test bridge', () => {
  let workDir: string;
  let bridge: TestBridge;
  let browser: Browser;
  let initScript: string;
  let largeFile: string;
  let clinicFile: string;
  /** NHS numbers and dates of birth in the synthetic clinic extract: none may reach the page. */
  let clinicSecrets: string[];
  /** What the fake native open dialog returns next (the only fake: there is no OS dialog here). */
  let dialogAnswer: string | null = null;

  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'represent-e2e-'));
    const rendererDir = path.join(workDir, 'renderer');
    await buildRenderer({ outDir: rendererDir });
    largeFile = path.join(workDir, 'large-extract.csv');
    await writeLargeCsv(largeFile, LARGE_FILE_BYTES);
    clinicFile = path.join(workDir, 'clinic-extract.csv');
    clinicSecrets = await writeClinicCsv(clinicFile);

    const deps = createNodeApiDeps({
      appInfo: { name: 'Represent', version: '0.0.0-e2e', offline: true },
      chooseDataFile: async () => dialogAnswer,
      chooseSavePath: async () => null,
      chooseBundle: async () => null,
      home: path.join(workDir, 'home'),
      workers: 1,
    });
    bridge = await startTestBridge({ deps, rendererDir });
    initScript = await bundlePageClient(bridge);
    browser = await launchChromium(executablePath!);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', serviceWorkers: 'block' });
    page = await context.newPage();
    watch = await watchPage(page, bridge.origin);
    await page.addInitScript({ content: initScript });
    await page.goto(`${bridge.origin}/`);
    await page.getByRole('heading', { level: 1, name: 'Profile a dataset' }).waitFor();
  });

  afterEach(async () => {
    // Every test: nothing but the bridge was contacted, and no CSP violation or script error.
    expect(watch.blocked).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  async function expectAccessible(): Promise<void> {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  it('chooses a file with the dialog, profiles it and shows the overview, by keyboard alone', async () => {
    await expectAccessible();
    await screenshot(page, '01-start');
    expect(await focusedName(page)).toBe('Profile a dataset'); // the h1 takes focus

    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Data file');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Profile this file');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Choose file');

    dialogAnswer = CPS_FIXTURE;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Data file').inputValue()).toBe(CPS_FIXTURE);

    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe('Profile this file');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: /Dataset overview/ }).waitFor();
    expect(await focusedName(page)).toContain('Dataset overview');
    await expect.poll(() => page.title()).toBe('Dataset overview – Represent');

    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(11);
    const gender = page.locator('tbody tr', { has: page.locator('th', { hasText: /^gender$/ }) });
    expect((await gender.locator('td').allInnerTexts()).slice(1, 3)).toEqual(['0%', '2']);
    await expect.poll(() => page.locator('dl').first().innerText()).toContain('534');

    // Not one value from the file is on the page.
    const text = (await page.locator('body').innerText()).toLowerCase();
    const shown = cpsTextValues().filter((v) => new RegExp(`\\b${v.toLowerCase()}\\b`).test(text));
    expect(shown).toEqual([]);

    await expectAccessible();
    await screenshot(page, '03-overview');

    // The overview's actions in order: the next step, then starting again.
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Continue to mapping');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Profile another file');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Profile a dataset' }).waitFor();
    expect(await page.getByLabel('Data file').inputValue()).toBe(CPS_FIXTURE);
    expect(bridge.calls.filter((c) => c.channel === 'profile:run').at(-1)).toEqual({ channel: 'profile:run', ok: true });
  });

  it('flags identifier, empty, constant and mixed columns without showing a value', async () => {
    await page.getByLabel('Data file').fill(clinicFile);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Dataset overview/ }).waitFor();
    const notes = async (column: string) =>
      page.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${column}$`) }) }).locator('td').last().innerText();
    expect(await notes('nhs_number')).toContain('Identifier (NHS number): values hidden');
    expect(await notes('date_of_birth')).toContain('Identifier (date of birth): values hidden');
    expect(await notes('referral_reason')).toContain('Mostly missing');
    expect(await notes('site')).toContain('One value only');
    expect(await notes('age')).toMatch(/values? (do|does) not fit the type/);
    expect(await notes('sex')).toBe('');

    const text = await page.locator('body').innerText();
    expect(clinicSecrets.filter((secret) => text.includes(secret))).toEqual([]);
    await expectAccessible();
    await screenshot(page, '06-overview-flags');
  });

  it('shows rows, speed and time left while profiling, and Cancel stops the job', async () => {
    await page.getByLabel('Data file').fill(largeFile);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Profiling the file/ }).waitFor();
    const rowsRead = page.locator('.nhsuk-summary-list__row', { hasText: 'Rows read' }).locator('dd');
    await expect.poll(async () => Number((await rowsRead.innerText()).replace(/,/g, '')), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('dl').innerText()).toMatch(/Speed\s+[\d.,]+ (bytes|KB|MB|GB) per second \([\d,]+ rows per second\)/);
    await expect.poll(() => page.locator('dl').innerText()).toMatch(/Time left\s+(About|Less than)/);
    expect(await page.locator('dl').innerText()).toMatch(/Read so far\s+[\d.,]+ (bytes|KB|MB) of 4\d\d(\.\d)? MB/);
    expect(Number(await page.locator('progress').getAttribute('value'))).toBeGreaterThanOrEqual(0);

    await screenshot(page, '02-profiling');
    await expectAccessible();

    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Cancel');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Profile a dataset' }).waitFor();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Profiling was cancelled. Nothing was saved.');
    expect(await page.getByLabel('Data file').inputValue()).toBe(largeFile);
    expect(bridge.calls.filter((c) => c.channel === 'job:cancel').at(-1)).toEqual({ channel: 'job:cancel', ok: true });
    expect(bridge.calls.filter((c) => c.channel === 'profile:run').at(-1)).toEqual({ channel: 'profile:run', ok: false });
    await screenshot(page, '04-cancelled');
  });

  it('explains a missing file: what was expected, what was found, and where', async () => {
    const missing = path.join(workDir, 'no-such-extract.csv');
    await page.getByLabel('Data file').fill(missing);
    await page.getByRole('button', { name: 'Profile this file' }).press('Enter');
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toContain('There is a problem');
    expect(text).toContain('The file does not exist.');
    expect(text).toMatch(/Expected\s+a path to a CSV/);
    expect(text).toMatch(/Found\s+nothing at that path/);
    expect(text).toContain(missing);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary'))).toBe(true);
    await expectAccessible();
    await screenshot(page, '05-error');

    // The summary's link takes the user to the field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Data file');
  });

  it('asks for a full path before calling the service', async () => {
    const callsBefore = bridge.calls.length;
    await page.getByLabel('Data file').fill('extract.csv');
    await page.getByRole('button', { name: 'Profile this file' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-summary').innerText()).toContain('full path');
    await page.getByLabel('Data file').fill('');
    await page.getByRole('button', { name: 'Profile this file' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-summary').innerText()).toContain('Enter the path to a data file');
    expect(bridge.calls.slice(callsBefore).filter((c) => c.channel === 'profile:run')).toEqual([]);
  });

  it('exposes only the typed API to the page, and the page has no Node', async () => {
    const surface = await page.evaluate(() => ({
      api: Object.keys(window.api ?? {}).sort(),
      frozen: Object.isFrozen(window.api),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(surface).toEqual({ api: ['invoke', 'on'], frozen: true, require: 'undefined', process: 'undefined' });
    const refused = await page.evaluate(() => window.api!.invoke('shell:open-external' as never, {} as never));
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
  });

  it('the CSP blocks remote requests in the page, and the guard would catch any that got through', async () => {
    // In the app page, the CSP refuses before any request is made…
    const cspBlocked = await page.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return false;
      } catch {
        return true;
      }
    });
    expect(cspBlocked).toBe(true);
    expect(watch.errors.some((e) => /Content Security Policy/i.test(e))).toBe(true);
    watch.errors.length = 0; // expected here; afterEach checks the rest of the test stays clean

    // …and on a page without our CSP, the route guard records and aborts it.
    const other = await context.newPage();
    const otherWatch = await watchPage(other, bridge.origin);
    await other.goto('about:blank');
    await other.evaluate(() => fetch('https://example.org/probe').catch(() => null));
    expect(otherWatch.blocked).toEqual(['https://example.org/probe']);
    await other.close();
  });
});

/** Writes the fixture's rows over and over after its header: real rows, sized for a long job. */
async function writeLargeCsv(file: string, bytes: number): Promise<void> {
  const text = await readFile(CPS_FIXTURE, 'utf8');
  const newline = text.indexOf('\n');
  const header = text.slice(0, newline + 1);
  const body = text.slice(newline + 1);
  const block = Buffer.from(body.repeat(Math.ceil((4 * 1024 * 1024) / body.length)));
  const handle = await open(file, 'w');
  try {
    await handle.write(header);
    for (let written = 0; written < bytes; written += block.length) await handle.write(block);
  } finally {
    await handle.close();
  }
}

/**
 * A small synthetic clinic extract (seeded, so every run is the same): valid-looking NHS numbers
 * and dates of birth (identifiers), a mostly empty column, a constant one and a numeric column
 * with a few words in it. Returns the identifying values, which must never be shown.
 */
async function writeClinicCsv(file: string): Promise<string[]> {
  let seed = 20240607;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const secrets: string[] = [];
  const lines = ['nhs_number,sex,ethnic_category,date_of_birth,age,referral_reason,site'];
  for (let row = 0; row < 300; row++) {
    const nhs = nhsNumber(random);
    const year = 1930 + Math.floor(random() * 80);
    const dob = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    secrets.push(nhs, dob);
    const age = row % 50 === 7 ? 'ninety' : String(2024 - year);
    const reason = random() < 0.8 ? '' : pick(['Chest pain', 'Fall', 'Review']);
    lines.push([nhs, pick(['F', 'M', 'F', 'M', '']), pick(['A', 'B', 'C', 'J', 'M', 'Z', '']), dob, age, reason, 'RX1'].join(','));
  }
  await writeFile(file, lines.join('\n') + '\n');
  return secrets;
}

/** A 10-digit number with a valid NHS number check digit (modulus 11, weights 10 to 2). */
function nhsNumber(random: () => number): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, (_, i) => (i === 0 ? 4 + Math.floor(random() * 5) : Math.floor(random() * 10)));
    const sum = digits.reduce((acc, d, i) => acc + d * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return [...digits, check === 11 ? 0 : check].join('');
  }
}
