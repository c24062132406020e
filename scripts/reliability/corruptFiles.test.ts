import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeCorruptFiles, runCorruptFileTrials } from './corruptFiles';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-corrupt-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('detects every damaged document in 1,000 mutations, keeps it in quarantine and restores the last good copy', async () => {
  const summary = await runCorruptFileTrials({ mutations: 1000, seed: 20_261_126, dir });
  for (const line of describeCorruptFiles(summary)) console.log(line);

  expect(summary.examples).toEqual([]);
  expect(summary).toMatchObject({ mutations: 1000, failures: 0 });
  expect(summary.detected).toBe(summary.invalid);
  expect(summary.invalid).toBeGreaterThan(900);
}, 120_000);
