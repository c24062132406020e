import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { trialCount } from '../__fixtures__/trialCounts';
import { logPowerLoss } from '../storage/__fixtures__/powerLossTrials';

/*
 * Power loss during evidence-log appends. SIGKILL trials (scripts/crash) keep the page cache; a
 * power cut does not: data not yet fdatasync'ed is dropped, zeroed or torn, and every entry the
 * log acknowledged must still be there when the real log is reopened from what is left.
 */
it('keeps every acknowledged entry through a power cut at any moment of an append, and reopens', async () => {
  const scratch = await mkdtemp(join(tmpdir(), 'holdfast-log-powerloss-'));
  try {
    const { states, failures, problems } = await logPowerLoss({
      states: trialCount('powerLossLogAppendStates'),
      scratch,
    });
    console.log(`power loss (log appends): ${states} states, ${failures} failures`);
    expect(problems).toEqual([]);
    expect(failures).toBe(0);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}, 240_000);
