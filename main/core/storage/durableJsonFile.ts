import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import type { Notice } from '../../contract/types';
import { writeFileDurable } from './durableFile';
import { recoverJsonFile } from './recoverJsonFile';

/*
 * Why lowdb and not electron-store for documents such as contacts: a document is small and is
 * rewritten whole on every change, which is exactly lowdb's model, and lowdb lets us supply the
 * adapter, so every write goes through our durable path (temp file + fsync + rename + folder
 * fsync) and every read through a schema. electron-store is a key-value store for settings that
 * imports electron, so it cannot run in the plain-Node core, and it neither syncs the folder nor
 * validates against our schema. lowdb's own JSONFilePreset is never used: it switches to memory
 * under NODE_ENV=test, which would make tests pass while nothing reached the disk.
 */

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
    const { path, quarantineDir, label, now, schema } = this.options;
    const { data, notice } = await recoverJsonFile({
      path,
      quarantineDir,
      label,
      now,
      validate: (raw) => {
        const parsed = schema.safeParse(raw);
        return parsed.success ? parsed.data : null;
      },
      restore: this.write_,
    });
    if (notice) this.notices.push(notice);
    return data;
  }

  async write(data: T): Promise<void> {
    // Never write what the next read would quarantine.
    const checked = this.options.schema.parse(data);
    const text = `${JSON.stringify(checked, null, 2)}\n`;
    await this.write_(this.options.path, text);
    // The copy is written only after the main file is safely on disk, so it is always a good one.
    await this.write_(this.backupPath, text);
  }
}
