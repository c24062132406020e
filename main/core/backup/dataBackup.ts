import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import type { BackupContents } from '../../contract/authoringTypes';
import { z } from 'zod';
import { checkLogFiles } from '../evidence/logHead';
import { listZipEntries, streamZipEntry, type ZipEntry, type ZipLimits } from '../packs/safeZip';
import { sha256 } from '../lib/hash';
import { openBackup, sealBackup, type ScryptCost } from './backupCipher';
import { fsyncDir } from '../storage/durableFile';
import { foldedName, restoreNamesProblem } from './restoreNames';
import { PRIVATE_DIRS, PRIVATE_FILE_MODE } from '../storage/privateModes';
import { isBackedUpEntry, isBackedUpPath } from './dataFolderEntries';

export const BACKUP_MANIFEST = 'holdfast-backup.json';
const BACKUP_FORMAT = 'holdfast-backup';
const BACKUP_FORMAT_VERSION = 1;
/** The manifest is read whole; a few thousand lines at most. */
const MANIFEST_LIMITS: ZipLimits = {
  files: 1,
  fileBytes: 16 * 1024 * 1024,
  totalBytes: 16 * 1024 * 1024,
};
/** An evidence log or its head record, in an incident, practice incident or exercise folder. */
const EVIDENCE_FILE =
  /^((?:incidents|exercises\/incidents|exercises\/runs)\/[^/]+)\/(log\.jsonl|head\.jsonl)$/;

/** A backup holds everything, so its bounds are wider than a runbook pack's. */
export const BACKUP_LIMITS: ZipLimits = {
  files: 20_000,
  fileBytes: 256 * 1024 * 1024,
  totalBytes: 1024 * 1024 * 1024,
};

const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  created: z.iso.datetime(),
  files: z.array(
    z.strictObject({
      path: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.int().min(0),
    }),
  ),
});

/**
 * Every file of Holdfast's own data in a data folder, by its path inside it with forward slashes;
 * the browser engine's files beside them, the lock and the diagnostics log are not read. Links are
 * never followed.
 */
async function listFiles(root: string, dir = root): Promise<string[]> {
  const found: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    if (dir === root && !isBackedUpEntry(name)) continue;
    if (name.startsWith('.') && name.endsWith('.tmp')) continue;
    const info = await lstat(path);
    if (info.isDirectory()) found.push(...(await listFiles(root, path)));
    else if (info.isFile()) found.push(relative(root, path).split(sep).join('/'));
  }
  return found;
}

/** One file holding all local data (settings, contacts, systems, runbooks, history, incidents), with checksums. */
export async function createBackup(
  dataDir: string,
  created: Date,
): Promise<{ zip: Uint8Array; files: number }> {
  const files = await Promise.all(
    (await listFiles(dataDir)).map(async (path) => ({
      path,
      bytes: new Uint8Array(await readFile(join(dataDir, ...path.split('/')))),
    })),
  );
  const manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    created: created.toISOString(),
    files: files.map(({ path, bytes }) => ({
      path,
      sha256: sha256(bytes),
      bytes: bytes.byteLength,
    })),
  };
  const zip = zipSync(
    {
      [BACKUP_MANIFEST]: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
      ...Object.fromEntries(files.map(({ path, bytes }) => [path, bytes])),
    },
    { mtime: created },
  );
  return { zip, files: files.length };
}

/** A backup encrypted with a passphrase, ready to save: the only kind Holdfast now makes. */
export async function createEncryptedBackup(
  dataDir: string,
  created: Date,
  passphrase: string,
  cost?: ScryptCost,
): Promise<{ file: Uint8Array; files: number }> {
  const { zip, files } = await createBackup(dataDir, created);
  return { file: await sealBackup(zip, passphrase, cost), files };
}

export type RestoreOutcome =
  | {
      ok: true;
      /** False for a plain zip from before backups were encrypted: restored, and the caller says so. */
      encrypted: boolean;
      files: number;
      /** Files in the backup that were not restored: a lock, cache, or the browser engine's files. */
      leftOut: string[];
      incidentLogs: number;
      /** Logs from before head records: restored, and each notes on first open that it had none. */
      withoutCheckRecord: number;
    }
  | { ok: false; problem: string };

/**
 * Checks every evidence log in a backup against its head record, as opening it would: a log cut
 * short, added to or re-chained since its head record was written is refused as not verified,
 * and so is a head record whose log is missing.
 */
function checkEvidence(
  files: { name: string; bytes: Uint8Array }[],
): { ok: true; logs: number; withoutCheckRecord: number } | { ok: false; problem: string } {
  const folders = new Map<string, { log?: Uint8Array; head?: Uint8Array }>();
  for (const file of files) {
    // Matched as a case-insensitive file system would see the name, so "LOG.jsonl" is checked too.
    const match = EVIDENCE_FILE.exec(foldedName(file.name));
    if (!match) continue;
    const name = file.name.slice(0, file.name.lastIndexOf('/'));
    const folder = folders.get(name) ?? {};
    if (match[2] === 'log.jsonl') folder.log = file.bytes;
    else folder.head = file.bytes;
    folders.set(name, folder);
  }
  let logs = 0;
  let withoutCheckRecord = 0;
  for (const [folder, { log, head }] of folders) {
    const check = checkLogFiles(log ?? new Uint8Array(), head ?? null);
    if (!check.ok)
      return {
        ok: false,
        problem: `the evidence log in ${folder} is not verified: ${check.line === undefined ? '' : `it breaks at line ${check.line}: `}${check.reason}.`,
      };
    if (log) logs += 1;
    if (check.head === 'missing') withoutCheckRecord += 1;
  }
  return { ok: true, logs, withoutCheckRecord };
}

/** Writes one checked entry into the staging folder chunk by chunk, private to the user, and syncs it. */
async function writeEntry(zip: Uint8Array, entry: ZipEntry, staging: string): Promise<void> {
  const path = join(staging, ...entry.name.split('/'));
  await mkdir(dirname(path), PRIVATE_DIRS);
  const fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  try {
    const problem = streamZipEntry(zip, entry, BACKUP_LIMITS, (chunk) => {
      for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at);
    });
    // Every entry was checked in the first pass; a change now means the file is being altered.
    if (problem) throw new Error(problem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  await fsyncDir(dirname(path));
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** The zip reader speaks of packs; a backup's reader says what the person chose to restore. */
function backupReadProblem(problem: string): string {
  return problem.replace(
    /^(The pack was refused|This is not a Holdfast pack): /,
    'the backup could not be read: ',
  );
}

/** A backup that passed every check, ready to write. */
export interface CheckedBackup {
  zip: Uint8Array;
  encrypted: boolean;
  /** Entries to write: everything but the manifest and what belongs to the computer that made it. */
  restored: ZipEntry[];
  leftOut: string[];
  incidentLogs: number;
  withoutCheckRecord: number;
  contents: BackupContents;
}

/** Folders directly under `prefix` that hold a file, by name: one per incident or exercise. */
function folderCount(names: readonly string[], prefix: string): number {
  const folders = new Set<string>();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    if (rest.includes('/')) folders.add(rest.slice(0, rest.indexOf('/')));
  }
  return folders.size;
}

/** Local contacts in a contacts file: every entry of its `contacts` list or map; 0 if unreadable. */
function contactCount(zip: Uint8Array, entry: ZipEntry | undefined): number {
  if (!entry) return 0;
  const chunks: Uint8Array[] = [];
  if (streamZipEntry(zip, entry, BACKUP_LIMITS, (chunk) => chunks.push(chunk.slice()))) return 0;
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { contacts?: unknown };
    const { contacts } = parsed;
    if (Array.isArray(contacts)) return contacts.length;
    return contacts && typeof contacts === 'object' ? Object.keys(contacts).length : 0;
  } catch {
    return 0;
  }
}

/**
 * Checks everything in a backup and writes nothing: the passphrase and the encryption tag (so one
 * changed byte is refused), a safe zip, names safe on every system, the manifest and every
 * checksum, and the hash chain of every incident log. Files are checked a chunk at a time, so
 * memory stays bounded by the backup's own size.
 */
export async function checkBackup(
  file: Uint8Array,
  passphrase: string | null = null,
): Promise<{ ok: true; backup: CheckedBackup } | { ok: false; problem: string }> {
  const refuse = (problem: string) => ({
    ok: false as const,
    problem: `Nothing was restored: ${backupReadProblem(problem)}`,
  });
  const opened = await openBackup(file, passphrase);
  if (!opened.ok) return refuse(opened.problem);
  const zip = opened.zip;
  const listing = listZipEntries(zip, BACKUP_LIMITS);
  if (!listing.ok) return refuse(listing.problem);
  const unsafeName = restoreNamesProblem(
    listing.entries.map((entry) => entry.name),
    isBackedUpPath,
  );
  if (unsafeName) return refuse(unsafeName);
  const manifestEntry = listing.entries.find((entry) => entry.name === BACKUP_MANIFEST);
  if (!manifestEntry)
    return refuse(`this is not a Holdfast backup (it has no ${BACKUP_MANIFEST}).`);
  const manifestChunks: Uint8Array[] = [];
  const manifestProblem = streamZipEntry(zip, manifestEntry, MANIFEST_LIMITS, (chunk) =>
    manifestChunks.push(chunk.slice()),
  );
  if (manifestProblem) return refuse(manifestProblem);
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.concat(manifestChunks).toString('utf8'));
  } catch {
    return refuse(`its ${BACKUP_MANIFEST} cannot be read.`);
  }
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success)
    return refuse('it is not a backup format this version of Holdfast understands.');
  const listed = new Map(manifest.data.files.map((file) => [file.path, file]));
  const entries = listing.entries.filter((entry) => entry.name !== BACKUP_MANIFEST);
  // First pass: every checksum, one chunk at a time. Only evidence logs (needed for their hash
  // chain check) are kept in memory; everything else is decompressed again when written.
  const evidenceFiles: { name: string; bytes: Uint8Array }[] = [];
  for (const entry of entries) {
    const expected = listed.get(entry.name);
    if (!expected)
      return refuse(`it holds ${JSON.stringify(entry.name)}, which its manifest does not list.`);
    const hash = createHash('sha256');
    const isEvidence = EVIDENCE_FILE.test(foldedName(entry.name));
    const kept: Uint8Array[] = [];
    let bytes = 0;
    const problem = streamZipEntry(zip, entry, BACKUP_LIMITS, (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
      if (isEvidence) kept.push(chunk.slice());
    });
    if (problem) return refuse(problem);
    if (expected.bytes !== bytes || expected.sha256 !== hash.digest('hex'))
      return refuse(`${entry.name} does not match its checksum, so the backup is damaged.`);
    if (isEvidence) evidenceFiles.push({ name: entry.name, bytes: Buffer.concat(kept) });
    listed.delete(entry.name);
  }
  if (listed.size > 0)
    return refuse(
      `it is missing ${[...listed.keys()].slice(0, 3).join(', ')}, which its manifest lists.`,
    );
  const evidence = checkEvidence(evidenceFiles);
  if (!evidence.ok) return refuse(evidence.problem);

  // Only Holdfast's own data is written. A lock, cache or staging folder belongs to the computer
  // that made the backup (restoring its lock would leave the new folder read-only for good, "in
  // use" by a PC that is not there), and so do the browser engine's files an earlier version kept.
  const leftOut = entries.filter((entry) => !isBackedUpPath(entry.name)).map((entry) => entry.name);
  const restored = entries.filter((entry) => isBackedUpPath(entry.name));
  const names = restored.map((entry) => entry.name);
  return {
    ok: true,
    backup: {
      zip,
      encrypted: opened.encrypted,
      restored,
      leftOut,
      incidentLogs: evidence.logs,
      withoutCheckRecord: evidence.withoutCheckRecord,
      contents: {
        created: manifest.data.created,
        encrypted: opened.encrypted,
        files: restored.length,
        incidents: folderCount(names, 'incidents/'),
        practiceIncidents: folderCount(names, 'exercises/incidents/'),
        exercises: folderCount(names, 'exercises/runs/'),
        runbooks: names.filter((name) => /^runbooks\/[^/]+\.md$/i.test(name)).length,
        contacts: contactCount(
          zip,
          restored.find((entry) => entry.name === 'contacts.json'),
        ),
      },
    },
  };
}

/**
 * Writes a checked backup into a fresh (empty or missing) folder: to a folder beside it first,
 * renamed into place in one step, so a stopped restore never leaves a half-filled target.
 */
export async function writeCheckedBackup(backup: CheckedBackup, targetDir: string): Promise<void> {
  const staging = `${targetDir}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    // Made first, so a backup holding no files still restores to an empty, private folder.
    await mkdir(staging, PRIVATE_DIRS);
    for (const entry of backup.restored) await writeEntry(backup.zip, entry, staging);
    await mkdir(dirname(targetDir), { recursive: true });
    await rmdir(targetDir).catch(() => undefined);
    await rename(staging, targetDir);
    await fsyncDir(dirname(targetDir));
  } catch (error: unknown) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Restores a backup into a fresh (empty or missing) data folder: everything is checked first
 * (checkBackup), then written beside the target and renamed into place in one step. Names that
 * would collide on Windows or a Mac are refused and a lock file is never restored.
 */
export async function restoreBackup(
  file: Uint8Array,
  targetDir: string,
  passphrase: string | null = null,
): Promise<RestoreOutcome> {
  if (!(await isEmptyOrMissing(targetDir)))
    return {
      ok: false,
      problem: `Nothing was restored: ${targetDir} is not empty. Restore into a new, empty folder.`,
    };
  const checked = await checkBackup(file, passphrase);
  if (!checked.ok) return checked;
  const { backup } = checked;
  await writeCheckedBackup(backup, targetDir);
  return {
    ok: true,
    encrypted: backup.encrypted,
    files: backup.restored.length,
    leftOut: backup.leftOut,
    incidentLogs: backup.incidentLogs,
    withoutCheckRecord: backup.withoutCheckRecord,
  };
}
