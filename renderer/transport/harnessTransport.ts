import { CALL_NAMES, type CallName } from '../../main/contract/calls';
import type { HoldfastApi } from '../../main/contract/contract';
import { HARNESS_CODE_PARAM } from '../../main/contract/harnessSession';
import type { Result } from '../../main/contract/result';

/**
 * The web harness hands a one-time code in the first address and spends it on the page's own
 * response, which sets a session cookie (HttpOnly, for this browser session only). The page only
 * hides the spent code from the address bar, so it is kept neither in the browser's history nor
 * in a bookmark; a reload carries on with the cookie.
 */
function hideSpentCode(): void {
  if (!new URLSearchParams(window.location.search).has(HARNESS_CODE_PARAM)) return;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
}

/** The browser's way in: each call is a POST to the harness on 127.0.0.1, with its session cookie. */
export function connectHarness(): HoldfastApi {
  hideSpentCode();
  const call = async (name: CallName, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
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
