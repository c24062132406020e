import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { DurableFs } from '../durableFile';

/** One call the storage layer made, in order. */
export interface DiskOp {
  op: 'mkdir' | 'create' | 'write' | 'fsync' | 'close' | 'rename' | 'rm' | 'fsyncdir';
  path: string;
  to?: string;
}

/** What happens to data that was written but never fsynced when the power goes. */
export type LostWrites = 'dropped' | 'zeroed' | 'torn';
/**
 * When a new name (create, rename, mkdir) reaches the disk: only once its folder is fsynced (the
 * pessimistic model POSIX allows), or at once in the order it was made (journalled ext4, NTFS).
 * A file whose folder's own name never reached the disk is lost with that folder.
 */
export type NameOrder = 'at-folder-fsync' | 'in-order';

interface Inode {
  data: Uint8Array;
  /** The content as of the last fsync; null if never synced. */
  synced: Uint8Array | null;
}

/** Thrown by the disk at the chosen crash point: nothing after it ran. */
export class PowerCut extends Error {
  constructor() {
    super('power cut');
  }
}

/**
 * An in-memory disk with a page cache: file data survives a power cut only once fsynced, and
 * (in the pessimistic model) names only once their folder is fsynced. It records every call, can
 * stop at a chosen call (a power cut) or fail it with an errno, and can say what the disk would
 * hold after the cut.
 */
export class SimulatedDisk implements DurableFs {
  readonly ops: DiskOp[] = [];
  private readonly inodes: Inode[] = [];
  private readonly live = new Map<string, number>();
  /** Names as they are on the platter in the pessimistic model. */
  private readonly durableNames = new Map<string, number>();
  /** Names in the in-order model: every name operation up to the cut. */
  private readonly orderedNames = new Map<string, number>();
  private readonly dirs = new Set<string>();
  /** Folders whose name is on the platter in the pessimistic model (made before, or synced into their parent). */
  private readonly durableDirs = new Set<string>();
  /** Stop (power cut) before this call number, or fail that one call with this errno. */
  cutBefore = Number.POSITIVE_INFINITY;
  failAt: { index: number; code: string } | null = null;

  /** Starts with these files (text or bytes) and their folders, all durable. */
  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) {
      const bytes = typeof content === 'string' ? Buffer.from(content) : Uint8Array.from(content);
      const inode = this.inodes.push({ data: bytes, synced: bytes }) - 1;
      this.live.set(path, inode);
      this.durableNames.set(path, inode);
      this.orderedNames.set(path, inode);
      for (const dir of ancestors(path)) {
        this.dirs.add(dir);
        this.durableDirs.add(dir);
      }
    }
  }

  private step(op: DiskOp): void {
    const index = this.ops.length;
    if (index >= this.cutBefore) throw new PowerCut();
    this.ops.push(op);
    // A transient fault: this one call fails, the calls after it (clean-up, retries) do not.
    if (this.failAt?.index === index)
      throw Object.assign(new Error(`${this.failAt.code}: simulated`), { code: this.failAt.code });
  }

  private setName(path: string, inode: number | undefined): void {
    if (inode === undefined) {
      this.live.delete(path);
      this.orderedNames.delete(path);
    } else {
      this.live.set(path, inode);
      this.orderedNames.set(path, inode);
    }
  }

  /** Always recursive, as the app calls it: makes every missing folder on the way. */
  mkdir = async (path: string): Promise<unknown> => {
    this.step({ op: 'mkdir', path });
    for (const dir of [path, ...ancestors(path)]) this.dirs.add(dir);
    return undefined;
  };

  /** The bytes at `path` as the app would read them now (the page cache); not a crash point. */
  readFile = async (path: string): Promise<Uint8Array> => {
    const inode = this.live.get(path);
    if (inode === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return Uint8Array.from(this.inodes[inode]!.data);
  };

  open: DurableFs['open'] = async (path, flags) => {
    if (flags === 'r') {
      if (!this.dirs.has(path)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return {
        writeFile: async () => undefined,
        sync: async () => {
          this.step({ op: 'fsyncdir', path });
          for (const [name, inode] of this.live)
            if (dirname(name) === path) this.durableNames.set(name, inode);
          for (const name of [...this.durableNames.keys()])
            if (dirname(name) === path && !this.live.has(name)) this.durableNames.delete(name);
          for (const dir of this.dirs)
            if (dir !== path && dirname(dir) === path) this.durableDirs.add(dir);
        },
        close: async () => undefined,
      };
    }
    this.step({ op: 'create', path });
    if (this.live.has(path)) throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
    const inode = this.inodes.push({ data: new Uint8Array(), synced: null }) - 1;
    this.setName(path, inode);
    return {
      writeFile: async (data) => {
        this.step({ op: 'write', path });
        this.inodes[inode]!.data = typeof data === 'string' ? Buffer.from(data) : data;
      },
      sync: async () => {
        this.step({ op: 'fsync', path });
        this.inodes[inode]!.synced = this.inodes[inode]!.data;
      },
      close: async () => {
        this.step({ op: 'close', path });
      },
    };
  };

  rename = async (from: string, to: string): Promise<void> => {
    this.step({ op: 'rename', path: from, to });
    const inode = this.live.get(from);
    if (inode === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    this.setName(from, undefined);
    this.setName(to, inode);
  };

  rm = async (path: string): Promise<void> => {
    this.step({ op: 'rm', path });
    this.setName(path, undefined);
  };

  /**
   * Opens an existing file for appending, as the evidence log does (its LogFs): writes extend the
   * file in the page cache, datasync makes them durable, truncate cuts a failed write back.
   */
  openAppend = async (
    path: string,
  ): Promise<{
    write(data: Uint8Array): Promise<{ bytesWritten: number }>;
    datasync(): Promise<void>;
    sync(): Promise<void>;
    truncate(length: number): Promise<void>;
    close(): Promise<void>;
  }> => {
    const id = this.live.get(path);
    if (id === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    const inode = this.inodes[id]!;
    const sync = async (): Promise<void> => {
      this.step({ op: 'fsync', path });
      inode.synced = inode.data;
    };
    return {
      write: async (data) => {
        this.step({ op: 'write', path });
        const grown = new Uint8Array(inode.data.length + data.length);
        grown.set(inode.data);
        grown.set(data, inode.data.length);
        inode.data = grown;
        return { bytesWritten: data.length };
      },
      datasync: sync,
      sync,
      truncate: async (length) => {
        this.step({ op: 'write', path });
        inode.data = inode.data.slice(0, length);
      },
      close: async () => {
        this.step({ op: 'close', path });
      },
    };
  };

  /** The text at `path` now (before any power cut), or null. */
  read(path: string): string | null {
    const inode = this.live.get(path);
    return inode === undefined ? null : Buffer.from(this.inodes[inode]!.data).toString();
  }

  /** Every live name, for checking that no temp file was left behind. */
  names(): string[] {
    return [...this.live.keys()].sort();
  }

  /** The files the disk would hold after a power cut now, as bytes. */
  afterPowerCut(lost: LostWrites, order: NameOrder): Map<string, Uint8Array> {
    const names = order === 'at-folder-fsync' ? this.durableNames : this.orderedNames;
    const files = new Map<string, Uint8Array>();
    for (const [path, id] of names) {
      if (order === 'at-folder-fsync' && !ancestors(path).every((dir) => this.durableDirs.has(dir)))
        continue;
      const inode = this.inodes[id]!;
      const synced = inode.synced ?? new Uint8Array();
      let bytes = synced;
      if (inode.synced !== inode.data && lost !== 'dropped') {
        // What fsync made durable survives; the rest is zeros, or (torn) its first half then zeros.
        const durable = sharedPrefix(synced, inode.data);
        bytes = new Uint8Array(inode.data.length);
        const kept =
          lost === 'torn' ? durable + Math.floor((inode.data.length - durable) / 2) : durable;
        bytes.set(inode.data.subarray(0, kept));
      }
      files.set(path, bytes);
    }
    return files;
  }
}

/** Every folder above `path`, nearest first, up to the root. */
function ancestors(path: string): string[] {
  const dirs: string[] = [];
  for (let dir = dirname(path); !dirs.includes(dir); dir = dirname(dir)) dirs.push(dir);
  return dirs;
}

/** How many leading bytes two buffers share: the part of a file that fsync already made durable. */
function sharedPrefix(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** Writes a post-cut disk image into a real folder, so the app's own recovery can open it. */
export async function materialise(
  files: Map<string, Uint8Array>,
  root: string,
  into: string,
): Promise<void> {
  for (const [path, bytes] of files) {
    const target = join(into, relative(root, path));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}
