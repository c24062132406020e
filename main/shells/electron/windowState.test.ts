import { describe, expect, it, vi } from 'vitest';
import {
  createWindowStateKeeper,
  DEFAULT_WINDOW_SIZE,
  fitToDisplays,
  parseWindowState,
  type WindowState,
} from './windowState';
import { memoryStore } from './settingsStore';
import type { Screen } from 'electron';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 860 };
const MONITOR_RIGHT = { x: 1440, y: 0, width: 1920, height: 1040 };

describe('parseWindowState', () => {
  it('accepts a saved state', () => {
    expect(
      parseWindowState({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, isMaximized: true }),
    ).toEqual({
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      isMaximized: true,
    });
  });

  it('keeps the size but drops a garbage position', () => {
    expect(parseWindowState({ bounds: { x: 'left', y: 20, width: 1000, height: 700 } })).toEqual({
      bounds: { width: 1000, height: 700 },
      isMaximized: false,
    });
  });

  it.each([
    null,
    'big',
    [],
    {},
    { bounds: null },
    { bounds: { width: 0, height: 700 } },
    { bounds: { width: 10, height: 10 } },
    { bounds: { width: 1e9, height: 700 } },
    { bounds: { width: Number.NaN, height: 700 } },
    { bounds: { width: 1000.5, height: 700 } },
    { bounds: { width: '1000', height: 700 } },
    { bounds: { width: 1000, height: 700 }, isMaximized: 'yes' },
  ])('ignores %j', (raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });
});

describe('fitToDisplays', () => {
  it('centres the default size on the primary display on first run', () => {
    const { bounds } = fitToDisplays(null, [LAPTOP], LAPTOP);
    expect(bounds.width).toBe(DEFAULT_WINDOW_SIZE.width);
    expect(bounds.x).toBe(Math.round((LAPTOP.width - DEFAULT_WINDOW_SIZE.width) / 2));
  });

  it('keeps a window that is fully on a display', () => {
    const saved: WindowState = {
      bounds: { x: 1600, y: 50, width: 1200, height: 800 },
      isMaximized: false,
    };
    expect(fitToDisplays(saved, [LAPTOP, MONITOR_RIGHT], LAPTOP)).toEqual(saved);
  });

  it('moves a window saved on an unplugged monitor back to the primary display', () => {
    const saved: WindowState = {
      bounds: { x: 1600, y: 50, width: 1200, height: 800 },
      isMaximized: true,
    };
    const fitted = fitToDisplays(saved, [LAPTOP], LAPTOP);
    expect(fitted.isMaximized).toBe(true);
    expect(fitted.bounds.x).toBeGreaterThanOrEqual(LAPTOP.x);
    expect(fitted.bounds.x! + fitted.bounds.width).toBeLessThanOrEqual(LAPTOP.x + LAPTOP.width);
    expect(fitted.bounds.y! + fitted.bounds.height).toBeLessThanOrEqual(LAPTOP.y + LAPTOP.height);
  });

  it('treats a window with only a sliver showing as lost', () => {
    const saved: WindowState = {
      bounds: { x: LAPTOP.width - 20, y: 100, width: 1000, height: 700 },
      isMaximized: false,
    };
    const fitted = fitToDisplays(saved, [LAPTOP], LAPTOP);
    expect(fitted.bounds.x).toBe(Math.round((LAPTOP.width - 1000) / 2));
  });

  it('pulls a half-off-screen window fully on and shrinks one larger than the display', () => {
    const partly = fitToDisplays(
      { bounds: { x: 1000, y: -200, width: 1000, height: 700 }, isMaximized: false },
      [LAPTOP],
      LAPTOP,
    );
    expect(partly.bounds).toEqual({ x: 440, y: 0, width: 1000, height: 700 });
    const huge = fitToDisplays(
      { bounds: { x: 0, y: 0, width: 3000, height: 2000 }, isMaximized: false },
      [LAPTOP],
      LAPTOP,
    );
    expect(huge.bounds).toEqual({ x: 0, y: 0, width: LAPTOP.width, height: LAPTOP.height });
  });
});

describe('createWindowStateKeeper', () => {
  const screen = {
    getAllDisplays: () => [{ workArea: LAPTOP }],
    getPrimaryDisplay: () => ({ workArea: LAPTOP }),
  } as unknown as Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;

  it('saves the normal bounds on close and restores them next time', () => {
    const store = memoryStore();
    const keeper = createWindowStateKeeper({ store, screen });
    let onClose: (() => void) | null = null;
    keeper.track({
      on: (_event, listener) => (onClose = listener),
      getNormalBounds: () => ({ x: 100, y: 50, width: 1000, height: 700 }),
      isMaximized: () => true,
    });
    onClose!();
    expect(createWindowStateKeeper({ store, screen }).initialState()).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      isMaximized: true,
    });
  });

  it('falls back to the default when the store holds garbage or cannot be read', () => {
    const garbage = memoryStore();
    garbage.set('window', { bounds: { width: -5 } });
    expect(createWindowStateKeeper({ store: garbage, screen }).initialState().bounds.width).toBe(
      DEFAULT_WINDOW_SIZE.width,
    );
    const log = vi.fn();
    const broken = {
      get: () => {
        throw new Error('EACCES');
      },
      set: () => {},
    };
    expect(
      createWindowStateKeeper({ store: broken, screen, log }).initialState().bounds.width,
    ).toBe(DEFAULT_WINDOW_SIZE.width);
    expect(log).toHaveBeenCalled();
  });

  it('never blocks closing when saving fails', () => {
    const keeper = createWindowStateKeeper({
      store: {
        get: () => undefined,
        set: () => {
          throw new Error('ENOSPC');
        },
      },
      screen,
    });
    let onClose: (() => void) | null = null;
    keeper.track({
      on: (_event, listener) => (onClose = listener),
      getNormalBounds: () => LAPTOP,
      isMaximized: () => false,
    });
    expect(() => onClose!()).not.toThrow();
  });
});
