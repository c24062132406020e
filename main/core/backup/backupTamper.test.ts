import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { trialCount } from '../__fixtures__/trialCounts';
import { backupTamperTrials, describeBackupTamper } from './__fixtures__/backupTamperTrials';

it('refuses an encrypted backup with any changed byte or a wrong passphrase, as restore checks it', async () => {
  const scratch = await mkdtemp(join(tmpdir(), 'holdfast-backup-tamper-'));
  try {
    const figures = await backupTamperTrials({
      trials: trialCount('backupTampering'),
      seed: 20_261_205,
      dir: scratch,
    });
    console.log(describeBackupTamper(figures));
    expect(figures.problems).toEqual([]);
    expect(figures.failures).toBe(0);
    expect(figures.refused).toBe(figures.changedBytes + figures.wrongPassphrases);
    expect(figures.wrongPassphrases).toBeGreaterThan(0);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}, 240_000);
