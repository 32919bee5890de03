// Keeps one data host running for the app: starts it, routes calls to it, and — if it crashed or
// was killed — starts a fresh one on the next call (the call that was running when it died has
// already been answered with the plain-words error). The store survives a killed process (WAL,
// journaled exports), so a restart carries on from the last committed state.
import type { ApiResult } from '../../../shared/api';
import { createApiHostClient, type ApiHostClient, type MainServices } from './client';
import type { ApiDispatch } from './dispatch';
import type { PortLike } from './port';
import type { HostStartOptions } from './protocol';

/** A started host: its port and a way to end it outright. */
export interface HostProcess {
  port: PortLike;
  terminate(): void;
}

export interface ApiHostSupervisor {
  /** The first host's startup: rejects with its message (e.g. the store is locked). */
  whenReady(): Promise<void>;
  dispatch: ApiDispatch;
  cancelAll(): void;
  /** Cancels jobs and closes the store; the host is ended if it does not stop in time. */
  shutdown(timeoutMs?: number): Promise<void>;
}

export function superviseApiHost(spawn: () => HostProcess, mainServices: MainServices, start: Omit<HostStartOptions, 'canRenderPdf'>): ApiHostSupervisor {
  let shuttingDown = false;
  const launch = (): ApiHostClient => {
    const host = spawn();
    return createApiHostClient(host.port, mainServices, start, { terminate: () => host.terminate() });
  };
  let current = launch();
  const first = current;

  return {
    whenReady: () => first.whenReady(),
    async dispatch(channel, input, caller): Promise<ApiResult<unknown>> {
      if (!shuttingDown && (current.state === 'gone' || current.state === 'failed')) {
        const old = current;
        current = launch();
        // A failed host is still running, waiting to be told to stop.
        if (old.state === 'failed') void old.shutdown();
      }
      return current.call(channel, input, caller.sender, caller.emit);
    },
    cancelAll: () => current.cancelAll(),
    shutdown(timeoutMs) {
      shuttingDown = true;
      return current.shutdown(timeoutMs);
    },
  };
}
