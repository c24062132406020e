import { CALL_NAMES, type CallName } from '../../main/contract/calls';
import type { HoldfastApi } from '../../main/contract/contract';
import type { Result } from '../../main/contract/result';

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

/** The browser's way in: each call is a POST to the harness on 127.0.0.1 with its bearer token. */
export function connectHarness(): HoldfastApi {
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
