import { lstat, mkdir, open, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { Notice } from '../../contract/types';
import { fsyncDir, writeFileDurable, type DurableFs } from '../storage/durableFile';
import { PRIVATE_DIRS } from '../storage/privateModes';

/**
 * An in-app restore swaps the data in two runs of renames: the current data into a folder set
 * aside, then the restored copy in. A crash or power cut between them would leave a data folder
 * that is neither. So before the first rename a small journal is written durably into the data
 * folder, naming both folders and every entry each run moves; at the next start it is read and
 * the swap is finished (or, if the restored copy is no longer whole, undone) before anything opens
 * the data. Every step of that is a rename that can be repeated, so a crash while finishing is
 * finished at the start after.
 */
export const RESTORE_JOURNAL = 'holdfast-restore.json';

/** A name directly inside a folder: never a path, never `.` or `..`. */
const entryName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0]+$/)
  .refine((name) => name !== '.' && name !== '..');

const journalSchema = z.strictObject({
  format: z.literal('holdfast-restore-journal'),
  formatVersion: z.literal(1),
  startedAt: z.iso.datetime(),
  /** The restored copy beside the data folder, by its name there. */
  restoredDir: entryName,
  /** Where the current data goes, beside the data folder, by its name there. */
  setAside: entryName,
  /** Entries of the data folder moved aside, in order. */
  outgoing: z.array(entryName).max(1000),
  /** Entries of the restored copy moved in, in order. */
  incoming: z.array(entryName).max(1000),
  /** Set once the swap is being undone, so a stop while undoing is undone, not finished. */
  undo: z.literal(true).optional(),
});
export type RestoreJournal = z.infer<typeof journalSchema>;

/** The file-system calls a restore's swap makes: Node's in the app, a stoppable set in tests. */
export interface RestoreFs extends DurableFs {
  /** Removes a folder and all it holds; a missing one is not an error. */
  removeFolder(path: string): Promise<void>;
}

export const nodeRestoreFs: RestoreFs = {
  mkdir,
  open,
  rename,
  rm,
  removeFolder: (path) => rm(path, { recursive: true, force: true }),
};

export const journalPath = (dataDir: string): string => join(dataDir, RESTORE_JOURNAL);

/** Writes the journal so it is on disk before the first rename: temp file, fsync, rename, fsync. */
export async function writeRestoreJournal(
  dataDir: string,
  journal: RestoreJournal,
  fs: RestoreFs = nodeRestoreFs,
): Promise<void> {
  await writeFileDurable(journalPath(dataDir), `${JSON.stringify(journal, null, 2)}\n`, fs);
}

/** Removes the journal once the swap is whole: the last step of a restore. */
export async function removeRestoreJournal(
  dataDir: string,
  fs: RestoreFs = nodeRestoreFs,
): Promise<void> {
  await fs.rm(journalPath(dataDir), { force: true });
  await fsyncDir(dataDir, fs);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** What the start found of a restore stopped partway, and what it did. */
export type StoppedRestore =
  | { outcome: 'none' }
  /** The swap was finished: the data is the backup's, the earlier data is in `setAside`. */
  | { outcome: 'finished'; setAside: string }
  /** The restored copy was no longer whole, so the earlier data was put back. */
  | { outcome: 'put-back' }
  /** The journal cannot be read: nothing was touched, and leftovers must be kept. */
  | { outcome: 'unreadable' }
  /** Finishing failed (a file held open, a full disk): tried again at the next start. */
  | { outcome: 'not-finished' };

/**
 * Finishes, or undoes, a restore the journal says was stopped partway. Where each entry is now
 * tells how far the swap got, so no step is done twice:
 * - an outgoing entry already in the set-aside folder has moved; one still in the data folder has
 *   not (unless its name came in from the backup, when the one in the data folder is the new one);
 * - an incoming entry still in the restored copy has not moved in.
 * The swap is finished when every incoming entry is still in the restored copy or already in the
 * data folder; otherwise (someone removed part of the restored copy) the earlier data is put back.
 */
export async function finishStoppedRestore(
  dataDir: string,
  fs: RestoreFs = nodeRestoreFs,
): Promise<StoppedRestore> {
  let text: string;
  try {
    text = await readFile(journalPath(dataDir), 'utf8');
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { outcome: 'none' };
    throw error;
  }
  let journal: RestoreJournal;
  try {
    journal = journalSchema.parse(JSON.parse(text));
  } catch {
    return { outcome: 'unreadable' };
  }
  const parent = dirname(dataDir);
  const restoredDir = join(parent, journal.restoredDir);
  const setAside = join(parent, journal.setAside);
  const inData = (name: string) => exists(join(dataDir, name));
  const inRestored = (name: string) => exists(join(restoredDir, name));
  const inSetAside = (name: string) => exists(join(setAside, name));
  /** The entry in the data folder came from the backup: the earlier one of that name has moved. */
  const isNewInData = async (name: string): Promise<boolean> =>
    (await inData(name)) && (!journal.outgoing.includes(name) || (await inSetAside(name)));

  let whole = journal.undo !== true;
  for (const name of journal.incoming)
    if (!(await inRestored(name)) && !(await isNewInData(name))) whole = false;
  if (!whole) {
    await putBack(dataDir, journal, fs);
    return { outcome: 'put-back' };
  }
  await fs.mkdir(setAside, PRIVATE_DIRS);
  for (const name of journal.outgoing)
    if (!(await inSetAside(name)) && (await inData(name)))
      await fs.rename(join(dataDir, name), join(setAside, name));
  for (const name of journal.incoming)
    if (await inRestored(name)) await fs.rename(join(restoredDir, name), join(dataDir, name));
  await fsyncDir(setAside, fs);
  await fsyncDir(dataDir, fs);
  await fs.removeFolder(restoredDir);
  await fsyncDir(parent, fs);
  await removeRestoreJournal(dataDir, fs);
  return { outcome: 'finished', setAside };
}

/**
 * Undoes a swap, from wherever it stopped: the journal is marked first (so a stop now is undone
 * again, never finished), what came in from the backup is removed (it is a copy of the backup
 * file, which the person still has), and the earlier data moves back from the set-aside folder.
 */
export async function putBack(
  dataDir: string,
  journal: RestoreJournal,
  fs: RestoreFs = nodeRestoreFs,
): Promise<void> {
  if (journal.undo !== true) await writeRestoreJournal(dataDir, { ...journal, undo: true }, fs);
  const parent = dirname(dataDir);
  const setAside = join(parent, journal.setAside);
  const inSetAside = (name: string) => exists(join(setAside, name));
  for (const name of journal.incoming)
    if (
      (await exists(join(dataDir, name))) &&
      (!journal.outgoing.includes(name) || (await inSetAside(name)))
    )
      await fs.removeFolder(join(dataDir, name));
  for (const name of journal.outgoing)
    if (await inSetAside(name)) await fs.rename(join(setAside, name), join(dataDir, name));
  await fsyncDir(dataDir, fs);
  await fs.removeFolder(join(parent, journal.restoredDir));
  // Only if empty: anything left in it is data, and stays.
  await rmdir(setAside).catch(() => undefined);
  await fsyncDir(parent, fs);
  await removeRestoreJournal(dataDir, fs);
}

/** What to tell the person about a restore the start found stopped partway; null when none was. */
export function stoppedRestoreNotice(found: StoppedRestore, dataDir: string): Notice | null {
  switch (found.outcome) {
    case 'none':
      return null;
    case 'finished':
      return {
        level: 'warning',
        message: `A restore from a backup was stopped partway (Holdfast closed or the power went off). Holdfast has now finished it: you have the data from the backup. What was here before is kept in ${found.setAside}.`,
      };
    case 'put-back':
      return {
        level: 'warning',
        message:
          'A restore from a backup was stopped partway, and the restored copy was no longer complete, so Holdfast put your data back as it was before the restore. Restore the backup again if you still need it.',
      };
    case 'unreadable':
    case 'not-finished':
      return {
        level: 'warning',
        message: `A restore from a backup was stopped partway, and Holdfast ${found.outcome === 'unreadable' ? `cannot read its record (${RESTORE_JOURNAL} in the data folder)` : 'could not finish it this time'}. Nothing beside the data folder was removed. Close Holdfast and open it again; if this message comes back, ask your IT supplier to look at the folders whose names start "${basename(dataDir)}" beside the data folder before anything is deleted.`,
      };
  }
}
