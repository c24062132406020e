import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDir } from '../storage/durableFile';
import { PRIVATE_DIRS } from '../storage/privateModes';
import { writeCheckedBackup, type CheckedBackup } from './dataBackup';
import { isBackedUpEntry } from './dataFolderEntries';
import {
  nodeRestoreFs,
  putBack,
  removeRestoreJournal,
  writeRestoreJournal,
  type RestoreFs,
  type RestoreJournal,
} from './restoreJournal';

/** "2026-12-05 03-10-42": sorts by date and is a valid folder name on every system. */
const folderStamp = (when: Date): string =>
  when.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');

/**
 * Replaces the data in `dataDir` with a checked backup, never mixing the two: the backup is
 * written in full to a folder beside it, the core is closed, the current data moves to a dated
 * folder beside the data folder ("<name> before restore <date>"), and the restored data moves
 * in. A journal written before the first move lets the next start finish the swap if the app
 * stops between moves (finishStoppedRestore). If a move fails while the app runs, what moved is
 * put back and the error is thrown.
 */
export async function restoreInPlace(
  backup: CheckedBackup,
  dataDir: string,
  when: Date,
  closeCore: () => Promise<void>,
  fs: RestoreFs = nodeRestoreFs,
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
  const journal: RestoreJournal = {
    format: 'holdfast-restore-journal',
    formatVersion: 1,
    startedAt: when.toISOString(),
    restoredDir: basename(restoredDir),
    setAside: basename(setAside),
    outgoing: (await readdir(dataDir)).filter(isBackedUpEntry),
    incoming: (await readdir(restoredDir)).filter(isBackedUpEntry),
  };
  await writeRestoreJournal(dataDir, journal, fs);
  await fs.mkdir(setAside, PRIVATE_DIRS);
  try {
    for (const name of journal.outgoing) await fs.rename(join(dataDir, name), join(setAside, name));
    for (const name of journal.incoming)
      await fs.rename(join(restoredDir, name), join(dataDir, name));
  } catch (error: unknown) {
    // Put back at once, as the next start would. Should that fail too, the journal stays.
    await putBack(dataDir, journal, fs);
    throw error;
  }
  await fsyncDir(setAside, fs);
  await fsyncDir(dataDir, fs);
  // The journal goes last: until then a stop is finished at the next start, and said so.
  await fs.removeFolder(restoredDir);
  await fsyncDir(parent, fs);
  await removeRestoreJournal(dataDir, fs);
  return { setAside };
}

/**
 * Removes what a restore stopped partway (the app closed, the power cut) left beside the data
 * folder: a part-written `<data>.restoring-…` or a not-yet-moved `<data>.restored-…` copy. Run
 * after finishStoppedRestore: with no journal left, the data folder was not changed by then, so
 * nothing is lost. Returns the names removed.
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
