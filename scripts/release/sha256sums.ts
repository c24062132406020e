import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** The files a care provider downloads: installers and the portable build. */
export const INSTALLER = /\.(exe|dmg|AppImage|deb)$/;

/** `sha256sum`-style lines ("<hash>  <name>") for every installer in a folder, sorted by name. */
export function sha256Lines(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => INSTALLER.test(name))
    .sort()
    .map((name) => {
      const hash = createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex');
      return `${hash}  ${basename(name)}`;
    });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [dir = 'dist', out = 'SHA256SUMS.txt'] = process.argv.slice(2);
  const lines = sha256Lines(resolve(dir));
  if (lines.length === 0) {
    console.error(`No installers in ${dir}.`);
    process.exit(1);
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
}
