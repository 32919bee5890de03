// Printing the report's HTML to PDF bytes, over a structural "window factory" so that the steps
// (stage the document, open a locked-down hidden window, load, print, destroy, clean up) are unit
// tested without Electron. The Electron binding is ./report-pdf.ts; this module imports electron
// for types only (erased at build), so plain Node tests can load it.
//
// Why these choices:
// - The report HTML is self-contained and script-free, with the CSP
//   `default-src 'none'; style-src 'unsafe-inline'; img-src data:` in a <meta>. Inline styles and
//   inline SVG need no request, so the page renders whole with JavaScript off and every request
//   refused; the session filter allows the document's own URL only (a data: URL or one temp file).
// - A data: URL needs no file on disk, but Chromium refuses URLs over 2 MiB (url::kMaxURLChars), and
//   a large report (many tables) exceeds that; such a report is staged as a temp file, readable by
//   the user only, and removed after printing.
// - Electron's printToPDF margins are in inches; 15 mm top and bottom, 12 mm sides match the CLI's
//   Chromium print (main/services/report/pdf.ts), so both PDFs look alike.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrintToPDFOptions, WebPreferences } from 'electron';
import { HARDENED_WEB_PREFERENCES } from './secure-web-preferences';

const MM_PER_INCH = 25.4;
const mm = (n: number) => n / MM_PER_INCH;

/** A4, backgrounds (the heat table's shading, the reference diamonds), the report's own print margins. */
export const REPORT_PDF_OPTIONS: Readonly<PrintToPDFOptions> = Object.freeze({
  pageSize: 'A4',
  printBackground: true,
  landscape: false,
  displayHeaderFooter: false,
  preferCSSPageSize: false,
  // Headings become a PDF outline and the PDF is tagged, so screen readers can follow it.
  generateTaggedPDF: true,
  generateDocumentOutline: true,
  margins: Object.freeze({ top: mm(15), bottom: mm(15), left: mm(12), right: mm(12) }),
});

/**
 * The printing window's preferences: no JavaScript, sandboxed, isolated, no preload, no Node, and
 * nothing that could fetch (spellcheck dictionaries) or open anything else.
 */
export const PDF_WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
  ...HARDENED_WEB_PREFERENCES,
  javascript: false,
  devTools: false,
  images: true,
} satisfies WebPreferences);

/** Chromium's limit on a URL's length (url::kMaxURLChars, 2 MiB); a data: URL beyond it will not load. */
export const MAX_DATA_URL_CHARS = 2 * 1024 * 1024;

/** A hidden window whose session refuses every request except its one document. */
export interface PdfWindow {
  load(url: string): Promise<void>;
  print(options: PrintToPDFOptions): Promise<Uint8Array>;
  destroy(): void;
}

export interface PdfWindowFactory {
  /** Opens a hidden window (PDF_WEB_PREFERENCES) whose session allows `documentUrl` and nothing else. */
  open(documentUrl: string): PdfWindow;
}

export interface StagedDocument {
  url: string;
  remove(): Promise<void>;
}

/** Where the document is put for loading: a data: URL when it fits, else a private temp file. */
export type DocumentStager = (html: string) => Promise<StagedDocument>;

/** Whether a request may go ahead: only the document itself, by its exact URL. */
export function isPdfRequestAllowed(url: string, documentUrl: string): boolean {
  return url === documentUrl;
}

export function dataUrlFor(html: string): string | null {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  return url.length <= MAX_DATA_URL_CHARS ? url : null;
}

/** Stages a document as a data: URL, or as report.html in a new temp folder (mode 0700) when too large. */
export function tempFileStager(tempRoot: string = os.tmpdir()): DocumentStager {
  return async (html) => {
    const data = dataUrlFor(html);
    if (data) return { url: data, remove: async () => undefined };
    const dir = await fs.mkdtemp(path.join(tempRoot, 'represent-pdf-'));
    const file = path.join(dir, 'report.html');
    try {
      await fs.chmod(dir, 0o700);
      await fs.writeFile(file, html, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    } catch (e) {
      await fs.rm(dir, { recursive: true, force: true });
      throw e;
    }
    return { url: pathToFileURL(file).href, remove: () => fs.rm(dir, { recursive: true, force: true }) };
  };
}

/**
 * Prints HTML to PDF bytes: stages it, opens a locked-down window for exactly that URL, loads,
 * prints (REPORT_PDF_OPTIONS), and always destroys the window and removes the staged file.
 * Prints one at a time (`queue`), so two report builds never share a window or a staged file.
 */
export function createPdfPrinter(windows: PdfWindowFactory, stage: DocumentStager = tempFileStager()): (html: string) => Promise<Uint8Array> {
  let queue: Promise<unknown> = Promise.resolve();
  const printOne = async (html: string): Promise<Uint8Array> => {
    const staged = await stage(html);
    try {
      const window = windows.open(staged.url);
      try {
        await window.load(staged.url);
        return await window.print(REPORT_PDF_OPTIONS);
      } finally {
        window.destroy();
      }
    } finally {
      await staged.remove();
    }
  };
  return (html) => {
    const run = queue.then(() => printOne(html));
    queue = run.catch(() => undefined);
    return run;
  };
}
