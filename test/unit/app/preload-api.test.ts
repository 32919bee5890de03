// The preload factory with a fake ipcRenderer: exactly the typed API, nothing of Electron leaks.
import { describe, expect, it, vi } from 'vitest';
import { createApi, type IpcRendererLike } from '../../../main/app/preload-api';
import { API_CHANNELS, API_EVENTS, type ApiChannel } from '../../../shared/api';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(answer: (channel: string, input: unknown) => Promise<unknown> = async () => ({ ok: true, value: 'answer' })) {
  const listeners = new Map<string, Set<Listener>>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args });
      return answer(channel, args[0]);
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'the IpcRendererEvent, which must not reach the page', ports: [] }, payload);
  };
  return { ipc, invoked, listeners, emit };
}

describe('createApi', () => {
  it('exposes exactly invoke and on, frozen', () => {
    const api = createApi(fakeIpc().ipc);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => Object.assign(api, { send: () => undefined })).toThrow();
    for (const raw of ['send', 'sendSync', 'postMessage', 'removeAllListeners', 'ipcRenderer', 'invokeRaw']) {
      expect(api, raw).not.toHaveProperty(raw);
    }
  });

  it('passes a known channel and its request straight through, and returns the result', async () => {
    const fake = fakeIpc();
    const api = createApi(fake.ipc);
    const result = await api.invoke('profile:run', { jobId: 'job-12345678', path: '/data/x.csv' });
    expect(result).toEqual({ ok: true, value: 'answer' });
    expect(fake.invoked).toEqual([{ channel: 'profile:run', args: [{ jobId: 'job-12345678', path: '/data/x.csv' }] }]);
  });

  it('refuses a channel that is not in the API without touching IPC', async () => {
    const fake = fakeIpc();
    const api = createApi(fake.ipc);
    for (const channel of ['ELECTRON_BROWSER_REQUIRE', 'app:quit', '__proto__', 'constructor', 'toString']) {
      const result = await api.invoke(channel as ApiChannel, {} as never);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad-argument');
    }
    expect(fake.invoked).toEqual([]);
  });

  it('allows every channel in API_CHANNELS', async () => {
    const fake = fakeIpc();
    const api = createApi(fake.ipc);
    for (const channel of API_CHANNELS) await api.invoke(channel, {} as never);
    expect(fake.invoked.map((c) => c.channel)).toEqual([...API_CHANNELS]);
  });

  it('turns a broken transport into an error result instead of a rejection', async () => {
    const api = createApi(fakeIpc(async () => {
      throw new Error('Error invoking remote method: no handler registered; secret path /data/patients.csv');
    }).ipc);
    const result = await api.invoke('app:get-info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('/data/patients.csv');
    }
  });

  it('gives listeners the payload only, never the IPC event', () => {
    const fake = fakeIpc();
    const api = createApi(fake.ipc);
    const received: unknown[][] = [];
    api.on('profile:progress', (...args: unknown[]) => received.push(args));
    const payload = { jobId: 'job-12345678', bytesRead: 10, totalBytes: 100, rows: 2, bytesPerSecond: 5, etaSeconds: 18 };
    fake.emit('profile:progress', payload);
    expect(received).toEqual([[payload]]);
  });

  it('unsubscribes the same wrapped listener it subscribed, once', () => {
    const fake = fakeIpc();
    const api = createApi(fake.ipc);
    const listener = vi.fn();
    const off = api.on('menu:command', listener);
    expect(fake.listeners.get('menu:command')?.size).toBe(1);
    off();
    off();
    expect(fake.listeners.get('menu:command')?.size).toBe(0);
    fake.emit('menu:command', { command: 'open-data-file' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses unknown events and non-function listeners', () => {
    const api = createApi(fakeIpc().ipc);
    expect(() => api.on('ELECTRON_RENDERER_WINDOW_OPEN' as never, () => undefined)).toThrow(TypeError);
    expect(() => api.on('profile:progress', 'not a function' as never)).toThrow(TypeError);
    for (const event of API_EVENTS) expect(() => api.on(event, () => undefined)).not.toThrow();
  });
});
