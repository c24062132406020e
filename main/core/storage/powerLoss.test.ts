import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { materialise, PowerCut, SimulatedDisk, type LostWrites, type NameOrder } from './__fixtures__/simulatedDisk';
import { writeFileDurable } from './durableFile';
import { DurableJsonFile } from './durableJsonFile';

/*
 * Power loss, write order and I/O errors for the durable document path (contacts, systems, the
 * grab-bag record and settings backups all write through it). A document is written through a
 * simulated disk; every write sequence is cut at every call, unsynced data is dropped, zeroed or
 * torn, names reach the disk either only at folder fsync or at once, and the app's own recovery
 * then opens what is left from a real folder.
 */

const ROOT = '/data';
const PATH = `${ROOT}/doc.json`;
const schema = z.strictObject({ n: z.int(), note: z.string() });
type Doc = z.infer<typeof schema>;
const LOST: LostWrites[] = ['dropped', 'zeroed', 'torn'];
const ORDERS: NameOrder[] = ['at-folder-fsync', 'in-order'];
const ERRNOS = ['ENOSPC', 'EIO', 'EPERM', 'EBUSY', 'EACCES'];

/** A seeded generator (mulberry32), so a failing sequence can be run again. */
function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = (doc: Doc): string => `${JSON.stringify(doc, null, 2)}\n`;
const docOf = (n: number): Doc => ({ n, note: `version ${n} ${'x'.repeat(n * 37 % 200)}` });

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'holdfast-powerloss-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A document file over the simulated disk, as the app opens it (quarantine and .bak restore included). */
const documentOn = (disk: SimulatedDisk, path = PATH, quarantineDir = `${ROOT}/quarantine`) =>
  new DurableJsonFile<Doc>({ path, quarantineDir, schema, label: 'test', now: () => new Date('2026-03-01T00:00:00Z'), writeFile: (target, data) => writeFileDurable(target, data, disk) });

const freshDisk = (): SimulatedDisk => new SimulatedDisk({ [PATH]: text(docOf(0)), [`${PATH}.bak`]: text(docOf(0)) });

/** Runs commits 1..count until the disk's power cut; returns how many were acknowledged. */
async function commitUntilCut(disk: SimulatedDisk, count: number): Promise<number> {
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

/** Opens what a power cut left, from a real folder, with the app's recovery; returns the version read. */
async function reopenAfterCut(disk: SimulatedDisk, lost: LostWrites, order: NameOrder, state: number): Promise<number | null> {
  const dir = join(scratch, `state-${state}`);
  await materialise(disk.afterPowerCut(lost, order), ROOT, dir);
  const file = new DurableJsonFile<Doc>({ path: join(dir, 'doc.json'), quarantineDir: join(dir, 'quarantine'), schema, label: 'test', now: () => new Date('2026-03-01T00:00:00Z') });
  const data = await file.read();
  await rm(dir, { recursive: true, force: true });
  return data?.n ?? null;
}

describe('durable document writes', () => {
  it('survive a power cut at every call: never an older version than was acknowledged, never unable to open', async () => {
    const random = createPrng(20261123);
    let states = 0;
    let failures = 0;
    for (let sequence = 0; states < 10_000; sequence += 1) {
      const commits = 1 + Math.floor(random() * 3);
      const full = freshDisk();
      await commitUntilCut(full, commits);
      for (let cut = 0; cut <= full.ops.length; cut += 1) {
        const disk = freshDisk();
        disk.cutBefore = cut;
        const acknowledged = await commitUntilCut(disk, commits);
        for (const lost of LOST) {
          for (const order of ORDERS) {
            const version = await reopenAfterCut(disk, lost, order, states);
            states += 1;
            // Either what was last acknowledged or the write in flight; anything else is a loss.
            const ok = version !== null && version >= acknowledged && version <= Math.min(acknowledged + 1, commits);
            if (!ok) {
              failures += 1;
              expect.soft(version, `sequence ${sequence}, cut before call ${cut}, ${lost}, names ${order}: acknowledged ${acknowledged}`).toBe(acknowledged);
            }
          }
        }
      }
    }
    console.log(`power loss (document writes): ${states} states, ${failures} failures`);
    expect(failures).toBe(0);
  }, 240_000);

  it('always call temp create → write → fsync → close → rename → folder fsync, in that order', async () => {
    const random = createPrng(7);
    let commits = 0;
    let failures = 0;
    for (let run = 0; run < 200; run += 1) {
      const disk = freshDisk();
      const count = 1 + Math.floor(random() * 4);
      await commitUntilCut(disk, count);
      const ops = disk.ops.filter((op) => op.op !== 'mkdir');
      for (let at = 0; at < ops.length; at += 6) {
        commits += 1;
        const [create, write, fsync, close, rename, fsyncdir] = ops.slice(at, at + 6);
        const temp = create?.path ?? '';
        const good =
          create?.op === 'create' && /\.tmp$/.test(temp) && write?.op === 'write' && write.path === temp && fsync?.op === 'fsync' && fsync.path === temp &&
          close?.op === 'close' && rename?.op === 'rename' && rename.path === temp && (rename.to === PATH || rename.to === `${PATH}.bak`) &&
          fsyncdir?.op === 'fsyncdir' && fsyncdir.path === ROOT;
        if (!good) failures += 1;
      }
      expect(disk.read(PATH)).toBe(text(docOf(count)));
    }
    console.log(`write order: ${commits} commits, ${failures} out of order`);
    expect(commits).toBeGreaterThanOrEqual(400);
    expect(failures).toBe(0);
  });

  it('never report a failed write as saved: an I/O error at any call leaves the last good version readable', async () => {
    let trials = 0;
    let failures = 0;
    const calls = (() => {
      const disk = freshDisk();
      return commitUntilCut(disk, 1).then(() => disk.ops.length);
    })();
    for (let index = 0; index < (await calls); index += 1) {
      for (const code of ERRNOS) {
        trials += 1;
        const disk = freshDisk();
        disk.failAt = { index, code };
        const outcome = await documentOn(disk).write(docOf(1)).then(() => 'saved', (error: NodeJS.ErrnoException) => error.code);
        // The error reaches the caller (who says "not saved"), no temp file is left, the data is whole.
        const onDisk = schema.safeParse(JSON.parse(disk.read(PATH) ?? 'null'));
        const backup = schema.safeParse(JSON.parse(disk.read(`${PATH}.bak`) ?? 'null'));
        const good = outcome === code && onDisk.success && backup.success && !disk.names().some((name) => name.endsWith('.tmp'));
        // The next write, once the fault has passed, works.
        disk.failAt = null;
        await documentOn(disk).write(docOf(2));
        if (!good || disk.read(PATH) !== text(docOf(2))) failures += 1;
      }
    }
    console.log(`I/O errors (document writes): ${trials} trials, ${failures} failures`);
    expect(trials).toBeGreaterThanOrEqual(60);
    expect(failures).toBe(0);
  });
});
