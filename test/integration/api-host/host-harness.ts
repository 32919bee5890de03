// Starts the built data host (out/node/api-host.js, built by test/global-setup.ts from
// main/worker/api-host-entry.ts) in a real worker thread over a temporary REPRESENT home, and
// gives back the main-side client the app uses, with main services the test controls.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApiEventName } from '../../../shared/api';
import { createApiHostClient, type ApiHostClient, type MainServices } from '../../../main/services/api-host/client';
import { workerHostPort } from '../../../main/services/api-host/port';
import type { HostStartOptions } from '../../../main/services/api-host/protocol';
import type { HostProcess } from '../../../main/services/api-host/supervisor';
import type { SenderInfo } from '../../../main/services/api-sender';

export const HOST_ENTRY = fileURLToPath(new URL('../../../out/node/api-host.js', import.meta.url));
export const TRUSTED_ORIGIN = 'app://represent';
export const APP_FRAME: SenderInfo = { frameUrl: 'app://represent/index.html', isMainFrame: true };

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `represent-api-host-${prefix}-`));
}

export function startOptions(home: string): Omit<HostStartOptions, 'canRenderPdf'> {
  // One profiling thread: the machine's two cores are shared with other suites.
  return { appInfo: { name: 'Represent', version: '0.0.0-host-test', offline: true }, home, trustedOrigin: TRUSTED_ORIGIN, workers: 1 };
}

/** Dialogs that fail the test if the host asks for one it should not need. */
export const noDialogs: MainServices = {
  chooseDataFile: async () => {
    throw new Error('chooseDataFile was not expected');
  },
  chooseSavePath: async () => {
    throw new Error('chooseSavePath was not expected');
  },
  chooseBundle: async () => {
    throw new Error('chooseBundle was not expected');
  },
};

export function spawnHostWorker(): HostProcess & { worker: Worker; exited: Promise<number> } {
  const worker = new Worker(HOST_ENTRY);
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  return { worker, exited, port: workerHostPort(worker), terminate: () => void worker.terminate() };
}

export interface StartedHost {
  client: ApiHostClient;
  worker: Worker;
  exited: Promise<number>;
  home: string;
}

export function startHost(home: string, services: MainServices = noDialogs): StartedHost {
  const spawned = spawnHostWorker();
  const client = createApiHostClient(spawned.port, services, startOptions(home), { terminate: spawned.terminate });
  return { client, worker: spawned.worker, exited: spawned.exited, home };
}

/** Records the events the host forwards for one call. */
export function eventLog() {
  const events: { name: ApiEventName; payload: unknown }[] = [];
  return { events, emit: (name: ApiEventName, payload: unknown) => void events.push({ name, payload }) };
}
