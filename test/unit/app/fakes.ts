// Shared fakes for the handler tests: deps whose dialogs and profiler the test controls.
import type { ApiEventName, ApiEvents } from '../../../shared/api';
import type { ApiDeps, CallContext } from '../../../main/services/api-handlers';
import { createJobRegistry } from '../../../main/services/api-jobs';

export const TRUSTED_ORIGIN = 'app://represent';

export function fakeDeps(overrides: Partial<ApiDeps> = {}): ApiDeps {
  return {
    appInfo: { name: 'Represent', version: '0.0.0-test', offline: true },
    chooseDataFile: async () => '/data/extract.csv',
    chooseSavePath: async (request) => `/reports/${request.suggestedName}`,
    jobs: createJobRegistry(),
    profileFile: async () => {
      throw new Error('profileFile not faked in this test');
    },
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
