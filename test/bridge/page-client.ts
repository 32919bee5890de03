// TEST-ONLY. Runs in the page before any app script (Playwright addInitScript) and defines
// `window.api` exactly as the preload does — by calling the real preload factory, createApi —
// over an ipcRenderer-like object that talks HTTP to the test bridge instead of Electron IPC.
// Bundled to one IIFE by bundle-page-client.ts with the origin and token filled in.
import { createApi, type IpcRendererLike } from '../../main/app/preload-api';
import { API_GLOBAL_NAME } from '../../shared/api';

declare const __BRIDGE_ORIGIN__: string;
declare const __BRIDGE_TOKEN__: string;
declare const __BRIDGE_PREFIX__: string;
declare const __BRIDGE_TOKEN_HEADER__: string;

type Listener = (event: unknown, ...args: unknown[]) => void;

const KEEPALIVE_MAX_CHARS = 16 * 1024;

function install(): void {
  const headers = { [__BRIDGE_TOKEN_HEADER__]: __BRIDGE_TOKEN__, 'content-type': 'application/json' };
  const listeners = new Map<string, Set<Listener>>();
  let streaming = false;

  const dispatch = (line: string) => {
    if (line.trim() === '') return;
    const { event, payload } = JSON.parse(line) as { event: string; payload: unknown };
    for (const listener of listeners.get(event) ?? []) listener({ note: 'IpcRendererEvent stand-in' }, payload);
  };

  const streamEvents = async () => {
    streaming = true;
    const response = await fetch(`${__BRIDGE_PREFIX__}events`, { method: 'POST', headers, body: '{}' });
    if (!response.body) throw new Error('the bridge sent no event stream');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        dispatch(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
      }
    }
  };

  const ipc: IpcRendererLike = {
    async invoke(channel, input) {
      const body = JSON.stringify(input ?? null);
      const response = await fetch(`${__BRIDGE_PREFIX__}invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers,
        body,
        // An IPC message sent while the window closes (a save on pagehide) still reaches Electron's
        // main process; keepalive gives a fetch the same fate. Browsers cap keepalive bodies (64 KiB
        // in flight), so only small calls use it.
        keepalive: body.length < KEEPALIVE_MAX_CHARS,
      });
      if (!response.ok) throw new Error(`bridge answered ${response.status}`);
      return response.json();
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      if (!streaming) void streamEvents();
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };

  // contextBridge gives the page a frozen, non-writable copy; do the same.
  Object.defineProperty(window, API_GLOBAL_NAME, { value: createApi(ipc), writable: false, configurable: false, enumerable: true });
}

// Init scripts run in every frame and on about:blank too; only the app's page gets the API.
if (location.origin === __BRIDGE_ORIGIN__ && window === window.top) install();
