// hardenSession against a recording fake session: what it installs, and what those handlers decide.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { hardenSession, NO_DICTIONARY_URL, type HardenableSession } from '../../../main/app/session-hardening';
import { resolveAppFile } from '../../../main/app/app-protocol';

type AnyFn = (...args: never[]) => unknown;

function fakeSession() {
  const installed: Record<string, unknown> = {};
  const record = (name: string) => (arg: unknown, ...rest: unknown[]) => {
    installed[name] = rest.length > 0 ? [arg, ...rest] : arg;
  };
  const session = {
    setPermissionRequestHandler: record('permissionRequest'),
    setPermissionCheckHandler: record('permissionCheck'),
    setDevicePermissionHandler: record('devicePermission'),
    setDisplayMediaRequestHandler: record('displayMedia'),
    setSpellCheckerEnabled: record('spellChecker'),
    setSpellCheckerDictionaryDownloadURL: record('dictionaryUrl'),
    setProxy: async (config: unknown) => {
      installed.proxy = config;
    },
    webRequest: { onBeforeRequest: record('beforeRequest') },
  };
  return { session: session as unknown as HardenableSession, installed };
}

async function hardened(allowDevTools = false) {
  const { session, installed } = fakeSession();
  await hardenSession(session, { allowDevTools });
  return installed;
}

describe('hardenSession', () => {
  it('answers every permission request with no', async () => {
    const installed = await hardened();
    const handler = installed.permissionRequest as (wc: unknown, p: string, cb: (granted: boolean) => void) => void;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const answers: boolean[] = [];
      handler({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
    }
  });

  it('answers permission checks, device requests and screen capture with no', async () => {
    const installed = await hardened();
    expect((installed.permissionCheck as AnyFn as (wc: unknown, p: string) => boolean)(null, 'clipboard-read')).toBe(false);
    expect((installed.devicePermission as () => boolean)()).toBe(false);
    const streams: unknown[] = [];
    (installed.displayMedia as (req: unknown, cb: (s: unknown) => void) => void)({}, (s) => streams.push(s));
    expect(streams).toEqual([null]);
  });

  it('installs one request filter over all URLs that cancels anything not app://', async () => {
    const installed = await hardened();
    const [filter, listener] = installed.beforeRequest as [{ urls: string[] }, (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void];
    expect(filter.urls).toEqual(['<all_urls>']);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      listener({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://represent/index.html')).toBe(false);
    expect(decide('https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic')).toBe(true);
    expect(decide('https://clients2.google.com/service/update2')).toBe(true);
    expect(decide('http://127.0.0.1:3000/')).toBe(true);
    expect(decide('devtools://devtools/bundled/devtools_app.html')).toBe(true);
  });

  it('lets DevTools load only in development runs', async () => {
    const installed = await hardened(true);
    const [, listener] = installed.beforeRequest as [unknown, (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void];
    let cancel: boolean | undefined;
    listener({ url: 'devtools://devtools/bundled/devtools_app.html' }, (r) => (cancel = r.cancel));
    expect(cancel).toBe(false);
  });

  it('turns the spellchecker off and points its dictionary download at nothing we serve', async () => {
    const installed = await hardened();
    expect(installed.spellChecker).toBe(false);
    expect(installed.dictionaryUrl).toBe(NO_DICTIONARY_URL);
    // The folder is on our origin but outside the renderer build: the protocol handler has no such file.
    const file = resolveAppFile(`${NO_DICTIONARY_URL}en-GB-10-1.bdic`, '/nonexistent-root');
    expect(file).toBe(path.join('/nonexistent-root', 'no-spellcheck-dictionaries', 'en-GB-10-1.bdic'));
  });

  it('uses a direct connection, so no proxy auto-discovery runs', async () => {
    const installed = await hardened();
    expect(installed.proxy).toEqual({ mode: 'direct' });
  });
});
