import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../lib/hash';
import { writeFileDurable } from '../storage/durableFile';
import { INCIDENT_ID_PATTERN } from '../../contract/incidentSchemas';
import type { LogStatus } from '../../contract/incidentTypes';
import { logCheckCode } from '../../shared/logCheckCode';
import { GENESIS_HASH, scanLog, type DeviceIdentity } from './evidenceChain';
import {
  openEvidenceLog,
  type EvidenceLog,
  type EvidenceRecord,
  type LogProblem,
  type NewEntry,
} from './evidenceLog';
import { checkLogFiles, headPathOf, readAndJudgeHead } from './logHead';
import { isEarlier, timesGoingBack, type TimeGoingBack } from './recordedTimes';
import { salvageRecords } from './salvage';
import { exportEvidenceFolder } from './evidenceExport';
import { PRIVATE_DIRS } from '../storage/privateModes';
import { plural, pluralise } from '../../shared/pluralise';

const LOG_FILE = 'log.jsonl';

/** An incident's log as opened: appendable, or read-only with the reason. */
export interface IncidentLog {
  id: string;
  records(): readonly EvidenceRecord[];
  append(entry: NewEntry): Promise<EvidenceRecord>;
  verify(): ReturnType<EvidenceLog['verify']>;
  close(): Promise<void>;
  readOnlyReason: string | null;
  recovered: string | null;
  /** Where and why the log stops verifying, when it does (null when it is whole). */
  damage: LogProblem | null;
  /** Entries after the break that can still be read, unchecked: shown so nothing is hidden. */
  unverified(): readonly EvidenceRecord[];
  /** Entries recorded earlier than the entry before them, kept up to date as entries are added. */
  timesGoingBack(): readonly TimeGoingBack[];
}

export interface IncidentStore {
  /** Ids of every incident folder, real and exercise, newest first. */
  ids(): Promise<string[]>;
  /** A fresh incident id (its folder is made by the first snapshot or log write). */
  newId(exercise: boolean): string;
  open(id: string): Promise<IncidentLog>;
  writeSnapshot(id: string, bytes: Uint8Array): Promise<string>;
  /** The snapshot's bytes, or null when missing or not matching its hash. */
  readSnapshot(id: string, sha256: string): Promise<Uint8Array | null>;
  /** The folder's files exactly as they are, zipped with a checksummed manifest (see evidenceExport). */
  exportFiles(id: string): Promise<{ zip: Uint8Array; files: number }>;
  close(): Promise<void>;
}

export const isIncidentId = (id: string): boolean => INCIDENT_ID_PATTERN.test(id);

/**
 * What the screens say about a log: its size, its last hash and check code (quoted on reports and
 * paper), any trouble, and recorded times that go backwards.
 */
export function logStatus(log: IncidentLog): LogStatus {
  const records = log.records();
  const head = records.at(-1)?.hash ?? GENESIS_HASH;
  const backwards = log.timesGoingBack();
  return {
    entries: records.length,
    head,
    checkCode: logCheckCode(head),
    readOnly: log.readOnlyReason !== null,
    ...(log.damage ? { damaged: true } : {}),
    ...(log.readOnlyReason ? { problem: log.readOnlyReason } : {}),
    ...(log.recovered ? { recovered: log.recovered } : {}),
    ...(log.damage?.line === undefined ? {} : { breaksAtLine: log.damage.line }),
    ...(backwards.length > 0
      ? {
          timeWarnings: backwards.map(
            (step) =>
              `Entry ${step.seq} was recorded at ${step.recordedAt}, earlier than the entry before it (${step.previousAt}): the computer's clock went back.`,
          ),
        }
      : {}),
  };
}

/** Plain words for a damaged log, the same for every way it is opened. */
function damageReason(noun: string, problem: LogProblem, unverified: number): string {
  const where =
    problem.line === undefined
      ? `does not match its check record (${problem.reason})`
      : `does not verify at line ${problem.line} (${problem.reason})`;
  const unchecked =
    unverified > 0
      ? ` ${pluralise(unverified, 'entry', 'entries')} from there on ${plural(unverified, 'is', 'are')} shown marked "not checked".`
      : '';
  return `This ${noun}'s log ${where}. It is shown read-only so the evidence is kept as it is.${unchecked} Save a copy of its files for investigation.`;
}

/**
 * Incident folders: `<id>/log.jsonl` (the evidence log) and `<id>/snapshots/<sha256>.md` (the
 * runbook text the incident followed). Exercise incidents live under their own directory, so
 * practice never mixes with the record of real incidents. When the data folder is
 * held by another running Holdfast, `readOnlyReason` is set: logs are read without repairing
 * anything and every append is refused.
 */
export function openIncidentStore(options: {
  dirs: { real: string; exercise: string };
  quarantineDir: string;
  now: () => Date;
  readOnlyReason: string | null;
  /** What the logs record, for messages ("incident" unless the store holds exercises). */
  noun?: string;
  /** The computer every new entry is recorded on (see OpenOptions.device). */
  device?: DeviceIdentity | undefined;
}): IncidentStore {
  const { dirs, quarantineDir, now, readOnlyReason, noun = 'incident', device } = options;
  const logs = new Map<string, Promise<IncidentLog>>();
  // Which directory holds each id; filled by ids() and newId().
  const roots = new Map<string, string>();
  const folder = (id: string): string => {
    const root = roots.get(id);
    if (!isIncidentId(id) || !root) throw new Error(`not a known incident id: ${id}`);
    return join(root, id);
  };
  const listDir = async (dir: string): Promise<string[]> => {
    try {
      return (await readdir(dir)).filter(isIncidentId);
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  };

  async function openLog(id: string): Promise<IncidentLog> {
    const path = join(folder(id), LOG_FILE);
    const headPath = headPathOf(path);
    if (readOnlyReason !== null) {
      // Another Holdfast is writing here: read both files, repair and record nothing.
      const bytes = await readFile(path).catch(() => Buffer.alloc(0));
      const head = await readFile(headPath).catch(() => null);
      const scan = scanLog(bytes);
      const { verdict } = readAndJudgeHead(scan.records, head);
      const damage: LogProblem | null = scan.broken
        ? scan.broken
        : verdict.kind === 'mismatch'
          ? { reason: verdict.reason }
          : null;
      const unverified = damage ? salvageRecords(bytes, scan.records.length) : [];
      const backInTime = timesGoingBack([...scan.records, ...unverified]);
      return {
        id,
        records: () => scan.records,
        append: () => Promise.reject(new Error(readOnlyReason)),
        verify: async () =>
          checkLogFiles(await readFile(path), await readFile(headPath).catch(() => null)),
        close: async () => undefined,
        readOnlyReason: damage ? damageReason(noun, damage, unverified.length) : readOnlyReason,
        recovered: null,
        damage,
        unverified: () => unverified,
        timesGoingBack: () => backInTime,
      };
    }
    const log = await openEvidenceLog(path, {
      now,
      quarantineDir,
      headPath,
      ...(device ? { device } : {}),
    });
    const { state } = log;
    const unverified = state.readOnly ? state.unverified : [];
    const notes = state.readOnly
      ? []
      : [
          state.recovered
            ? `The last entry being saved when Holdfast stopped was incomplete and was set aside (copy kept in ${state.recovered.quarantinedCopy}).`
            : null,
          state.headNote,
        ].filter((note) => note !== null);
    // Worked out once on open, then only each new entry against the one before: a record call
    // must not cost more as the log grows.
    const opened = log.entries();
    const backInTime = timesGoingBack(
      unverified.length === 0 ? opened : [...opened, ...unverified],
    );
    let lastRecordedAt = opened.at(-1)?.recordedAt;
    return {
      id,
      records: () => log.entries(),
      append: async (entry) => {
        const record = await log.append(entry);
        if (lastRecordedAt && isEarlier(record.recordedAt, lastRecordedAt))
          backInTime.push({
            seq: record.seq,
            recordedAt: record.recordedAt,
            previousAt: lastRecordedAt,
          });
        lastRecordedAt = record.recordedAt;
        return record;
      },
      verify: () => log.verify(),
      close: () => log.close(),
      readOnlyReason: state.readOnly ? damageReason(noun, state.problem, unverified.length) : null,
      recovered: notes.length > 0 ? notes.join(' ') : null,
      damage: state.readOnly ? state.problem : null,
      unverified: () => unverified,
      timesGoingBack: () => backInTime,
    };
  }

  return {
    async ids() {
      // Only folders on disk: an id handed out by newId has no folder until something is written.
      const found = new Set<string>();
      for (const root of [dirs.exercise, dirs.real])
        for (const id of await listDir(root)) {
          roots.set(id, root);
          found.add(id);
        }
      return [...found].sort().reverse();
    },
    newId(exercise) {
      const stamp = now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
      const id = `${stamp}-${randomBytes(3).toString('hex')}`;
      roots.set(id, exercise ? dirs.exercise : dirs.real);
      return id;
    },
    open(id) {
      let log = logs.get(id);
      if (!log) {
        log = openLog(id);
        logs.set(id, log);
        // A failed open is not remembered, so a later attempt reads the file again.
        log.catch(() => logs.delete(id));
      }
      return log;
    },
    async writeSnapshot(id, bytes) {
      const hash = sha256(bytes);
      const snapshots = join(folder(id), 'snapshots');
      await mkdir(snapshots, PRIVATE_DIRS);
      await writeFileDurable(join(snapshots, `${hash}.md`), bytes);
      return hash;
    },
    async readSnapshot(id, hash) {
      try {
        const bytes = await readFile(join(folder(id), 'snapshots', `${hash}.md`));
        return sha256(bytes) === hash ? bytes : null;
      } catch {
        return null;
      }
    },
    async exportFiles(id) {
      if (!roots.has(id)) await this.ids();
      return exportEvidenceFolder(folder(id), id, now());
    },
    async close() {
      const open = [...logs.values()];
      logs.clear();
      await Promise.all(open.map(async (pending) => (await pending.catch(() => null))?.close()));
    },
  };
}
