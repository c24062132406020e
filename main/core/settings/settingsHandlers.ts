import type { Handlers } from '../../contract/contract';
import { fail, ok } from '../../contract/result';
import type { SettingsService } from './settings';

/** The `settings.*` calls. */
export function settingsHandlers(
  settings: SettingsService,
  log?: (message: string, error?: unknown) => void,
): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => ok(settings.get()),
    'settings.update': async (patch) => {
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
