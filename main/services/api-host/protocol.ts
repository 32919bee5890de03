// The messages between the Electron main process and the data host (the utility process that owns
// the store and runs report building). Both sides validate what they receive with these schemas:
// a message that does not parse is dropped and logged by kind only, never echoed back.
//
//   main → host   start (once, first), call, cancel-all, shutdown, main-response
//   host → main   ready | failed (startup), result, event, main-request, stopped
//
// Calls and main-requests carry ids so many run at once: a profile streaming progress must never
// hold up the job:cancel that stops it.
import { z } from 'zod';
import { isApiEvent, type ApiEventName, type AppInfo } from '../../../shared/api';
import type { RepresentErrorCode, SerializedError } from '../../../shared/errors';

const id = z.number().int().nonnegative();

const appInfoSchema: z.ZodType<AppInfo> = z.strictObject({ name: z.string(), version: z.string(), offline: z.literal(true) });

const senderSchema = z.strictObject({ frameUrl: z.string().nullable(), isMainFrame: z.boolean() });

/** shared/errors.ts lists the codes as a type only; a code is checked as a string here and passed on as sent. */
const serializedErrorSchema: z.ZodType<SerializedError> = z.object({
  code: z.custom<RepresentErrorCode>((v) => typeof v === 'string'),
  message: z.string(),
  expected: z.string().optional(),
  found: z.string().optional(),
  location: z.object({
    file: z.string().optional(),
    row: z.number().optional(),
    column: z.string().optional(),
    byteOffset: z.number().optional(),
  }),
});

const apiResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: serializedErrorSchema }),
]);

const eventName = z.custom<ApiEventName>(isApiEvent, 'an API event name');

/** What the host needs from main: native dialogs and, where a printer exists, PDF printing. */
export const MAIN_REQUEST_KINDS = ['chooseDataFile', 'chooseSavePath', 'chooseBundle', 'renderPdf'] as const;
export type MainRequestKind = (typeof MAIN_REQUEST_KINDS)[number];

/** How the host is set up; sent by main as the first message (a utility process has no workerData). */
export const hostStartOptionsSchema = z.strictObject({
  appInfo: appInfoSchema,
  /** The Represent home (store, keys, locked policy), shared with the CLI. */
  home: z.string().min(1),
  /** The origin whose main frame may call the API (the gate runs in the host). */
  trustedOrigin: z.string().min(1),
  /** The built profiling worker (unpacked from the asar in the packaged app). */
  workerPath: z.string().min(1).optional(),
  workers: z.number().int().positive().optional(),
  /** True when main can print report HTML to PDF; otherwise reports are built without a PDF. */
  canRenderPdf: z.boolean(),
});
export type HostStartOptions = z.infer<typeof hostStartOptionsSchema>;

export const mainToHostSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), options: hostStartOptionsSchema }),
  z.strictObject({ type: z.literal('call'), id, channel: z.string(), input: z.unknown(), sender: senderSchema }),
  z.strictObject({ type: z.literal('cancel-all') }),
  z.strictObject({ type: z.literal('shutdown') }),
  z.discriminatedUnion('ok', [
    z.strictObject({ type: z.literal('main-response'), id, ok: z.literal(true), value: z.unknown() }),
    z.strictObject({ type: z.literal('main-response'), id, ok: z.literal(false), error: serializedErrorSchema }),
  ]),
]);
export type MainToHost = z.infer<typeof mainToHostSchema>;

export const hostToMainSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), appInfo: appInfoSchema.optional() }),
  /** Startup failed (the store is locked, damaged or not writable): a RepresentError's message, never data. */
  z.strictObject({ type: z.literal('failed'), message: z.string() }),
  z.strictObject({ type: z.literal('result'), id, response: apiResultSchema }),
  z.strictObject({ type: z.literal('event'), id, name: eventName, payload: z.unknown() }),
  z.strictObject({ type: z.literal('main-request'), id, kind: z.enum(MAIN_REQUEST_KINDS), args: z.array(z.unknown()) }),
  /** Shutdown finished: jobs cancelled, store closed. */
  z.strictObject({ type: z.literal('stopped') }),
]);
export type HostToMain = z.infer<typeof hostToMainSchema>;

/** The main-request answers, checked on receipt in the host. */
export const mainResponseValueSchemas = {
  chooseDataFile: z.string().nullable(),
  chooseSavePath: z.string().nullable(),
  chooseBundle: z.string().nullable(),
  renderPdf: z.instanceof(Uint8Array),
} satisfies Record<MainRequestKind, z.ZodType>;
