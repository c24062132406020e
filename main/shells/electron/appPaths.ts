import path from 'node:path';
import { MANIFEST_FILE_NAME } from '../../core/runbooks/bundledManifest';

/** Where the built pieces of the app live on disk. */
export interface AppPaths {
  /** The sandboxed preload, built as CommonJS. */
  preloadPath: string;
  /** The renderer bundle served over `app://bundle/`. */
  rendererDir: string;
  /** The read-only bundled runbooks. */
  bundledRunbooksDir: string;
  /** Their hash manifest, written by the build into the main bundle's folder (inside app.asar). */
  contentManifestPath: string;
}

/**
 * Paths for both layouts: a packaged app (runbooks copied beside app.asar by electron-builder's
 * extraResources) and a dev or built checkout (runbooks/ at the repository root).
 */
export function resolveAppPaths(input: {
  /** The folder of the built main bundle, `out/main`. */
  mainDir: string;
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): AppPaths {
  const outDir = path.resolve(input.mainDir, '..');
  return {
    preloadPath: path.join(outDir, 'preload', 'index.cjs'),
    rendererDir: path.join(outDir, 'renderer'),
    contentManifestPath: path.join(outDir, 'main', MANIFEST_FILE_NAME),
    bundledRunbooksDir: input.isPackaged
      ? path.join(input.resourcesPath, 'runbooks')
      : path.join(input.appPath, 'runbooks'),
  };
}
