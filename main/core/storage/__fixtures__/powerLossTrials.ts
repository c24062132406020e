import { accessSync, constants } from 'node:fs';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { z } from 'zod';
import { createRng } from '../../__fixtures__/prng';
import { scanLog } from '../../evidence/evidenceChain';
import {
  openEvidenceLog,
  verifyEvidenceLog,
  type EvidenceLogFs,
  type EvidenceRecord,
  type NewEntry,
} from '../../evidence/evidenceLog';
import { headLineFor, headPathOf } from '../../evidence/logHead';
import { writeFileDurable } from '../durableFile';
import { DurableJsonFile } from '../durableJsonFile';
import {
  materialise,
  PowerCut,
  SimulatedDisk,
  type LostWrites,
  type NameOrder,
} from './simulatedDisk';

/*
 * Power-cut trials shared by the unit suite (thousands of states) and `npm run soak` (hundreds of
 * thousands): a write sequence runs on a simulated disk, is cut at every call, unsynced data is
 * dropped, zeroed or torn, and the app's own code reopens what is left from a real folder.
 */

export interface TrialFigures {
  states: number;
  failures: number;
  /** The first few failures, in words, to reproduce them. */
  problems: string[];
}

const LOST: LostWrites[] = ['dropped', 'zeroed', 'torn'];
const ORDERS: NameOrder[] = ['at-folder-fsync', 'in-order'];
const AT = () => new Date('2026-03-01T02:00:00Z');

// ---- durable documents (contacts, systems, grab-bag record, settings backup) ----

export const DOC_ROOT = '/data';
export const DOC_PATH = `${DOC_ROOT}/doc.json`;
export const docSchema = z.strictObject({ n: z.int(), note: z.string() });
export type Doc = z.infer<typeof docSchema>;
export const docText = (doc: Doc): string => `${JSON.stringify(doc, null, 2)}\n`;
export const docOf = (n: number): Doc => ({
  n,
  note: `version ${n} ${'x'.repeat((n * 37) % 200)}`,
});

/** A document file over the simulated disk, as the app opens it. */
export const documentOn = (disk: SimulatedDisk): DurableJsonFile<Doc> =>
  new DurableJsonFile<Doc>({
    path: DOC_PATH,
    quarantineDir: `${DOC_ROOT}/quarantine`,
    schema: docSchema,
    label: 'test',
    now: AT,
    writeFile: (target, data) => writeFileDurable(target, data, disk),
  });

/** A disk holding version 0 of the document and its last-good copy. */
export const freshDocDisk = (): SimulatedDisk =>
  new SimulatedDisk({ [DOC_PATH]: docText(docOf(0)), [`${DOC_PATH}.bak`]: docText(docOf(0)) });

/** Runs commits 1..count until the disk's power cut; returns how many were acknowledged. */
export async function commitUntilCut(disk: SimulatedDisk, count: number): Promise<number> {
  const file = documentOn(disk);
  let acknowledged = 0;
  try {
    for (let n = 1; n <= count; n += 1) {
      await file.write(docOf(n));
      acknowledged = n;
    }
  } catch (error: unknown) {
    if (!(error instanceof PowerCut)) throw error;
  }
  return acknowledged;
}

/** Document writes cut at every call until at least `states` post-cut states were reopened. */
export async function documentPowerLoss(options: {
  states: number;
  seed: number;
  scratch: string;
}): Promise<TrialFigures> {
  const rng = createRng(options.seed);
  const random = (): number => rng.next();
  const figures: TrialFigures = { states: 0, failures: 0, problems: [] };
  while (figures.states < options.states) {
    const commits = 1 + Math.floor(random() * 3);
    const full = freshDocDisk();
    await commitUntilCut(full, commits);
    for (let cut = 0; cut <= full.ops.length; cut += 1) {
      const disk = freshDocDisk();
      disk.cutBefore = cut;
      const acknowledged = await commitUntilCut(disk, commits);
      for (const lost of LOST) {
        for (const order of ORDERS) {
          const dir = await mkdtemp(join(options.scratch, 'state-'));
          await materialise(disk.afterPowerCut(lost, order), DOC_ROOT, dir);
          const file = new DurableJsonFile<Doc>({
            path: join(dir, 'doc.json'),
            quarantineDir: join(dir, 'quarantine'),
            schema: docSchema,
            label: 'test',
            now: AT,
          });
          const version = (await file.read())?.n ?? null;
          await rm(dir, { recursive: true, force: true });
          figures.states += 1;
          // Either what was last acknowledged or the write in flight; anything else is a loss.
          if (
            version === null ||
            version < acknowledged ||
            version > Math.min(acknowledged + 1, commits)
          ) {
            figures.failures += 1;
            if (figures.problems.length < 5)
              figures.problems.push(
                `${commits} commits, cut before call ${cut}, ${lost}, names ${order}: acknowledged ${acknowledged}, reopened ${version}`,
              );
          }
        }
      }
    }
  }
  return figures;
}

// ---- evidence log appends ----

/** A real log with three entries and its head record, the starting point of every append trial. */
export async function seedLog(
  dir: string,
): Promise<{ path: string; initial: string; headPath: string; initialHead: string }> {
  const path = join(dir, 'log.jsonl');
  const log = await openEvidenceLog(path, { now: AT });
  for (const text of ['Opened', 'Rang the IT supplier', 'Unplugged the office PC'])
    await log.append({ author: 'Ann', kind: 'note', body: { text } });
  await log.close();
  const headPath = headPathOf(path);
  return {
    path,
    initial: await readFile(path, 'utf8'),
    headPath,
    initialHead: await readFile(headPath, 'utf8'),
  };
}

async function appendUntilCut(
  disk: SimulatedDisk,
  path: string,
  count: number,
): Promise<EvidenceRecord[]> {
  // The log reads the existing (real, unchanged) files, then appends to the log and its head
  // record through the simulated disk.
  const log = await openEvidenceLog(path, { now: AT, fs: { openAppend: disk.openAppend } });
  const acknowledged: EvidenceRecord[] = [];
  try {
    for (let n = 0; n < count; n += 1)
      acknowledged.push(
        await log.append({
          author: 'Ann',
          kind: 'note',
          body: { text: `note ${n} ${'x'.repeat((n * 53) % 300)}` },
        }),
      );
  } catch {
    // The power cut: nothing after it happened.
  }
  return acknowledged;
}

/** Appends of 1-12 entries cut at every call until at least `states` post-cut logs were reopened. */
export async function logPowerLoss(options: {
  states: number;
  scratch: string;
}): Promise<TrialFigures> {
  const { path, initial, headPath, initialHead } = await seedLog(options.scratch);
  const figures: TrialFigures = { states: 0, failures: 0, problems: [] };
  const seeded = (): SimulatedDisk =>
    new SimulatedDisk({ [path]: initial, [headPath]: initialHead });
  for (let count = 1; figures.states < options.states; count = (count % 12) + 1) {
    const full = seeded();
    await appendUntilCut(full, path, count);
    for (let cut = 0; cut <= full.ops.length; cut += 1) {
      const disk = seeded();
      disk.cutBefore = cut;
      const acknowledged = await appendUntilCut(disk, path, count);
      for (const lost of LOST) {
        const into = await mkdtemp(join(options.scratch, 'state-'));
        await materialise(disk.afterPowerCut(lost, 'in-order'), options.scratch, into);
        const reopened = await openEvidenceLog(join(into, 'log.jsonl'), {
          now: AT,
          quarantineDir: join(into, 'quarantine'),
        });
        const entries = reopened.entries();
        const kept = acknowledged.every((record) => entries[record.seq - 1]?.hash === record.hash);
        // The log and its head record agree again after the reopen (one entry behind is settled then).
        const verifies =
          (await reopened.verify()).ok &&
          verifyEvidenceLog(await readFile(join(into, 'log.jsonl'))).ok;
        await reopened.close();
        await rm(into, { recursive: true, force: true });
        figures.states += 1;
        if (reopened.state.readOnly || !kept || !verifies) {
          figures.failures += 1;
          if (figures.problems.length < 5)
            figures.problems.push(
              `${count} appends, cut before call ${cut}, ${lost}: read-only ${reopened.state.readOnly}, kept ${kept}, verifies ${verifies}`,
            );
        }
      }
    }
  }
  return figures;
}

// ---- evidence log torn-tail repair ----

/**
 * Where to put the reopened states of the repair trials: a memory-backed folder where there is one
 * (Linux), since the real reopen repairs most states again and its own fsyncs, which prove nothing
 * here (the disk under test is the simulated one), would otherwise take most of the time.
 */
export function scratchBase(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** Where the app keeps things: each incident's log in its own folder, one quarantine for the data folder. */
export const REPAIR_ROOT = '/data';
export const REPAIR_LOG = `${REPAIR_ROOT}/incidents/20260301-0200-a1b2c3/log.jsonl`;
export const REPAIR_HEAD = headPathOf(REPAIR_LOG);
export const REPAIR_QUARANTINE = `${REPAIR_ROOT}/quarantine`;
const EARLIER_COPY = `${REPAIR_QUARANTINE}/2026-02-01T09-00-00-000Z-0a0b0c-settings.json`;

/** A log whose last line is torn, as a power cut mid-append leaves it, and the records before the tear. */
export interface TornLog {
  /** How the tear was made, to reproduce a failure. */
  label: string;
  bytes: Uint8Array;
  /** Every record before the torn line: all of them were acknowledged, none may change. */
  before: EvidenceRecord[];
  /** Byte length of those records: the prefix the repair must keep exactly. */
  goodBytes: number;
}

export interface RepairFigures extends TrialFigures {
  /** Torn logs the trials started from. */
  tornLogs: number;
  /** States where the cut repair had not landed and the real reopen repaired the same tear again. */
  repairedAgain: number;
}

const isPowerCut = (error: unknown): boolean =>
  error instanceof PowerCut || (error instanceof Error && error.cause instanceof PowerCut);

const noteOf = (n: number): NewEntry => ({
  author: 'Ann',
  kind: 'note',
  body: { text: `note ${n} ${'x'.repeat((n * 53) % 300)}` },
});

/** Appends `count` notes to the log on the simulated disk (every call through it) until its power cut. */
async function appendOnDisk(disk: SimulatedDisk, count: number): Promise<void> {
  try {
    const log = await openEvidenceLog(REPAIR_LOG, {
      now: AT,
      fs: disk,
      quarantineDir: REPAIR_QUARANTINE,
    });
    for (let n = 0; n < count; n += 1) await log.append(noteOf(n));
  } catch (error: unknown) {
    if (!isPowerCut(error)) throw error;
  }
}

/** The torn log, or null when these bytes have no torn last line (a clean cut, or nothing lost). */
function tornLog(label: string, bytes: Uint8Array): TornLog | null {
  const scan = scanLog(bytes);
  if (!scan.broken?.isLastLine || !scan.broken.isIncomplete) return null;
  return { label, bytes, before: scan.records, goodBytes: scan.goodBytes };
}

/**
 * Torn logs, each different: appends of 1-12 notes cut at a call of the simulated disk with unsynced
 * data zeroed or torn (dropping it leaves no tear), or the line being written torn by hand: cut at a
 * random byte, zero-filled, partly zero-filled. (A complete line, zeros or a wrong hash ending in
 * a newline, is not a tear: it opens read-only, see evidenceLog.test.ts.) One per
 * round, taking turns, so that even the first few differ in length and kind of tear. Seeded.
 */
export async function tornLogs(options: {
  count: number;
  seed: number;
  initial: string;
}): Promise<TornLog[]> {
  const rng = createRng(options.seed);
  const seen = new Set<string>();
  const logs: TornLog[] = [];
  for (let round = 0; logs.length < options.count && round < 20 * options.count + 100; round += 1) {
    const count = (round % 12) + 1;
    const full = new SimulatedDisk({ [REPAIR_LOG]: options.initial });
    await appendOnDisk(full, count);
    const cut = rng.int(0, full.ops.length);
    const disk = new SimulatedDisk({ [REPAIR_LOG]: options.initial });
    disk.cutBefore = cut;
    await appendOnDisk(disk, count);
    const whole = Buffer.from(full.read(REPAIR_LOG) ?? '');
    const start = whole.lastIndexOf(0x0a, whole.length - 2) + 1;
    const good = whole.subarray(0, start);
    const line = whole.subarray(start);
    const at = rng.int(1, line.length - 1);
    const byHand: [string, Buffer][] = [
      [`cut at byte ${at}`, Buffer.concat([good, line.subarray(0, at)])],
      ['zero-filled', Buffer.concat([good, Buffer.alloc(line.length)])],
      [
        `zero-filled from byte ${at}`,
        Buffer.concat([good, line.subarray(0, at), Buffer.alloc(line.length - at)]),
      ],
    ];
    const [label, bytes] = rng.pick(byHand);
    const candidates = [
      () =>
        tornLog(
          `${count} appends cut before call ${cut}, zeroed`,
          disk.afterPowerCut('zeroed', 'in-order').get(REPAIR_LOG) ?? new Uint8Array(),
        ),
      () =>
        tornLog(
          `${count} appends cut before call ${cut}, torn`,
          disk.afterPowerCut('torn', 'in-order').get(REPAIR_LOG) ?? new Uint8Array(),
        ),
      () => tornLog(`${count} appends, last line ${label}`, bytes),
    ];
    // This round's kind of tear first; the next kind if the cut left no tear or one seen before.
    for (let turn = 0; turn < candidates.length; turn += 1) {
      const log = candidates[(round + turn) % candidates.length]!();
      const key = log === null ? '' : Buffer.from(log.bytes).toString('base64');
      if (log === null || seen.has(key)) continue;
      seen.add(key);
      logs.push(log);
      break;
    }
  }
  return logs;
}

/** Reopens the torn log on the simulated disk (the repair), then appends one note, until the power cut. */
async function repairOnDisk(
  disk: SimulatedDisk,
  fs: Partial<EvidenceLogFs>,
): Promise<{ appended: EvidenceRecord | null; error: string | null }> {
  let appended: EvidenceRecord | null = null;
  try {
    const log = await openEvidenceLog(REPAIR_LOG, {
      now: AT,
      fs,
      quarantineDir: REPAIR_QUARANTINE,
    });
    appended = await log.append(noteOf(99));
    await log.close();
  } catch (error: unknown) {
    if (!isPowerCut(error))
      return { appended, error: error instanceof Error ? error.message : String(error) };
  }
  return { appended, error: null };
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** What is wrong with the reopened state, in words, or null when it keeps everything. */
async function checkRepairedState(
  torn: TornLog,
  appended: EvidenceRecord | null,
  into: string,
): Promise<{ problem: string | null; repairedAgain: boolean }> {
  const logPath = join(into, relative(REPAIR_ROOT, REPAIR_LOG));
  const quarantine = join(into, relative(REPAIR_ROOT, REPAIR_QUARANTINE));
  const reopened = await openEvidenceLog(logPath, { now: AT, quarantineDir: quarantine });
  try {
    if (reopened.state.readOnly)
      return { problem: `read-only: ${reopened.state.problem.reason}`, repairedAgain: false };
    const repairedAgain = reopened.state.recovered?.line === torn.before.length + 1;
    const bytes = await readFile(logPath);
    if (!verifyEvidenceLog(bytes).ok) return { problem: 'does not verify', repairedAgain };
    if (!bytes.subarray(0, torn.goodBytes).equals(torn.bytes.subarray(0, torn.goodBytes)))
      return { problem: 'the records before the tear changed', repairedAgain };
    const entries = reopened.entries();
    if (!torn.before.every((record) => entries[record.seq - 1]?.hash === record.hash))
      return { problem: 'an acknowledged entry is missing', repairedAgain };
    // The tear is never cut off silently: a recovery record follows the good ones, every recovery
    // record names a copy that is there, and the torn log is kept whole in quarantine (by the cut
    // repair, or by this reopen because the tear was still the log's tail).
    if (entries[torn.before.length]?.kind !== 'recovery')
      return { problem: `no recovery record after entry ${torn.before.length}`, repairedAgain };
    // Notes about the head record (an entry kept that was never shown as saved) name no copy.
    for (const recovery of entries
      .slice(torn.before.length)
      .filter((record) => record.kind === 'recovery' && record.body.about === undefined)) {
      const copy = recovery.body.quarantinedCopy;
      if (typeof copy !== 'string')
        return {
          problem: `recovery record ${recovery.seq} names no quarantined copy`,
          repairedAgain,
        };
      const realCopy = copy.startsWith(`${REPAIR_QUARANTINE}/`)
        ? join(quarantine, relative(REPAIR_QUARANTINE, copy))
        : copy;
      if (!(await exists(realCopy)))
        return {
          problem: `recovery record ${recovery.seq} names ${basename(copy)}, which is gone`,
          repairedAgain,
        };
    }
    const copies = await readdir(quarantine).catch(() => []);
    const kept = await Promise.all(
      copies.map(async (name) => (await readFile(join(quarantine, name))).equals(torn.bytes)),
    );
    if (!kept.includes(true))
      return {
        problem: `no whole copy of the torn log in quarantine (${copies.length} files there): its bytes were lost`,
        repairedAgain,
      };
    // The note appended after the repair, once acknowledged, is kept too.
    if (appended && entries[appended.seq - 1]?.hash !== appended.hash)
      return { problem: 'the acknowledged note after the repair is missing', repairedAgain };
    return { problem: null, repairedAgain };
  } finally {
    await reopened.close();
  }
}

/**
 * The torn-tail repair cut at every call: each torn log is reopened on the simulated disk (quarantine
 * copy, atomic replace of the log, one note appended), with the quarantine folder already there or
 * not; every cut, with unsynced data dropped, zeroed or torn and names durable at folder fsync or in
 * order, is written to a real folder and reopened by the real log, which may have to repair it again.
 * `wrapFs` swaps calls of the simulated disk, to show that a repair missing a step is caught.
 */
export async function logRepairPowerLoss(options: {
  states: number;
  seed: number;
  scratch: string;
  wrapFs?: (disk: SimulatedDisk) => Partial<EvidenceLogFs>;
}): Promise<RepairFigures> {
  const seedDir = await mkdtemp(join(options.scratch, 'seed-'));
  const { initial } = await seedLog(seedDir);
  await rm(seedDir, { recursive: true, force: true });
  const figures: RepairFigures = {
    states: 0,
    failures: 0,
    problems: [],
    tornLogs: 0,
    repairedAgain: 0,
  };
  const wrap = options.wrapFs ?? ((disk: SimulatedDisk) => disk);
  // Each torn log with an empty and a used quarantine is about 220 states.
  const torn = await tornLogs({
    count: Math.ceil(options.states / 200),
    seed: options.seed,
    initial,
  });
  if (torn.length * 200 < options.states)
    throw new Error(`only ${torn.length} different torn logs for ${options.states} states`);
  const fail = (problem: string): void => {
    figures.failures += 1;
    if (figures.problems.length < 5) figures.problems.push(problem);
  };
  for (const log of torn) {
    if (figures.states >= options.states) break;
    figures.tornLogs += 1;
    for (const earlier of [false, true]) {
      // The head record counts the entries before the tear: the torn one was never acknowledged.
      const fresh = (): SimulatedDisk =>
        new SimulatedDisk({
          [REPAIR_LOG]: log.bytes,
          [REPAIR_HEAD]: headLineFor(log.before),
          ...(earlier ? { [EARLIER_COPY]: '{"earlier":true}\n' } : {}),
        });
      const full = fresh();
      const uncut = await repairOnDisk(full, wrap(full));
      if (uncut.error !== null || uncut.appended === null)
        fail(
          `${log.label}: the repair without a power cut failed: ${uncut.error ?? 'nothing appended'}`,
        );
      for (let cut = 0; cut <= full.ops.length; cut += 1) {
        const disk = fresh();
        disk.cutBefore = cut;
        const { appended, error } = await repairOnDisk(disk, wrap(disk));
        const op = full.ops[cut];
        for (const lost of LOST) {
          for (const order of ORDERS) {
            const where = `${log.label}; quarantine ${earlier ? 'in use' : 'new'}; cut before call ${cut} (${op ? `${op.op} ${basename(op.path)}` : 'none'}), ${lost}, names ${order}`;
            const into = await mkdtemp(join(options.scratch, 'state-'));
            await materialise(disk.afterPowerCut(lost, order), REPAIR_ROOT, into);
            const checked = await checkRepairedState(log, appended, into).catch(
              (reason: unknown) => ({
                problem: `reopen failed: ${String(reason)}`,
                repairedAgain: false,
              }),
            );
            await rm(into, { recursive: true, force: true });
            figures.states += 1;
            if (checked.repairedAgain) figures.repairedAgain += 1;
            const problem = error ?? checked.problem;
            if (problem !== null) fail(`${where}: ${problem}`);
          }
        }
      }
    }
  }
  return figures;
}
