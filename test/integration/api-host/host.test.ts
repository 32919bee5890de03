// The data host over its real message protocol: the built host entry in a worker thread (the
// app runs the same entry as an Electron utility process), a real store in a temporary home, real
// generated CSVs, and main's side played by the same client the app uses.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, DatasetOverview, SaveDialogRequest } from '../../../shared/api';
import { RepresentError } from '../../../shared/errors';
import { HOST_GONE_MESSAGE } from '../../../main/services/api-host/client';
import { superviseApiHost } from '../../../main/services/api-host/supervisor';
import { writeSampleExtract } from '../../../main/services/sample-data';
import { openStore } from '../../../main/store/database';
import { storePath } from '../../../main/store/home';
import { APP_FRAME, eventLog, noDialogs, spawnHostWorker, startHost, startOptions, tempDir, type StartedHost } from './host-harness';

/** Big enough that profiling it takes well over a second on one thread, so cancel and crash land mid-run. */
const BIG_ROWS = 400_000;
const SMALL_ROWS = 3_000;

let dataDir: string;
let bigCsv: string;
let smallCsv: string;

beforeAll(async () => {
  dataDir = tempDir('data');
  bigCsv = path.join(dataDir, 'big.csv');
  smallCsv = path.join(dataDir, 'small.csv');
  await writeSampleExtract(bigCsv, { rows: BIG_ROWS, seed: 41 });
  await writeSampleExtract(smallCsv, { rows: SMALL_ROWS, seed: 42 });
}, 120_000);

function expectOk<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Resolves at the first event the host forwards for a call. */
function firstEvent() {
  const log = eventLog();
  let seen!: () => void;
  const arrived = new Promise<void>((resolve) => (seen = resolve));
  return {
    ...log,
    arrived,
    emit: (name: Parameters<typeof log.emit>[0], payload: unknown) => {
      log.emit(name, payload);
      seen();
    },
  };
}

describe('a running host', () => {
  let host: StartedHost;
  const asked: { kind: string; request?: SaveDialogRequest }[] = [];

  beforeAll(async () => {
    host = startHost(tempDir('home'), {
      chooseDataFile: async () => {
        asked.push({ kind: 'data' });
        return smallCsv;
      },
      chooseSavePath: async (request) => {
        asked.push({ kind: 'save', request });
        return path.join(dataDir, request.suggestedName);
      },
      chooseBundle: async () => {
        throw new RepresentError('bad-bundle', 'The chosen file is not a Represent bundle.', { expected: 'a .zip bundle', found: 'another kind of file' });
      },
    });
    await host.client.whenReady();
  });

  afterAll(async () => {
    await host.client.shutdown();
  });

  it('answers app:get-info with the app info main gave it', async () => {
    const result = await host.client.call('app:get-info', {}, APP_FRAME, eventLog().emit);
    expect(result).toEqual({ ok: true, value: { name: 'Represent', version: '0.0.0-host-test', offline: true } });
  });

  it('profiles a real CSV, forwarding progress events to the caller', async () => {
    const log = eventLog();
    const overview = expectOk<DatasetOverview>(await host.client.call('profile:run', { jobId: 'job-host-small-1', path: smallCsv }, APP_FRAME, log.emit));
    expect(overview.rows).toBe(SMALL_ROWS);
    expect(overview.file.name).toBe('small.csv');
    expect(log.events.length).toBeGreaterThan(0);
    for (const event of log.events) {
      expect(event.name).toBe('profile:progress');
      expect(event.payload).toMatchObject({ jobId: 'job-host-small-1' });
    }
    // The host recorded it in its store: the next call sees it.
    const recent = expectOk<{ datasetId: string }[]>(await host.client.call('dataset:recent', {}, APP_FRAME, eventLog().emit));
    expect(recent.map((d) => d.datasetId)).toContain(overview.datasetId);
  });

  it('answers job:cancel while a profile is running, and the profile stops', async () => {
    const progress = firstEvent();
    const running = host.client.call('profile:run', { jobId: 'job-host-cancel-1', path: bigCsv }, APP_FRAME, progress.emit);
    let finished = false;
    void running.then(() => (finished = true));
    await progress.arrived;
    const cancel = await host.client.call('job:cancel', { jobId: 'job-host-cancel-1' }, APP_FRAME, eventLog().emit);
    // The cancel was answered while the profile was still running: calls do not queue behind it.
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
    expect(finished).toBe(false);
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('cancel-all stops every running job', async () => {
    const progress = firstEvent();
    const running = host.client.call('profile:run', { jobId: 'job-host-cancelall', path: bigCsv }, APP_FRAME, progress.emit);
    await progress.arrived;
    host.client.cancelAll();
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('asks main for the native dialogs and returns what the user chose', async () => {
    asked.length = 0;
    expect(await host.client.call('dialog:choose-data-file', {}, APP_FRAME, eventLog().emit)).toEqual({ ok: true, value: { path: smallCsv } });
    const save = await host.client.call('dialog:choose-save-path', { suggestedName: 'report.html', kind: 'html' }, APP_FRAME, eventLog().emit);
    expect(save).toEqual({ ok: true, value: { path: path.join(dataDir, 'report.html') } });
    expect(asked).toEqual([{ kind: 'data' }, { kind: 'save', request: { suggestedName: 'report.html', kind: 'html' } }]);
  });

  it('passes a dialog’s RepresentError back through the host to the caller', async () => {
    const result = await host.client.call('dialog:choose-bundle', {}, APP_FRAME, eventLog().emit);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-bundle', expected: 'a .zip bundle', found: 'another kind of file' } });
  });

  it('refuses other pages, subframes and frames that are gone in the host’s gate, without asking main', async () => {
    asked.length = 0;
    for (const sender of [
      { frameUrl: 'https://example.org/', isMainFrame: true },
      { frameUrl: 'app://represent/index.html', isMainFrame: false },
      { frameUrl: 'app://represent.evil/index.html', isMainFrame: true },
      { frameUrl: null, isMainFrame: false },
    ]) {
      const result = await host.client.call('dialog:choose-data-file', {}, sender, eventLog().emit);
      expect(result, JSON.stringify(sender)).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    }
    expect(asked).toEqual([]);
  });

  it('validates input and channel in the gate as in-process calls do', async () => {
    expect(await host.client.call('no:such-channel', {}, APP_FRAME, eventLog().emit)).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    expect(await host.client.call('profile:run', { jobId: 'x', path: 'relative.csv' }, APP_FRAME, eventLog().emit)).toMatchObject({
      ok: false,
      error: { code: 'bad-argument' },
    });
  });

  it('answers a call whose envelope is malformed instead of leaving it waiting', async () => {
    const answer = new Promise<unknown>((resolve) => {
      const listener = (message: { type?: string; id?: number }) => {
        if (message.type === 'result' && message.id === 999_999) {
          host.worker.off('message', listener);
          resolve(message);
        }
      };
      host.worker.on('message', listener);
    });
    host.worker.postMessage({ type: 'call', id: 999_999, channel: 'app:get-info', input: {}, sender: 'not a sender' });
    expect(await answer).toMatchObject({ type: 'result', id: 999_999, response: { ok: false, error: { code: 'bad-argument' } } });
  });
});

describe('report printing through main', () => {
  it('builds a report in the host, printed to PDF by main from the very HTML the screen passed', async () => {
    const printed: string[] = [];
    const host = startHost(tempDir('home-pdf'), {
      ...noDialogs,
      // Main's printToPDF stands in here: the bytes of a (tiny) PDF.
      renderPdf: async (html) => {
        printed.push(html);
        return new TextEncoder().encode('%PDF-1.7\n% printed by the test\n%%EOF\n');
      },
    });
    try {
      await host.client.whenReady();
      const overview = expectOk<DatasetOverview>(await host.client.call('profile:run', { jobId: 'job-host-pdf-1', path: smallCsv }, APP_FRAME, eventLog().emit));
      const built = await host.client.call('report:build', { jobId: 'job-host-pdf-2', datasetId: overview.datasetId }, APP_FRAME, eventLog().emit);
      const view = expectOk<{ html: string; screen: { passed: boolean } }>(built);
      expect(view.screen.passed).toBe(true);
      expect(printed).toEqual([view.html]);
    } finally {
      await host.client.shutdown();
    }
  });

  it('turns a printing failure in main into the report’s own plain error', async () => {
    const host = startHost(tempDir('home-pdf-fail'), {
      ...noDialogs,
      renderPdf: async () => {
        throw new Error('printToPDF failed: a Chromium message that is not for users');
      },
    });
    try {
      await host.client.whenReady();
      const overview = expectOk<DatasetOverview>(await host.client.call('profile:run', { jobId: 'job-host-pdf-3', path: smallCsv }, APP_FRAME, eventLog().emit));
      const built = await host.client.call('report:build', { jobId: 'job-host-pdf-4', datasetId: overview.datasetId }, APP_FRAME, eventLog().emit);
      expect(built).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(built)).not.toContain('Chromium');
    } finally {
      await host.client.shutdown();
    }
  });
});

describe('startup and shutdown', () => {
  it('shutdown cancels running jobs, closes the store cleanly and ends the host', async () => {
    const host = startHost(tempDir('home-shutdown'));
    await host.client.whenReady();
    const progress = firstEvent();
    const running = host.client.call('profile:run', { jobId: 'job-host-shutdown', path: bigCsv }, APP_FRAME, progress.emit);
    await progress.arrived;
    await host.client.shutdown();
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await host.exited).toBe(0);
    expect(host.client.state).toBe('stopped');
    // The last connection closed: SQLite checkpointed and removed the WAL file.
    const file = storePath(host.home);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    // Later calls are answered, not left waiting.
    expect(await host.client.call('app:get-info', {}, APP_FRAME, eventLog().emit)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('reports a locked store through whenReady, in the store’s own words, and answers calls with it', async () => {
    const home = tempDir('home-locked');
    const file = storePath(home);
    openStore(file).close();
    // Another process holding the write lock (as a long CLI write would).
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const host = startHost(home);
      const failure = await host.client.whenReady().then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(RepresentError);
      expect((failure as Error).message).toMatch(/^The store is locked by another Represent process\./);
      expect((failure as Error).message).toContain(file);
      expect(host.client.state).toBe('failed');
      const call = await host.client.call('app:get-info', {}, APP_FRAME, eventLog().emit);
      expect(call).toMatchObject({ ok: false, error: { code: 'internal', message: (failure as Error).message } });
      await host.client.shutdown();
      expect(await host.exited).toBe(0);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 40_000);

  it('reports a damaged store as a startup failure naming the file', async () => {
    const home = tempDir('home-damaged');
    mkdirSync(path.dirname(storePath(home)), { recursive: true });
    writeFileSync(storePath(home), 'this is not a database, just text long enough to have a header'.repeat(20));
    const host = startHost(home);
    const failure = await host.client.whenReady().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(failure?.message).toMatch(/^The store file is not a readable SQLite database\./);
    expect(failure?.message).toContain(storePath(home));
    await host.client.shutdown();
  });
});

describe('a host that dies', () => {
  it('resolves the running call and every later one to a plain-words error', async () => {
    const host = startHost(tempDir('home-crash'));
    await host.client.whenReady();
    const progress = firstEvent();
    const running = host.client.call('profile:run', { jobId: 'job-host-crash', path: bigCsv }, APP_FRAME, progress.emit);
    await progress.arrived;
    await host.worker.terminate();
    const gone = { ok: false, error: { code: 'internal', message: HOST_GONE_MESSAGE } };
    expect(await running).toMatchObject(gone);
    expect(host.client.state).toBe('gone');
    expect(await host.client.call('app:get-info', {}, APP_FRAME, eventLog().emit)).toMatchObject(gone);
    // Shutting down a dead host does not hang.
    await host.client.shutdown(1_000);
  });

  it('is replaced by a fresh host on the next call when supervised, which sees the same store', async () => {
    const home = tempDir('home-restart');
    const spawned: ReturnType<typeof spawnHostWorker>[] = [];
    const supervisor = superviseApiHost(
      () => {
        const host = spawnHostWorker();
        spawned.push(host);
        return host;
      },
      noDialogs,
      startOptions(home),
    );
    await supervisor.whenReady();
    const first = expectOk<DatasetOverview>(await supervisor.dispatch('profile:run', { jobId: 'job-host-restart', path: smallCsv }, { sender: APP_FRAME, emit: () => undefined }));
    await spawned[0]!.worker.terminate();
    const recent = await supervisor.dispatch('dataset:recent', {}, { sender: APP_FRAME, emit: () => undefined });
    expect(spawned).toHaveLength(2);
    expect(expectOk<{ datasetId: string }[]>(recent).map((d) => d.datasetId)).toContain(first.datasetId);
    await supervisor.shutdown();
    expect(await spawned[1]!.exited).toBe(0);
  });
});
