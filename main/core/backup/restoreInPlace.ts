import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDir } from '../storage/durableFile';
import { PRIVATE_DIRS } from '../storage/privateModes';
import { writeCheckedBackup, type CheckedBackup } from './dataBackup';
import { isBackedUpEntry } from './dataFolderEntries';

/** "2026-12-05 03-10-42": sorts by date and is a valid folder name on every system. */
const folderStamp = (when: Date): string =>
  when.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');

/**
 * Replaces the data in `dataDir` with a checked backup, never mixing the two: the backup is
 * written in full to a folder beside it, the core is closed, the current data moves to a dated
 * folder beside the data folder ("<name> before restore <date>"), and the restored data moves
 * in. If a move fails, what moved is put back and the error is thrown.
 */
export async function restoreInPlace(
  backup: CheckedBackup,
  dataDir: string,
  when: Date,
  closeCore: () => Promise<void>,
): Promise<{ setAside: string }> {
  const parent = dirname(dataDir);
  const restoredDir = join(
    parent,
    `${basename(dataDir)}.restored-${randomBytes(4).toString('hex')}`,
  );
  await writeCheckedBackup(backup, restoredDir);
  await closeCore();
  let setAside = join(parent, `${basename(dataDir)} before restore ${folderStamp(when)}`);
  for (let attempt = 2; (await readdir(setAside).catch(() => null)) !== null; attempt += 1)
    setAside = join(
      parent,
      `${basename(dataDir)} before restore ${folderStamp(when)} (${attempt})`,
    );
  await mkdir(setAside, PRIVATE_DIRS);
  const movedAside: string[] = [];
  const movedIn: string[] = [];
  try {
    for (const name of (await readdir(dataDir)).filter(isBackedUpEntry)) {
      await rename(join(dataDir, name), join(setAside, name));
      movedAside.push(name);
    }
    for (const name of (await readdir(restoredDir)).filter(isBackedUpEntry)) {
      await rename(join(restoredDir, name), join(dataDir, name));
      movedIn.push(name);
    }
  } catch (error: unknown) {
    for (const name of movedIn) await rm(join(dataDir, name), { recursive: true, force: true });
    for (const name of movedAside) await rename(join(setAside, name), join(dataDir, name));
    await rm(setAside, { recursive: true, force: true });
    await rm(restoredDir, { recursive: true, force: true });
    throw error;
  }
  await rm(restoredDir, { recursive: true, force: true });
  await fsyncDir(dataDir);
  await fsyncDir(parent);
  return { setAside };
}

/**
 * Removes what a restore stopped partway (the app closed, the power cut) left beside the data
 * folder: a part-written `<data>.restoring-…` or a not-yet-moved `<data>.restored-…` copy. The
 * data folder itself was not changed by then, so nothing is lost. Returns the names removed.
 */
export async function cleanUpStoppedRestores(dataDir: string): Promise<string[]> {
  const parent = dirname(dataDir);
  const prefix = `${basename(dataDir)}.`;
  const names = await readdir(parent).catch(() => [] as string[]);
  // Only this folder's own: "<data>.restoring-…", "<data>.restored-…" and its ".restoring-…".
  const stopped = names.filter(
    (name) =>
      name.startsWith(prefix) &&
      /^(restoring|restored)-[0-9a-f]{8}(\.restoring-[0-9a-f]{8})?$/.test(
        name.slice(prefix.length),
      ),
  );
  for (const name of stopped) await rm(join(parent, name), { recursive: true, force: true });
  return stopped;
}
