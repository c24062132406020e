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
  type DeviceIdentity,
  type EvidenceRecord,
} from './evidenceChain';
import {
  checkLogFiles,
  headLine,
  headLineFor,
  headPathOf,
  readAndJudgeHead,
  type HeadVerdict,
  type LogCheck,
} from './logHead';
import { salvageRecords } from './salvage';
import { PRIVATE_DIRS } from '../storage/privateModes';

/** The pure chain check, re-exported so callers need only this module. */
export { verifyEvidenceLog, type EvidenceRecord, type VerifyResult } from './evidenceChain';
export type { LogCheck } from './logHead';

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

/** Why a log is read-only: the line where it breaks (when a line does), and the reason. */
export interface LogProblem {
  line?: number;
  seq?: number;
  reason: string;
}

/** What openEvidenceLog found and did. */
export type OpenState =
  | {
      readOnly: false;
      recovered: Recovery | null;
      /** What was done to the head record on open (an entry never shown as saved, or no record), in words. */
      headNote: string | null;
    }
  | {
      readOnly: true;
      problem: LogProblem;
      /** Entries after the verified ones that can still be read, unchecked (see salvageRecords). */
      unverified: EvidenceRecord[];
    };

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
  /** Re-reads the file and its head record from disk and checks the whole chain against the record. */
  verify(): Promise<LogCheck>;
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
  /** The head record; defaults to `head.jsonl` beside the log. */
  headPath?: string;
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
  await fs.mkdir(quarantineDir, PRIVATE_DIRS);
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

/** Reads the log and its head record again and checks them together. */
async function checkOnDisk(path: string, headPath: string, fs: EvidenceLogFs): Promise<LogCheck> {
  return checkLogFiles(await fs.readFile(path), await readExisting(headPath, fs));
}

function readOnlyLog(
  records: EvidenceRecord[],
  problem: LogProblem,
  unverified: EvidenceRecord[],
  paths: { path: string; headPath: string },
  fs: EvidenceLogFs,
): EvidenceLog {
  const where = problem.line === undefined ? '' : ` at line ${problem.line}`;
  return {
    state: { readOnly: true, problem, unverified },
    append: async () => {
      throw new EvidenceLogError(
        'LOG_READ_ONLY',
        `This log does not verify${where} (${problem.reason}); it is open read-only and nothing can be added.`,
      );
    },
    entries: () => [...records],
    verify: () => checkOnDisk(paths.path, paths.headPath, fs),
    close: async () => undefined,
  };
}

/** Adds one line to an append-only file and makes it durable (the head record's appends). */
async function appendDurably(handle: LogFileHandle, line: string): Promise<number> {
  const bytes = Buffer.from(line);
  await writeAll(handle, bytes);
  await handle.datasync();
  return bytes.length;
}

/**
 * Opens (or creates) an append-only, hash-chained JSONL evidence log with its head record (see
 * logHead.ts). On open every line is checked, and the entries against the head record.
 *
 * - A torn last line (no newline after it: a crash mid-append) that the head record does not
 *   count is copied byte for byte to quarantine, then the file is atomically replaced by its good
 *   records plus a visible 'recovery' record.
 * - One whole entry after the head record (a crash after the append, before the head write) is
 *   kept, and a 'recovery' record says it was never shown as saved.
 * - Anything else is never repaired: a complete line that does not verify (even the last), a torn
 *   line the head record counts, entries cut from the end, added or rewritten. The log opens
 *   read-only with the reason and appends are refused with LOG_READ_ONLY.
 *
 * A file that cannot be read makes this reject; nothing is ever written over it.
 */
export async function openEvidenceLog(path: string, options: OpenOptions): Promise<EvidenceLog> {
  const { now } = options;
  const fs: EvidenceLogFs = { ...nodeLogFs, ...options.fs };
  const quarantineDir = options.quarantineDir ?? join(dirname(path), 'quarantine');
  const headPath = options.headPath ?? headPathOf(path);

  // Both files are read at once (a long log's head record is large too); a failure to read the
  // log is reported before one to read its head record, as when they were read in turn.
  const [logRead, headRead] = await Promise.allSettled([
    readExisting(path, fs),
    readExisting(headPath, fs),
  ]);
  if (logRead.status === 'rejected') throw logRead.reason;
  if (headRead.status === 'rejected') throw headRead.reason;
  const existing = logRead.value;
  const headBytes = headRead.value;
  const scan = scanLog(existing ?? Buffer.alloc(0));
  const records = scan.records;
  const { journal, verdict } = readAndJudgeHead(records, headBytes);
  const noted = journal?.heads.at(-1)?.entries ?? null;
  const readOnly = (problem: LogProblem): EvidenceLog =>
    readOnlyLog(
      records,
      problem,
      existing ? salvageRecords(existing, records.length) : [],
      { path, headPath },
      fs,
    );

  const broken = existing ? scan.broken : null;
  if (broken) {
    // Only a last line cut short is what a crash mid-append leaves behind; a complete line that
    // fails was edited or damaged, and repairing it would destroy the evidence of what happened.
    if (!(broken.isLastLine && broken.isIncomplete)) return readOnly(broken);
    if (noted !== null && noted > records.length)
      return readOnly({
        ...broken,
        reason: `entry ${records.length + 1} was shown as saved, but its line is now incomplete (cut short or damaged)`,
      });
  }
  if (verdict.kind === 'mismatch') return readOnly({ reason: verdict.reason });

  // The head record is brought up to the verified entries before anything else is written, so a
  // crash during what follows never leaves it more than one entry behind.
  if (verdict.kind === 'new' || verdict.kind === 'missing' || !headBytes)
    await writeFileDurable(headPath, headLineFor(records), fs);
  const headHandle = await fs.openAppend(headPath);
  let headSize: number;
  try {
    headSize =
      verdict.kind === 'new' || verdict.kind === 'missing'
        ? headLineFor(records).length
        : (journal?.goodBytes ?? 0);
    if (
      headBytes &&
      journal &&
      journal.goodBytes < headBytes.length &&
      verdict.kind !== 'missing' &&
      verdict.kind !== 'new'
    ) {
      // A head line torn by a crash: cut it off so the next line starts on a line of its own.
      await headHandle.truncate(journal.goodBytes);
      await headHandle.datasync();
    }
    if (verdict.kind === 'unacknowledged')
      headSize += await appendDurably(headHandle, headLineFor(records));
  } catch (error: unknown) {
    await headHandle.close();
    throw storageError(error, 'The log check record could not be updated');
  }

  let recovered: Recovery | null = null;
  // The byte length of the verified content: a failed append is cut back to exactly this.
  let size = scan.goodBytes;
  if (existing && broken) {
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
            'The last line of this log was incomplete, as happens when a crash or power cut interrupts saving. It was removed from the log and kept unchanged in the quarantine copy; the check record shows it had not yet been shown as saved.',
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
    try {
      headSize += await appendDurably(headHandle, headLineFor(records));
    } catch (error: unknown) {
      await headHandle.close();
      throw storageError(error, 'The log check record could not be updated');
    }
  }

  if (!existing) await fs.mkdir(dirname(path), PRIVATE_DIRS);
  const handle = await fs.openAppend(path);
  if (!existing) {
    try {
      // A new log must still exist after a power cut: its content and its folder entry.
      await handle.sync();
      await fsyncDir(dirname(path), fs);
    } catch (error: unknown) {
      await handle.close();
      await headHandle.close();
      throw storageError(error, 'The new log could not be created');
    }
  }
  const log = appendableLog(
    { path, headPath },
    { log: handle, head: headHandle },
    {
      records,
      size,
      headSize,
      recovered,
      now,
      fs,
      ...(options.device ? { device: options.device } : {}),
    },
  );
  const headNote = await noteHeadOnOpen(log, verdict, records.length);
  return { ...log, state: { readOnly: false, recovered, headNote } };
}

/**
 * Records in the log itself what opening did about the head record, so the trace stays with the
 * evidence: an entry kept that was never shown as saved, or a head record started afresh.
 * Returns the same in words for the screen, or null when there was nothing to say.
 */
async function noteHeadOnOpen(
  log: EvidenceLog & { appendSystem(body: Record<string, string | number>): Promise<unknown> },
  verdict: HeadVerdict,
  entries: number,
): Promise<string | null> {
  if (verdict.kind === 'unacknowledged') {
    const summary = `Entry ${verdict.seq} was saved in full just as Holdfast stopped, before it was shown as saved. It is kept: check that it says what was meant.`;
    await log.appendSystem({ about: 'unacknowledged-entry', summary, entry: verdict.seq });
    return summary;
  }
  if (verdict.kind === 'missing') {
    const summary = `This log had no check record (it was made by an earlier version of Holdfast, or the record was removed). A new one was started from the ${entries} entries found; entries removed before now cannot be detected.`;
    await log.appendSystem({ about: 'no-check-record', summary, entries });
    return summary;
  }
  return null;
}

function appendableLog(
  paths: { path: string; headPath: string },
  handles: { log: LogFileHandle; head: LogFileHandle },
  opened: {
    records: EvidenceRecord[];
    size: number;
    headSize: number;
    recovered: Recovery | null;
    now: () => Date;
    fs: EvidenceLogFs;
    device?: DeviceIdentity;
  },
): EvidenceLog & { appendSystem(body: Record<string, string | number>): Promise<unknown> } {
  const { records, recovered, now, fs, device } = opened;
  const handle = handles.log;
  let size = opened.size;
  let headSize = opened.headSize;
  let isClosed = false;
  let unavailable: EvidenceLogError | null = null;
  // One append at a time: seq and prevHash are taken from the record before, once it is durable.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  /**
   * Writes a sealed record: the log line, fdatasync, then its head line, fdatasync. Only then is
   * it acknowledged. A failure at any step cuts both files back, so the head record is never more
   * than one entry behind the log (the crash rule in logHead.ts) and never ahead of it.
   */
  async function writeSealed(sealed: {
    record: EvidenceRecord;
    line: string;
  }): Promise<EvidenceRecord> {
    const { record } = sealed;
    const line = Buffer.from(sealed.line);
    const head = Buffer.from(headLine(record.seq, record.hash));
    try {
      await writeAll(handle, line);
      await handle.datasync();
      await writeAll(handles.head, head);
      await handles.head.datasync();
    } catch (error: unknown) {
      await rollBack(error);
      throw storageError(error, 'The entry was not saved');
    }
    records.push(record);
    size += line.length;
    headSize += head.length;
    return record;
  }

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
    return writeSealed(
      buildRecord(
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
      ),
    );
  }

  /** A 'recovery' record the log writes about itself. */
  async function appendSystemNow(body: Record<string, string | number>): Promise<EvidenceRecord> {
    if (isClosed) throw new EvidenceLogError('LOG_CLOSED', 'This log has been closed.');
    if (unavailable) throw unavailable;
    const at = now().toISOString();
    return writeSealed(
      buildRecord(
        {
          recordedAt: at,
          eventAt: at,
          author: SYSTEM_AUTHOR,
          ...(device ? { device } : {}),
          kind: 'recovery',
          body,
        },
        records.at(-1),
      ),
    );
  }

  /** Cuts a half-written line off both files again so they keep verifying; if even that fails, stop appending. */
  async function rollBack(cause: unknown): Promise<void> {
    // The head record first: if only that works, the log keeps one line more than the head
    // (the crash rule); the other way round the head would claim an entry the log lacks.
    try {
      await handles.head.truncate(headSize);
      await handles.head.datasync();
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
    state: { readOnly: false, recovered, headNote: null },
    append: (entry) => enqueue(() => appendNow(entry)),
    appendSystem: (body) => enqueue(() => appendSystemNow(body)),
    entries: () => [...records],
    verify: () => enqueue(() => checkOnDisk(paths.path, paths.headPath, fs)),
    close: () =>
      enqueue(async () => {
        if (isClosed) return;
        isClosed = true;
        await handle.close();
        await handles.head.close();
      }),
  };
}
