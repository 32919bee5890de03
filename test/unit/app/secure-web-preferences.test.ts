// The webPreferences every window gets, pinned value by value (electron-engineering.md §2.3).
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../main/app/secure-web-preferences';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences({ preloadPath: '/app/out/app/preload.cjs', allowDevTools: false });

  it('isolates and sandboxes the renderer with no Node anywhere', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(prefs.preload).toBe('/app/out/app/preload.cjs');
  });

  it('enables no Blink feature and cannot be changed after the fact', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(Object.isFrozen(prefs)).toBe(true);
  });

  it('allows DevTools only when asked (development runs)', () => {
    expect(secureWebPreferences({ preloadPath: 'p', allowDevTools: true }).devTools).toBe(true);
  });
});
