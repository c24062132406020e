import { expect, it } from 'vitest';
import { twoWriterTrials } from './twoWriters';

it('gives a data folder to exactly one of two Holdfast processes started together, every time', async () => {
  const { trials, failures, detail } = await twoWriterTrials(20);
  console.log(`two writers: ${trials} trials, ${failures} failures`);
  expect(detail).toEqual([]);
  expect(failures).toBe(0);
}, 120_000);
