import { expect, it } from 'vitest';
import { trialCount } from '../../main/core/__fixtures__/trialCounts';
import { twoWriterTrials } from './twoWriters';

it('gives a data folder to exactly one of two Holdfast processes started together, every time', async () => {
  const { trials, failures, detail } = await twoWriterTrials(trialCount('twoWriters'));
  console.log(`two writers: ${trials} trials, ${failures} failures`);
  expect(detail).toEqual([]);
  expect(failures).toBe(0);
}, 120_000);
