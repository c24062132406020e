import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { trialCount } from '../../main/core/__fixtures__/trialCounts';
import { describeCorruptFiles, runCorruptFileTrials } from './corruptFiles';

const MUTATIONS = trialCount('corruptMutations');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-corrupt-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it(`detects every damaged document in ${MUTATIONS} mutations, keeps it in quarantine and restores the last good copy`, async () => {
  const summary = await runCorruptFileTrials({ mutations: MUTATIONS, seed: 20_261_126, dir });
  for (const line of describeCorruptFiles(summary)) console.log(line);

  expect(summary.examples).toEqual([]);
  expect(summary).toMatchObject({ mutations: MUTATIONS, failures: 0 });
  expect(summary.detected).toBe(summary.invalid);
  // Nearly every mutation must really damage the file, or the trials test little.
  expect(summary.invalid).toBeGreaterThan(MUTATIONS * 0.9);
}, 120_000);
