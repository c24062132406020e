import type { Core } from '../../core/createCore';
import type { CoreOptions, KeyValueStore } from '../../core/hostTypes';
import type { BundledManifest } from '../../core/runbooks/bundledManifest';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, devServerOrigin } from './appOrigin';
import type { AppPaths } from './appPaths';
import { savePdfFromWindow } from './pdf';
import { registerIpc } from './ipc/registerIpc';
import { appMenuTemplate } from './menu';
import { createProtocolHandler } from './protocol';
import {
  blockNetworkRequests,
  denyAllPermissions,
  installWebContentsGuards,
  openExternalSafely,
  type PermissionSession,
} from './security';
import { askBeforeClosingWithChanges, createMainWindow, openProjectorWindow } from './window';
import { createWindowStateKeeper } from './windowState';
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  Menu,
  Protocol,
  Screen,
  Shell,
  WebRequest,
} from 'electron';

/** The electron modules the app uses, injected so tests can run the lifecycle with fakes. */
export interface ElectronModules {
  app: Pick<
    App,
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'on'
    | 'whenReady'
    | 'getPath'
    | 'getVersion'
    | 'enableSandbox'
    | 'setAboutPanelOptions'
  >;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  /** Read only after `ready`: Electron throws if defaultSession is touched earlier. */
  session: {
    readonly defaultSession: PermissionSession & {
      webRequest: Pick<WebRequest, 'onBeforeRequest'>;
    };
  };
  ipcMain: Pick<IpcMain, 'handle'>;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  shell: Pick<Shell, 'openExternal'>;
  dialog: Pick<Dialog, 'showMessageBox' | 'showMessageBoxSync' | 'showErrorBox' | 'showSaveDialog'>;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
}

/** Everything startApp needs that is not an electron module. */
export interface StartOptions {
  platform: NodeJS.Platform;
  paths: AppPaths;
  /** ELECTRON_RENDERER_URL, passed only when the app is not packaged. */
  devServerUrl?: string | undefined;
  createCore: (options: CoreOptions) => Promise<Core>;
  openSettingsStore: () => KeyValueStore;
  openWindowStateStore: () => KeyValueStore;
  readFile: (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;
  /** The build's hash manifest of the bundled content (see core/runbooks/bundledManifest.ts). */
  readBundledManifest?: () => Promise<BundledManifest | null>;
  /** Writes a file the user chose to save (a PDF) whole, or fails. */
  writeFile: (filePath: string, data: Uint8Array) => Promise<void>;
  log?: (message: string, error?: unknown) => void;
}

/** How startApp ended. */
export type StartOutcome = 'started' | 'already-running' | 'failed';

type FocusableWindow = Pick<
  BrowserWindow,
  'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'
>;

/** Brings an existing window to the front, restoring it if minimised. */
export function focusWindow(window: FocusableWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Runs Holdfast's main process: one instance only (two instances must never write the same
 * files), app:// registered and served with the CSP, permissions and network refused, every
 * webContents guarded, IPC registered before the window exists, then the main window.
 */
export async function startApp(
  electron: ElectronModules,
  options: StartOptions,
): Promise<StartOutcome> {
  const { app } = electron;
  const log =
    options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));

  // Both must happen before `ready`. codeCache: V8 keeps the window's compiled scripts between
  // starts, as it does for web pages, so every start after the first skips compiling React and
  // the first screen again (Chromium gives a custom scheme no code cache unless asked).
  electron.protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return 'already-running';
  }

  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });

  const devOrigin = devServerOrigin(options.devServerUrl);
  const appOrigin = devOrigin ?? APP_ORIGIN;
  const openExternal = (url: string) =>
    openExternalSafely(url, {
      shell: electron.shell,
      dialog: electron.dialog,
      parentWindow: mainWindow && !mainWindow.isDestroyed() ? mainWindow : null,
      log,
    });

  // Every webContents, including any the app did not expect, gets the navigation guards.
  app.on('web-contents-created', (_event, contents) =>
    installWebContentsGuards(contents, { appOrigin, openExternal }),
  );

  await app.whenReady();

  const session = electron.session.defaultSession;
  denyAllPermissions(session);
  blockNetworkRequests(session.webRequest, devOrigin);
  electron.protocol.handle(
    APP_SCHEME,
    createProtocolHandler({ rootDir: options.paths.rendererDir, readFile: options.readFile, log }),
  );

  // The exercise projector: a second window with the main window's options, one at a time.
  let projectorWindow: BrowserWindow | null = null;
  const openProjector = async (route: string) => {
    const opened = openProjectorWindow({
      BrowserWindow: electron.BrowserWindow,
      existing: projectorWindow,
      preloadPath: options.paths.preloadPath,
      entryUrl: devOrigin && options.devServerUrl ? options.devServerUrl : APP_ENTRY_URL,
      route,
      log,
    });
    // A refused route must not forget the window already open, or the next click would stack another.
    if (opened) projectorWindow = opened;
    return { opened: opened !== null };
  };

  let core: Core;
  try {
    core = await options.createCore({
      dataDir: app.getPath('userData'),
      bundledRunbooksDir: options.paths.bundledRunbooksDir,
      bundledManifest: (await options.readBundledManifest?.()) ?? null,
      shell: 'desktop',
      version: app.getVersion(),
      openSettingsStore: options.openSettingsStore,
      openExternal,
      savePdf: (suggestedName) =>
        savePdfFromWindow(suggestedName, {
          window: () => mainWindow,
          dialog: electron.dialog,
          defaultDir: () => app.getPath('documents'),
          writeFile: options.writeFile,
          log,
        }),
      openProjector,
      log,
    });
  } catch (error: unknown) {
    log('The core could not start', error);
    electron.dialog.showErrorBox(
      'Holdfast could not start',
      'Holdfast could not open its data folder. Your saved work has not been changed. Open Holdfast again; if this keeps happening, use your printed incident plan and call your IT supplier.',
    );
    app.quit();
    return 'failed';
  }
  for (const notice of core.notices) log(`[${notice.level}] ${notice.message}`);
  // Best effort: a lock left by a crash is taken over at the next start (its process is gone).
  app.on(
    'will-quit',
    () => void core.close().catch((error: unknown) => log('closing the core failed', error)),
  );

  registerIpc(electron.ipcMain, { handlers: core.handlers, appOrigin, log });
  app.setAboutPanelOptions({ applicationName: 'Holdfast', applicationVersion: app.getVersion() });
  electron.Menu.setApplicationMenu(
    electron.Menu.buildFromTemplate(
      appMenuTemplate(options.platform, { isDevelopment: devOrigin !== null }),
    ),
  );

  const windowState = createWindowStateKeeper({
    store: options.openWindowStateStore(),
    screen: electron.screen,
    log,
  });
  const openMainWindow = (): void => {
    const state = windowState.initialState();
    const window = createMainWindow({
      BrowserWindow: electron.BrowserWindow,
      bounds: state.bounds,
      isMaximized: state.isMaximized,
      preloadPath: options.paths.preloadPath,
      url: devOrigin && options.devServerUrl ? options.devServerUrl : APP_ENTRY_URL,
      log,
    });
    windowState.track(window);
    askBeforeClosingWithChanges(window, (question) =>
      electron.dialog.showMessageBoxSync(window, question),
    );
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };
  openMainWindow();

  // macOS keeps the app running with no window; clicking the dock icon opens one again.
  app.on('activate', () => {
    if (!mainWindow) openMainWindow();
  });
  return 'started';
}
