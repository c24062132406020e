import { CALL_NAMES } from '../../main/contract/calls';
import type { HoldfastApi } from '../../main/contract/contract';
import type { Result } from '../../main/contract/result';

declare global {
  interface Window {
    /** Present in the desktop app: built by the preload from the same call list. */
    holdfast?: HoldfastApi;
  }
}

const MISSING: Result<unknown> = {
  ok: false,
  error: {
    code: 'NOT_AVAILABLE',
    message:
      'Holdfast could not reach its own background service. This page only works inside the Holdfast desktop app.',
  },
};

/**
 * The desktop app's way in: the preload's IPC bridge. Without it (this build opened in a plain
 * browser) every call fails with words the user can act on, instead of the screen breaking.
 */
export function connectDesktop(): HoldfastApi {
  if (window.holdfast) return window.holdfast;
  // Typed like every call (one input), so the object has the contract's shape.
  const unavailable = (_input: unknown): Promise<Result<unknown>> => Promise.resolve(MISSING);
  return Object.fromEntries(CALL_NAMES.map((name) => [name, unavailable])) as HoldfastApi;
}
