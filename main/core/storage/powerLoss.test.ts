import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../__fixtures__/prng';
import { trialCount } from '../__fixtures__/trialCounts';
import {
  commitUntilCut,
  DOC_PATH,
  DOC_ROOT,
  docOf,
  docSchema,
  documentOn,
  documentPowerLoss,
  docText,
  freshDocDisk,
} from './__fixtures__/powerLossTrials';

/*
 * Power loss, write order and I/O errors for the durable document path (contacts, systems, the
 * grab-bag record and settings backups all write through it), on a simulated disk swapped in
 * under writeFileDurable. `npm run soak` runs the power-loss trials with far more states.
 */

const ERRNOS = ['ENOSPC', 'EIO', 'EPERM', 'EBUSY', 'EACCES'];

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'holdfast-powerloss-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('durable document writes', () => {
  it('survive a power cut at every call: never an older version than was acknowledged, never unable to open', async () => {
    const { states, failures, problems } = await documentPowerLoss({
      states: trialCount('powerLossDocumentStates'),
      seed: 20261123,
      scratch,
    });
    console.log(`power loss (document writes): ${states} states, ${failures} failures`);
    expect(problems).toEqual([]);
    expect(failures).toBe(0);
  }, 240_000);

  it('always call temp create → write → fsync → close → rename → folder fsync, in that order', async () => {
    const rng = createRng(7);
    const random = (): number => rng.next();
    let commits = 0;
    let failures = 0;
    for (let run = 0; run < 200; run += 1) {
      const disk = freshDocDisk();
      const count = 1 + Math.floor(random() * 4);
      await commitUntilCut(disk, count);
      const ops = disk.ops.filter((op) => op.op !== 'mkdir');
      for (let at = 0; at < ops.length; at += 6) {
        commits += 1;
        const [create, write, fsync, close, rename, fsyncdir] = ops.slice(at, at + 6);
        const temp = create?.path ?? '';
        const good =
          create?.op === 'create' &&
          temp.endsWith('.tmp') &&
          write?.op === 'write' &&
          write.path === temp &&
          fsync?.op === 'fsync' &&
          fsync.path === temp &&
          close?.op === 'close' &&
          rename?.op === 'rename' &&
          rename.path === temp &&
          (rename.to === DOC_PATH || rename.to === `${DOC_PATH}.bak`) &&
          fsyncdir?.op === 'fsyncdir' &&
          fsyncdir.path === DOC_ROOT;
        if (!good) failures += 1;
      }
      expect(disk.read(DOC_PATH)).toBe(docText(docOf(count)));
    }
    console.log(`write order: ${commits} commits, ${failures} out of order`);
    expect(commits).toBeGreaterThanOrEqual(400);
    expect(failures).toBe(0);
  });

  it('never report a failed write as saved: an I/O error at any call leaves the last good version readable', async () => {
    let trials = 0;
    let failures = 0;
    const probe = freshDocDisk();
    await commitUntilCut(probe, 1);
    for (let index = 0; index < probe.ops.length; index += 1) {
      for (const code of ERRNOS) {
        trials += 1;
        const disk = freshDocDisk();
        disk.failAt = { index, code };
        const outcome = await documentOn(disk)
          .write(docOf(1))
          .then(
            () => 'saved',
            (error: NodeJS.ErrnoException) => error.code,
          );
        // The error reaches the caller (who says "not saved"), no temp file is left, the data is whole.
        const onDisk = docSchema.safeParse(JSON.parse(disk.read(DOC_PATH) ?? 'null'));
        const backup = docSchema.safeParse(JSON.parse(disk.read(`${DOC_PATH}.bak`) ?? 'null'));
        const good =
          outcome === code &&
          onDisk.success &&
          backup.success &&
          !disk.names().some((name) => name.endsWith('.tmp'));
        // The next write, once the fault has passed, works.
        disk.failAt = null;
        await documentOn(disk).write(docOf(2));
        if (!good || disk.read(DOC_PATH) !== docText(docOf(2))) failures += 1;
      }
    }
    console.log(`I/O errors (document writes): ${trials} trials, ${failures} failures`);
    expect(trials).toBeGreaterThanOrEqual(60);
    expect(failures).toBe(0);
  });
});
