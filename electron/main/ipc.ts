import { methodNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { dispatch, type Core } from '../core';
import { channelFor } from '../preload/channels';
import type { ElectronShellApi } from './electron-api';

type InvokeEvent = Electron.IpcMainInvokeEvent;

const forbidden: Envelope<never> = { ok: false, error: { code: 'FORBIDDEN', message: vi.errors.forbidden } };

/**
 * One `ipcMain.handle` per contract method, generated from the contract. Every call is checked
 * for its sender first, then goes through the core's dispatcher (input validated by the method's
 * schema, writes in one transaction, errors as envelopes, never a stack). Returns the channels.
 */
export function registerContractHandlers(
  ipcMain: ElectronShellApi['ipcMain'],
  core: Core,
  isTrusted: (event: InvokeEvent) => boolean,
): string[] {
  return methodNames.map((method) => {
    const channel = channelFor(method);
    ipcMain.handle(channel, (event: InvokeEvent, input: unknown) =>
      isTrusted(event) ? dispatch(core, method, input) : forbidden,
    );
    return channel;
  });
}
