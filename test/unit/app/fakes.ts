// Shared fakes for the handler tests: deps whose dialogs and profiler the test controls, over a
// real store in a fresh temporary home (the handlers record what they do there).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiEventName, ApiEvents } from '../../../shared/api';
import type { ApiDeps, CallContext } from '../../../main/services/api-handlers';
import { createJobRegistry } from '../../../main/services/api-jobs';
import { openStore } from '../../../main/store/database';
import { storePath } from '../../../main/store/home';

export const TRUSTED_ORIGIN = 'app://represent';

export function fakeDeps(overrides: Partial<ApiDeps> = {}): ApiDeps {
  const home = overrides.home ?? mkdtempSync(path.join(os.tmpdir(), 'represent-api-test-'));
  return {
    appInfo: { name: 'Represent', version: '0.0.0-test', offline: true },
    chooseDataFile: async () => '/data/extract.csv',
    chooseSavePath: async (request) => `/reports/${request.suggestedName}`,
    chooseBundle: async () => '/requests/request.zip',
    jobs: createJobRegistry(),
    profileFile: async () => {
      throw new Error('profileFile not faked in this test');
    },
    analyseFile: async () => {
      throw new Error('analyseFile not faked in this test');
    },
    home,
    db: overrides.db ?? openStore(storePath(home)),
    ...overrides,
  };
}

export function trustedContext(): CallContext & { events: { event: ApiEventName; payload: unknown }[] } {
  const events: { event: ApiEventName; payload: unknown }[] = [];
  return {
    sender: { frameUrl: 'app://represent/index.html', isMainFrame: true },
    trustedOrigin: TRUSTED_ORIGIN,
    emit: <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => {
      events.push({ event, payload });
    },
    events,
  };
}
