// The Electron binding of report printing (the steps and their tests are in ./pdf-printing.ts):
// a hidden BrowserWindow with JavaScript off, sandboxed, no preload, in an in-memory session that
// refuses every permission and every request but the report document's own URL; destroyed after
// each print. BrowserWindow exists only in the main process, so a host in a utility process asks
// the main process to call printReportToPdf.
import { BrowserWindow, session, type Session } from 'electron';
import { createPdfPrinter, isPdfRequestAllowed, PDF_WEB_PREFERENCES, type PdfWindow, type PdfWindowFactory } from './pdf-printing';

/** In-memory (no "persist:" prefix): nothing of a printed report is written to the profile. */
export const PDF_PARTITION = 'represent-report-pdf';

function lockedSession(documentUrl: string): Session {
  const ses = session.fromPartition(PDF_PARTITION, { cache: false });
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  // The last onBeforeRequest listener replaces any earlier one; prints run one at a time, so this
  // always names the document being printed now.
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: !isPdfRequestAllowed(details.url, documentUrl) }));
  return ses;
}

const electronWindows: PdfWindowFactory = {
  open(documentUrl: string): PdfWindow {
    const win = new BrowserWindow({
      show: false,
      width: 1024,
      height: 1400,
      webPreferences: { ...PDF_WEB_PREFERENCES, session: lockedSession(documentUrl) },
    });
    const contents = win.webContents;
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    return {
      load: (url) => win.loadURL(url),
      print: async (options) => new Uint8Array(await contents.printToPDF(options)),
      destroy: () => {
        if (!win.isDestroyed()) win.destroy();
      },
    };
  },
};

const printer = createPdfPrinter(electronWindows);

/** Report HTML (self-contained, script-free) to A4 PDF bytes. Call after app 'ready', in the main process. */
export async function printReportToPdf(html: string): Promise<Uint8Array> {
  return printer(html);
}
