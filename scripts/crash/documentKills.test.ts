import { expect, it } from 'vitest';
import { documentKillTrials } from './documentKills';

it('keeps every acknowledged document and settings save through kill -9 at random moments', async () => {
  const figures = await documentKillTrials({ trials: 100, seed: 20_261_123 });
  console.log(`document and settings kill (SIGKILL): ${figures.trials} trials, ${figures.acknowledged} saves acknowledged, ${figures.lost} lost, ${figures.failedReopen} failed reopen`);
  expect(figures.acknowledged).toBeGreaterThan(figures.trials);
  expect(figures.problems).toEqual([]);
  expect(figures.lost + figures.failedReopen).toBe(0);
}, 300_000);
