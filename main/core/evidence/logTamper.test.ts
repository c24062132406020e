import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { trialCount } from '../__fixtures__/trialCounts';
import { describeLogTamper, logTamperTrials } from './__fixtures__/logTamperTrials';

/*
 * Every position of a log: a damaged line, a cut tail and a rewritten chain each open the log
 * read-only with nothing cut, and the check used by `log:verify` and restore refuses it. The
 * per-kind tests beside it (logHead.test.ts) say what each case shows; this one counts them.
 */
it('detects a damaged line, a cut tail and a rewritten chain at every position of a log', async () => {
  const scratch = await mkdtemp(join(tmpdir(), 'holdfast-log-tamper-'));
  try {
    const entries = trialCount('logTamperEntries');
    const figures = await logTamperTrials({ entries, dir: join(scratch, 'log') });
    console.log(describeLogTamper(figures));
    expect(figures.problems).toEqual([]);
    expect(figures.failures).toBe(0);
    expect(figures.damagedLines).toBe(2 * entries);
    expect(figures.cutTails).toBe(entries);
    // Moving the last entry to the end is no change; every other rewrite is counted.
    expect(figures.rewrittenChains).toBe(3 * entries - 1);
    expect(figures.detected).toBe(
      figures.damagedLines + figures.cutTails + figures.rewrittenChains,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}, 240_000);
