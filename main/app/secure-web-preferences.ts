// The webPreferences every BrowserWindow gets (Electron checklist items 2–6, 8–10 and 12), as one
// frozen object so a unit test can pin each value.
import type { WebPreferences } from 'electron';

export function secureWebPreferences(options: { preloadPath: string; allowDevTools: boolean }): Readonly<WebPreferences> {
  return Object.freeze({
    preload: options.preloadPath,
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
    safeDialogs: true,
    // Only in unpackaged development runs: a packaged app in a TRE has no use for them.
    devTools: options.allowDevTools,
  } satisfies WebPreferences);
}
