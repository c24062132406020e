import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { materialise, SimulatedDisk, type LostWrites } from '../storage/__fixtures__/simulatedDisk';
import { openEvidenceLog, verifyEvidenceLog, type EvidenceRecord } from './evidenceLog';

/*
 * Power loss during evidence-log appends. SIGKILL trials (scripts/crash) keep the page cache; a
 * power cut does not. Appends run against a simulated disk, the sequence is cut at every call,
 * data not yet fdatasync'ed is dropped, zeroed or torn, and the real log is reopened from what is left.
 */

const LOST: LostWrites[] = ['dropped', 'zeroed', 'torn'];
let dir: string;
let logPath: string;
let initial: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-log-powerloss-'));
  logPath = join(dir, 'log.jsonl');
  const log = await openEvidenceLog(logPath, { now: () => new Date('2026-03-01T02:00:00Z') });
  for (const text of ['Opened', 'Rang the IT supplier', 'Unplugged the office PC']) await log.append({ author: 'Ann', kind: 'note', body: { text } });
  await log.close();
  initial = await readFile(logPath, 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Appends `count` notes through the simulated disk until the cut; returns what was acknowledged. */
async function appendUntilCut(disk: SimulatedDisk, count: number): Promise<EvidenceRecord[]> {
  // The log reads the existing (real, unchanged) file, then appends through the simulated disk.
  const log = await openEvidenceLog(logPath, { now: () => new Date('2026-03-01T03:00:00Z'), fs: { openAppend: disk.openAppend } });
  const acknowledged: EvidenceRecord[] = [];
  try {
    for (let n = 0; n < count; n += 1) acknowledged.push(await log.append({ author: 'Ann', kind: 'note', body: { text: `note ${n} ${'x'.repeat((n * 53) % 300)}` } }));
  } catch {
    // The power cut: nothing after it happened.
  }
  return acknowledged;
}

it('keeps every acknowledged entry through a power cut at any moment of an append, and reopens', async () => {
  let states = 0;
  let failures = 0;
  const problems: string[] = [];
  for (let count = 1; states < 3_000; count = (count % 12) + 1) {
    const full = new SimulatedDisk({ [logPath]: initial });
    await appendUntilCut(full, count);
    for (let cut = 0; cut <= full.ops.length; cut += 1) {
      const disk = new SimulatedDisk({ [logPath]: initial });
      disk.cutBefore = cut;
      const acknowledged = await appendUntilCut(disk, count);
      for (const lost of LOST) {
        const into = join(dir, `state-${states}`);
        states += 1;
        await materialise(disk.afterPowerCut(lost, 'in-order'), dir, into);
        const reopened = await openEvidenceLog(join(into, 'log.jsonl'), { now: () => new Date('2026-03-01T04:00:00Z'), quarantineDir: join(into, 'quarantine') });
        const entries = reopened.entries();
        const kept = acknowledged.every((record) => entries[record.seq - 1]?.hash === record.hash);
        const verifies = verifyEvidenceLog(await readFile(join(into, 'log.jsonl'))).ok;
        await reopened.close();
        await rm(into, { recursive: true, force: true });
        if (reopened.state.readOnly || !kept || !verifies) {
          failures += 1;
          problems.push(`${count} appends, cut before call ${cut}, ${lost}: read-only ${reopened.state.readOnly}, kept ${kept}, verifies ${verifies}`);
        }
      }
    }
  }
  console.log(`power loss (log appends): ${states} states, ${failures} failures`);
  expect(problems.slice(0, 5)).toEqual([]);
  expect(failures).toBe(0);
}, 240_000);
