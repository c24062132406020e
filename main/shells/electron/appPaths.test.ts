import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from './appPaths';

describe('resolveAppPaths', () => {
  const mainDir = path.join('/opt', 'Holdfast', 'resources', 'app.asar', 'out', 'main');

  it('reads runbooks from resources/ when packaged (electron-builder extraResources)', () => {
    const paths = resolveAppPaths({
      mainDir,
      isPackaged: true,
      resourcesPath: '/opt/Holdfast/resources',
      appPath: '/ignored',
    });
    expect(paths.bundledRunbooksDir).toBe(path.join('/opt/Holdfast/resources', 'runbooks'));
    expect(paths.preloadPath).toBe(
      path.join('/opt/Holdfast/resources/app.asar/out/preload/index.cjs'),
    );
    expect(paths.rendererDir).toBe(path.join('/opt/Holdfast/resources/app.asar/out/renderer'));
  });

  it("reads the repository's runbooks/ in development", () => {
    const paths = resolveAppPaths({
      mainDir: '/repo/out/main',
      isPackaged: false,
      resourcesPath: '/electron/resources',
      appPath: '/repo',
    });
    expect(paths.bundledRunbooksDir).toBe(path.join('/repo', 'runbooks'));
  });
});
