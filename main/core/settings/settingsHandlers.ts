import type { Handlers } from '../../contract/contract';
import { fail, ok } from '../../contract/result';
import { isPrivateKeyText, keyIdOf, readPublicKey } from '../packs/packSignature';
import type { CareGroupKeyInput, SettingsService } from './settings';

/** Why a list of care group keys cannot be saved (not a key, or the same key twice), or null. */
function careGroupKeyProblem(keys: CareGroupKeyInput[]): string | null {
  const seen = new Map<string, string>();
  for (const { name, publicKeyPem } of keys) {
    if (isPrivateKeyText(publicKeyPem))
      return `The key for “${name}” is a private key, which must stay with the care group. Use the .public.pem file instead.`;
    const key = readPublicKey(publicKeyPem);
    if (!key)
      return `The key for “${name}” is not a care group public key. Use the .public.pem file the care group sent you.`;
    const earlier = seen.get(keyIdOf(key));
    if (earlier !== undefined) return `The key for “${name}” is already added, as “${earlier}”.`;
    seen.set(keyIdOf(key), name);
  }
  return null;
}

/** The `settings.*` calls. */
export function settingsHandlers(
  settings: SettingsService,
  log?: (message: string, error?: unknown) => void,
): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => ok(settings.get()),
    'settings.update': async (patch) => {
      const keyProblem = careGroupKeyProblem(patch.careGroupKeys ?? []);
      if (keyProblem) return fail('INVALID_INPUT', keyProblem);
      try {
        return ok(await settings.update(patch));
      } catch (error: unknown) {
        log?.('settings.update failed', error);
        return fail(
          'STORAGE_FAILED',
          'Your settings could not be saved. Check there is free disk space, then try again.',
        );
      }
    },
  };
}
