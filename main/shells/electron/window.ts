import { MIN_WINDOW_SIZE, type WindowBounds } from './windowState';
import type { BrowserWindowConstructorOptions } from 'electron';

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
): BrowserWindowConstructorOptions {
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
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
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

/** The projector opens at a size most projectors show whole; the user can drag it to the second screen. */
export const PROJECTOR_SIZE = { width: 1280, height: 720 } as const;

/** Only exercise projector routes may be opened in a second window. */
const PROJECTOR_ROUTE = /^#\/exercises\/[0-9a-f-]{1,40}\/projector$/;

/**
 * Opens the exercise projector as a second window with exactly the main window's secure options,
 * or points the one already open at the new route, so a second click never stacks windows.
 */
export function openProjectorWindow<
  W extends MainWindow & { isDestroyed(): boolean; focus(): void },
>(deps: {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  existing: W | null;
  preloadPath: string;
  /** The app's entry URL, without a hash. */
  entryUrl: string;
  route: string;
  log?: (message: string, error: unknown) => void;
}): W | null {
  // The route comes from the core, but a second window must never load anything else.
  if (!PROJECTOR_ROUTE.test(deps.route)) return null;
  const url = `${deps.entryUrl}${deps.route}`;
  if (deps.existing && !deps.existing.isDestroyed()) {
    deps.existing
      .loadURL(url)
      .catch((error: unknown) => deps.log?.(`Could not load ${url}`, error));
    deps.existing.focus();
    return deps.existing;
  }
  return createMainWindow({
    BrowserWindow: deps.BrowserWindow,
    bounds: PROJECTOR_SIZE,
    isMaximized: false,
    preloadPath: deps.preloadPath,
    url,
    ...(deps.log ? { log: deps.log } : {}),
  });
}

/** What the close question needs of a window: its page, which says when it has unsaved changes. */
export interface UnloadGuardedWindow {
  webContents: {
    on(
      event: 'will-prevent-unload',
      listener: (event: { preventDefault(): void }) => void,
    ): unknown;
  };
}

/** The buttons of the close question, in order; "Stay" is also what Escape chooses. */
export const CLOSE_WITH_CHANGES_BUTTONS = ['Leave without saving', 'Stay'] as const;

/**
 * Closing or reloading the window while the page has changes that are not saved (the page says
 * so in `beforeunload`): Electron closes without a word unless the main process asks, so it asks
 * here. `ask` shows the question and returns the index of the chosen button.
 */
export function askBeforeClosingWithChanges(
  window: UnloadGuardedWindow,
  ask: (question: {
    type: 'question';
    title: string;
    message: string;
    detail: string;
    buttons: string[];
    defaultId: number;
    cancelId: number;
  }) => number,
): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = ask({
      type: 'question',
      title: 'Holdfast',
      message: 'You have changes that are not saved',
      detail: 'If you close now, the changes you made are lost. Choose Stay, then save them.',
      buttons: [...CLOSE_WITH_CHANGES_BUTTONS],
      defaultId: 1,
      cancelId: 1,
    });
    // Preventing the default of this event is how Electron is told to close anyway.
    if (choice === 0) event.preventDefault();
  });
}
