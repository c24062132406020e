/**
 * `npm run soak -- [--trials=N] [--seed=S]`: the evidence-log crash trials of the unit suite
 * (scripts/crash/), run for longer: 1,000 trials unless told. Prints the figure line and exits 1
 * if any acknowledged entry was lost, any reopen failed or any child stopped before its kill.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeCrashSummary, runCrashTrials } from './crash/crashTrials';

function numberOption(name: string, fallback: number): number {
  const arg = process.argv.find((value) => value.startsWith(`--${name}=`));
  const value = arg === undefined ? fallback : Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a whole number above 0, got "${arg}"`);
    process.exit(2);
  }
  return value;
}

const trials = numberOption('trials', 1000);
const seed = numberOption('seed', 20_260_301);
const dir = await mkdtemp(join(tmpdir(), 'holdfast-soak-'));
try {
  console.log(`# soak: ${trials} trials, seed ${seed}, logs in ${dir}`);
  const summary = await runCrashTrials({
    trials,
    seed,
    dir,
    onTrial: (done) => {
      if (done % 100 === 0 && done < trials) console.log(`# ${done} trials`);
    },
  });
  console.log(describeCrashSummary(summary));
  for (const problem of summary.problems) console.log(`# problem: ${problem}`);
  process.exitCode =
    summary.lostAcknowledged + summary.failedReopens + summary.childErrors > 0 ? 1 : 0;
} finally {
  await rm(dir, { recursive: true, force: true });
}
