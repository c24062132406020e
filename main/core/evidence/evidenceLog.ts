import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { fsyncDir, writeFileDurable, type DurableFs } from '../storage/durableFile';
import { canonicalJson } from './canonicalJson';
import {
  ENTRY_KINDS,
  GENESIS_HASH,
  MAX_BODY_BYTES,
  scanLog,
  sealRecord,
  verifyEvidenceLog,
  type DeviceIdentity,
  type EvidenceRecord,
  type VerifyResult,
} from './evidenceChain';

/** The pure chain check, re-exported so callers need only this module. */
export { verifyEvidenceLog, type EvidenceRecord, type VerifyResult } from './evidenceChain';

/** Why an append or open was refused; stable codes the contract can map to plain words. */
export type EvidenceLogErrorCode =
  | 'INVALID_ENTRY'
  | 'ENTRY_TOO_LARGE'
  | 'LOG_READ_ONLY'
  | 'LOG_UNAVAILABLE'
  | 'LOG_CLOSED'
  | 'STORAGE_FULL'
  | 'STORAGE_IO';

/** An expected failure of the evidence log, with a stable `code`. */
export class EvidenceLogError extends Error {
  constructor(
    readonly code: EvidenceLogErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EvidenceLogError';
  }
}

/** The part of a Node FileHandle the log writes through; tests wrap it to inject faults. */
export interface LogFileHandle {
  write(data: Uint8Array): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** How the log opens its file for appending (O_APPEND). */
export interface LogFs {
  openAppend(path: string): Promise<LogFileHandle>;
}

/**
 * Every file-system call the log makes: appends through LogFs; reading, creating a new log and
 * the torn-tail repair (quarantine copy, atomic replace, folder fsyncs) through DurableFs.
 */
export interface EvidenceLogFs extends LogFs, DurableFs {
  readFile(path: string): Promise<Uint8Array>;
}

const nodeLogFs: EvidenceLogFs = {
  openAppend: (path) => open(path, 'a', 0o600),
  readFile: (path) => readFile(path),
  mkdir,
  open,
  rename,
  rm,
};

/** What a caller supplies: recordedAt, seq and hashes are never taken from input. */
const newEntrySchema = z
  .strictObject({
    /** When it happened; defaults to now, may be earlier to backfill from paper notes. */
    eventAt: z.iso.datetime().optional(),
    author: z.string().trim().min(1).max(200),
    kind: z.enum(ENTRY_KINDS).exclude(['recovery']),
    body: z.record(z.string(), z.json()),
    amends: z.int().min(1).optional(),
  })
  .refine((entry) => entry.kind !== 'correction' || entry.amends !== undefined, {
    message: 'a correction must say which entry it amends',
    path: ['amends'],
  });

/** An entry as a caller asks for it to be recorded. */
export type NewEntry = z.input<typeof newEntrySchema>;

/** What openEvidenceLog found and did. */
export type OpenState =
  | { readOnly: false; recovered: Recovery | null }
  | { readOnly: true; problem: { line: number; seq?: number; reason: string } };

/** A torn tail that was cut off on open: where, why, and where the untouched copy is kept. */
export interface Recovery {
  line: number;
  reason: string;
  bytesRemoved: number;
  quarantinedCopy: string;
}

/** An open incident log. */
export interface EvidenceLog {
  readonly state: OpenState;
  /** Resolves only after the entry's line is written and fdatasync has returned. */
  append(entry: NewEntry): Promise<EvidenceRecord>;
  /** Every record known to be durable, oldest first. */
  entries(): readonly EvidenceRecord[];
  /** Re-reads the file from disk and checks the whole chain. */
  verify(): Promise<VerifyResult>;
  /** Waits for the append in flight, then releases the file. */
  close(): Promise<void>;
}

/** The clock, and optionally the file access and quarantine folder, for openEvidenceLog. */
export interface OpenOptions {
  /** The clock for recordedAt; never taken from the entry. */
  now: () => Date;
  /** Any of the file-system calls (own properties), to test faults and power cuts; the rest are Node's. */
  fs?: Partial<EvidenceLogFs>;
  /** Where damaged copies are kept; defaults to `quarantine/` beside the log. */
  quarantineDir?: string;
  /**
   * The computer this process runs on, stamped on every record it writes. Never taken from the
   * entry: whoever asks for an entry cannot say which machine it was typed on.
   */
  device?: DeviceIdentity;
}

/** Author of the records the log writes about itself. */
export const SYSTEM_AUTHOR = 'Holdfast';

function storageError(error: unknown, what: string): EvidenceLogError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const full = code === 'ENOSPC' || code === 'EDQUOT';
  return new EvidenceLogError(
    full ? 'STORAGE_FULL' : 'STORAGE_IO',
    `${what}: ${full ? 'the disk is full' : `the disk reported an error (${code ?? 'unknown'})`}`,
    { cause: error },
  );
}

/** A body's stored form, or null when it has no exact JSON form. */
function canonicalOrNull(body: unknown): string | null {
  try {
    return canonicalJson(body);
  } catch {
    return null;
  }
}

/** The record after `previous`, and its line; `bodyJson` is the body's canonicalJson when known. */
function buildRecord(
  fields: Omit<EvidenceRecord, 'seq' | 'prevHash' | 'hash'>,
  previous: EvidenceRecord | undefined,
  bodyJson = canonicalJson(fields.body),
): { record: EvidenceRecord; line: string } {
  const unhashed = {
    ...fields,
    seq: (previous?.seq ?? 0) + 1,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return sealRecord(unhashed, bodyJson);
}

/** Writes all of `data` (a short write is continued, not reported as done). */
async function writeAll(handle: LogFileHandle, data: Uint8Array): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data.subarray(done));
    if (bytesWritten <= 0)
      throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    done += bytesWritten;
  }
}

/**
 * Copies bytes into the quarantine folder under a new, timestamped name (never overwriting an
 * earlier copy), fsyncs the file, its folder and that folder's parent (the quarantine folder may
 * have just been made), and reads the copy back to prove it is byte-identical.
 */
async function quarantineCopy(
  bytes: Buffer,
  path: string,
  quarantineDir: string,
  now: Date,
  fs: EvidenceLogFs,
): Promise<string> {
  await fs.mkdir(quarantineDir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (;;) {
    const target = join(
      quarantineDir,
      `${stamp}-${randomBytes(3).toString('hex')}-${basename(path)}`,
    );
    let handle;
    try {
      handle = await fs.open(target, 'wx', 0o600);
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsyncDir(quarantineDir, fs);
    // A new quarantine folder's own name lives in its parent (the data folder, not the log's):
    // without this the folder, and the only copy of the torn tail, can vanish at a power cut
    // after the log has already been replaced.
    await fsyncDir(dirname(quarantineDir), fs);
    if (!bytes.equals(await fs.readFile(target)))
      throw new Error(`the quarantine copy ${target} does not match the damaged log`);
    return target;
  }
}

async function readExisting(path: string, fs: EvidenceLogFs): Promise<Buffer | null> {
  try {
    const bytes = await fs.readFile(path);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error: unknown) {
    // Only "no file yet" starts an empty log: any other read error must stop the caller.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function readOnlyLog(
  records: EvidenceRecord[],
  problem: { line: number; seq?: number; reason: string },
  path: string,
  fs: EvidenceLogFs,
): EvidenceLog {
  return {
    state: { readOnly: true, problem },
    append: async () => {
      throw new EvidenceLogError(
        'LOG_READ_ONLY',
        `This log does not verify at line ${problem.line} (${problem.reason}); it is open read-only and nothing can be added.`,
      );
    },
    entries: () => [...records],
    verify: async () => verifyEvidenceLog(await fs.readFile(path)),
    close: async () => undefined,
  };
}

/**
 * Opens (or creates) an append-only, hash-chained JSONL evidence log. On open every line is
 * checked. A torn last line (crash mid-append) is copied byte for byte to quarantine, then the
 * file is atomically replaced by its good records plus a visible 'recovery' record. Any other
 * break (a bad record in the middle, or a well-formed record that does not link) is never
 * repaired: the log opens read-only and appends are refused with LOG_READ_ONLY. A file that
 * cannot be read makes this reject; nothing is ever written over it.
 */
export async function openEvidenceLog(path: string, options: OpenOptions): Promise<EvidenceLog> {
  const { now } = options;
  const fs: EvidenceLogFs = { ...nodeLogFs, ...options.fs };
  const quarantineDir = options.quarantineDir ?? join(dirname(path), 'quarantine');

  const existing = await readExisting(path, fs);
  const scan = scanLog(existing ?? Buffer.alloc(0));
  const records = scan.records;
  let recovered: Recovery | null = null;
  // The byte length of the verified content: a failed append is cut back to exactly this.
  let size = scan.goodBytes;

  if (existing && scan.broken) {
    const { broken } = scan;
    // Only an unreadable LAST line is what a crash mid-append leaves behind; anything else is
    // damage or tampering, and repairing it would destroy the evidence of what happened.
    if (!(broken.isLastLine && broken.isUnreadable)) return readOnlyLog(records, broken, path, fs);
    const at = now();
    const kept = await quarantineCopy(existing, path, quarantineDir, at, fs);
    recovered = {
      line: broken.line,
      reason: broken.reason,
      bytesRemoved: existing.length - scan.goodBytes,
      quarantinedCopy: kept,
    };
    const { record: recoveryRecord, line: recoveryLine } = buildRecord(
      {
        recordedAt: at.toISOString(),
        eventAt: at.toISOString(),
        author: SYSTEM_AUTHOR,
        ...(options.device ? { device: options.device } : {}),
        kind: 'recovery',
        body: {
          summary:
            'The last line of this log could not be read, as happens when a crash or power cut interrupts saving. It was removed from the log and kept unchanged in the quarantine copy; an entry being saved at that moment was never shown as saved.',
          ...recovered,
        },
      },
      records.at(-1),
    );
    // Good records plus the recovery record replace the file in one durable step, so a second
    // crash leaves either the torn file (recovered again next time) or the repaired one.
    const repaired = Buffer.concat([
      existing.subarray(0, scan.goodBytes),
      Buffer.from(recoveryLine),
    ]);
    await writeFileDurable(path, repaired, fs);
    records.push(recoveryRecord);
    size = repaired.length;
  }

  if (!existing) await fs.mkdir(dirname(path), { recursive: true });
  const handle = await fs.openAppend(path);
  if (!existing) {
    try {
      // A new log must still exist after a power cut: its content and its folder entry.
      await handle.sync();
      await fsyncDir(dirname(path), fs);
    } catch (error: unknown) {
      await handle.close();
      throw storageError(error, 'The new log could not be created');
    }
  }
  return appendableLog(path, handle, {
    records,
    size,
    recovered,
    now,
    fs,
    ...(options.device ? { device: options.device } : {}),
  });
}

function appendableLog(
  path: string,
  handle: LogFileHandle,
  opened: {
    records: EvidenceRecord[];
    size: number;
    recovered: Recovery | null;
    now: () => Date;
    fs: EvidenceLogFs;
    device?: DeviceIdentity;
  },
): EvidenceLog {
  const { records, recovered, now, fs, device } = opened;
  let size = opened.size;
  let isClosed = false;
  let unavailable: EvidenceLogError | null = null;
  // One append at a time: seq and prevHash are taken from the record before, once it is durable.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function appendNow(input: NewEntry): Promise<EvidenceRecord> {
    if (isClosed) throw new EvidenceLogError('LOG_CLOSED', 'This log has been closed.');
    if (unavailable) throw unavailable;
    const parsed = newEntrySchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EvidenceLogError(
        'INVALID_ENTRY',
        `Entry refused: ${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const entry = parsed.data;
    const stored = canonicalOrNull(entry.body);
    // The schema drops a "__proto__" key silently; the log must store exactly what was given or refuse.
    if (stored === null || stored !== canonicalOrNull((input as { body: unknown }).body))
      throw new EvidenceLogError(
        'INVALID_ENTRY',
        'Entry refused: the text has a field name or value that cannot be stored.',
      );
    if (Buffer.byteLength(stored) > MAX_BODY_BYTES)
      throw new EvidenceLogError(
        'ENTRY_TOO_LARGE',
        `Entry refused: the text is larger than ${MAX_BODY_BYTES / 1024} KB.`,
      );
    const previous = records.at(-1);
    if (entry.amends !== undefined && entry.amends > (previous?.seq ?? 0))
      throw new EvidenceLogError(
        'INVALID_ENTRY',
        `Entry refused: there is no entry ${entry.amends} to amend.`,
      );

    const recordedAt = now().toISOString();
    const sealed = buildRecord(
      {
        recordedAt,
        eventAt: entry.eventAt ?? recordedAt,
        author: entry.author,
        ...(device ? { device } : {}),
        kind: entry.kind,
        body: entry.body,
        ...(entry.amends === undefined ? {} : { amends: entry.amends }),
      },
      previous,
      stored,
    );
    const { record } = sealed;
    const line = Buffer.from(sealed.line);
    try {
      await writeAll(handle, line);
      await handle.datasync();
    } catch (error: unknown) {
      await rollBack(error);
      throw storageError(error, 'The entry was not saved');
    }
    records.push(record);
    size += line.length;
    return record;
  }

  /** Cuts a half-written line off again so the file keeps verifying; if even that fails, stop appending. */
  async function rollBack(cause: unknown): Promise<void> {
    try {
      await handle.truncate(size);
      await handle.datasync();
    } catch {
      unavailable = new EvidenceLogError(
        'LOG_UNAVAILABLE',
        'Saving failed and the log could not be put back in order; reopen it to check and recover it.',
        { cause },
      );
    }
  }

  return {
    state: { readOnly: false, recovered },
    append: (entry) => enqueue(() => appendNow(entry)),
    entries: () => [...records],
    verify: () => enqueue(async () => verifyEvidenceLog(await fs.readFile(path))),
    close: () =>
      enqueue(async () => {
        if (isClosed) return;
        isClosed = true;
        await handle.close();
      }),
  };
}
