// The webPreferences every BrowserWindow gets (Electron checklist items 2–6, 8–10 and 12), as one
// frozen object so a unit test can pin each value.
import type { WebPreferences } from 'electron';

/** The hardening every window shares, the app's and the PDF printer's (main/app/pdf-printing.ts). */
export const HARDENED_WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  // Chromium's spellchecker downloads Hunspell dictionaries from a Google CDN on Windows and Linux.
  spellcheck: false,
} satisfies WebPreferences);

export function secureWebPreferences(options: { preloadPath: string; allowDevTools: boolean }): Readonly<WebPreferences> {
  return Object.freeze({
    ...HARDENED_WEB_PREFERENCES,
    preload: options.preloadPath,
    safeDialogs: true,
    // Only in unpackaged development runs: a packaged app in a TRE has no use for them.
    devTools: options.allowDevTools,
  } satisfies WebPreferences);
}
