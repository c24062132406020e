import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  buildBundledManifest,
  bundledManifestSchema,
  compareWithManifest,
  MANIFEST_FILE_NAME,
} from '../main/core/runbooks/bundledManifest';

const USAGE = `usage: tsx scripts/contentManifest.ts                      writes out/main/${MANIFEST_FILE_NAME} from runbooks/
       tsx scripts/contentManifest.ts --check <folder> <manifest>   exit 1 if the folder differs`;

/**
 * The build step that writes the hash manifest of the bundled runbooks, scenarios and national
 * contacts into the main bundle (so it ships inside app.asar), and the check that a folder (the
 * checkout, or a packaged app's copy) is exactly what a manifest lists.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const root = resolve(import.meta.dirname, '..');
  if (args.length === 0) {
    const manifest = await buildBundledManifest(resolve(root, 'runbooks'));
    const out = resolve(root, 'out', 'main', MANIFEST_FILE_NAME);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`${Object.keys(manifest.files).length} bundled files listed in ${out}`);
    return;
  }
  const [flag, folder, manifestPath] = args;
  if (flag !== '--check' || !folder || !manifestPath || args.length !== 3) {
    console.error(USAGE);
    process.exit(2);
  }
  const manifest = bundledManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
  const { changed, added, missing } = await compareWithManifest(resolve(folder), manifest);
  for (const path of changed) console.log(`changed: ${path}`);
  for (const path of added) console.log(`not in the manifest: ${path}`);
  for (const path of missing) console.log(`missing: ${path}`);
  const problems = changed.length + added.length + missing.length;
  console.log(
    problems === 0
      ? `${Object.keys(manifest.files).length} bundled files match ${manifestPath}`
      : `${problems} bundled file${problems === 1 ? '' : 's'} differ from ${manifestPath}`,
  );
  if (problems > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
}
