import { expect, it } from 'vitest';
import { trialCount } from '../__fixtures__/trialCounts';
import { hostileArchives } from './__fixtures__/hostileArchives';
import { hostileArchiveTrials, MAX_GROWTH_RSS_MB } from './__fixtures__/hostileArchiveTrials';

it('refuses every hostile pack with a clear message, writing nothing and staying within memory', async () => {
  const corpus = hostileArchives().length;
  const figures = await hostileArchiveTrials({
    packs: corpus + trialCount('damagedArchives'),
    seed: 20_261_123,
  });
  console.log(
    `hostile archives: ${figures.packs} archives, ${figures.failures} failures, peak RSS ${figures.peakRssMb} MB (${figures.growthRssMb} MB above the started core)`,
  );
  expect(figures.problems).toEqual([]);
  expect(corpus).toBeGreaterThanOrEqual(60);
  expect(figures.growthRssMb).toBeLessThan(MAX_GROWTH_RSS_MB);
}, 120_000);
