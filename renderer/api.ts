import { CALL_NAMES, type CallName } from '../main/contract/calls';
import type { CallInput, CallOutput, HoldfastApi } from '../main/contract/contract';
import type { Result } from '../main/contract/result';

declare global {
  interface Window {
    /** Present in the desktop app: built by the preload from the same call list. */
    holdfast?: HoldfastApi;
  }
}

const TOKEN_KEY = 'holdfast-harness-token';

/** The web harness hands its token in the first URL; keep it for reloads, then hide it. */
function takeHarnessToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function createHttpApi(): HoldfastApi {
  const token = takeHarnessToken();
  const call = async (name: CallName, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch {
      return {
        ok: false,
        error: {
          code: 'NOT_AVAILABLE',
          message: 'Holdfast could not reach its own background service.',
        },
      };
    }
  };
  return Object.fromEntries(
    CALL_NAMES.map((name) => [name, (input: unknown) => call(name, input)]),
  ) as HoldfastApi;
}

/** The only way the UI reaches the core; it never knows which transport is underneath. */
export const api: HoldfastApi = window.holdfast ?? createHttpApi();

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
