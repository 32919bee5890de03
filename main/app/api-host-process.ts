// Starts the data host (main/worker/api-host-entry.ts, built to out/app/api-host.mjs) as an
// Electron utility process and supervises it: the store, profiling and report building run there,
// so synchronous SQLite never blocks this process. utilityProcess, not child_process.fork: the
// RunAsNode fuse is off, which breaks child_process.fork in main (electron-engineering.md).
// Electron's `utilityProcess` is passed in (main.ts), so this module loads in plain Node too.
import type { ForkOptions, UtilityProcess } from 'electron';
import type { MainServices } from '../services/api-host/client';
import type { PortLike } from '../services/api-host/port';
import type { HostStartOptions } from '../services/api-host/protocol';
import { superviseApiHost, type ApiHostSupervisor } from '../services/api-host/supervisor';

export interface ApiHostProcessOptions {
  /** Electron's utilityProcess.fork. */
  fork(modulePath: string, args: string[], options: ForkOptions): UtilityProcess;
  /** The built host entry (out/app/api-host.mjs). */
  entryPath: string;
  mainServices: MainServices;
  start: Omit<HostStartOptions, 'canRenderPdf'>;
}

export function startApiHostProcess(options: ApiHostProcessOptions): ApiHostSupervisor {
  return superviseApiHost(
    () => {
      // stdio 'pipe', passed on to main's own output: the host logs kinds of events, never data,
      // and its lines then sit with main's wherever main's output goes.
      const child = options.fork(options.entryPath, [], { serviceName: 'Represent data', stdio: 'pipe' });
      child.stdout?.pipe(process.stdout, { end: false });
      child.stderr?.pipe(process.stderr, { end: false });
      return { port: utilityProcessPort(child), terminate: () => void child.kill() };
    },
    options.mainServices,
    options.start,
  );
}

/** Main's end of a utility process: its 'message' events carry the data itself (the child's carry `{ data }`). */
export function utilityProcessPort(child: Pick<UtilityProcess, 'postMessage' | 'on' | 'off' | 'once'>): PortLike {
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage(listener) {
      child.on('message', listener);
      return () => child.off('message', listener);
    },
    onExit(listener) {
      child.once('exit', listener);
    },
  };
}
