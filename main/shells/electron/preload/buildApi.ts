import { CALL_NAMES, ipcChannel } from '../../../contract/calls';
import type { HoldfastApi } from '../../../contract/contract';
import { fail } from '../../../contract/result';

/** Sends one call over IPC; in the preload this is `ipcRenderer.invoke`. */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * `window.holdfast`: one function per contract call that forwards only its single input on the
 * call's own channel and always resolves to a Result (a transport failure becomes INTERNAL).
 */
export function buildHoldfastApi(invoke: Invoke): HoldfastApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) {
    const channel = ipcChannel(name);
    api[name] = (input: unknown) =>
      invoke(channel, input).catch(() =>
        fail(
          'INTERNAL',
          'Holdfast could not reach its main process. Restart the app and try again.',
        ),
      );
  }
  return Object.freeze(api) as unknown as HoldfastApi;
}
