type MenuItem = MenuItemConstructorOptions;
import type { MenuItemConstructorOptions } from 'electron';

/** Options that change the menu between a developer's build and a user's. */
export interface MenuOptions {
  /** Adds reload and developer tools; never true in a packaged app. */
  isDevelopment?: boolean;
}

/**
 * The application menu as plain data: standard roles only, no item that opens a URL or runs
 * custom code, and no developer tools outside development. "About Holdfast" uses the native
 * about panel (filled in with app.setAboutPanelOptions).
 */
export function appMenuTemplate(platform: NodeJS.Platform, options: MenuOptions = {}): MenuItem[] {
  const isMac = platform === 'darwin';
  const appMenu: MenuItem[] = isMac
    ? [
        {
          label: 'Holdfast',
          submenu: [
            { role: 'about', label: 'About Holdfast' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const developerItems: MenuItem[] = options.isDevelopment
    ? [
        { type: 'separator' },
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
      ]
    : [];

  return [
    ...appMenu,
    { label: 'File', submenu: isMac ? [{ role: 'close' }] : [{ role: 'close' }, { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developerItems,
      ],
    },
    {
      label: 'Window',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    { role: 'help', submenu: [{ role: 'about', label: 'About Holdfast' }] },
  ];
}
