import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from './menu';
import type { MenuItemConstructorOptions } from 'electron';

type Item = MenuItemConstructorOptions;

function allItems(items: Item[]): Item[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? allItems(item.submenu) : []),
  ]);
}

const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];

describe('appMenuTemplate', () => {
  it.each(PLATFORMS)('on %s has no item that runs code or opens a URL', (platform) => {
    for (const isDevelopment of [false, true]) {
      const items = allItems(appMenuTemplate(platform, { isDevelopment }));
      expect(items.filter((item) => item.click !== undefined)).toEqual([]);
      expect(JSON.stringify(items)).not.toMatch(/https?:|mailto:|www\./i);
    }
  });

  it.each(PLATFORMS)('on %s offers no developer tools or reload in a user build', (platform) => {
    const roles = allItems(appMenuTemplate(platform)).map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
  });

  it('adds reload and developer tools in development', () => {
    const roles = allItems(appMenuTemplate('linux', { isDevelopment: true })).map(
      (item) => item.role,
    );
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it.each(PLATFORMS)(
    'on %s has the standard menus, editing and zoom roles, and About Holdfast',
    (platform) => {
      const template = appMenuTemplate(platform);
      const labels = template.map((item) => item.label ?? item.role);
      expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'help']));
      const roles = allItems(template).map((item) => item.role);
      expect(roles).toEqual(
        expect.arrayContaining([
          'undo',
          'redo',
          'cut',
          'copy',
          'paste',
          'selectAll',
          'resetZoom',
          'zoomIn',
          'zoomOut',
          'togglefullscreen',
          'quit',
          'about',
        ]),
      );
      expect(
        allItems(template).some((item) => item.role === 'about' && item.label === 'About Holdfast'),
      ).toBe(true);
    },
  );

  it('puts the app menu first only on macOS', () => {
    expect(appMenuTemplate('darwin')[0]?.label).toBe('Holdfast');
    expect(appMenuTemplate('win32')[0]?.label).toBe('File');
  });
});
