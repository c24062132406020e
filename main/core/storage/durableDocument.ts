import { Low } from 'lowdb';
import type { z } from 'zod';
import { fail, ok, type Result } from '../../contract/result';
import type { Notice } from '../../contract/types';
import { DurableJsonFile } from './durableJsonFile';

/** A small lowdb document of the provider's (contacts, systems, …) kept in one durable file. */
export interface DurableDocument<T> {
  /** What is on disk now; never mutate it, change it through `change`. */
  current: () => T;
  /**
   * Applies a change to a copy and writes it; one change at a time, and resolves only after the
   * durable write. If the write fails, memory is put back so the screen never differs from disk.
   */
  change: <R>(apply: (draft: T) => R) => Promise<Result<R>>;
  /** What the user should be told after opening (damaged file quarantined, last good copy restored). */
  notices: Notice[];
}

/**
 * Opens `<path>` through the durable adapter (temp + fsync + rename, `.bak` last good copy,
 * quarantine of a damaged file) and validates it with `schema`; a missing file starts as `empty`.
 */
export async function openDurableDocument<T>(options: {
  path: string;
  quarantineDir: string;
  schema: z.ZodType<T>;
  /** How the file is named to the user, e.g. "contacts". */
  label: string;
  empty: T;
  /** The plain sentence a failed write answers with (STORAGE_FAILED). */
  storageMessage: string;
  now: () => Date;
  log?: (message: string, error?: unknown) => void;
}): Promise<DurableDocument<T>> {
  const adapter = new DurableJsonFile<T>({
    path: options.path,
    quarantineDir: options.quarantineDir,
    schema: options.schema,
    label: options.label,
    now: options.now,
  });
  const db = new Low<T>(adapter, structuredClone(options.empty));
  await db.read();

  let queue: Promise<unknown> = Promise.resolve();
  const change = <R>(apply: (draft: T) => R): Promise<Result<R>> => {
    const run = queue.then(async (): Promise<Result<R>> => {
      const previous = db.data;
      const draft = structuredClone(previous);
      const value = apply(draft);
      db.data = draft;
      try {
        await db.write();
        return ok(value);
      } catch (error: unknown) {
        db.data = previous;
        options.log?.(`${options.label} write failed`, error);
        return fail('STORAGE_FAILED', options.storageMessage);
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return { current: () => db.data, change, notices: adapter.notices };
}
