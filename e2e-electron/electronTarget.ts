import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What the desktop journeys start: a packaged app, the checkout's built app, or nothing. */
export type ElectronTarget =
  | { kind: 'packaged'; executablePath: string; args: string[] }
  | { kind: 'checkout'; executablePath: string; args: string[] }
  | { kind: 'missing'; why: string };

/**
 * Finds an Electron binary without starting it. HOLDFAST_APP_EXECUTABLE names a packaged app
 * (the release workflow sets it); otherwise the electron package's own binary runs the built
 * checkout (out/main). The package writes path.txt only once its binary has been downloaded, so
 * `ELECTRON_SKIP_BINARY_DOWNLOAD=1` installs, as on machines without one, find nothing.
 */
export function findElectronTarget(
  repoRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): ElectronTarget {
  const packaged = env['HOLDFAST_APP_EXECUTABLE'];
  if (packaged) {
    return existsSync(packaged)
      ? { kind: 'packaged', executablePath: packaged, args: [] }
      : { kind: 'missing', why: `HOLDFAST_APP_EXECUTABLE names ${packaged}, which does not exist` };
  }
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron'));
  } catch {
    return { kind: 'missing', why: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile))
    return { kind: 'missing', why: `${pathFile} was never written: the binary was not downloaded` };
  const executablePath = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executablePath))
    return { kind: 'missing', why: `${executablePath} does not exist` };
  if (!existsSync(join(repoRoot, 'out', 'main', 'index.js')))
    return { kind: 'missing', why: 'the app is not built: run npm run build first' };
  return { kind: 'checkout', executablePath, args: [repoRoot] };
}
