import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { sha256 } from '../lib/hash';
import { HEAD_FILE, checkLogFiles, type LogCheck } from './logHead';

export const EVIDENCE_MANIFEST = 'holdfast-evidence.json';

/** Every file under `dir`, by its path inside it with forward slashes; links are never followed. */
async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const info = await lstat(join(dir, name));
    if (info.isDirectory()) found.push(...(await filesUnder(join(dir, name), `${prefix}${name}/`)));
    else if (info.isFile()) found.push(`${prefix}${name}`);
  }
  return found;
}

/**
 * One incident's (or exercise's) folder as a zip, every file exactly as it is on disk, for
 * investigating a damaged or disputed log: nothing is repaired or re-written first. A manifest
 * lists each file's SHA-256 and size, when the copy was made, and what checking the log against
 * its head record found, so the copy can be shown to be the files as they were.
 */
export async function exportEvidenceFolder(
  folder: string,
  id: string,
  created: Date,
): Promise<{ zip: Uint8Array; files: number; check: LogCheck | null }> {
  const paths = await filesUnder(folder);
  const files = await Promise.all(
    paths.map(async (path) => ({
      path,
      bytes: new Uint8Array(await readFile(join(folder, ...path.split('/')))),
    })),
  );
  const log = files.find((file) => file.path === 'log.jsonl');
  const head = files.find((file) => file.path === HEAD_FILE);
  const check = log ? checkLogFiles(log.bytes, head?.bytes ?? null) : null;
  const manifest = {
    format: 'holdfast-evidence',
    formatVersion: 1,
    id,
    created: created.toISOString(),
    check,
    files: files.map(({ path, bytes }) => ({
      path,
      sha256: sha256(bytes),
      bytes: bytes.byteLength,
    })),
  };
  const zip = zipSync(
    {
      [EVIDENCE_MANIFEST]: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
      ...Object.fromEntries(files.map(({ path, bytes }) => [`${id}/${path}`, bytes])),
    },
    { mtime: created },
  );
  return { zip, files: files.length, check };
}
