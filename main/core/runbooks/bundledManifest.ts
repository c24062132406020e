import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { sha256 } from '../lib/hash';

/**
 * The hash manifest of the content that comes with Holdfast: every runbook, every exercise
 * scenario and the national contacts pack, by path inside the bundled runbooks folder. It is
 * written at build time into the app's own code (inside app.asar, which the integrity fuse
 * checks), while the content itself sits beside it as plain files anyone could edit. The app
 * checks each bundled file against it as it reads it, and refuses one that differs.
 */
export const MANIFEST_FILE_NAME = 'bundled-content.json';

export const bundledManifestSchema = z.strictObject({
  format: z.literal('holdfast-bundled-content'),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type BundledManifest = z.infer<typeof bundledManifestSchema>;

/** Files of the bundled folder that the app reads, by their path inside it (forward slashes). */
export async function bundledContentPaths(dir: string): Promise<string[]> {
  const top = await readdir(dir, { withFileTypes: true });
  const paths = top
    .filter((entry) => entry.isFile() && /\.(md|json)$/i.test(entry.name))
    .map((entry) => entry.name);
  const scenarios = await readdir(join(dir, 'scenarios'), { withFileTypes: true }).catch(() => []);
  paths.push(
    ...scenarios.filter((entry) => entry.isFile()).map((entry) => `scenarios/${entry.name}`),
  );
  return paths.sort();
}

/** The manifest of a bundled folder as it is now. */
export async function buildBundledManifest(dir: string): Promise<BundledManifest> {
  const files: Record<string, string> = {};
  for (const path of await bundledContentPaths(dir))
    files[path] = sha256(await readFile(join(dir, ...path.split('/'))));
  return { format: 'holdfast-bundled-content', files };
}

/** Paths whose bytes differ from the manifest, are missing from it, or are listed but gone. */
export async function compareWithManifest(
  dir: string,
  manifest: BundledManifest,
): Promise<{ changed: string[]; added: string[]; missing: string[] }> {
  const now = (await buildBundledManifest(dir)).files;
  const expected = manifest.files;
  return {
    changed: Object.keys(now).filter((path) => path in expected && expected[path] !== now[path]),
    added: Object.keys(now).filter((path) => !(path in expected)),
    missing: Object.keys(expected).filter((path) => !(path in now)),
  };
}

/** Decides, file by file as the app reads them, whether bundled bytes may be used. */
export interface BundledContentGuard {
  /** True if these bytes are the file that came with Holdfast; otherwise the file is remembered as changed. */
  accept(path: string, bytes: Uint8Array): boolean;
  /** Every refused path so far, sorted. */
  changed(): string[];
}

/**
 * A guard over a manifest; null (no manifest: a development checkout or the web harness) accepts
 * everything. A file the manifest does not list is refused too: it did not come with Holdfast.
 */
export function bundledContentGuard(manifest: BundledManifest | null): BundledContentGuard {
  const refused = new Set<string>();
  return {
    accept: (path, bytes) => {
      if (!manifest) return true;
      if (manifest.files[path] === sha256(bytes)) return true;
      refused.add(path);
      return false;
    },
    changed: () => [...refused].sort(),
  };
}

/** The sentence Settings and the home screen show for each refused file. */
export const changedFileNotice = (path: string): string =>
  `A built-in file has changed: ${path}. Reinstall Holdfast.`;

/** The problem listed against a refused file. */
export const REFUSED_PROBLEM =
  'is not the file that came with Holdfast, so it is not used. Reinstall Holdfast.';

/**
 * Reads the manifest written at build time. A packaged app without a readable one refuses every
 * bundled file (each reported) rather than trust them unchecked; a development checkout that was
 * never built gets null, no check.
 */
export async function readBundledManifest(
  path: string,
  required: boolean,
): Promise<BundledManifest | null> {
  try {
    return bundledManifestSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return required ? { format: 'holdfast-bundled-content', files: {} } : null;
  }
}
