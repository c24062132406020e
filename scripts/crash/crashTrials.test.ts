import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { trialCount } from '../../main/core/__fixtures__/trialCounts';
import { describeCrashSummary, runCrashTrials } from './crashTrials';

const TRIALS = trialCount('logKills');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it(`keeps every acknowledged entry, and a log that opens and verifies, through ${TRIALS} SIGKILLs`, async () => {
  const summary = await runCrashTrials({ trials: TRIALS, seed: 20_260_301, dir });
  console.log(describeCrashSummary(summary));

  expect(summary.problems).toEqual([]);
  expect(summary).toMatchObject({
    trials: TRIALS,
    lostAcknowledged: 0,
    failedReopens: 0,
    childErrors: 0,
  });
  // The kills must have reached the moments that matter: opening, a line half written, and the
  // quiet moment between two appends.
  expect(summary.kills.whileOpening).toBeGreaterThan(0);
  expect(summary.kills.midWrite).toBeGreaterThan(0);
  expect(summary.kills.betweenAppends).toBeGreaterThan(0);
  expect(summary.tornTailsRepaired).toBeGreaterThan(0);
  expect(summary.acknowledged).toBeGreaterThan(TRIALS);
}, 600_000);
