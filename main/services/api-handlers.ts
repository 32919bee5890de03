// The main side of shared/api.ts: one plain handler per channel, `(deps, input, ctx)`, and one
// gate (`dispatchApiCall`) that every transport goes through — Electron IPC in the app, HTTP in
// the test bridge. The gate checks the sender's frame and origin, validates the input with zod,
// runs the handler and returns `{ ok, value | error }`. Nothing here imports Electron.
//
// Handler modules under ./api (workspace, export) each export their channels; they are spread
// into `apiHandlers` here.
export type { ApiDeps, ApiHandlers, CallContext, ChannelHandler } from './api-types';
import { z } from 'zod';
import type { ApiChannel, ApiResult } from '../../shared/api';
import { isApiChannel } from '../../shared/api';
import { RepresentError, type SerializedError } from '../../shared/errors';
import { isTrustedSender } from './api-sender';
import type { ApiDeps, ApiHandlers, CallContext, ChannelHandler } from './api-types';
import { jobId, noInput } from './api/inputs';
import { workspaceHandlers } from './api/workspace-handlers';
import { exportHandlers } from './api/export-handlers';

const appHandlers = {
  'app:get-info': {
    input: noInput,
    run: async (deps) => deps.appInfo,
  },
  'dialog:choose-data-file': {
    input: noInput,
    run: async (deps) => {
      const chosen = await deps.chooseDataFile();
      return chosen === null ? null : { path: chosen };
    },
  },
  'dialog:choose-save-path': {
    input: z.strictObject({
      suggestedName: z
        .string()
        .min(1)
        .max(255)
        .refine((n) => !/[\\/\0]/.test(n), 'a file name without folder separators'),
      kind: z.enum(['html', 'json', 'csv', 'zip']),
    }),
    run: async (deps, input) => {
      const chosen = await deps.chooseSavePath(input);
      return chosen === null ? null : { path: chosen };
    },
  },
  'job:cancel': {
    input: z.strictObject({ jobId }),
    run: async (deps, input) => ({ cancelled: deps.jobs.cancel(input.jobId) }),
  },
} satisfies Partial<ApiHandlers>;

export const apiHandlers: ApiHandlers = { ...appHandlers, ...workspaceHandlers, ...exportHandlers };

/** The one gate: sender, channel, input, then the handler. Never throws. */
export async function dispatchApiCall(
  deps: ApiDeps,
  channel: unknown,
  input: unknown,
  ctx: CallContext,
  handlers: ApiHandlers = apiHandlers,
): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(ctx.sender, ctx.trustedOrigin)) {
    return failure(
      new RepresentError('bad-argument', 'The request came from a page that may not use Represent’s API.', {
        expected: 'a call from the app’s own window',
        found: 'a call from another page or frame',
      }),
    );
  }
  if (!isApiChannel(channel)) {
    return failure(
      new RepresentError('bad-argument', 'The request named an unknown API channel.', {
        expected: 'one of the channels in shared/api.ts',
        found: typeof channel === 'string' ? 'an unknown channel name' : `a ${typeof channel} instead of a channel name`,
      }),
    );
  }
  const handler = handlers[channel] as unknown as ChannelHandler<ApiChannel>;
  const parsed = handler.input.safeParse(input);
  if (!parsed.success) return failure(invalidInput(channel, parsed.error));
  try {
    const value = await handler.run(deps, parsed.data, ctx);
    return { ok: true, value };
  } catch (e) {
    return failure(e);
  }
}

/**
 * Describes what was wrong with the request by path and expectation. Zod's issue messages name
 * types and limits, not the value received; the value itself is never echoed back.
 */
function invalidInput(channel: ApiChannel, error: z.ZodError): RepresentError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the request';
  return new RepresentError('bad-argument', `The request to "${channel}" was not valid.`, {
    expected: issue ? `${where}: ${issue.message}` : 'a valid request',
    found: `${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}`,
  });
}

/** RepresentErrors pass through; anything else becomes a generic message (its text may hold data). */
export function toSerializedError(e: unknown): SerializedError {
  if (e instanceof RepresentError) return e.toJSON();
  return new RepresentError('internal', 'Something went wrong inside Represent. Nothing was saved; try again.').toJSON();
}

function failure(e: unknown): ApiResult<never> {
  return { ok: false, error: toSerializedError(e) };
}
