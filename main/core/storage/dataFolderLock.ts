import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fsyncDir } from './durableFile';

export const LOCK_FILE = 'holdfast.lock';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export type LockOutcome =
  { held: true; release: () => Promise<void> } | { held: false; holder: LockHolder | null };

/** The parts of the process the lock looks at; tests pass their own. */
export interface LockEnvironment {
  pid: number;
  host: string;
  /** True when a process with this id is running on this machine. */
  isRunning: (pid: number) => boolean;
  now: () => Date;
}

const processIsRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export const currentProcess = (now: () => Date): LockEnvironment => ({
  pid: process.pid,
  host: hostname(),
  isRunning: processIsRunning,
  now,
});

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const raw = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    return typeof raw.pid === 'number' &&
      typeof raw.host === 'string' &&
      typeof raw.since === 'string'
      ? { pid: raw.pid, host: raw.host, since: raw.since }
      : null;
  } catch {
    return null;
  }
}

/**
 * Makes this process the one writer of a data folder. The lock file is created exclusively; if it
 * exists, it is taken over only when it names a process on this machine that is no longer running
 * (a crash leaves the file behind). A holder on another machine (a shared or USB folder) is
 * always respected: we cannot tell whether it is still running.
 */
export async function acquireDataFolderLock(
  dataDir: string,
  env: LockEnvironment,
): Promise<LockOutcome> {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(
          JSON.stringify({ pid: env.pid, host: env.host, since: env.now().toISOString() }),
        );
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsyncDir(dataDir);
      let released = false;
      return {
        held: true,
        release: async () => {
          if (released) return;
          released = true;
          const holder = await readHolder(path);
          if (holder?.pid === env.pid && holder.host === env.host)
            await unlink(path).catch(() => undefined);
        },
      };
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = await readHolder(path);
    if (holder === null) {
      // Another process may be between creating the file and writing it: look once more.
      await new Promise((resolve) => setTimeout(resolve, 200));
      holder = await readHolder(path);
    }
    // Still unreadable: its writer died between create and write, so it is stale.
    const stale =
      holder === null ||
      (holder.host === env.host && holder.pid !== env.pid && !env.isRunning(holder.pid));
    if (!stale) return { held: false, holder };
    await unlink(path).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
  }
  return { held: false, holder: await readHolder(path) };
}
