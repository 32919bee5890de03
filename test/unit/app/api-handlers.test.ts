// The one gate every API call goes through: sender, channel, input, handler, result.
import { describe, expect, it, vi } from 'vitest';
import { apiHandlers, dispatchApiCall, toSerializedError } from '../../../main/services/api-handlers';
import { API_CHANNELS } from '../../../shared/api';
import { RepresentError } from '../../../shared/errors';
import { fakeDeps, trustedContext } from './fakes';

describe('dispatchApiCall', () => {
  it('has a handler for every channel in shared/api.ts, and no other', () => {
    expect(Object.keys(apiHandlers).sort()).toEqual([...API_CHANNELS].sort());
  });

  it('answers a valid call from the app window', async () => {
    const result = await dispatchApiCall(fakeDeps(), 'app:get-info', {}, trustedContext());
    expect(result).toEqual({ ok: true, value: { name: 'Represent', version: '0.0.0-test', offline: true } });
  });

  it.each([
    ['another origin', { frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['a look-alike host', { frameUrl: 'app://represent.evil/index.html', isMainFrame: true }],
    ['a subframe of our own page', { frameUrl: 'app://represent/index.html', isMainFrame: false }],
    ['a destroyed frame', { frameUrl: null, isMainFrame: true }],
    ['a file: page', { frameUrl: 'file:///tmp/index.html', isMainFrame: true }],
  ])('refuses a call from %s before looking at it', async (_why, sender) => {
    const chooseDataFile = vi.fn(async () => '/x');
    const result = await dispatchApiCall(fakeDeps({ chooseDataFile }), 'dialog:choose-data-file', {}, { ...trustedContext(), sender });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bad-argument');
    expect(chooseDataFile).not.toHaveBeenCalled();
  });

  it('refuses unknown channels, including prototype names', async () => {
    for (const channel of ['nope', '__proto__', 'constructor', 'hasOwnProperty', 42, null]) {
      const result = await dispatchApiCall(fakeDeps(), channel, {}, trustedContext());
      expect(result.ok, String(channel)).toBe(false);
    }
  });

  it('validates input with the channel schema and never echoes the value back', async () => {
    const secret = '943 476 5919 Jane Example SW1A 1AA';
    const cases: unknown[] = [
      { jobId: 'job-12345678', path: secret },
      { jobId: secret, path: '/data/x.csv' },
      { jobId: 'job-12345678', path: '/data/x.csv', extra: secret },
      { jobId: 'job-12345678', path: 12345 },
      null,
      secret,
    ];
    const profileFile = vi.fn();
    for (const input of cases) {
      const result = await dispatchApiCall(fakeDeps({ profileFile }), 'profile:run', input, trustedContext());
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bad-argument');
        expect(JSON.stringify(result.error)).not.toContain('943');
        expect(JSON.stringify(result.error)).not.toContain('Jane');
      }
    }
    expect(profileFile).not.toHaveBeenCalled();
  });

  it('asks for a full path, in words a user understands', async () => {
    const result = await dispatchApiCall(fakeDeps(), 'profile:run', { jobId: 'job-12345678', path: 'data/x.csv' }, trustedContext());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.expected).toContain('the full path to the file');
  });

  it('passes RepresentErrors through and hides the text of any other error', async () => {
    const known = new RepresentError('file-not-found', 'The file does not exist.', { location: { file: '/data/x.csv' } });
    const passed = await dispatchApiCall(fakeDeps({ chooseDataFile: async () => Promise.reject(known) }), 'dialog:choose-data-file', {}, trustedContext());
    expect(passed).toEqual({ ok: false, error: known.toJSON() });

    const leaky = new Error('ENOENT: patient 943 476 5919 not found');
    const hidden = await dispatchApiCall(fakeDeps({ chooseDataFile: async () => Promise.reject(leaky) }), 'dialog:choose-data-file', {}, trustedContext());
    expect(hidden.ok).toBe(false);
    if (!hidden.ok) {
      expect(hidden.error.code).toBe('internal');
      expect(hidden.error.message).not.toContain('943');
    }
    expect(toSerializedError('a thrown string').code).toBe('internal');
  });

  it('returns null when a dialog is cancelled, and the path when one is chosen', async () => {
    expect(await dispatchApiCall(fakeDeps({ chooseDataFile: async () => null }), 'dialog:choose-data-file', {}, trustedContext())).toEqual({ ok: true, value: null });
    expect(await dispatchApiCall(fakeDeps(), 'dialog:choose-data-file', {}, trustedContext())).toEqual({ ok: true, value: { path: '/data/extract.csv' } });
    expect(await dispatchApiCall(fakeDeps(), 'dialog:choose-save-path', { suggestedName: 'report.html', kind: 'html' }, trustedContext())).toEqual({
      ok: true,
      value: { path: '/reports/report.html' },
    });
    const sneaky = await dispatchApiCall(fakeDeps(), 'dialog:choose-save-path', { suggestedName: '../../etc/cron.d/x', kind: 'html' }, trustedContext());
    expect(sneaky.ok).toBe(false);
  });
});

describe('profile:run and job:cancel', () => {
  it('streams throttled progress tagged with the job id', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const ctx = trustedContext();
    const profileFile = vi.fn(async (_path: string, run: { onProgress: (p: never) => void }) => {
      for (let i = 1; i <= 10; i++) {
        now += 30; // 30 ms apart: only every fourth update passes the 100 ms throttle
        run.onProgress({ bytesRead: i * 10, totalBytes: 100, rows: i, bytesPerSecond: 1000, etaSeconds: 1 } as never);
      }
      throw new RepresentError('header-only', 'The file has a header row but no data rows.');
    });
    const result = await dispatchApiCall(fakeDeps({ profileFile }), 'profile:run', { jobId: 'job-aaaa1111', path: '/data/x.csv' }, ctx);
    vi.restoreAllMocks();
    expect(result.ok).toBe(false);
    expect(ctx.events.map((e) => e.event)).toEqual(['profile:progress', 'profile:progress', 'profile:progress']);
    expect(ctx.events.map((e) => (e.payload as { rows: number }).rows)).toEqual([1, 5, 9]);
    expect(ctx.events.every((e) => (e.payload as { jobId: string }).jobId === 'job-aaaa1111')).toBe(true);
  });

  it('cancels a running job through its signal, then forgets it', async () => {
    const deps = fakeDeps();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    deps.profileFile = (_path, run) =>
      new Promise((_resolve, reject) => {
        started();
        run.signal.addEventListener('abort', () => reject(new RepresentError('cancelled', 'Profiling was cancelled. Nothing was saved.')));
      });
    const call = dispatchApiCall(deps, 'profile:run', { jobId: 'job-bbbb2222', path: '/data/x.csv' }, trustedContext());
    await running;
    expect(deps.jobs.running()).toEqual(['job-bbbb2222']);
    expect(await dispatchApiCall(deps, 'job:cancel', { jobId: 'job-bbbb2222' }, trustedContext())).toEqual({ ok: true, value: { cancelled: true } });
    const result = await call;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('cancelled');
    expect(deps.jobs.running()).toEqual([]);
    expect(await dispatchApiCall(deps, 'job:cancel', { jobId: 'job-bbbb2222' }, trustedContext())).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('refuses to start a second job under a running job id', async () => {
    const deps = fakeDeps();
    deps.profileFile = (_path, run) => new Promise((_resolve, reject) => run.signal.addEventListener('abort', () => reject(new RepresentError('cancelled', 'x'))));
    const first = dispatchApiCall(deps, 'profile:run', { jobId: 'job-cccc3333', path: '/data/x.csv' }, trustedContext());
    await Promise.resolve();
    const second = await dispatchApiCall(deps, 'profile:run', { jobId: 'job-cccc3333', path: '/data/y.csv' }, trustedContext());
    expect(second.ok).toBe(false);
    deps.jobs.cancel('job-cccc3333');
    await first;
  });
});

describe('workspace channel inputs', () => {
  const secret = '943 476 5919 Jane Example SW1A 1AA';
  const id = '0b6f3c2e-8d1a-4c5e-9f00-123456789abc';
  it.each([
    ['dataset:recent', { extra: secret }],
    ['dataset:open', { datasetId: secret }],
    ['dataset:open', { datasetId: id, extra: secret }],
    ['mapping:get', { datasetId: 42 }],
    ['mapping:save', { datasetId: id, mapping: { schemaVersion: 1, attributes: [{ column: secret }] } }],
    ['mapping:save', { datasetId: id, mapping: { schemaVersion: 1, attributes: [], extra: secret } }],
    ['analysis:run', { jobId: 'job-12345678', datasetId: id, referenceId: '' }],
    ['analysis:run', { datasetId: id }],
    ['reference:import', { path: 'relative/ref.csv' }],
    ['answers:get', { projectId: secret }],
    ['answers:save', { projectId: id, answers: [secret] }],
  ])('%s refuses a malformed request without echoing it', async (channel, input) => {
    const deps = fakeDeps();
    const result = await dispatchApiCall(deps, channel, input, trustedContext());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-argument');
      expect(JSON.stringify(result.error)).not.toContain('943');
      expect(JSON.stringify(result.error)).not.toContain('Jane');
    }
    expect(deps.jobs.running()).toEqual([]);
  });

  it('refuses ids the store does not hold', async () => {
    const deps = fakeDeps();
    for (const [channel, input] of [
      ['dataset:open', { datasetId: id }],
      ['mapping:get', { datasetId: id }],
      ['analysis:run', { jobId: 'job-12345678', datasetId: id }],
      ['answers:get', { projectId: id }],
    ] as const) {
      const result = await dispatchApiCall(deps, channel, input, trustedContext());
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(result.error.code, channel).toBe('bad-argument');
    }
    expect(deps.jobs.running()).toEqual([]);
    expect(await dispatchApiCall(deps, 'dataset:recent', {}, trustedContext())).toEqual({ ok: true, value: [] });
  });
});
