import { CALL_NAMES, type CallName } from '../../main/contract/calls';
import type { HoldfastApi } from '../../main/contract/contract';
import { HARNESS_CODE_PARAM, HARNESS_SESSION_PATH } from '../../main/contract/harnessSession';
import type { Result } from '../../main/contract/result';

/**
 * The web harness hands a one-time code in the first address. The page hides it from the address
 * bar, then trades it for a session cookie the harness sets (HttpOnly, for this browser session
 * only), so no credential is kept by this script, in storage or in the browser's history. A reload
 * carries on with the cookie; the spent code opens nothing.
 */
async function signIn(): Promise<void> {
  const code = new URLSearchParams(window.location.search).get(HARNESS_CODE_PARAM);
  if (!code) return;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  try {
    const response = await fetch(HARNESS_SESSION_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    // Read to the end: an answer left unread keeps its request open, and the page never settles.
    await response.arrayBuffer();
  } catch {
    // The calls that follow say the service cannot be reached.
  }
}

/** The browser's way in: each call is a POST to the harness on 127.0.0.1, with its session cookie. */
export function connectHarness(): HoldfastApi {
  const signedIn = signIn();
  const call = async (name: CallName, input: unknown): Promise<Result<unknown>> => {
    try {
      await signedIn;
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
