import { MIN_WINDOW_SIZE, type WindowBounds } from './windowState';

/** Shown behind the page while it loads, so a slow start is a calm grey, not a white flash. */
export const WINDOW_BACKGROUND = '#f4f4f1';

/**
 * The main window's options. Every webPreferences field is spelled out, not left to defaults,
 * so a test can prove the renderer has no Node, is sandboxed and isolated, whatever a future
 * Electron default becomes.
 */
export function mainWindowOptions(
  bounds: WindowBounds,
  preloadPath: string,
): Electron.BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Holdfast',
    backgroundColor: WINDOW_BACKGROUND,
    show: false,
    webPreferences: {
      preload: preloadPath,
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
      // A file dropped on the window would otherwise navigate the app to file://.
      navigateOnDragDrop: false,
      // Lets the user stop a page that opens alert() after alert().
      safeDialogs: true,
    },
  };
}

/** The BrowserWindow surface createMainWindow uses. */
export interface MainWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  maximize(): void;
  loadURL(url: string): Promise<void>;
}

/** What createMainWindow needs; BrowserWindow is injected so tests never load electron. */
export interface CreateMainWindowDeps<W extends MainWindow> {
  BrowserWindow: new (options: Electron.BrowserWindowConstructorOptions) => W;
  bounds: WindowBounds;
  isMaximized: boolean;
  preloadPath: string;
  url: string;
  log?: (message: string, error: unknown) => void;
}

/**
 * Creates the main window hidden, loads the app and shows it only once the first paint is
 * ready; a load failure is logged, never thrown.
 */
export function createMainWindow<W extends MainWindow>(deps: CreateMainWindowDeps<W>): W {
  const window = new deps.BrowserWindow(mainWindowOptions(deps.bounds, deps.preloadPath));
  window.once('ready-to-show', () => {
    if (deps.isMaximized) window.maximize();
    window.show();
  });
  window
    .loadURL(deps.url)
    .catch((error: unknown) => deps.log?.(`Could not load ${deps.url}`, error));
  return window;
}
