import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import type { Notice } from '../../contract/types';
import { quarantineFile, writeFileDurable } from './durableFile';

/*
 * Why lowdb and not electron-store for documents such as contacts: a document is small and is
 * rewritten whole on every change, which is exactly lowdb's model, and lowdb lets us supply the
 * adapter, so every write goes through our durable path (temp file + fsync + rename + folder
 * fsync) and every read through a schema. electron-store is a key-value store for settings that
 * imports electron, so it cannot run in the plain-Node core, and it neither syncs the folder nor
 * validates against our schema. lowdb's own JSONFilePreset is never used: it switches to memory
 * under NODE_ENV=test, which would make tests pass while nothing reached the disk.
 */

type Outcome<T> =
  | { kind: 'missing' }
  | { kind: 'good'; data: T; bytes: Buffer }
  | { kind: 'damaged'; reason: string };

export interface DurableJsonFileOptions<T> {
  path: string;
  quarantineDir: string;
  schema: z.ZodType<T>;
  /** How the file is named to the user in notices, e.g. "contacts". */
  label: string;
  now: () => Date;
  /** Injectable for tests; defaults to the durable temp → fsync → rename → folder fsync write. */
  writeFile?: (path: string, data: string | Uint8Array) => Promise<void>;
}

/**
 * A lowdb adapter that never loses data: writes are durable and followed by a last-good copy
 * (`<file>.bak`); a file that fails to parse or validate is quarantined byte-for-byte and the
 * last good copy restored, with a notice. A missing file reads as empty (null); an unreadable one
 * (permissions, I/O error) throws rather than being reset over.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** What the user should be told after a read (damaged file quarantined, copy restored). */
  readonly notices: Notice[] = [];
  private readonly write_: (path: string, data: string | Uint8Array) => Promise<void>;

  constructor(private readonly options: DurableJsonFileOptions<T>) {
    this.write_ = options.writeFile ?? writeFileDurable;
  }

  get backupPath(): string {
    return `${this.options.path}.bak`;
  }

  async read(): Promise<T | null> {
    const { path, quarantineDir, label, now } = this.options;
    const main = await this.check(path);
    if (main.kind === 'missing') return null;
    if (main.kind === 'good') return main.data;

    const kept = await quarantineFile(path, quarantineDir, now());
    const backup = await this.check(this.backupPath);
    if (backup.kind === 'good') {
      await this.write_(path, backup.bytes);
      this.notices.push({
        level: 'warning',
        message: `Your ${label} file was damaged (${main.reason}). Holdfast restored the last good copy and kept the damaged file at ${kept}.`,
      });
      return backup.data;
    }
    this.notices.push({
      level: 'warning',
      message: `Your ${label} file was damaged (${main.reason}) and no good copy was found, so ${label} start empty. The damaged file is kept at ${kept}.`,
    });
    return null;
  }

  async write(data: T): Promise<void> {
    // Never write what the next read would quarantine.
    const checked = this.options.schema.parse(data);
    const text = `${JSON.stringify(checked, null, 2)}\n`;
    await this.write_(this.options.path, text);
    // The copy is written only after the main file is safely on disk, so it is always a good one.
    await this.write_(this.backupPath, text);
  }

  private async check(path: string): Promise<Outcome<T>> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      throw error;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch {
      return { kind: 'damaged', reason: 'not valid JSON' };
    }
    const parsed = this.options.schema.safeParse(raw);
    if (!parsed.success) return { kind: 'damaged', reason: 'unexpected content' };
    return { kind: 'good', data: parsed.data, bytes };
  }
}
