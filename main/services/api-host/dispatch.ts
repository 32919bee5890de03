// How a transport hands an API call on: the same shape whether the data layer runs in this
// process (tests, the browser bridge) or in the data host (the app, through the host client).
import type { ApiEventName, ApiResult } from '../../../shared/api';
import { dispatchApiCall, type ApiDeps } from '../api-handlers';
import type { SenderInfo } from '../api-sender';

/** Who called, and how to push events (progress) back to that page. */
export interface ApiCaller {
  sender: SenderInfo;
  emit(name: ApiEventName, payload: unknown): void;
}

/** Runs one API call through the gate; never throws. */
export type ApiDispatch = (channel: string, input: unknown, caller: ApiCaller) => Promise<ApiResult<unknown>>;

/** Dispatch against deps in this process. */
export function inProcessDispatch(deps: ApiDeps, trustedOrigin: string): ApiDispatch {
  return (channel, input, caller) => dispatchApiCall(deps, channel, input, { sender: caller.sender, trustedOrigin, emit: caller.emit });
}
