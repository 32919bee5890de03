// Main's side of the data host: sends API calls over the port and resolves each with the host's
// answer, forwards the host's progress events to the calling page, and answers the host's
// requests for native dialogs and PDF printing with `mainServices`. If the host dies, every call
// still resolves — to a plain-words error — so no page waits forever.
//
// Imports no handler, store or service module: the main process must not load the data layer.
import { z } from 'zod';
import type { ApiResult, SaveDialogRequest } from '../../../shared/api';
import { RepresentError, type SerializedError } from '../../../shared/errors';
import type { SenderInfo } from '../api-sender';
import type { ApiCaller } from './dispatch';
import type { PortLike } from './port';
import { hostToMainSchema, type HostStartOptions, type HostToMain, type MainRequestKind, type MainToHost } from './protocol';

/** What the host asks main for: the native dialogs, and printToPDF where there is a printer. */
export interface MainServices {
  chooseDataFile(): Promise<string | null>;
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
  chooseBundle(): Promise<string | null>;
  renderPdf?(html: string): Promise<Uint8Array>;
}

/** starting → ready | failed; ready → gone (crashed, killed) | stopped (shut down on request). */
export type HostState = 'starting' | 'ready' | 'failed' | 'gone' | 'stopped';

export interface ApiHostClient {
  readonly state: HostState;
  /** Resolves once the store is open; rejects with the host's own words (e.g. the store is locked). */
  whenReady(): Promise<void>;
  /** Never rejects: a dead or failed host gives `{ ok: false, error }`. */
  call(channel: string, input: unknown, sender: SenderInfo, emit: ApiCaller['emit']): Promise<ApiResult<unknown>>;
  /** Cancels every running job (the window went away). */
  cancelAll(): void;
  /** Asks the host to cancel its jobs and close the store; resolves when it has, or after `timeoutMs` (then `terminate`). */
  shutdown(timeoutMs?: number): Promise<void>;
}

export interface ApiHostClientOptions {
  /** Ends the host outright: used when it does not stop within the shutdown timeout. */
  terminate?(): void;
}

/** In plain words, for a call the host can no longer answer. */
export const HOST_GONE_MESSAGE = 'Represent’s data process stopped unexpectedly, so this action did not finish. Try it again; work already saved is kept.';
const HOST_NOT_READY_MESSAGE = 'Represent’s data process stopped before it was ready.';

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

const saveDialogRequestSchema: z.ZodType<SaveDialogRequest> = z.strictObject({
  suggestedName: z.string(),
  kind: z.enum(['html', 'json', 'csv', 'zip']),
});

export function createApiHostClient(
  port: PortLike,
  mainServices: MainServices,
  start: Omit<HostStartOptions, 'canRenderPdf'>,
  options: ApiHostClientOptions = {},
): ApiHostClient {
  let state: HostState = 'starting';
  /** Why calls fail once the host cannot answer them. */
  let unavailable: SerializedError | undefined;
  const calls = new Map<number, { resolve: (result: ApiResult<unknown>) => void; emit: ApiCaller['emit'] }>();
  let nextId = 0;
  const stoppedWaiters: (() => void)[] = [];

  let settleReady!: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  // whenReady() may be called late or never; an unobserved rejection must not crash main.
  ready.catch(() => undefined);

  const post = (message: MainToHost) => port.postMessage(message);

  function becomeUnavailable(next: HostState, message: string): void {
    state = next;
    unavailable = new RepresentError('internal', message).toJSON();
    for (const call of calls.values()) call.resolve({ ok: false, error: unavailable });
    calls.clear();
  }

  function ended(): void {
    for (const waiter of stoppedWaiters.splice(0)) waiter();
  }

  port.onMessage((raw) => {
    const parsed = hostToMainSchema.safeParse(raw);
    if (!parsed.success) {
      const type = typeof (raw as { type?: unknown } | null)?.type === 'string' ? (raw as { type: string }).type : 'unknown';
      return console.error(`Represent: ignored a malformed "${type}" message from the data process.`);
    }
    receive(parsed.data);
  });

  port.onExit?.(() => {
    if (state === 'starting') settleReady.reject(new RepresentError('internal', HOST_NOT_READY_MESSAGE));
    if (state !== 'stopped' && state !== 'failed') becomeUnavailable('gone', state === 'starting' ? HOST_NOT_READY_MESSAGE : HOST_GONE_MESSAGE);
    ended();
  });

  function receive(message: HostToMain): void {
    switch (message.type) {
      case 'ready':
        if (state !== 'starting') return;
        state = 'ready';
        return settleReady.resolve();
      case 'failed':
        if (state !== 'starting') return;
        becomeUnavailable('failed', message.message);
        return settleReady.reject(new RepresentError('internal', message.message));
      case 'result': {
        const call = calls.get(message.id);
        calls.delete(message.id);
        return call?.resolve(message.response);
      }
      case 'event':
        return calls.get(message.id)?.emit(message.name, message.payload);
      case 'main-request':
        return void answerMainRequest(message);
      case 'stopped':
        if (state === 'starting' || state === 'ready') becomeUnavailable('stopped', 'Represent is closing, so this request was not run.');
        return ended();
    }
  }

  async function answerMainRequest(request: Extract<HostToMain, { type: 'main-request' }>): Promise<void> {
    try {
      const value = await runMainService(mainServices, request.kind, request.args);
      post({ type: 'main-response', id: request.id, ok: true, value });
    } catch (e) {
      // Dialog and printing errors come from the OS or Chromium: pass ours on, word the rest plainly.
      const error =
        e instanceof RepresentError ? e.toJSON() : new RepresentError('internal', `The ${describeService(request.kind)} failed unexpectedly.`).toJSON();
      post({ type: 'main-response', id: request.id, ok: false, error });
    }
  }

  post({ type: 'start', options: { ...start, canRenderPdf: mainServices.renderPdf !== undefined } });

  return {
    get state() {
      return state;
    },
    whenReady: () => ready,
    call(channel, input, sender, emit) {
      if (unavailable) return Promise.resolve({ ok: false, error: unavailable });
      return new Promise((resolve) => {
        const id = nextId++;
        calls.set(id, { resolve, emit });
        post({ type: 'call', id, channel, input, sender });
      });
    },
    cancelAll() {
      if (state === 'ready') post({ type: 'cancel-all' });
    },
    shutdown(timeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS) {
      if (state === 'gone' || state === 'stopped') return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          options.terminate?.();
          resolve();
        }, timeoutMs);
        stoppedWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
        post({ type: 'shutdown' });
      });
    },
  };
}

async function runMainService(services: MainServices, kind: MainRequestKind, args: unknown[]): Promise<unknown> {
  switch (kind) {
    case 'chooseDataFile':
      return services.chooseDataFile();
    case 'chooseBundle':
      return services.chooseBundle();
    case 'chooseSavePath':
      return services.chooseSavePath(saveDialogRequestSchema.parse(args[0]));
    case 'renderPdf': {
      if (!services.renderPdf) throw new RepresentError('internal', 'This copy of Represent cannot print reports to PDF.');
      return services.renderPdf(z.string().parse(args[0]));
    }
  }
}

function describeService(kind: MainRequestKind): string {
  return kind === 'renderPdf' ? 'PDF printing' : 'file dialog';
}
