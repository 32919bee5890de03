// Which URLs the app may load or navigate to, and which permissions it grants: app:// only; none.
import { describe, expect, it } from 'vitest';
import { decidePermission, isAllowedNavigation, isAllowedRequestUrl } from '../../../main/app/request-policy';

const packaged = { allowDevTools: false };
const dev = { allowDevTools: true };

const FOREIGN = [
  'https://assets.nhs.uk/fonts/FrutigerLTW01-55Roman.woff2',
  'http://127.0.0.1:8080/',
  'http://localhost/',
  'ws://127.0.0.1:9222/devtools',
  'wss://example.org/',
  'ftp://example.org/file',
  'file:///etc/passwd',
  'file://C:/Windows/win.ini',
  'app://represent.evil/index.html',
  'app://evil/represent/index.html',
  'app://represent@evil/index.html',
  'app://user:pass@represent/index.html',
  'app://represent:1234/index.html',
  'javascript:alert(1)',
  'chrome://settings',
  'chrome-extension://abc/x.js',
  'about:blank',
  'not a url',
  '',
];

describe('isAllowedRequestUrl', () => {
  it('allows our origin, data: and blob:', () => {
    expect(isAllowedRequestUrl('app://represent/index.html', packaged)).toBe(true);
    expect(isAllowedRequestUrl('APP://REPRESENT/assets/x.js', packaged)).toBe(true);
    expect(isAllowedRequestUrl('data:image/svg+xml,%3csvg%3e', packaged)).toBe(true);
    expect(isAllowedRequestUrl('blob:app://represent/1f0c', packaged)).toBe(true);
  });

  it.each(FOREIGN)('cancels %s', (url) => {
    expect(isAllowedRequestUrl(url, packaged)).toBe(false);
    expect(isAllowedRequestUrl(url, dev)).toBe(false);
  });

  it('allows DevTools pages only in development runs', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html', packaged)).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html', dev)).toBe(true);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only our own pages', () => {
    expect(isAllowedNavigation('app://represent/index.html')).toBe(true);
    expect(isAllowedNavigation('app://represent/')).toBe(true);
  });
  it.each([...FOREIGN, 'data:text/html,<h1>x</h1>', 'blob:app://represent/1f0c'])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('decidePermission', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb', 'unknown'])(
    'refuses %s',
    (permission) => {
      expect(decidePermission(permission)).toBe(false);
    },
  );
});
