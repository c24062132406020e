import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, ipcChannel } from '../../contract/calls';
import type { Handlers } from '../../contract/contract';
import { ok } from '../../contract/result';
import { memoryStore } from './settingsStore';
import { startApp, type ElectronModules, type StartOptions } from './lifecycle';
import type { BrowserWindowConstructorOptions } from 'electron';

class FakeApp extends EventEmitter {
  hasLock = true;
  private markReady: () => void = () => {};
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock);
  readonly quit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly setAboutPanelOptions = vi.fn();
  readonly whenReady = vi.fn(() => this.ready);
  readonly getPath = vi.fn((name: string) =>
    name === 'documents' ? '/home/carer/Documents' : '/home/carer/.config/Holdfast',
  );
  readonly getVersion = () => '0.1.0';
  becomeReady(): void {
    this.markReady();
  }
}

class FakeWindow extends EventEmitter {
  static instances: FakeWindow[] = [];
  minimized = false;
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => (this.minimized = false));
  readonly maximize = vi.fn();
  readonly webContents = Object.assign(new EventEmitter(), {
    printToPDF: vi.fn(async (_options: unknown) => new Uint8Array([37, 80, 68, 70])),
  });
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.instances.push(this);
  }
  isMinimized = () => this.minimized;
  isDestroyed = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
}

function fakeElectron(options: { lock?: boolean } = {}) {
  FakeWindow.instances = [];
  const app = new FakeApp();
  app.hasLock = options.lock ?? true;
  const calls: string[] = [];
  const permissionSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  const fakes = {
    app,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    session: {
      get defaultSession() {
        calls.push('defaultSession');
        return permissionSession;
      },
    },
    ipcMain: { handle: vi.fn((_channel: string, _listener: unknown) => {}) },
    BrowserWindow: FakeWindow,
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    shell: { openExternal: vi.fn() },
    dialog: {
      showMessageBox: vi.fn(),
      showMessageBoxSync: vi.fn((_window: unknown, _options: unknown) => 1),
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(async (_window: unknown, _options: { defaultPath?: string }) => ({
        canceled: false,
        filePath: '/media/usb/pack.pdf',
      })),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
  };
  app.whenReady.mockImplementation(() => {
    calls.push('whenReady');
    return app.ready;
  });
  return { fakes, calls, permissionSession, electron: fakes as unknown as ElectronModules };
}

const handlers = Object.fromEntries(
  CALL_NAMES.map((name) => [name, async () => ok(name)]),
) as unknown as Handlers;

function startOptions(overrides: Partial<StartOptions> = {}): StartOptions {
  return {
    platform: 'win32',
    paths: {
      preloadPath: '/app/out/preload/index.cjs',
      rendererDir: '/app/out/renderer',
      bundledRunbooksDir: '/app/resources/runbooks',
      contentManifestPath: '/app/out/main/bundled-content.json',
    },
    createCore: vi.fn(async () => ({ handlers, notices: [], close: async () => undefined })),
    openSettingsStore: memoryStore,
    openWindowStateStore: memoryStore,
    readFile: async () => new Uint8Array(),
    writeFile: vi.fn(async () => {}),
    log: () => {},
    ...overrides,
  };
}

async function started(overrides: Partial<StartOptions> = {}, platform: NodeJS.Platform = 'win32') {
  const setup = fakeElectron();
  setup.fakes.app.becomeReady();
  const options = startOptions({ platform, ...overrides });
  const outcome = await startApp(setup.electron, options);
  return { ...setup, options, outcome, window: FakeWindow.instances[0] };
}

describe('startApp: single instance', () => {
  it('quits at once when another Holdfast already holds the lock', async () => {
    const { fakes, electron } = fakeElectron({ lock: false });
    const options = startOptions();
    expect(await startApp(electron, options)).toBe('already-running');
    expect(fakes.app.quit).toHaveBeenCalled();
    expect(fakes.app.whenReady).not.toHaveBeenCalled();
    expect(options.createCore).not.toHaveBeenCalled();
    expect(FakeWindow.instances).toHaveLength(0);
  });

  it('brings the first window back when a second instance starts', async () => {
    const { fakes, window } = await started();
    window!.minimized = true;
    fakes.app.emit('second-instance');
    expect(window!.restore).toHaveBeenCalled();
    expect(window!.show).toHaveBeenCalled();
    expect(window!.focus).toHaveBeenCalled();
  });

  it('ignores a second instance that arrives before any window exists', () => {
    const { fakes, electron } = fakeElectron();
    void startApp(electron, startOptions());
    expect(() => fakes.app.emit('second-instance')).not.toThrow();
  });
});

describe('startApp: start-up', () => {
  it('registers app:// as privileged and enables the sandbox before ready, and touches the session only after', async () => {
    const { fakes, calls } = await started();
    expect(fakes.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(fakes.app.enableSandbox).toHaveBeenCalled();
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls.indexOf('defaultSession')).toBeGreaterThan(calls.indexOf('whenReady'));
  });

  it('denies permissions, blocks the network and serves app:// from the renderer bundle', async () => {
    const { fakes, permissionSession } = await started();
    expect(permissionSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(permissionSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(permissionSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(fakes.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('builds the core for the desktop shell over userData and the bundled runbooks', async () => {
    const { options } = await started();
    expect(options.createCore).toHaveBeenCalledWith(
      expect.objectContaining({
        dataDir: '/home/carer/.config/Holdfast',
        bundledRunbooksDir: '/app/resources/runbooks',
        shell: 'desktop',
        version: '0.1.0',
        openSettingsStore: options.openSettingsStore,
      }),
    );
  });

  it('registers every call over IPC before the window loads, then opens app://bundle/index.html', async () => {
    const { fakes, window, outcome } = await started();
    expect(outcome).toBe('started');
    expect(fakes.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      CALL_NAMES.map(ipcChannel).sort(),
    );
    expect(fakes.ipcMain.handle.mock.invocationCallOrder.at(-1)).toBeLessThan(
      window!.loadURL.mock.invocationCallOrder[0]!,
    );
    expect(window!.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    expect(window!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('gives the core a savePdf that asks where to save, prints the main window and writes the file', async () => {
    const { fakes, options, window } = await started();
    const coreOptions = vi.mocked(options.createCore).mock.calls[0]![0];
    expect(await coreOptions.savePdf('Rose Lodge grab-bag pack.pdf')).toEqual({
      saved: true,
      path: '/media/usb/pack.pdf',
    });
    expect(fakes.dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: '/home/carer/Documents/Rose Lodge grab-bag pack.pdf',
      }),
    );
    expect(window!.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'A4', printBackground: true }),
    );
    expect(options.writeFile).toHaveBeenCalledWith(
      '/media/usb/pack.pdf',
      new Uint8Array([37, 80, 68, 70]),
    );
  });

  it('gives the core an openProjector that opens one secure second window on an exercise projector route only', async () => {
    const { options } = await started();
    const coreOptions = vi.mocked(options.createCore).mock.calls[0]![0];
    const route = '#/exercises/20260301-0215-a1b2c3/projector';
    expect(await coreOptions.openProjector?.(route)).toEqual({ opened: true });
    expect(FakeWindow.instances).toHaveLength(2);
    const projector = FakeWindow.instances[1]!;
    expect(projector.loadURL).toHaveBeenCalledWith(`app://bundle/index.html${route}`);
    expect(projector.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    // A second click reuses the window; any other route opens nothing.
    expect(await coreOptions.openProjector?.(route)).toEqual({ opened: true });
    expect(FakeWindow.instances).toHaveLength(2);
    expect(await coreOptions.openProjector?.('#/settings')).toEqual({ opened: false });
    expect(
      await coreOptions.openProjector?.('https://attacker.example/#/exercises/x/projector'),
    ).toEqual({ opened: false });
    expect(await coreOptions.openProjector?.(route)).toEqual({ opened: true });
    expect(FakeWindow.instances).toHaveLength(2);
  });

  it('sets a menu without developer tools in a user build', async () => {
    const { fakes } = await started();
    expect(fakes.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(JSON.stringify(fakes.Menu.buildFromTemplate.mock.calls[0]?.[0])).not.toContain(
      'toggleDevTools',
    );
  });

  it('guards every webContents that is created', async () => {
    const { fakes } = await started();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fakes.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('tells the user and quits when the core cannot start, without opening a window', async () => {
    const { fakes, outcome } = await started({
      createCore: async () => Promise.reject(new Error('EACCES')),
    });
    expect(outcome).toBe('failed');
    expect(fakes.dialog.showErrorBox).toHaveBeenCalled();
    expect(fakes.app.quit).toHaveBeenCalled();
    expect(FakeWindow.instances).toHaveLength(0);
  });
});

describe('startApp: dev server', () => {
  it('loads a loopback dev server and adds developer tools', async () => {
    const { fakes, window } = await started({ devServerUrl: 'http://localhost:5173/' });
    expect(window!.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(JSON.stringify(fakes.Menu.buildFromTemplate.mock.calls[0]?.[0])).toContain(
      'toggleDevTools',
    );
  });

  it('ignores a dev server URL that is not on this computer', async () => {
    const { window } = await started({ devServerUrl: 'https://evil.example/' });
    expect(window!.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
  });
});

describe('startApp: closing', () => {
  it.each([
    ['win32', true],
    ['linux', true],
    ['darwin', false],
  ] as const)('on %s quits when the last window closes: %s', async (platform, quits) => {
    const { fakes } = await started({}, platform);
    fakes.app.emit('window-all-closed');
    expect(fakes.app.quit).toHaveBeenCalledTimes(quits ? 1 : 0);
  });

  it.each([
    ['Leave without saving', 0, true],
    ['Stay', 1, false],
  ] as const)(
    'asks before closing a page with unsaved changes; "%s" closes: %s',
    async (_label, choice, closes) => {
      const { fakes, window } = await started();
      fakes.dialog.showMessageBoxSync.mockReturnValue(choice);
      const event = { preventDefault: vi.fn() };
      window!.webContents.emit('will-prevent-unload', event);
      expect(fakes.dialog.showMessageBoxSync).toHaveBeenCalledWith(
        window,
        expect.objectContaining({ message: 'You have changes that are not saved' }),
      );
      expect(event.preventDefault).toHaveBeenCalledTimes(closes ? 1 : 0);
    },
  );

  it('reopens the window when the macOS dock icon is clicked after it closed', async () => {
    const { fakes, window } = await started({}, 'darwin');
    window!.emit('close');
    window!.emit('closed');
    fakes.app.emit('activate');
    expect(FakeWindow.instances).toHaveLength(2);
  });
});
