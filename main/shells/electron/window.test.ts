import { describe, expect, it, vi } from 'vitest';
import { exerciseProjectorRoute } from '../../contract/routes';
import {
  createMainWindow,
  mainWindowOptions,
  openProjectorWindow,
  type MainWindow,
} from './window';
import { MIN_WINDOW_SIZE } from './windowState';
import type { BrowserWindowConstructorOptions } from 'electron';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ width: 1000, height: 700 }, '/app/out/preload/index.cjs');

  it('locks down the renderer: no Node, sandboxed, isolated, web security on', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  it('never enables Blink features', () => {
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('stays hidden until the first paint, with a minimum size and a readable background', () => {
    expect(options.show).toBe(false);
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.width).toBe(1000);
    expect(options.height).toBe(700);
  });
});

class FakeWindow implements MainWindow {
  static created: FakeWindow[] = [];
  readyListener: (() => void) | null = null;
  show = vi.fn();
  maximize = vi.fn();
  loadURL = vi.fn(async (_url: string) => {});
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.created.push(this);
  }
  once(_event: 'ready-to-show', listener: () => void): this {
    this.readyListener = listener;
    return this;
  }
}

describe('createMainWindow', () => {
  it('loads the app hidden and shows it only when ready', () => {
    const window = createMainWindow({
      BrowserWindow: FakeWindow,
      bounds: { width: 900, height: 600 },
      isMaximized: true,
      preloadPath: '/p.cjs',
      url: 'app://bundle/index.html',
    });
    expect(window.options.webPreferences?.sandbox).toBe(true);
    expect(window.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.readyListener?.();
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
  });

  it('logs a failed load instead of throwing', async () => {
    const log = vi.fn();
    class FailingWindow extends FakeWindow {
      override loadURL = vi.fn(async () => {
        throw new Error('ERR_FILE_NOT_FOUND');
      });
    }
    createMainWindow({
      BrowserWindow: FailingWindow,
      bounds: { width: 900, height: 600 },
      isMaximized: false,
      preloadPath: '/p.cjs',
      url: 'app://bundle/index.html',
      log,
    });
    await vi.waitFor(() => expect(log).toHaveBeenCalled());
  });
});

describe('openProjectorWindow', () => {
  class FakeProjector extends FakeWindow {
    isDestroyed = vi.fn(() => false);
    focus = vi.fn();
  }
  // The route exactly as the core hands it out, so the allow-list and the contract cannot drift apart.
  const route = exerciseProjectorRoute('20260301-1000-a1b2c3');

  it('opens a second window with the same secure options, at the projector route', () => {
    const window = openProjectorWindow({
      BrowserWindow: FakeProjector,
      existing: null,
      preloadPath: '/p.cjs',
      entryUrl: 'app://bundle/index.html',
      route,
    });
    expect(window?.options.webPreferences).toEqual(
      mainWindowOptions({ width: 1, height: 1 }, '/p.cjs').webPreferences,
    );
    expect(window?.loadURL).toHaveBeenCalledWith(`app://bundle/index.html${route}`);
  });

  it('reuses the projector already open instead of stacking windows', () => {
    const existing = new FakeProjector(mainWindowOptions({ width: 1, height: 1 }, '/p.cjs'));
    const window = openProjectorWindow({
      BrowserWindow: FakeProjector,
      existing,
      preloadPath: '/p.cjs',
      entryUrl: 'app://bundle/index.html',
      route,
    });
    expect(window).toBe(existing);
    expect(existing.loadURL).toHaveBeenCalledWith(`app://bundle/index.html${route}`);
    expect(existing.focus).toHaveBeenCalled();
  });

  it('refuses any route that is not an exercise projector', () => {
    for (const bad of ['#/settings', 'https://example.com', '#/exercises/../../x/projector']) {
      expect(
        openProjectorWindow({
          BrowserWindow: FakeProjector,
          existing: null,
          preloadPath: '/p.cjs',
          entryUrl: 'app://bundle/index.html',
          route: bad,
        }),
      ).toBeNull();
    }
  });
});
