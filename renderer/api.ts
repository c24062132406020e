import type { CallName } from '../main/contract/calls';
import type { CallInput, CallOutput, HoldfastApi } from '../main/contract/contract';
import type { Result } from '../main/contract/result';
import { connectDesktop } from './transport/desktopTransport';
import { connectHarness } from './transport/harnessTransport';

/**
 * The only way the UI reaches the core; it never knows which transport is underneath. The choice
 * is made at build time (`--mode harness`, see electron.vite.config.ts): the build folds the
 * comparison to a constant and drops the other transport, so the desktop bundle carries no
 * harness client (token handling included) and the harness bundle no IPC fallback.
 */
export const api: HoldfastApi =
  import.meta.env.MODE === 'harness' ? connectHarness() : connectDesktop();

const started = new Map<string, Promise<Result<unknown>>>();
const keyOf = (name: CallName, input: unknown): string => `${name} ${JSON.stringify(input)}`;

/** Calls the API; a call already started by `startEarly` with the same input is reused once. */
export async function request<K extends CallName>(
  name: K,
  input: CallInput<K>,
): Promise<Result<CallOutput<K>>> {
  const key = keyOf(name, input);
  const early = started.get(key);
  if (early) {
    started.delete(key);
    return early as Promise<Result<CallOutput<K>>>;
  }
  const fn = api[name] as (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
  return fn(input);
}

/**
 * Starts a read-only call before React has rendered, so the data is on its way while the UI boots
 * (the first screen would otherwise wait for the bundle to run before even asking).
 */
export function startEarly<K extends CallName>(name: K, input: CallInput<K>): void {
  const fn = api[name] as (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
  started.set(keyOf(name, input), fn(input));
}
