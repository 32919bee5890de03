// The data host: runs inside the utility process (or a worker thread in tests), owns the store and
// answers API calls through the one gate (dispatchApiCall), so synchronous SQLite and report
// building never block Electron's main process. Native dialogs and PDF printing live in main, so
// the host asks main for them over the same port (main-request / main-response).
import { errorFromJSON, RepresentError } from '../../../shared/errors';
import { createNodeApiDeps } from '../api-deps';
import { dispatchApiCall, toSerializedError } from '../api-handlers';
import type { z } from 'zod';
import type { ApiDeps } from '../api-types';
import type { PortLike } from './port';
import {
  mainResponseValueSchemas,
  mainToHostSchema,
  type HostStartOptions,
  type HostToMain,
  type MainRequestKind,
  type MainToHost,
} from './protocol';

export interface HostHooks {
  /** Called once shutdown has finished (store closed); the utility process exits here. */
  onStopped?(): void;
}

/** How long shutdown waits for running calls (after cancelling jobs) before closing the store anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

/** Serves the API on `port` with `options` at once. */
export function serveApi(port: PortLike, options: HostStartOptions, hooks: HostHooks = {}): void {
  listen(port, hooks, options);
}

/** Serves the API once main's first message (`start`) has said how: a utility process has no workerData. */
export function serveApiOnStart(port: PortLike, hooks: HostHooks = {}): void {
  listen(port, hooks, undefined);
}

function listen(port: PortLike, hooks: HostHooks, options: HostStartOptions | undefined): void {
  const post = (message: HostToMain) => port.postMessage(message);
  let receive: ((message: MainToHost) => void) | undefined;
  const stop = port.onMessage((raw) => {
    const parsed = mainToHostSchema.safeParse(raw);
    if (!parsed.success) return refuseMalformed(raw, post);
    const message = parsed.data;
    if (receive) return receive(message);
    if (message.type === 'start') receive = startHost(post, message.options, finished);
    else if (message.type === 'shutdown') finished();
    else console.error(`Represent data host: a "${message.type}" message arrived before "start"; ignored.`);
  });
  function finished(): void {
    stop();
    hooks.onStopped?.();
  }
  if (options) receive = startHost(post, options, finished);
}

/** Opens the store and returns the message handler; on failure, says why and waits for shutdown. */
function startHost(post: (message: HostToMain) => void, options: HostStartOptions, finished: () => void): (message: MainToHost) => void {
  const mainRequests = createMainRequests(post);
  let deps: ApiDeps;
  try {
    const base = createNodeApiDeps({
      appInfo: options.appInfo,
      home: options.home,
      ...(options.workerPath !== undefined ? { workerPath: options.workerPath } : {}),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      chooseDataFile: () => mainRequests.ask('chooseDataFile', []),
      chooseSavePath: (request) => mainRequests.ask('chooseSavePath', [request]),
      chooseBundle: () => mainRequests.ask('chooseBundle', []),
    });
    deps = options.canRenderPdf ? { ...base, renderPdf: (html) => mainRequests.ask('renderPdf', [html]) } : base;
  } catch (e) {
    post({ type: 'failed', message: startupFailure(e) });
    const closed = 'Represent’s data process could not start, so nothing was done.';
    return (message) => {
      if (message.type === 'call') post({ type: 'result', id: message.id, response: { ok: false, error: new RepresentError('internal', closed).toJSON() } });
      else if (message.type === 'shutdown') {
        post({ type: 'stopped' });
        finished();
      }
    };
  }
  post({ type: 'ready', appInfo: options.appInfo });

  const running = new Set<Promise<void>>();
  let closing = false;

  function call(message: Extract<MainToHost, { type: 'call' }>): void {
    if (closing) {
      const error = new RepresentError('internal', 'Represent is closing, so this request was not run.').toJSON();
      return post({ type: 'result', id: message.id, response: { ok: false, error } });
    }
    const done = dispatchApiCall(deps, message.channel, message.input, {
      sender: message.sender,
      trustedOrigin: options.trustedOrigin,
      emit: (name, payload) => post({ type: 'event', id: message.id, name, payload }),
    }).then((response) => {
      try {
        post({ type: 'result', id: message.id, response });
      } catch (e) {
        // A value that cannot cross (structured clone refused it) is a bug here, not the caller's.
        post({ type: 'result', id: message.id, response: { ok: false, error: toSerializedError(e) } });
      }
    });
    running.add(done);
    void done.finally(() => running.delete(done));
  }

  function cancelAll(): void {
    for (const jobId of deps.jobs.running()) deps.jobs.cancel(jobId);
  }

  async function shutdown(): Promise<void> {
    if (closing) return;
    closing = true;
    cancelAll();
    mainRequests.abandonAll();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
    clearTimeout(timer);
    // better-sqlite3 transactions are synchronous, so none can be open between awaits: closing is safe.
    if (deps.db.open) deps.db.close();
    post({ type: 'stopped' });
    finished();
  }

  return (message) => {
    switch (message.type) {
      case 'call':
        return call(message);
      case 'cancel-all':
        return cancelAll();
      case 'shutdown':
        return void shutdown();
      case 'main-response':
        return mainRequests.settle(message);
      case 'start':
        return console.error('Represent data host: a second "start" message arrived; ignored.');
    }
  };
}

type MainValue<K extends MainRequestKind> = z.infer<(typeof mainResponseValueSchemas)[K]>;

/** Requests to main (dialogs, PDF printing) by id, their answers checked on receipt. */
function createMainRequests(post: (message: HostToMain) => void) {
  const pending = new Map<number, { kind: MainRequestKind; resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 0;
  return {
    ask<K extends MainRequestKind>(kind: K, args: unknown[]): Promise<MainValue<K>> {
      return new Promise<MainValue<K>>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { kind, resolve: resolve as (value: unknown) => void, reject });
        post({ type: 'main-request', id, kind, args });
      });
    },
    settle(message: Extract<MainToHost, { type: 'main-response' }>): void {
      const request = pending.get(message.id);
      if (!request) return;
      pending.delete(message.id);
      if (!message.ok) return request.reject(errorFromJSON(message.error));
      const value = mainResponseValueSchemas[request.kind].safeParse(message.value);
      if (value.success) request.resolve(value.data);
      else request.reject(new RepresentError('internal', `The main process answered "${request.kind}" with something unexpected.`));
    },
    /** Shutdown: nobody is left to answer a dialog. */
    abandonAll(): void {
      for (const request of pending.values()) request.reject(new RepresentError('cancelled', 'Represent is closing, so the request was stopped.'));
      pending.clear();
    },
  };
}

/** A call whose envelope did not parse still gets an answer if it has an id, so the caller never waits forever. */
function refuseMalformed(raw: unknown, post: (message: HostToMain) => void): void {
  const envelope = raw as { type?: unknown; id?: unknown } | null;
  const type = typeof envelope?.type === 'string' ? envelope.type : 'unknown';
  console.error(`Represent data host: ignored a malformed "${type}" message.`);
  if (type === 'call' && typeof envelope?.id === 'number' && Number.isInteger(envelope.id) && envelope.id >= 0) {
    const error = new RepresentError('bad-argument', 'The request did not reach Represent’s data process in the expected form.', {
      expected: 'a call with a channel, an input and the sender’s frame',
      found: 'a call missing one of them',
    }).toJSON();
    post({ type: 'result', id: envelope.id, response: { ok: false, error } });
  }
}

/** The store's RepresentError says what and where (never data); anything else gets generic words. */
function startupFailure(e: unknown): string {
  if (e instanceof RepresentError) return e.message;
  return 'Represent’s data process could not start: an unexpected error occurred.';
}

