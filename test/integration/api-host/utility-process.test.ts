// The app's path to the host: startApiHostProcess (main/app) forks the built entry the way
// Electron's utilityProcess.fork would, and the entry talks over `process.parentPort`. Electron
// cannot run here, so a worker thread plays the utility process: a shim gives it Electron's
// parentPort, and the fork stand-in gives main the UtilityProcess surface the adapter uses.
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ForkOptions, UtilityProcess } from 'electron';
import { describe, expect, it } from 'vitest';
import { startApiHostProcess } from '../../../main/app/api-host-process';
import { APP_FRAME, HOST_ENTRY, startOptions, tempDir } from './host-harness';

const SHIM = fileURLToPath(new URL('./utility-process-shim.mjs', import.meta.url));

function forkInWorker() {
  const forks: { modulePath: string; args: string[]; options: ForkOptions; worker: Worker; exited: Promise<number> }[] = [];
  const fork = (modulePath: string, args: string[], options: ForkOptions): UtilityProcess => {
    const worker = new Worker(SHIM, { workerData: { entry: pathToFileURL(modulePath).href } });
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    forks.push({ modulePath, args, options, worker, exited });
    // Only the members the adapter uses; Electron's own 'message' events carry the data itself.
    const child = {
      postMessage: (message: unknown) => worker.postMessage(message),
      on: (name: string, listener: (...a: unknown[]) => void) => (worker.on(name, listener), child),
      off: (name: string, listener: (...a: unknown[]) => void) => (worker.off(name, listener), child),
      once: (name: string, listener: (...a: unknown[]) => void) => (worker.once(name, listener), child),
      kill: () => (void worker.terminate(), true),
      stdout: null,
      stderr: null,
    };
    return child as unknown as UtilityProcess;
  };
  return { fork, forks };
}

describe('startApiHostProcess', () => {
  it('forks the entry as a named utility process, serves calls over parentPort, and shuts it down', async () => {
    const { fork, forks } = forkInWorker();
    let chosen = 0;
    const host = startApiHostProcess({
      fork,
      entryPath: HOST_ENTRY,
      mainServices: {
        chooseDataFile: async () => (chosen++, '/data/from-main.csv'),
        chooseSavePath: async () => null,
        chooseBundle: async () => null,
      },
      start: startOptions(tempDir('home-utility')),
    });
    await host.whenReady();
    expect(forks).toHaveLength(1);
    expect(forks[0]).toMatchObject({ modulePath: HOST_ENTRY, args: [], options: { serviceName: 'Represent data', stdio: 'pipe' } });

    const caller = { sender: APP_FRAME, emit: () => undefined };
    expect(await host.dispatch('app:get-info', {}, caller)).toMatchObject({ ok: true, value: { name: 'Represent' } });
    expect(await host.dispatch('dialog:choose-data-file', {}, caller)).toEqual({ ok: true, value: { path: '/data/from-main.csv' } });
    expect(chosen).toBe(1);

    await host.shutdown();
    expect(await forks[0]!.exited).toBe(0);
  });
});
