// hardenWebContents against a fake page: navigation off our origin, new windows and <webview> are refused.
import { describe, expect, it } from 'vitest';
import { hardenWebContents, type HardenableWebContents } from '../../../main/app/web-contents-hardening';

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  hardenWebContents(contents as unknown as HardenableWebContents);
  const fire = (event: string, ...args: unknown[]) => {
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener(...args);
  };
  return { fire, openHandler: () => openHandler, events: [...listeners.keys()] };
}

function preventable(url?: string) {
  const event = { prevented: false, url, preventDefault() { event.prevented = true; } };
  return event;
}

describe('hardenWebContents', () => {
  it('listens for every kind of navigation', () => {
    expect(fakeContents().events).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']));
  });

  it.each(['will-navigate', 'will-redirect'])('%s: blocks foreign URLs and allows our own', (name) => {
    const page = fakeContents();
    for (const url of ['https://www.nhs.uk/', 'file:///etc/passwd', 'app://represent.evil/', 'javascript:alert(1)']) {
      const event = preventable();
      page.fire(name, event, url);
      expect(event.prevented, url).toBe(true);
    }
    const own = preventable();
    page.fire(name, own, 'app://represent/index.html');
    expect(own.prevented).toBe(false);
  });

  it('will-frame-navigate: reads the URL from the event', () => {
    const page = fakeContents();
    const foreign = preventable('https://example.org/');
    page.fire('will-frame-navigate', foreign);
    expect(foreign.prevented).toBe(true);
    const own = preventable('app://represent/index.html');
    page.fire('will-frame-navigate', own);
    expect(own.prevented).toBe(false);
  });

  it('denies every new window, our own origin included', () => {
    const handler = fakeContents().openHandler();
    expect(handler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'app://represent/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses <webview> and strips any preload it asked for', () => {
    const page = fakeContents();
    const event = preventable();
    const prefs: Record<string, unknown> = { preload: '/tmp/evil.js', nodeIntegration: true };
    page.fire('will-attach-webview', event, prefs, {});
    expect(event.prevented).toBe(true);
    expect(prefs.preload).toBeUndefined();
  });
});
