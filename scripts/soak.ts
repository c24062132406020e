/**
 * `npm run soak -- [--suite=NAME] [--trials=N] [--seed=S]`: the reliability trials of the unit
 * suite, run for longer. Without `--suite` every part runs in turn. Each part prints the same
 * `name: trials, failures` line as its unit test and the run exits 1 if any part failed.
 *   log           evidence-log SIGKILL trials (scripts/crash/), 1,000 trials
 *   markdown      markdown fuzzing (scripts/reliability/markdownFuzz.ts), 1,000,000 inputs
 *   front-matter  front-matter fuzzing (scripts/reliability/frontMatterFuzz.ts), 200,000 inputs
 *   api           API fuzzing (scripts/reliability/apiFuzz.ts): 50,000 payloads per call over IPC,
 *                 then a fiftieth of that (1,000 per call) over real HTTP
 *   corrupt       damaged JSON documents (scripts/reliability/corruptFiles.ts), 20,000 mutations
 * `--trials` replaces the default count of the part (or parts) that run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeCrashSummary, runCrashTrials } from './crash/crashTrials';
import { describeCorruptFiles, runCorruptFileTrials } from './reliability/corruptFiles';
import { describeApiFuzz, runHttpFuzz, runIpcFuzz } from './reliability/apiFuzz';
import { describeFrontMatterFuzz, runFrontMatterFuzz } from './reliability/frontMatterFuzz';
import { describeMarkdownFuzz, runMarkdownFuzz } from './reliability/markdownFuzz';

function option(name: string): string | undefined {
  return process.argv.find((value) => value.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function numberOption(name: string, fallback: number): number {
  const raw = option(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a whole number above 0, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

/** One soak part: runs `trials` trials from `seed`, prints its lines, returns true when all passed. */
type Suite = (trials: number, seed: number) => Promise<boolean>;

const SUITES: Record<string, { trials: number; run: Suite }> = {
  log: {
    trials: 1000,
    run: async (trials, seed) => {
      const dir = await mkdtemp(join(tmpdir(), 'holdfast-soak-'));
      try {
        console.log(`# log: ${trials} trials, seed ${seed}, logs in ${dir}`);
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
        return summary.lostAcknowledged + summary.failedReopens + summary.childErrors === 0;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
  markdown: {
    trials: 1_000_000,
    run: (inputs, seed) => {
      console.log(`# markdown: ${inputs} inputs, seed ${seed}`);
      const summary = runMarkdownFuzz({ inputs, seed, onProgress: (done) => console.log(`# ${done} inputs`) });
      for (const line of describeMarkdownFuzz(summary)) console.log(line);
      return Promise.resolve(summary.failures === 0);
    },
  },
  'front-matter': {
    trials: 200_000,
    run: (inputs, seed) => {
      console.log(`# front-matter: ${inputs} inputs, seed ${seed}`);
      const summary = runFrontMatterFuzz({ inputs, seed, onProgress: (done) => console.log(`# ${done} inputs`) });
      for (const line of describeFrontMatterFuzz(summary)) console.log(line);
      return Promise.resolve(summary.failures === 0);
    },
  },
  api: {
    trials: 50_000,
    run: async (perCall, seed) => {
      console.log(`# api: ${perCall} payloads per call over IPC, ${Math.ceil(perCall / 50)} over HTTP, seed ${seed}`);
      const ipc = await runIpcFuzz({ perCall, seed });
      for (const line of describeApiFuzz('ipc', ipc)) console.log(line);
      const http = await runHttpFuzz({ perCall: Math.ceil(perCall / 50), seed });
      for (const line of describeApiFuzz('http', http)) console.log(line);
      return ipc.failures + http.failures === 0;
    },
  },
  corrupt: {
    trials: 20_000,
    run: async (mutations, seed) => {
      const dir = await mkdtemp(join(tmpdir(), 'holdfast-soak-corrupt-'));
      try {
        console.log(`# corrupt: ${mutations} mutations, seed ${seed}, files in ${dir}`);
        const summary = await runCorruptFileTrials({ mutations, seed, dir });
        for (const line of describeCorruptFiles(summary)) console.log(line);
        return summary.failures === 0;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
};

const suite = option('suite');
if (suite !== undefined && !Object.hasOwn(SUITES, suite)) {
  console.error(`--suite must be one of ${Object.keys(SUITES).join(', ')}, got "${suite}"`);
  process.exit(2);
}
const seed = numberOption('seed', 20_260_301);
let isPassing = true;
for (const [name, part] of Object.entries(SUITES)) {
  if (suite !== undefined && name !== suite) continue;
  const started = performance.now();
  const passed = await part.run(numberOption('trials', part.trials), seed);
  console.log(`# ${name}: ${passed ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  isPassing &&= passed;
}
process.exitCode = isPassing ? 0 : 1;
