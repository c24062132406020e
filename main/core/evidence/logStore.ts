import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../lib/hash';
import { writeFileDurable } from '../storage/durableFile';
import { INCIDENT_ID_PATTERN } from '../../contract/incidentSchemas';
import type { LogStatus } from '../../contract/incidentTypes';
import { GENESIS_HASH, scanLog, verifyEvidenceLog, type DeviceIdentity } from './evidenceChain';
import {
  openEvidenceLog,
  type EvidenceLog,
  type EvidenceRecord,
  type NewEntry,
} from './evidenceLog';

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
  close(): Promise<void>;
}

export const isIncidentId = (id: string): boolean => INCIDENT_ID_PATTERN.test(id);

/** What the screens say about a log: its size, its last hash (quoted on reports), and any trouble. */
export function logStatus(log: IncidentLog): LogStatus {
  const records = log.records();
  return {
    entries: records.length,
    head: records.at(-1)?.hash ?? GENESIS_HASH,
    readOnly: log.readOnlyReason !== null,
    ...(log.readOnlyReason ? { problem: log.readOnlyReason } : {}),
    ...(log.recovered ? { recovered: log.recovered } : {}),
  };
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
    if (readOnlyReason !== null) {
      const scan = scanLog(await readFile(path));
      const problem = scan.broken
        ? `The log does not verify at line ${scan.broken.line}: ${scan.broken.reason}.`
        : null;
      return {
        id,
        records: () => scan.records,
        append: () => Promise.reject(new Error(readOnlyReason)),
        verify: async () => verifyEvidenceLog(await readFile(path)),
        close: async () => undefined,
        readOnlyReason: problem ?? readOnlyReason,
        recovered: null,
      };
    }
    const log = await openEvidenceLog(path, { now, quarantineDir, ...(device ? { device } : {}) });
    const { state } = log;
    return {
      id,
      records: () => log.entries(),
      append: (entry) => log.append(entry),
      verify: () => log.verify(),
      close: () => log.close(),
      readOnlyReason: state.readOnly
        ? `This ${noun}'s log does not verify at line ${state.problem.line} (${state.problem.reason}). It is shown read-only so the evidence is kept as it is.`
        : null,
      recovered:
        !state.readOnly && state.recovered
          ? `The last entry being saved when Holdfast stopped was incomplete and was set aside (copy kept in ${state.recovered.quarantinedCopy}).`
          : null,
    };
  }

  return {
    async ids() {
      for (const root of [dirs.exercise, dirs.real])
        for (const id of await listDir(root)) roots.set(id, root);
      return [...roots.keys()].sort().reverse();
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
      await mkdir(snapshots, { recursive: true });
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
    async close() {
      const open = [...logs.values()];
      logs.clear();
      await Promise.all(open.map(async (pending) => (await pending.catch(() => null))?.close()));
    },
  };
}
