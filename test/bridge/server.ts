// TEST-ONLY. A server on 127.0.0.1 that gives the built renderer, running in real Chromium, the
// same API the preload gives it in Electron — over HTTP, through the same gate
// (dispatchApiCall) and the real handlers and services. It also serves the renderer build with
// the app's own protocol handler, so the page runs under the production CSP and the API stays
// same-origin (connect-src 'self').
//
// It is never part of the app: nothing under main/ or renderer/ imports it, electron-builder's
// `files` leave test/ out, and test/unit/app/production-bundle.test.ts checks the built bundles.
//
// Guards: a random 256-bit token on every API call; the Host header must be this server (no DNS
// rebinding); the Origin header must be this server's origin (the "sender" check). Bound to
// 127.0.0.1 only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiEventName, ApiEvents } from '../../shared/api';
import { dispatchApiCall, type ApiDeps } from '../../main/services/api-handlers';
import { createAppProtocolHandler } from '../../main/app/app-protocol';
import { APP_ORIGIN } from '../../main/app/app-origin';

export const BRIDGE_PATH_PREFIX = '/__represent-test-bridge/';
export const BRIDGE_TOKEN_HEADER = 'x-represent-bridge-token';
const MAX_BODY_BYTES = 1024 * 1024;

export interface TestBridgeOptions {
  deps: ApiDeps;
  /** The built renderer (vite build output). */
  rendererDir: string;
}

export interface TestBridge {
  /** http://127.0.0.1:PORT — the page's origin and the trusted sender origin. */
  origin: string;
  token: string;
  /** Every API call seen, in order (channel and whether it succeeded; never inputs or values). */
  calls: { channel: string; ok: boolean }[];
  close(): Promise<void>;
}

export async function startTestBridge(options: TestBridgeOptions): Promise<TestBridge> {
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  const serveStatic = createAppProtocolHandler({ rootDir: options.rendererDir });
  const streams = new Set<ServerResponse>();
  const calls: TestBridge['calls'] = [];
  let origin = '';

  const emit = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => {
    const line = JSON.stringify({ event, payload }) + '\n';
    for (const stream of streams) stream.write(line);
  };

  const server = createServer((req, res) => {
    void route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('bridge error');
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== new URL(origin).host) return deny(res, 421, 'wrong host');
    const url = new URL(req.url ?? '/', origin);
    if (!url.pathname.startsWith(BRIDGE_PATH_PREFIX)) {
      // Static files through the app:// handler: same path guard, same CSP header.
      const response = await serveStatic({ url: `${APP_ORIGIN}${url.pathname}`, method: req.method ?? 'GET' });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
      return;
    }
    if (req.method !== 'POST') return deny(res, 405, 'POST only');
    if (!hasToken(req.headers[BRIDGE_TOKEN_HEADER])) return deny(res, 401, 'bad token');
    const rest = url.pathname.slice(BRIDGE_PATH_PREFIX.length);

    if (rest === 'events') {
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
      res.flushHeaders();
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (rest.startsWith('invoke/')) {
      const channel = decodeURIComponent(rest.slice('invoke/'.length));
      const body = await readBody(req);
      let input: unknown;
      try {
        input = JSON.parse(body);
      } catch {
        return deny(res, 400, 'body is not JSON');
      }
      const result = await dispatchApiCall(options.deps, channel, input, {
        // The browser sets Origin on every POST and a page cannot forge it. The bridge cannot see
        // frames, so it treats the caller as a main frame; Electron's IPC checks that for real.
        sender: { frameUrl: typeof req.headers.origin === 'string' ? `${req.headers.origin}/` : null, isMainFrame: true },
        trustedOrigin: origin,
        emit,
      });
      calls.push({ channel, ok: result.ok });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(result));
      return;
    }
    deny(res, 404, 'no such bridge route');
  }

  function hasToken(value: string | string[] | undefined): boolean {
    if (typeof value !== 'string') return false;
    const given = Buffer.from(value);
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    token,
    calls,
    close: async () => {
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function deny(res: ServerResponse, status: number, why: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(why);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
