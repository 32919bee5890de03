// report.pdf through headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core,
// which never downloads a browser). Every request is refused, so the print cannot fetch anything;
// the report is self-contained and needs nothing. In the desktop app, Electron's
// webContents.printToPDF does the same job (main/app), so this is for the CLI.

import { existsSync } from 'node:fs';

export type PdfOutcome = { written: true; bytes: number } | { written: false; reason: string };

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function findChromium(explicit?: string): string | null {
  const candidates = [explicit, process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}

export async function htmlToPdf(html: string, outFile: string, options: { chromiumPath?: string } = {}): Promise<PdfOutcome> {
  const executablePath = findChromium(options.chromiumPath);
  if (!executablePath) return { written: false, reason: 'no Chromium found (set CHROMIUM_PATH or install chromium)' };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const buffer = await page.pdf({ path: outFile, format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
    return { written: true, bytes: buffer.length };
  } finally {
    await browser.close();
  }
}
