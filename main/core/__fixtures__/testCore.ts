import { resolve } from 'node:path';
import Conf from 'conf';
import { createCore, type Core } from '../createCore';
import type { CoreOptions } from '../hostTypes';
import { PRIVATE_FILE_MODE } from '../storage/privateModes';

/** The repository's bundled runbooks folder. */
export const BUNDLED_DIR = resolve(import.meta.dirname, '../../../runbooks');

/**
 * The core as the web harness builds it (Conf settings store, same file names) over `dataDir`,
 * with a fixed clock of 1 March 2026 02:15:30 UTC; tests override what they observe.
 */
export function startTestCore(
  dataDir: string,
  overrides: Partial<CoreOptions> = {},
): Promise<Core> {
  return createCore({
    dataDir,
    bundledRunbooksDir: BUNDLED_DIR,
    shell: 'web-harness',
    version: 'test',
    openSettingsStore: () =>
      new Conf({
        cwd: dataDir,
        configName: 'settings',
        projectName: 'holdfast',
        configFileMode: PRIVATE_FILE_MODE,
      }),
    openExternal: async () => ({ opened: false }),
    savePdf: async () => ({ saved: false, reason: 'Not available in tests.' }),
    now: () => new Date('2026-03-01T02:15:30.000Z'),
    ...overrides,
  });
}

/**
 * Cores started one after another over the same folder, each closing the one before as a restart
 * of the app would (a core left running holds the data folder, and the next would open read-only).
 */
export function restartingCores(
  dataDir: () => string,
  overrides: () => Partial<CoreOptions> = () => ({}),
) {
  let running: Core | undefined;
  return {
    start: async (): Promise<Core> => {
      await running?.close();
      running = await startTestCore(dataDir(), overrides());
      return running;
    },
    stop: async (): Promise<void> => {
      await running?.close();
      running = undefined;
    },
  };
}
