import { expect, it } from 'vitest';
import { trialCount } from '../../main/core/__fixtures__/trialCounts';
import { describeKillFigures, documentKillTrials } from './documentKills';

const TRIALS = trialCount('documentKills');

it(`keeps every acknowledged contacts and settings save through ${TRIALS} kill -9 at random moments`, async () => {
  const figures = await documentKillTrials({ trials: TRIALS, seed: 20_261_123 });
  console.log(describeKillFigures(figures).join('\n'));
  expect(figures.problems).toEqual([]);
  expect(figures).toMatchObject({ trials: TRIALS, lost: 0, failedReopen: 0, childErrors: 0 });
  // The kills must have reached both moments that matter: while opening, and between saves.
  expect(figures.whileOpening).toBeGreaterThan(0);
  expect(figures.acknowledged).toBeGreaterThan(figures.trials);
}, 600_000);
