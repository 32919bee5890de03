// The preload's whole job, as a pure factory over an ipcRenderer-like object so it is tested
// without Electron. It exposes exactly `RepresentApi` (shared/api.ts): `invoke` for the channels
// in API_CHANNELS and `on` for the events in API_EVENTS. Raw ipcRenderer never reaches the page,
// and listeners get the payload only, never the IpcRendererEvent (checklist item 20).
import { isApiChannel, isApiEvent, type ApiEventName, type ApiEvents, type ApiResult, type RepresentApi } from '../../shared/api';
import { RepresentError } from '../../shared/errors';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export function createApi(ipc: IpcRendererLike): RepresentApi {
  const api: RepresentApi = {
    async invoke(channel, request) {
      if (!isApiChannel(channel)) {
        return failure(new RepresentError('bad-argument', 'The page asked for an unknown API channel.', {
          expected: 'a channel listed in shared/api.ts',
          found: 'an unknown channel name',
        }));
      }
      try {
        return (await ipc.invoke(channel, request)) as Awaited<ReturnType<RepresentApi['invoke']>>;
      } catch {
        // The main side answers every call with a result; a rejection means the transport broke.
        return failure(new RepresentError('internal', 'The app’s background process did not answer. Try again; if it keeps happening, restart Represent.'));
      }
    },
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      if (!isApiEvent(event)) throw new TypeError('Unknown API event');
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
      const wrapped: IpcListener = (_event, payload) => listener(payload as ApiEvents[E]);
      ipc.on(event, wrapped);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(event, wrapped);
      };
    },
  };
  return Object.freeze(api);
}

function failure(error: RepresentError): ApiResult<never> {
  return { ok: false, error: error.toJSON() };
}
