// Report printing (main/app/pdf-printing.ts) without Electron: first over a recording fake window
// factory (every step, every failure path), then over a window factory backed by real headless
// Chromium (Debian's, through playwright-core, the engine Electron embeds) to check that the
// report's own HTML, CSP and all, loads from a data: URL and from a temp file, prints to an A4 PDF,
// and asks for nothing but its own document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrintToPDFOptions } from 'electron';
import type { Browser } from 'playwright-core';
import {
  createPdfPrinter,
  dataUrlFor,
  isPdfRequestAllowed,
  MAX_DATA_URL_CHARS,
  PDF_WEB_PREFERENCES,
  REPORT_PDF_OPTIONS,
  tempFileStager,
  type PdfWindow,
  type PdfWindowFactory,
} from '../../../main/app/pdf-printing';
import { findChromium } from '../../../main/services/report/pdf';
import { presetPolicy } from '../../../shared/disclosure';
import { buildReport, renderHtml } from '../../../shared/report';
import { syntheticReport } from '../report/synthetic-report';

interface Recorded {
  opened: string[];
  loaded: string[];
  printed: PrintToPDFOptions[];
  destroyed: number;
}

function fakeWindows(behaviour: { failLoad?: boolean; failPrint?: boolean } = {}): { factory: PdfWindowFactory; log: Recorded } {
  const log: Recorded = { opened: [], loaded: [], printed: [], destroyed: 0 };
  const factory: PdfWindowFactory = {
    open(url) {
      log.opened.push(url);
      const w: PdfWindow = {
        load: async (u) => {
          log.loaded.push(u);
          if (behaviour.failLoad) throw new Error('ERR_BLOCKED_BY_CLIENT');
        },
        print: async (options) => {
          log.printed.push(options);
          if (behaviour.failPrint) throw new Error('printing failed');
          return new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
        },
        destroy: () => {
          log.destroyed++;
        },
      };
      return w;
    },
  };
  return { factory, log };
}

const REPORT_HTML = (() => {
  const s = syntheticReport();
  return renderHtml(buildReport({ ...s.input, policy: presetPolicy('acro-default') }));
})();

describe('the print settings', () => {
  it('print A4 with backgrounds and the report’s margins, tagged, no header or footer', () => {
    expect(REPORT_PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true, landscape: false, displayHeaderFooter: false, generateTaggedPDF: true });
    const m = REPORT_PDF_OPTIONS.margins!;
    // Inches: 15 mm top and bottom, 12 mm at the sides.
    expect(m.top! * 25.4).toBeCloseTo(15, 6);
    expect(m.bottom! * 25.4).toBeCloseTo(15, 6);
    expect(m.left! * 25.4).toBeCloseTo(12, 6);
    expect(m.right! * 25.4).toBeCloseTo(12, 6);
  });

  it('open the window with JavaScript off, sandboxed, isolated, with no preload and no Node', () => {
    expect(PDF_WEB_PREFERENCES).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false, spellcheck: false });
    expect('preload' in PDF_WEB_PREFERENCES).toBe(false);
    expect(Object.isFrozen(PDF_WEB_PREFERENCES)).toBe(true);
  });

  it('allow the document’s own URL and nothing else', () => {
    const doc = dataUrlFor('<p>x</p>')!;
    expect(isPdfRequestAllowed(doc, doc)).toBe(true);
    for (const other of ['https://example.org/font.woff', 'file:///etc/passwd', `${doc}#x`, 'data:image/png;base64,AAAA', 'app://represent/index.html'])
      expect(isPdfRequestAllowed(other, doc)).toBe(false);
  });
});

describe('createPdfPrinter over a fake window factory', () => {
  it('opens a window for exactly the staged URL, loads it, prints with the report options and destroys it', async () => {
    const { factory, log } = fakeWindows();
    const bytes = await createPdfPrinter(factory)(REPORT_HTML);
    expect(new TextDecoder().decode(bytes)).toMatch(/^%PDF-/);
    expect(log.opened).toHaveLength(1);
    expect(log.loaded).toEqual(log.opened);
    expect(log.opened[0]!.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(log.opened[0]!.split(',')[1]!, 'base64').toString('utf8')).toBe(REPORT_HTML);
    expect(log.printed).toEqual([REPORT_PDF_OPTIONS]);
    expect(log.destroyed).toBe(1);
  });

  it('destroys the window and removes the temp file when loading or printing fails', async () => {
    const temp = await mkdtemp(path.join(tmpdir(), 'represent-pdf-test-'));
    try {
      const big = `<!DOCTYPE html><html><body>${'<p>row</p>'.repeat(MAX_DATA_URL_CHARS / 6)}</body></html>`;
      for (const behaviour of [{ failLoad: true }, { failPrint: true }]) {
        const { factory, log } = fakeWindows(behaviour);
        await expect(createPdfPrinter(factory, tempFileStager(temp))(big)).rejects.toThrow();
        expect(log.opened[0]!.startsWith('file://')).toBe(true);
        expect(log.destroyed).toBe(1);
      }
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  });

  it('prints one report at a time, and a failure does not stop the next', async () => {
    let active = 0;
    let most = 0;
    let calls = 0;
    const factory: PdfWindowFactory = {
      open: () => ({
        load: async () => undefined,
        print: async () => {
          active++;
          most = Math.max(most, active);
          await new Promise((r) => setTimeout(r, 10));
          active--;
          if (++calls === 2) throw new Error('second fails');
          return new TextEncoder().encode('%PDF-');
        },
        destroy: () => undefined,
      }),
    };
    const print = createPdfPrinter(factory);
    const results = await Promise.allSettled([print('<p>1</p>'), print('<p>2</p>'), print('<p>3</p>')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(most).toBe(1);
  });
});

describe('the staging', () => {
  it('uses a data: URL while it fits under Chromium’s URL limit, else a private temp file removed afterwards', async () => {
    const temp = await mkdtemp(path.join(tmpdir(), 'represent-pdf-test-'));
    try {
      const stage = tempFileStager(temp);
      const small = await stage(REPORT_HTML);
      expect(small.url.startsWith('data:')).toBe(true);
      expect(small.url.length).toBeLessThanOrEqual(MAX_DATA_URL_CHARS);
      const big = 'é'.repeat(MAX_DATA_URL_CHARS);
      const staged = await stage(big);
      const file = fileURLToPath(staged.url);
      expect(await readFile(file, 'utf8')).toBe(big);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      await staged.remove();
      expect(existsSync(path.dirname(file))).toBe(false);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  });
});

// ---- real Chromium ------------------------------------------------------------------------------

const chromium = findChromium();

describe.skipIf(!chromium)('createPdfPrinter over real headless Chromium', () => {
  let browser: Browser;
  /** URLs the page loaded (got a response for) and URLs whose loading failed or was refused. */
  const requests: string[] = [];
  const failed: string[] = [];

  beforeAll(async () => {
    const { chromium: pw } = await import('playwright-core');
    browser = await pw.launch({ executablePath: chromium!, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The structural factory, backed by a Chromium page with JavaScript off and every other request aborted. */
  const chromiumWindows: PdfWindowFactory = {
    open(documentUrl) {
      const pending = browser.newContext({ javaScriptEnabled: false }).then(async (context) => {
        const page = await context.newPage();
        page.on('response', (r) => requests.push(r.url()));
        page.on('requestfailed', (r) => failed.push(r.url()));
        await page.route('**/*', (route) => (isPdfRequestAllowed(route.request().url(), documentUrl) ? route.continue() : route.abort('blockedbyclient')));
        return { context, page };
      });
      return {
        load: async (url) => {
          const { page } = await pending;
          await page.goto(url, { waitUntil: 'load' });
        },
        print: async (o) => {
          const { page } = await pending;
          const inch = (n: number | undefined) => `${n ?? 0}in`;
          return page.pdf({
            format: o.pageSize as string,
            printBackground: o.printBackground ?? false,
            displayHeaderFooter: o.displayHeaderFooter ?? false,
            preferCSSPageSize: o.preferCSSPageSize ?? false,
            tagged: o.generateTaggedPDF ?? false,
            outline: o.generateDocumentOutline ?? false,
            margin: { top: inch(o.margins?.top), bottom: inch(o.margins?.bottom), left: inch(o.margins?.left), right: inch(o.margins?.right) },
          });
        },
        destroy: () => {
          void pending.then(({ context }) => context.close());
        },
      };
    },
  };

  /** Page sizes from the PDF's /MediaBox entries, in points. */
  function mediaBoxes(pdf: Uint8Array): number[][] {
    const text = Buffer.from(pdf).toString('latin1');
    return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
  }

  it('prints the report (CSP, inline SVG, no script) from a data: URL to A4 pages, asking for nothing else', async () => {
    requests.length = 0;
    failed.length = 0;
    // A planted outside image and stylesheet: the report's CSP (and the request filter) must keep them from loading.
    const planted = REPORT_HTML.replace('</main>', '<img src="https://example.invalid/track.png" alt=""><link rel="stylesheet" href="https://example.invalid/a.css">\n</main>');
    const pdf = await createPdfPrinter(chromiumWindows)(planted);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const boxes = mediaBoxes(pdf);
    expect(boxes.length).toBeGreaterThan(1);
    // A4 is 210 × 297 mm, 595.3 × 841.9 points; Chromium rounds the page to whole hundredths of an inch (595.9 × 842.9).
    for (const b of boxes) {
      expect(Math.abs(b[2]! - b[0]! - 595.28)).toBeLessThan(1.5);
      expect(Math.abs(b[3]! - b[1]! - 841.89)).toBeLessThan(1.5);
    }
    // Chromium reports the planted requests (the CSP refuses them, and the filter would too); none loads.
    expect(requests.filter((u) => !u.startsWith('data:text/html'))).toEqual([]);
    expect(failed.sort()).toEqual(['https://example.invalid/a.css', 'https://example.invalid/track.png']);
  }, 60_000);

  it('prints a report too large for a data: URL from a temp file, and removes it', async () => {
    const temp = await mkdtemp(path.join(tmpdir(), 'represent-pdf-test-'));
    try {
      // The same report, padded past the URL limit (a large report has many tables; a comment
      // stands in for their bytes here, so the print stays quick).
      const html = REPORT_HTML.replace('</main>', `<!-- ${'padding '.repeat(MAX_DATA_URL_CHARS / 8)} -->\n</main>`);
      expect(dataUrlFor(html)).toBeNull();
      requests.length = 0;
      const pdf = await createPdfPrinter(chromiumWindows, tempFileStager(temp))(html);
      const asked = [...requests];
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(/^file:\/\/.*\/represent-pdf-[^/]+\/report\.html$/);
      expect(mediaBoxes(pdf).length).toBe(mediaBoxes(await createPdfPrinter(chromiumWindows)(REPORT_HTML)).length);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }, 120_000);
});
