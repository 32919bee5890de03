// The app:// URL guard and handler: only files inside the renderer build are ever served.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createAppProtocolHandler, resolveAppFile } from '../../../main/app/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/content-security-policy';

const ROOT = '/opt/represent/out/renderer';

describe('resolveAppFile', () => {
  it('maps our URLs to files under the root', () => {
    expect(resolveAppFile('app://represent/', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppFile('app://represent/index.html', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppFile('app://represent/assets/index-abc.js', ROOT)).toBe(`${ROOT}/assets/index-abc.js`);
    expect(resolveAppFile('app://represent/assets/index.js?v=1#x', ROOT)).toBe(`${ROOT}/assets/index.js`);
    expect(resolveAppFile('app://represent/assets/with%20space.css', ROOT)).toBe(`${ROOT}/assets/with space.css`);
  });

  it.each([
    ['parent segments (normalised away by the URL parser, so they stay inside)', 'app://represent/../../etc/passwd', `${ROOT}/etc/passwd`],
    ['dot segments inside the path', 'app://represent/assets/../index.html', `${ROOT}/index.html`],
    ['encoded dot segments (the URL parser treats %2e%2e as ..)', 'app://represent/%2e%2e/%2e%2e/etc/passwd', `${ROOT}/etc/passwd`],
  ])('keeps %s inside the root', (_why, url, expected) => {
    expect(resolveAppFile(url, ROOT)).toBe(expected);
  });

  it.each([
    ['encoded parent segments', 'app://represent/..%2f..%2fetc%2fpasswd'],
    ['double-encoded separators survive as literal text but a decoded .. segment is refused', 'app://represent/assets/%2e%2e%2f%2e%2e%2fsecret'],
    ['encoded backslashes (Windows separators)', 'app://represent/..%5c..%5cwindows%5cwin.ini'],
    ['a Windows drive letter', 'app://represent/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://represent/C%3a%5cWindows%5cwin.ini'],
    ['a NUL byte', 'app://represent/index.html%00.png'],
    ['malformed percent-encoding', 'app://represent/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://represent.evil/index.html'],
    ['credentials in the URL', 'app://user@represent/index.html'],
    ['a port', 'app://represent:8080/index.html'],
    ['another scheme', 'file:///opt/represent/out/renderer/index.html'],
    ['http', 'http://represent/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_why, url) => {
    expect(resolveAppFile(url, ROOT)).toBeNull();
  });

  it('applies the same rules with Windows paths', () => {
    const root = 'C:\\Program Files\\Represent\\resources\\app.asar\\out\\renderer';
    expect(resolveAppFile('app://represent/assets/a.js', root, path.win32)).toBe(`${root}\\assets\\a.js`);
    expect(resolveAppFile('app://represent/..%5c..%5c..%5cWindows%5cwin.ini', root, path.win32)).toBeNull();
    expect(resolveAppFile('app://represent/C:%5cWindows%5cwin.ini', root, path.win32)).toBeNull();
    expect(resolveAppFile('app://represent/%5c%5cserver%5cshare%5cx', root, path.win32)).toBeNull();
  });

  it('never resolves outside the root, whatever the path (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2E', '..%2f', '%5c', 'C:', '%00', '~', 'assets', 'index.html', '', '%', '%252e'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        for (const p of [path.posix, path.win32]) {
          const root = p === path.win32 ? 'C:\\app\\renderer' : ROOT;
          let url: string;
          try {
            url = new URL(`app://represent/${segments.join('/')}`).href;
          } catch {
            continue;
          }
          const resolved = resolveAppFile(url, root, p);
          if (resolved === null) continue;
          const rel = p.relative(root, resolved);
          expect(rel.startsWith('..') || p.isAbsolute(rel) || rel === '').toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let rendererDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'represent-protocol-'));
    rendererDir = path.join(dir, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(rendererDir, 'assets', 'data.bin'), 'x');
    await writeFile(path.join(dir, 'secret.txt'), 'outside the renderer folder');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves files with the CSP and the right content type', async () => {
    const handle = createAppProtocolHandler({ rootDir: rendererDir });
    const page = await handle({ url: 'app://represent/', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>t</title>');
    const script = await handle({ url: 'app://represent/assets/app.js', method: 'GET' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal, unknown types, missing files and writes', async () => {
    const handle = createAppProtocolHandler({ rootDir: rendererDir });
    const traversal = await handle({ url: 'app://represent/..%2fsecret.txt', method: 'GET' });
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).not.toContain('outside');
    expect((await handle({ url: 'app://represent/assets/data.bin', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'app://represent/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'app://represent/index.html', method: 'POST' })).status).toBe(405);
    // Error responses carry the CSP too.
    expect(traversal.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
