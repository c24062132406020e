import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Fsyncs a folder so a rename inside it survives power loss. Windows cannot open a folder for
 * syncing (EPERM/EISDIR) and NTFS journals the rename itself, so that one case is tolerated.
 */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
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
export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error: unknown) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error: unknown) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dir);
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
export async function quarantineFile(path: string, quarantineDir: string, now: Date): Promise<string> {
  await mkdir(quarantineDir, { recursive: true });
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
