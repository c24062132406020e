import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../runbooks/library';
import { writeFileDurable } from '../storage/durableFile';
import { scanLog, verifyEvidenceLog } from './evidenceChain';
import { openEvidenceLog, type EvidenceLog, type EvidenceRecord, type NewEntry } from './evidenceLog';

const INCIDENT_ID = /^[0-9]{8}-[0-9]{4}-[a-f0-9]{6}$/;
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
  /** Ids of every incident folder, newest first. */
  ids(): Promise<string[]>;
  /** A fresh incident id (its folder is made by the first snapshot or log write). */
  newId(): string;
  open(id: string): Promise<IncidentLog>;
  writeSnapshot(id: string, bytes: Uint8Array): Promise<string>;
  /** The snapshot's bytes, or null when missing or not matching its hash. */
  readSnapshot(id: string, sha256: string): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export const isIncidentId = (id: string): boolean => INCIDENT_ID.test(id);


/**
 * Incident folders under one directory: `<id>/log.jsonl` (the evidence log) and
 * `<id>/snapshots/<sha256>.md` (the runbook text the incident followed). When the data folder is
 * held by another running Holdfast, `readOnlyReason` is set: logs are read without repairing
 * anything and every append is refused.
 */
export function openIncidentStore(options: {
  dir: string;
  quarantineDir: string;
  now: () => Date;
  readOnlyReason: string | null;
}): IncidentStore {
  const { dir, quarantineDir, now, readOnlyReason } = options;
  const logs = new Map<string, Promise<IncidentLog>>();
  const folder = (id: string): string => {
    if (!isIncidentId(id)) throw new Error(`not an incident id: ${id}`);
    return join(dir, id);
  };

  async function openLog(id: string): Promise<IncidentLog> {
    const path = join(folder(id), LOG_FILE);
    if (readOnlyReason !== null) {
      const scan = scanLog(await readFile(path));
      const problem = scan.broken ? `The log does not verify at line ${scan.broken.line}: ${scan.broken.reason}.` : null;
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
    const log = await openEvidenceLog(path, { now, quarantineDir });
    const { state } = log;
    return {
      id,
      records: () => log.entries(),
      append: (entry) => log.append(entry),
      verify: () => log.verify(),
      close: () => log.close(),
      readOnlyReason: state.readOnly
        ? `This incident's log does not verify at line ${state.problem.line} (${state.problem.reason}). It is shown read-only so the evidence is kept as it is.`
        : null,
      recovered: !state.readOnly && state.recovered
        ? `The last entry being saved when Holdfast stopped was incomplete and was set aside (copy kept in ${state.recovered.quarantinedCopy}).`
        : null,
    };
  }

  return {
    async ids() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error: unknown) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      return names.filter(isIncidentId).sort().reverse();
    },
    newId() {
      const stamp = now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
      return `${stamp}-${randomBytes(3).toString('hex')}`;
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
