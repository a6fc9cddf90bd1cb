import { methodNames, type Bridge } from '../../shared/api/contract';
import { channelFor } from './channels';

/** What the bridge needs from Electron: `ipcRenderer.invoke`, narrowed to one channel and one argument. */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * Build the `window.attk` object: one function per contract method, generated from the contract
 * (nothing hand-listed). Each function forwards exactly one argument and returns the envelope the
 * main process answered with; the IPC event and `ipcRenderer` itself never reach the page.
 */
export function createBridge(invoke: Invoke): Bridge {
  const entries = methodNames.map((method) => {
    const channel = channelFor(method);
    return [method, (input: unknown) => invoke(channel, input)] as const;
  });
  return Object.freeze(Object.fromEntries(entries)) as unknown as Bridge;
}
