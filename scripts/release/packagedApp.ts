import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where electron-builder put the unpacked app in an output folder, on this system: its
 * executable and its bundled runbooks. Printed as NAME=value lines for a CI environment file.
 */
export function findPackagedApp(
  outputDir: string,
  platform: NodeJS.Platform,
): { executable: string; runbooks: string } {
  const folders = existsSync(outputDir) ? readdirSync(outputDir) : [];
  if (platform === 'darwin') {
    // dist/mac/ on Intel, dist/mac-arm64/ on Apple silicon.
    for (const folder of folders.filter((name) => name.startsWith('mac'))) {
      const bundle = join(outputDir, folder, 'Holdfast.app');
      if (existsSync(bundle))
        return {
          executable: join(bundle, 'Contents', 'MacOS', 'Holdfast'),
          runbooks: join(bundle, 'Contents', 'Resources', 'runbooks'),
        };
    }
  } else {
    const unpacked = folders.find((name) =>
      name.startsWith(platform === 'win32' ? 'win' : 'linux'),
    );
    if (unpacked) {
      const dir = join(outputDir, unpacked);
      const names = platform === 'win32' ? ['Holdfast.exe'] : ['holdfast', 'Holdfast'];
      const executable = names.map((name) => join(dir, name)).find((path) => existsSync(path));
      if (executable) return { executable, runbooks: join(dir, 'resources', 'runbooks') };
    }
  }
  throw new Error(`No unpacked Holdfast for ${platform} in ${outputDir}.`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const found = findPackagedApp(resolve(process.argv[2] ?? 'dist'), process.platform);
  console.log(`HOLDFAST_PACKAGED_EXECUTABLE=${found.executable}`);
  console.log(`HOLDFAST_PACKAGED_RUNBOOKS=${found.runbooks}`);
}
