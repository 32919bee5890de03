// registerApiHandlers with a fake ipcMain: every channel wired, the sender's frame checked for real.
import { describe, expect, it } from 'vitest';
import { registerApiHandlers, senderInfo, type IpcMainLike, type InvokeEventLike } from '../../../main/app/ipc-registration';
import { API_CHANNELS } from '../../../shared/api';
import { inProcessDispatch, type ApiDispatch } from '../../../main/services/api-host/dispatch';
import type { ApiDeps } from '../../../main/services/api-types';
import { fakeDeps, TRUSTED_ORIGIN } from './fakes';

const inProcess = (deps: ApiDeps) => inProcessDispatch(deps, TRUSTED_ORIGIN);

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  return { ipcMain, handlers };
}

function event(frame: InvokeEventLike['senderFrame'], destroyed = false) {
  const sent: { channel: string; payload: unknown }[] = [];
  const e: InvokeEventLike = {
    senderFrame: frame,
    sender: { send: (channel: string, payload: unknown) => void sent.push({ channel, payload }), isDestroyed: () => destroyed } as InvokeEventLike['sender'],
  };
  return { e, sent };
}

const MAIN_FRAME = { url: 'app://represent/index.html', parent: null };

describe('registerApiHandlers', () => {
  it('registers exactly the API channels', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerApiHandlers(ipcMain, inProcess(fakeDeps()));
    expect([...handlers.keys()]).toEqual([...API_CHANNELS]);
  });

  it('answers our main frame', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerApiHandlers(ipcMain, inProcess(fakeDeps()));
    const result = await handlers.get('app:get-info')!(event(MAIN_FRAME).e, {});
    expect(result).toMatchObject({ ok: true, value: { name: 'Represent' } });
  });

  it('refuses subframes, other origins and frames that are gone', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerApiHandlers(ipcMain, inProcess(fakeDeps()));
    const invoke = handlers.get('dialog:choose-data-file')!;
    for (const frame of [
      { url: 'app://represent/index.html', parent: { url: 'app://represent/index.html' } },
      { url: 'https://example.org/', parent: null },
      { url: 'file:///C:/x.html', parent: null },
      null,
    ]) {
      expect(await invoke(event(frame).e, {}), JSON.stringify(frame)).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    }
  });

  it('sends progress events back to the calling page, unless it has closed', async () => {
    const deps = fakeDeps({
      profileFile: async (_p, run) => {
        run.onProgress({ bytesRead: 1, totalBytes: 2, rows: 1, bytesPerSecond: 1, etaSeconds: 1 });
        throw new Error('stop here');
      },
    });
    const { ipcMain, handlers } = fakeIpcMain();
    registerApiHandlers(ipcMain, inProcess(deps));
    const open = event(MAIN_FRAME);
    await handlers.get('profile:run')!(open.e, { jobId: 'job-dddd4444', path: '/data/x.csv' });
    expect(open.sent).toEqual([{ channel: 'profile:progress', payload: { jobId: 'job-dddd4444', bytesRead: 1, totalBytes: 2, rows: 1, bytesPerSecond: 1, etaSeconds: 1 } }]);

    const closed = event(MAIN_FRAME, true);
    await handlers.get('profile:run')!(closed.e, { jobId: 'job-eeee5555', path: '/data/x.csv' });
    expect(closed.sent).toEqual([]);
  });
});

describe('registerApiHandlers with another dispatch (the data host’s client in the app)', () => {
  it('hands every call on with its channel, input and sender, and events go back to the page', async () => {
    const seen: { channel: string; input: unknown; sender: unknown }[] = [];
    const dispatch: ApiDispatch = async (channel, input, caller) => {
      seen.push({ channel, input, sender: caller.sender });
      caller.emit('profile:progress', { jobId: 'job-ffff6666', bytesRead: 1, totalBytes: 1, rows: 1, bytesPerSecond: 1, etaSeconds: 0 });
      return { ok: true, value: 'from the host' };
    };
    const { ipcMain, handlers } = fakeIpcMain();
    registerApiHandlers(ipcMain, dispatch);
    const open = event({ url: 'https://example.org/', parent: null });
    expect(await handlers.get('review:open')!(open.e, { path: '/requests/r.zip' })).toEqual({ ok: true, value: 'from the host' });
    // The gate is the dispatcher's: registration passes the sender on as it found it.
    expect(seen).toEqual([{ channel: 'review:open', input: { path: '/requests/r.zip' }, sender: { frameUrl: 'https://example.org/', isMainFrame: true } }]);
    expect(open.sent.map((s) => s.channel)).toEqual(['profile:progress']);
  });
});

describe('senderInfo', () => {
  it('treats only a frame without a parent as the main frame', () => {
    expect(senderInfo({ senderFrame: MAIN_FRAME })).toEqual({ frameUrl: 'app://represent/index.html', isMainFrame: true });
    expect(senderInfo({ senderFrame: { url: 'app://represent/x', parent: {} } }).isMainFrame).toBe(false);
    expect(senderInfo({ senderFrame: null })).toEqual({ frameUrl: null, isMainFrame: false });
  });
});
