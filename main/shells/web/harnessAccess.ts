import { createHash, randomBytes } from 'node:crypto';
import { exerciseIdSchema } from '../../contract/exerciseSchemas';

/** What a credential may do: everything, or show one exercise's projector and nothing else. */
export type AccessScope = { kind: 'full' } | { kind: 'projector'; exercise: string };

/**
 * How long an address's one-time code can be used. Long enough to copy the printed address into a
 * browser; after that (or after its first use) the code opens nothing.
 */
export const ONE_TIME_CODE_MS = 10 * 60_000;

/** The one call a projector credential may make. */
export const PROJECTOR_CALL = 'exercises.projector';

const secret = (): string => randomBytes(24).toString('base64url');
/** Credentials are looked up by their hash, so a lookup never compares the secret itself. */
const keyOf = (secretText: string): string =>
  createHash('sha256').update(secretText, 'utf8').digest('base64url');

/**
 * The harness's credentials. An address carries only a one-time code; opening the page spends it
 * once for a session credential that travels in an HttpOnly cookie, so the credential that opens the
 * core is never in an address, the page's script or the browser's history files.
 */
export function createHarnessAccess(options: { now?: () => number; codeLifetimeMs?: number } = {}) {
  const now = options.now ?? Date.now;
  const lifetime = options.codeLifetimeMs ?? ONE_TIME_CODE_MS;
  const codes = new Map<string, { scope: AccessScope; expires: number }>();
  const sessions = new Map<string, AccessScope>();

  const forget = (): void => {
    for (const [key, code] of codes) if (code.expires <= now()) codes.delete(key);
  };

  return {
    /** A fresh code for one address; it works once, within its lifetime. */
    issueCode(scope: AccessScope): string {
      forget();
      const code = secret();
      codes.set(keyOf(code), { scope, expires: now() + lifetime });
      return code;
    },

    /** Trades a code for a new session credential; the code is spent whatever the outcome. */
    redeem(code: string): { token: string; scope: AccessScope } | null {
      const key = keyOf(code);
      const found = codes.get(key);
      codes.delete(key);
      if (!found || found.expires <= now()) return null;
      const token = secret();
      sessions.set(keyOf(token), found.scope);
      return { token, scope: found.scope };
    },

    /** A session credential made directly, for tools that call the API without a browser. */
    addSession(scope: AccessScope): string {
      const token = secret();
      sessions.set(keyOf(token), scope);
      return token;
    },

    scopeOf(token: string | undefined): AccessScope | undefined {
      return token ? sessions.get(keyOf(token)) : undefined;
    },
  };
}

export type HarnessAccess = ReturnType<typeof createHarnessAccess>;

/** The exercise a projector route names, or null for any other route. */
export function projectorExerciseOf(route: string): string | null {
  const id = /^#\/exercises\/([^/]+)\/projector$/.exec(route)?.[1];
  return id && exerciseIdSchema.safeParse(id).success ? id : null;
}

/**
 * Whether a credential may make a call: a full one anything, a projector one only the projector's
 * read of its own exercise (every write, and every other exercise, is refused).
 */
export function scopeAllows(scope: AccessScope, call: string, input: unknown): boolean {
  if (scope.kind === 'full') return true;
  return (
    call === PROJECTOR_CALL &&
    typeof input === 'object' &&
    input !== null &&
    (input as { id?: unknown }).id === scope.exercise
  );
}
