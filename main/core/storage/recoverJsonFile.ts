import { readFile } from 'node:fs/promises';
import type { Notice } from '../../contract/types';
import { quarantineFile, writeFileDurable } from './durableFile';

/** A JSON file as found on disk: absent, readable and valid, or damaged (with why). */
export type JsonFileState<T> =
  | { kind: 'missing' }
  | { kind: 'good'; data: T; bytes: Buffer }
  | { kind: 'damaged'; reason: string };

/** Reads and validates a JSON file; only a missing file is "missing", other read errors throw. */
export async function readJsonFile<T>(
  path: string,
  validate: (raw: unknown) => T | null,
): Promise<JsonFileState<T>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error: unknown) {
    // Permissions or I/O errors must stop the caller, never be mistaken for "no data yet".
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { kind: 'damaged', reason: 'not valid JSON' };
  }
  const data = validate(raw);
  return data === null
    ? { kind: 'damaged', reason: 'unexpected content' }
    : { kind: 'good', data, bytes };
}

export interface RecoveryOptions<T> {
  path: string;
  quarantineDir: string;
  /** How the file is named to the user, e.g. "settings" or "contacts". */
  label: string;
  now: () => Date;
  validate: (raw: unknown) => T | null;
  /** Puts the last good bytes back in place; defaults to the durable write. */
  restore?: (path: string, bytes: Uint8Array) => Promise<void>;
}

/**
 * Opens a JSON file without ever resetting it silently: a damaged file is moved to quarantine
 * byte for byte and the last good copy (`<file>.bak`) put back, and the user is told which
 * happened. Returns the data (null when there is none) and the notice, if any.
 */
export async function recoverJsonFile<T>(
  options: RecoveryOptions<T>,
): Promise<{ data: T | null; notice: Notice | null }> {
  const { path, quarantineDir, label, now, validate } = options;
  const main = await readJsonFile(path, validate);
  if (main.kind === 'good') return { data: main.data, notice: null };
  if (main.kind === 'missing') return recoverMissing(options);

  const kept = await quarantineFile(path, quarantineDir, now());
  const backup = await readJsonFile(`${path}.bak`, validate);
  if (backup.kind === 'good') {
    await (options.restore ?? writeFileDurable)(path, backup.bytes);
    return {
      data: backup.data,
      notice: {
        level: 'warning',
        message: `Your ${label} file was damaged (${main.reason}). Holdfast restored the last good copy and kept the damaged file at ${kept}.`,
      },
    };
  }
  return {
    data: null,
    notice: {
      level: 'warning',
      message: `Your ${label} file was damaged (${main.reason}) and no good copy was found, so ${label} start empty. The damaged file is kept at ${kept}.`,
    },
  };
}

/**
 * The main file is gone but a last good copy may not be: a file deleted by hand or by security
 * software must not make the data start empty, because the next save would replace the copy too.
 */
async function recoverMissing<T>(
  options: RecoveryOptions<T>,
): Promise<{ data: T | null; notice: Notice | null }> {
  const { path, quarantineDir, label, now, validate } = options;
  const backup = await readJsonFile(`${path}.bak`, validate);
  if (backup.kind === 'missing') return { data: null, notice: null };
  if (backup.kind === 'good') {
    await (options.restore ?? writeFileDurable)(path, backup.bytes);
    return {
      data: backup.data,
      notice: {
        level: 'warning',
        message: `Your ${label} file was missing. Holdfast restored the last good copy.`,
      },
    };
  }
  const kept = await quarantineFile(`${path}.bak`, quarantineDir, now());
  return {
    data: null,
    notice: {
      level: 'warning',
      message: `Your ${label} file was missing and its last copy was damaged (${backup.reason}), so ${label} start empty. The damaged copy is kept at ${kept}.`,
    },
  };
}
