/**
 * `npm run soak -- [--suite=NAME] [--trials=N] [--seed=S]`: the reliability trials of the unit
 * suite, run for longer. Without `--suite` every part runs in turn. Each part prints the same
 * `name: trials, failures` line as its unit test and the run exits 1 if any part failed. The
 * counts are the soak tier of main/core/__fixtures__/trialCounts.ts:
 *   log           evidence-log SIGKILL trials (scripts/crash/), 10,000 trials
 *   markdown      markdown fuzzing (scripts/reliability/markdownFuzz.ts), 1,000,000 inputs
 *   front-matter  front-matter fuzzing (scripts/reliability/frontMatterFuzz.ts), 200,000 inputs
 *   api           API fuzzing (scripts/reliability/apiFuzz.ts): 50,000 payloads per call over IPC,
 *                 then two fifths of that (20,000 per call) over loopback HTTP to the real core:
 *                 1,060,000 requests, 7.6 minutes at 2,300 a second on 2 shared cores (about 10
 *                 at the 1,700 a busier machine gives); 50,000 per call would take 19-25
 *   corrupt       damaged JSON documents (scripts/reliability/corruptFiles.ts), 20,000 mutations
 *   power-loss    durable document writes, evidence-log appends and the torn-tail repair of the
 *                 log cut at every call on a simulated disk
 *                 (main/core/storage/__fixtures__/powerLossTrials.ts): 500,000 document states,
 *                 then a tenth of that for log appends and a tenth for the log repair
 *   kill          contacts and settings saves killed with SIGKILL (scripts/crash/documentKills.ts), 10,000 trials
 *   two-writers   two processes started together on one data folder (scripts/crash/twoWriters.ts), 1,000 trials
 *   archives      the hostile pack corpus, then 5,000 randomly damaged packs, through pack import
 *   hidden-characters  bidi and invisible characters through every contact, system, settings,
 *                 runbook, incident and exercise field and import path of a real core
 *                 (main/core/contacts/__fixtures__/hiddenCharacterTrials.ts), 50,000 inputs
 *   log-tamper    a log of 400 entries damaged at every line, cut by 1 to 400 entries and
 *                 re-chained after an edit at every entry (main/core/evidence/__fixtures__/logTamperTrials.ts)
 *   backup-tamper an encrypted backup checked as restore does with 40,000 single-byte changes and
 *                 10,000 wrong passphrases (main/core/backup/__fixtures__/backupTamperTrials.ts)
 * `--trials` replaces the default count of the part (or parts) that run (for log-tamper, the
 * length of the log); the api and power-loss parts keep the same proportions between their counts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  documentPowerLoss,
  logPowerLoss,
  logRepairPowerLoss,
  scratchBase,
} from '../main/core/storage/__fixtures__/powerLossTrials';
import { describeCrashSummary, runCrashTrials } from './crash/crashTrials';
import { describeKillFigures, documentKillTrials } from './crash/documentKills';
import { twoWriterTrials } from './crash/twoWriters';
import { soakCount } from '../main/core/__fixtures__/trialCounts';
import {
  describeHiddenCharacters,
  hiddenCharacterTrials,
} from '../main/core/contacts/__fixtures__/hiddenCharacterTrials';
import { startTestCore } from '../main/core/__fixtures__/testCore';
import {
  backupTamperTrials,
  describeBackupTamper,
} from '../main/core/backup/__fixtures__/backupTamperTrials';
import {
  describeLogTamper,
  logTamperTrials,
} from '../main/core/evidence/__fixtures__/logTamperTrials';
import { hostileArchives } from '../main/core/packs/__fixtures__/hostileArchives';
import {
  hostileArchiveTrials,
  MAX_GROWTH_RSS_MB,
} from '../main/core/packs/__fixtures__/hostileArchiveTrials';
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
    trials: soakCount('logKills'),
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
    trials: soakCount('markdownInputs'),
    run: (inputs, seed) => {
      console.log(`# markdown: ${inputs} inputs, seed ${seed}`);
      const summary = runMarkdownFuzz({
        inputs,
        seed,
        onProgress: (done) => console.log(`# ${done} inputs`),
      });
      for (const line of describeMarkdownFuzz(summary)) console.log(line);
      return Promise.resolve(summary.failures === 0);
    },
  },
  'front-matter': {
    trials: soakCount('frontMatterInputs'),
    run: (inputs, seed) => {
      console.log(`# front-matter: ${inputs} inputs, seed ${seed}`);
      const summary = runFrontMatterFuzz({
        inputs,
        seed,
        onProgress: (done) => console.log(`# ${done} inputs`),
      });
      for (const line of describeFrontMatterFuzz(summary)) console.log(line);
      return Promise.resolve(summary.failures === 0);
    },
  },
  api: {
    trials: soakCount('apiIpcPerCall'),
    run: async (perCall, seed) => {
      const httpPerCall = Math.ceil(
        (perCall * soakCount('apiHttpPerCall')) / soakCount('apiIpcPerCall'),
      );
      console.log(
        `# api: ${perCall} payloads per call over IPC, ${httpPerCall} over HTTP, seed ${seed}`,
      );
      const ipc = await runIpcFuzz({ perCall, seed });
      for (const line of describeApiFuzz('ipc', ipc)) console.log(line);
      const http = await runHttpFuzz({ perCall: httpPerCall, seed });
      for (const line of describeApiFuzz('http', http)) console.log(line);
      return ipc.failures + http.failures === 0;
    },
  },
  corrupt: {
    trials: soakCount('corruptMutations'),
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
  'power-loss': {
    trials: soakCount('powerLossDocumentStates'),
    run: async (states, seed) => {
      const scratch = await mkdtemp(join(tmpdir(), 'holdfast-soak-power-'));
      const repairScratch = await mkdtemp(join(scratchBase(), 'holdfast-soak-repair-'));
      const share = (name: 'powerLossLogAppendStates' | 'powerLossLogRepairStates'): number =>
        Math.ceil((states * soakCount(name)) / soakCount('powerLossDocumentStates'));
      const logStates = share('powerLossLogAppendStates');
      const repairStates = share('powerLossLogRepairStates');
      try {
        console.log(
          `# power-loss: ${states} document states, ${logStates} log append states, ${repairStates} log repair states, seed ${seed}`,
        );
        const documents = await documentPowerLoss({ states, seed, scratch });
        console.log(
          `power loss (document writes): ${documents.states} states, ${documents.failures} failures`,
        );
        const log = await logPowerLoss({ states: logStates, scratch });
        console.log(`power loss (log appends): ${log.states} states, ${log.failures} failures`);
        const repair = await logRepairPowerLoss({
          states: repairStates,
          seed,
          scratch: repairScratch,
        });
        console.log(
          `power loss (log repair): ${repair.states} states, ${repair.failures} failures`,
        );
        console.log(
          `# log repair: ${repair.tornLogs} torn logs; in ${repair.repairedAgain} states the real reopen repaired the same tear again`,
        );
        for (const problem of [...documents.problems, ...log.problems, ...repair.problems])
          console.log(`# problem: ${problem}`);
        return documents.failures + log.failures + repair.failures === 0;
      } finally {
        await rm(scratch, { recursive: true, force: true });
        await rm(repairScratch, { recursive: true, force: true });
      }
    },
  },
  kill: {
    trials: soakCount('documentKills'),
    run: async (trials, seed) => {
      const figures = await documentKillTrials({ trials, seed });
      for (const line of describeKillFigures(figures)) console.log(line);
      for (const problem of figures.problems) console.log(`# problem: ${problem}`);
      return figures.lost + figures.failedReopen + figures.childErrors === 0;
    },
  },
  'two-writers': {
    trials: soakCount('twoWriters'),
    run: async (trials) => {
      const { failures, detail } = await twoWriterTrials(trials);
      console.log(`two writers: ${trials} trials, ${failures} failures`);
      for (const problem of detail.slice(0, 5)) console.log(`# problem: ${problem}`);
      return failures === 0;
    },
  },
  archives: {
    trials: soakCount('damagedArchives'),
    run: async (damaged, seed) => {
      const packs = hostileArchives().length + damaged;
      const figures = await hostileArchiveTrials({ packs, seed });
      console.log(
        `hostile archives: ${figures.packs} archives, ${figures.failures} failures, peak RSS ${figures.peakRssMb} MB (${figures.growthRssMb} MB above the started core)`,
      );
      for (const problem of figures.problems) console.log(`# problem: ${problem}`);
      return figures.failures === 0 && figures.growthRssMb < MAX_GROWTH_RSS_MB;
    },
  },
  'hidden-characters': {
    trials: soakCount('hiddenCharacters'),
    run: async (inputs, seed) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'holdfast-soak-hidden-'));
      const core = await startTestCore(dataDir);
      try {
        const figures = await hiddenCharacterTrials({ core, inputs, seed });
        console.log(describeHiddenCharacters(figures));
        for (const problem of figures.problems) console.log(`# problem: ${problem}`);
        return figures.failures === 0;
      } finally {
        await core.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  },
  'log-tamper': {
    trials: soakCount('logTamperEntries'),
    run: async (entries) => {
      const dir = await mkdtemp(join(tmpdir(), 'holdfast-soak-tamper-'));
      try {
        const figures = await logTamperTrials({ entries, dir: join(dir, 'log') });
        console.log(describeLogTamper(figures));
        for (const problem of figures.problems) console.log(`# problem: ${problem}`);
        return figures.failures === 0;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
  'backup-tamper': {
    trials: soakCount('backupTampering'),
    run: async (trials, seed) => {
      const dir = await mkdtemp(join(tmpdir(), 'holdfast-soak-backup-'));
      try {
        const figures = await backupTamperTrials({ trials, seed, dir });
        console.log(describeBackupTamper(figures));
        for (const problem of figures.problems) console.log(`# problem: ${problem}`);
        return figures.failures === 0;
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
const soakStarted = performance.now();
for (const [name, part] of Object.entries(SUITES)) {
  if (suite !== undefined && name !== suite) continue;
  const started = performance.now();
  const passed = await part.run(numberOption('trials', part.trials), seed);
  console.log(
    `# ${name}: ${passed ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  isPassing &&= passed;
}
console.log(
  `# soak: ${isPassing ? 'passed' : 'FAILED'} in ${((performance.now() - soakStarted) / 60_000).toFixed(1)} min`,
);
process.exitCode = isPassing ? 0 : 1;
