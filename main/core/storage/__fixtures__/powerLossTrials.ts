import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { createRng } from '../../__fixtures__/prng';
import { openEvidenceLog, verifyEvidenceLog, type EvidenceRecord } from '../../incidents/evidenceLog';
import { writeFileDurable } from '../durableFile';
import { DurableJsonFile } from '../durableJsonFile';
import { materialise, PowerCut, SimulatedDisk, type LostWrites, type NameOrder } from './simulatedDisk';

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
export const docOf = (n: number): Doc => ({ n, note: `version ${n} ${'x'.repeat((n * 37) % 200)}` });

/** A document file over the simulated disk, as the app opens it. */
export const documentOn = (disk: SimulatedDisk): DurableJsonFile<Doc> =>
  new DurableJsonFile<Doc>({ path: DOC_PATH, quarantineDir: `${DOC_ROOT}/quarantine`, schema: docSchema, label: 'test', now: AT, writeFile: (target, data) => writeFileDurable(target, data, disk) });

/** A disk holding version 0 of the document and its last-good copy. */
export const freshDocDisk = (): SimulatedDisk => new SimulatedDisk({ [DOC_PATH]: docText(docOf(0)), [`${DOC_PATH}.bak`]: docText(docOf(0)) });

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
export async function documentPowerLoss(options: { states: number; seed: number; scratch: string }): Promise<TrialFigures> {
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
          const file = new DurableJsonFile<Doc>({ path: join(dir, 'doc.json'), quarantineDir: join(dir, 'quarantine'), schema: docSchema, label: 'test', now: AT });
          const version = (await file.read())?.n ?? null;
          await rm(dir, { recursive: true, force: true });
          figures.states += 1;
          // Either what was last acknowledged or the write in flight; anything else is a loss.
          if (version === null || version < acknowledged || version > Math.min(acknowledged + 1, commits)) {
            figures.failures += 1;
            if (figures.problems.length < 5) figures.problems.push(`${commits} commits, cut before call ${cut}, ${lost}, names ${order}: acknowledged ${acknowledged}, reopened ${version}`);
          }
        }
      }
    }
  }
  return figures;
}

// ---- evidence log appends ----

/** A real log with three entries, the starting point of every append trial. */
export async function seedLog(dir: string): Promise<{ path: string; initial: string }> {
  const path = join(dir, 'log.jsonl');
  const log = await openEvidenceLog(path, { now: AT });
  for (const text of ['Opened', 'Rang the IT supplier', 'Unplugged the office PC']) await log.append({ author: 'Ann', kind: 'note', body: { text } });
  await log.close();
  return { path, initial: await readFile(path, 'utf8') };
}

async function appendUntilCut(disk: SimulatedDisk, path: string, count: number): Promise<EvidenceRecord[]> {
  // The log reads the existing (real, unchanged) file, then appends through the simulated disk.
  const log = await openEvidenceLog(path, { now: AT, fs: { openAppend: disk.openAppend } });
  const acknowledged: EvidenceRecord[] = [];
  try {
    for (let n = 0; n < count; n += 1) acknowledged.push(await log.append({ author: 'Ann', kind: 'note', body: { text: `note ${n} ${'x'.repeat((n * 53) % 300)}` } }));
  } catch {
    // The power cut: nothing after it happened.
  }
  return acknowledged;
}

/** Appends of 1-12 entries cut at every call until at least `states` post-cut logs were reopened. */
export async function logPowerLoss(options: { states: number; scratch: string }): Promise<TrialFigures> {
  const { path, initial } = await seedLog(options.scratch);
  const figures: TrialFigures = { states: 0, failures: 0, problems: [] };
  for (let count = 1; figures.states < options.states; count = (count % 12) + 1) {
    const full = new SimulatedDisk({ [path]: initial });
    await appendUntilCut(full, path, count);
    for (let cut = 0; cut <= full.ops.length; cut += 1) {
      const disk = new SimulatedDisk({ [path]: initial });
      disk.cutBefore = cut;
      const acknowledged = await appendUntilCut(disk, path, count);
      for (const lost of LOST) {
        const into = await mkdtemp(join(options.scratch, 'state-'));
        await materialise(disk.afterPowerCut(lost, 'in-order'), options.scratch, into);
        const reopened = await openEvidenceLog(join(into, 'log.jsonl'), { now: AT, quarantineDir: join(into, 'quarantine') });
        const entries = reopened.entries();
        const kept = acknowledged.every((record) => entries[record.seq - 1]?.hash === record.hash);
        const verifies = verifyEvidenceLog(await readFile(join(into, 'log.jsonl'))).ok;
        await reopened.close();
        await rm(into, { recursive: true, force: true });
        figures.states += 1;
        if (reopened.state.readOnly || !kept || !verifies) {
          figures.failures += 1;
          if (figures.problems.length < 5) figures.problems.push(`${count} appends, cut before call ${cut}, ${lost}: read-only ${reopened.state.readOnly}, kept ${kept}, verifies ${verifies}`);
        }
      }
    }
  }
  return figures;
}
