// Wires every channel of shared/api.ts to ipcMain and hands each call to `dispatch`: in the app,
// the data host's client (the gate runs there, main/services/api-handlers.ts); in tests, the
// same gate in this process (inProcessDispatch). Takes ipcMain structurally so tests drive it
// with a fake.
import type { IpcMainInvokeEvent } from 'electron';
import { API_CHANNELS } from '../../shared/api';
import type { ApiDispatch } from '../services/api-host/dispatch';
import type { SenderInfo } from '../services/api-sender';

export type InvokeEventLike = {
  senderFrame: { url: string; parent: unknown } | null;
  sender: Pick<IpcMainInvokeEvent['sender'], 'send' | 'isDestroyed'>;
};

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export function registerApiHandlers(ipcMain: IpcMainLike, dispatch: ApiDispatch): void {
  for (const channel of API_CHANNELS) {
    ipcMain.handle(channel, (event, input) =>
      dispatch(channel, input, {
        sender: senderInfo(event),
        emit: (name, payload) => {
          if (!event.sender.isDestroyed()) event.sender.send(name, payload);
        },
      }),
    );
  }
}

/** senderFrame is null once the frame has navigated away or been destroyed: never trusted. */
export function senderInfo(event: Pick<InvokeEventLike, 'senderFrame'>): SenderInfo {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
}
