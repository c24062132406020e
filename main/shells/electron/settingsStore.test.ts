import { describe, expect, it, vi } from 'vitest';
import type { KeyValueStore } from '../../core/hostTypes';
import { openSettingsStore, openWindowStateStore, type StoreOptions } from './settingsStore';

class FakeStore implements KeyValueStore {
  static opened: StoreOptions[] = [];
  private readonly values = new Map<string, unknown>();
  readonly path: string;
  constructor(options: StoreOptions) {
    FakeStore.opened.push(options);
    this.path = `/userData/${options.name}.json`;
  }
  get(key: string): unknown {
    return this.values.get(key);
  }
  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }
}

describe('openSettingsStore', () => {
  it('opens <userData>/settings.json without clearing an invalid file (the core recovers it first)', () => {
    FakeStore.opened = [];
    const store = openSettingsStore(FakeStore);
    expect(FakeStore.opened).toEqual([{ name: 'settings', configFileMode: 0o600 }]);
    expect(store.path).toBe('/userData/settings.json');
    store.set('organisationName', 'Rose Care');
    expect(store.get('organisationName')).toBe('Rose Care');
  });
});

describe('openWindowStateStore', () => {
  it('uses its own file and resets it when corrupt', () => {
    FakeStore.opened = [];
    expect(openWindowStateStore(FakeStore).path).toBe('/userData/window-state.json');
    expect(FakeStore.opened).toEqual([
      { name: 'window-state', clearInvalidConfig: true, configFileMode: 0o600 },
    ]);
  });

  it('falls back to memory when the file cannot be opened at all', () => {
    const log = vi.fn();
    class Unopenable extends FakeStore {
      constructor(options: StoreOptions) {
        super(options);
        throw new Error('EACCES');
      }
    }
    const store = openWindowStateStore(Unopenable, log);
    store.set('window', 1);
    expect(store.get('window')).toBe(1);
    expect(log).toHaveBeenCalled();
  });
});
