import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RELIABILITY_TRIAL_FILES,
  TRIAL_COUNTS,
  TRIAL_TIER_VARIABLE,
  trialCount,
  trialTier,
} from './trialCounts';

const ROOT = resolve(import.meta.dirname, '../../..');

async function testFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name).slice(ROOT.length + 1));
}

describe('the trial tier', () => {
  it('is the per-change test tier when HOLDFAST_TRIALS is unset or empty', () => {
    expect(trialTier({})).toBe('test');
    expect(trialTier({ [TRIAL_TIER_VARIABLE]: '' })).toBe('test');
  });

  it('is the reliability tier when HOLDFAST_TRIALS says so', () => {
    expect(trialTier({ [TRIAL_TIER_VARIABLE]: 'reliability' })).toBe('reliability');
    expect(trialCount('logKills', 'reliability')).toBe(TRIAL_COUNTS.logKills.reliability);
  });

  it('stops on a tier it does not know rather than run the wrong counts', () => {
    for (const value of ['Reliability', 'soak', 'full'])
      expect(() => trialTier({ [TRIAL_TIER_VARIABLE]: value })).toThrow(value);
  });
});

describe('the trial counts', () => {
  it('grow from tier to tier: npm test, then test:reliability, then the soak', () => {
    for (const [name, counts] of Object.entries(TRIAL_COUNTS)) {
      expect(counts.test, name).toBeGreaterThan(0);
      expect(counts.reliability, name).toBeGreaterThan(counts.test);
      expect(counts.soak, name).toBeGreaterThan(counts.reliability);
    }
  });

  it('are read by exactly the test files npm run test:reliability runs', async () => {
    const readers: string[] = [];
    for (const file of [
      ...(await testFiles('main')),
      ...(await testFiles('scripts')),
      ...(await testFiles('renderer')),
    ]) {
      if ((await readFile(join(ROOT, file), 'utf8')).includes('trialCount(')) readers.push(file);
    }
    // This file calls trialCount to test it, not to size a trial.
    const trialTests = readers.filter((file) => !file.endsWith('trialCounts.test.ts'));
    expect(trialTests.sort()).toEqual([...RELIABILITY_TRIAL_FILES].sort());
  });
});
