import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_DIRS, PRIVATE_FILE_MODE } from './privateModes';

/**
 * The file-system calls a durable write makes. The app uses Node's; tests swap in a simulated
 * disk to check the order of calls, cut the sequence at every crash point and inject I/O errors.
 */
export interface DurableFs {
  mkdir(path: string, options: { recursive: true; mode?: number }): Promise<unknown>;
  /** `wx` creates a new file (never an existing one); `r` opens a folder so it can be synced. */
  open(
    path: string,
    flags: 'wx' | 'r',
    mode?: number,
  ): Promise<{
    writeFile(data: string | Uint8Array): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

const nodeFs: DurableFs = { mkdir, open, rename, rm };

const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error('file system error', { cause: error });

/**
 * Fsyncs a folder so a rename inside it survives power loss. Windows cannot open a folder for
 * syncing (EPERM/EISDIR) and NTFS journals the rename itself, so that one case is tolerated.
 */
export async function fsyncDir(dir: string, fs: DurableFs = nodeFs): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!(process.platform === 'win32' && (code === 'EPERM' || code === 'EISDIR'))) throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `path` with `data` so that after a crash or power cut the file holds either the old
 * or the new content, never a mix: unique temp file (O_EXCL) → write → fsync → rename → fsync dir.
 * Resolves only once the new content is durable.
 */
export async function writeFileDurable(
  path: string,
  data: string | Uint8Array,
  fs: DurableFs = nodeFs,
): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, PRIVATE_DIRS);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', PRIVATE_FILE_MODE);
  // The first failure is the one reported; clean-up failures never hide it.
  let failure: Error | null = null;
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error: unknown) {
    failure = asError(error);
  }
  try {
    // A failed close is a failed write too (some file systems report write errors only here).
    await handle.close();
  } catch (error: unknown) {
    failure ??= asError(error);
  }
  if (failure === null) {
    try {
      await fs.rename(temp, path);
    } catch (error: unknown) {
      failure = asError(error);
    }
  }
  if (failure !== null) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw failure;
  }
  await fsyncDir(dir, fs);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Moves a damaged file into `<dataDir>/quarantine/` under a timestamped name; never deletes it. */
export async function quarantineFile(
  path: string,
  quarantineDir: string,
  now: Date,
): Promise<string> {
  await mkdir(quarantineDir, PRIVATE_DIRS);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  // rename() would replace an earlier quarantined copy: pick a name that is not taken yet.
  let target: string;
  do {
    target = join(quarantineDir, `${stamp}-${randomBytes(3).toString('hex')}-${basename(path)}`);
  } while (await exists(target));
  await rename(path, target);
  await fsyncDir(quarantineDir);
  await fsyncDir(dirname(path));
  return target;
}
