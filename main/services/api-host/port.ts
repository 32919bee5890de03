// One shape for "the other end" of the data host, whatever carries the messages: a worker thread
// (tests, and any plain-Node host), or an Electron utility process (the app). The Electron
// main-side adapter lives in main/app/api-host-process.ts, the only place that may touch Electron
// types; the utility-process child side is typed structurally here, so nothing imports electron.
import type { MessagePort, Worker } from 'node:worker_threads';

export interface PortLike {
  postMessage(message: unknown): void;
  /** Adds a listener; returns the function that removes it. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** The other side ended (crashed, was killed or exited); main side only. */
  onExit?(listener: (code: number) => void): void;
}

/** The host's end inside a worker thread (`worker_threads.parentPort`). */
export function workerParentPort(port: MessagePort): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage(listener) {
      port.on('message', listener);
      return () => port.off('message', listener);
    },
  };
}

/** Main's end of a worker thread running the host. */
export function workerHostPort(worker: Worker): PortLike {
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage(listener) {
      worker.on('message', listener);
      return () => worker.off('message', listener);
    },
    onExit(listener) {
      worker.once('exit', listener);
    },
  };
}

/** Electron's `process.parentPort` in a utility process: its 'message' events wrap the data as `{ data }`. */
export interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The host's end inside an Electron utility process. */
export function utilityParentPort(port: UtilityParentPort): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage(listener) {
      const unwrap = (event: { data: unknown }) => listener(event.data);
      port.on('message', unwrap);
      return () => port.off('message', unwrap);
    },
  };
}

/** `process.parentPort` when this process is an Electron utility process, else undefined. */
export function utilityParentPortOf(proc: object): UtilityParentPort | undefined {
  const candidate = (proc as { parentPort?: unknown }).parentPort;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const p = candidate as Partial<UtilityParentPort>;
  return typeof p.postMessage === 'function' && typeof p.on === 'function' && typeof p.off === 'function' ? (candidate as UtilityParentPort) : undefined;
}
