// Serves the built renderer on app://represent/ (Electron checklist item 18: a custom protocol
// instead of file://). Only files inside the renderer build folder are served: the URL guard
// decodes the path, rejects anything that could climb out (.., encoded .., backslashes, drive
// letters, NUL) and re-checks the resolved path against the root. Written against the web
// Request/Response types, so `protocol.handle` uses it as is and Node tests call it directly.
import nodePath from 'node:path';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

type PathModule = Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file an app:// URL names inside `rootDir`, or null when the URL is not ours or would leave
 * the root. "/" means index.html. `pathModule` is injectable so tests can check Windows rules.
 */
export function resolveAppFile(url: string, rootDir: string, pathModule: PathModule = nodePath): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST || parsed.port !== '') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  if (decoded.includes('\0') || decoded.includes('\\')) return null;

  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.length === 0) return null;
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return null;
    // "C:" would make a Windows path absolute; ":" has no place in our asset names anyway.
    if (segment.includes(':')) return null;
  }

  const resolved = pathModule.join(rootDir, ...segments);
  const relative = pathModule.relative(rootDir, resolved);
  if (relative === '' || relative.startsWith('..') || pathModule.isAbsolute(relative)) return null;
  return resolved;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string | null {
  return CONTENT_TYPES[nodePath.extname(filePath).toLowerCase()] ?? null;
}

/** Headers on every response: the CSP, and no MIME sniffing or framing. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

export interface AppProtocolOptions {
  rootDir: string;
  read?: (filePath: string) => Promise<Uint8Array>;
}

/** A `(request) => Response` handler for `protocol.handle('app', …)`. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: { url: string; method: string }) => Promise<Response> {
  const read = options.read ?? ((p: string) => readFile(p));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const filePath = resolveAppFile(request.url, options.rootDir);
    if (filePath === null) return plain(403, 'Forbidden');
    const contentType = contentTypeFor(filePath);
    if (contentType === null) return plain(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await read(filePath);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: { ...securityHeaders(), 'Content-Type': contentType, 'Cache-Control': 'no-cache' },
    });
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}
