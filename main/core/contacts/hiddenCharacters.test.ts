import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startTestCore } from '../__fixtures__/testCore';
import { trialCount } from '../__fixtures__/trialCounts';
import {
  describeHiddenCharacters,
  FIELD_PATH_PAIRS,
  hiddenCharacterTrials,
} from './__fixtures__/hiddenCharacterTrials';

it('refuses, removes, flags or isolates bidi and invisible characters in every field and import path', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'holdfast-hidden-'));
  const core = await startTestCore(dataDir);
  try {
    const figures = await hiddenCharacterTrials({
      core,
      inputs: trialCount('hiddenCharacters'),
      seed: 20_261_204,
    });
    console.log(describeHiddenCharacters(figures));
    expect(figures.problems).toEqual([]);
    expect(figures.failures).toBe(0);
    expect(figures.pairs).toBe(FIELD_PATH_PAIRS);
    expect(figures.refused).toBeGreaterThan(0);
    expect(figures.removed).toBeGreaterThan(0);
    expect(figures.flagged).toBeGreaterThan(0);
    expect(figures.isolated).toBeGreaterThan(0);
  } finally {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}, 300_000);
