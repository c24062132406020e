import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeCrashSummary, runCrashTrials } from './crashTrials';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('keeps every acknowledged entry, and a log that opens and verifies, through 1,000 SIGKILLs', async () => {
  const summary = await runCrashTrials({ trials: 1000, seed: 20_260_301, dir });
  console.log(describeCrashSummary(summary));

  expect(summary.problems).toEqual([]);
  expect(summary).toMatchObject({
    trials: 1000,
    lostAcknowledged: 0,
    failedReopens: 0,
    childErrors: 0,
  });
  // The kills must have reached the moments that matter: opening, and a line half written.
  expect(summary.kills.whileOpening).toBeGreaterThan(0);
  expect(summary.tornTailsRepaired).toBeGreaterThan(0);
  expect(summary.acknowledged).toBeGreaterThan(1000);
}, 600_000);
