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

interface EarlyCall {
  promise: Promise<Result<unknown>>;
  /** Set once the answer is in, so a component mounting later can show it on its first render. */
  settled?: Result<unknown>;
}

const started = new Map<string, EarlyCall>();
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
    return early.promise as Promise<Result<CallOutput<K>>>;
  }
  const fn = api[name] as (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
  return fn(input);
}

/**
 * The answer to a call `startEarly` made, if it is already in; it is handed out once, like
 * `request` does. Lets the first render show the data instead of a loading state and a second
 * render.
 */
export function takeSettled<K extends CallName>(
  name: K,
  input: CallInput<K>,
): Result<CallOutput<K>> | undefined {
  const key = keyOf(name, input);
  const settled = started.get(key)?.settled;
  if (settled) started.delete(key);
  return settled as Result<CallOutput<K>> | undefined;
}

/**
 * Resolves once every call `startEarly` made has its answer, or after `limitMs`, whichever comes
 * first; it never rejects (a failed call settles too, and the screen shows its failure).
 */
export async function earlyAnswers(limitMs: number): Promise<void> {
  const pending = [...started.values()].map((early) => early.promise);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, limitMs);
  });
  await Promise.race([Promise.all(pending), limit]);
  clearTimeout(timer);
}

/**
 * Starts a read-only call before React has rendered, so the data is on its way while the UI boots
 * (the first screen would otherwise wait for the bundle to run before even asking).
 */
export function startEarly<K extends CallName>(name: K, input: CallInput<K>): void {
  const fn = api[name] as (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
  const early: EarlyCall = { promise: fn(input) };
  void early.promise.then((result) => {
    early.settled = result;
  });
  started.set(keyOf(name, input), early);
}
