import { hostname, userInfo } from 'node:os';
import type { DeviceIdentity } from './evidenceChain';

/** A name as the system gave it, or undefined when it gave none (never a made-up stand-in). */
function named(read: () => string): string | undefined {
  try {
    const name = read().trim().slice(0, 255);
    return name === '' ? undefined : name;
  } catch {
    // userInfo() throws when the account has no entry in the system's user list (some containers).
    return undefined;
  }
}

/**
 * The computer the core runs on: its name and the signed-in user, as the operating system says.
 * Read by the core, never sent by a screen, so an entry's device cannot be claimed by whoever
 * types it. Undefined when the system names neither.
 */
export function thisDevice(): DeviceIdentity | undefined {
  const host = named(hostname);
  const user = named(() => userInfo().username);
  if (host === undefined && user === undefined) return undefined;
  return { ...(host === undefined ? {} : { host }), ...(user === undefined ? {} : { user }) };
}
