import type { KeyValueStore } from '../../core/hostTypes';
import { PRIVATE_FILE_MODE } from '../../core/storage/privateModes';

/** The electron-store options Holdfast uses. */
export interface StoreOptions {
  name: string;
  clearInvalidConfig?: boolean;
  /** Settings name the provider and its contacts: readable by this user only (see privateModes). */
  configFileMode?: number;
}

/**
 * The electron-store class, injected: electron-store loads electron at import time, so only
 * main/index.ts imports it and tests pass a fake.
 */
export type StoreClass = new (options: StoreOptions) => KeyValueStore;

function asKeyValueStore(store: KeyValueStore): KeyValueStore {
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    get path() {
      return store.path;
    },
  };
}

/**
 * The settings store, `<userData>/settings.json`. A corrupt file makes this throw rather than
 * wipe it: the core checks and recovers the file before calling this.
 */
export function openSettingsStore(Store: StoreClass): KeyValueStore {
  return asKeyValueStore(new Store({ name: 'settings', configFileMode: PRIVATE_FILE_MODE }));
}

/** A store that lives only as long as the process; used when the window-state file is unusable. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    path: ':memory:',
  };
}

/**
 * The window-state store, `<userData>/window-state.json`. Losing a window size is harmless, so a
 * corrupt file is reset and an unreadable one replaced by memory: it must never block start-up.
 */
export function openWindowStateStore(
  Store: StoreClass,
  log?: (message: string, error: unknown) => void,
): KeyValueStore {
  try {
    return asKeyValueStore(
      new Store({
        name: 'window-state',
        clearInvalidConfig: true,
        configFileMode: PRIVATE_FILE_MODE,
      }),
    );
  } catch (error: unknown) {
    log?.('Window size will not be remembered this time', error);
    return memoryStore();
  }
}
