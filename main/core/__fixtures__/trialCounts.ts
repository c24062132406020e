/**
 * How many trials each reliability trial runs, in each tier. The one place these counts live: the
 * trial tests read `trialCount(name)`, `npm run soak` reads `SOAK_COUNTS`, and the README's table
 * shows the same figures.
 *
 *   test         `npm test`, on every change: every kind of trial, with counts large enough to
 *                reach each trial's interesting paths (the tests assert that they were reached)
 *   reliability  `npm run test:reliability` (HOLDFAST_TRIALS=reliability), after `npm test` in CI:
 *                the same tests with the per-change counts of the reliability table
 *   soak         `npm run soak`: far larger counts, run by hand before a release
 *
 * Trials that enumerate a fixed set (every call × every errno, the link policy table, the attack
 * documents) are exhaustive in every tier and are not listed here.
 */

export const TRIAL_TIERS = ['test', 'reliability'] as const;
export type TrialTier = (typeof TRIAL_TIERS)[number];

/** The environment variable that picks the tier; unset or empty is `test`. */
export const TRIAL_TIER_VARIABLE = 'HOLDFAST_TRIALS';

interface TierCounts {
  test: number;
  reliability: number;
  soak: number;
}

export const TRIAL_COUNTS = {
  // Kill -9 of a child appending to an evidence log. 30% of the plans aim at the open (a third of
  // those land just after it), the rest after 0-10 acknowledgements plus up to 2 ms (about one
  // fdatasync): 200 trials gave 38 kills while opening, 9 mid-write and 130 between appends here,
  // and, 50 trials to a log file, four logs reopened in place after many tears. The test asserts
  // that each kind of kill happened.
  logKills: { test: 200, reliability: 1_000, soak: 10_000 },
  // Kill -9 of a child saving contacts and settings: 30% of the plans aim at the open, the rest
  // after 0-5 acknowledged versions plus up to 10 ms (one version is two durable saves): 200
  // trials gave 36 kills while opening and the rest between and inside saves; 100 trials (a
  // child start each, most of the test's time) still give some 25 kills while opening.
  documentKills: { test: 100, reliability: 1_000, soak: 10_000 },
  // Two processes started together on one folder: each trial is the same race, which the lock
  // either wins once or not; 10 trials still start 40 processes.
  twoWriters: { test: 10, reliability: 20, soak: 1_000 },
  // Each input is a grammar document (half), a random one (30%) or a runbook (20%), each drawn
  // from every rule of its generator: 2,000 inputs give some 400 whole runbooks and use each rule
  // hundreds of times (375 whole runbooks in 2,000 here).
  markdownInputs: { test: 2_000, reliability: 10_000, soak: 1_000_000 },
  // Every family of header attack appears within the first 2,000 documents (asserted by the test
  // beside it); 1,000 inputs draw each family dozens of times and accept some 100 valid headers.
  frontMatterInputs: { test: 1_000, reliability: 5_000, soak: 200_000 },
  // Per call: half the payloads are mutations of the valid input (six kinds) or random values, so
  // 200 per call give each kind over a dozen times on every call, and the handler runs on some
  // random values that happen to be valid.
  apiIpcPerCall: { test: 200, reliability: 1_000, soak: 50_000 },
  // Per call: even trials carry a refused payload, odd trials take the seven framing cases in turn
  // (Host, token, Origin, method, content type, unknown call, size), so 100 per call send each
  // framing case about 7 times to every call.
  apiHttpPerCall: { test: 100, reliability: 1_000, soak: 20_000 },
  // Each mutation damages one of four documents in one of seven ways (cut short, zero-filled, bits
  // flipped, other JSON, empty, NUL-filled, deleted): 200 give each of the 28 pairs some 7 times.
  corruptMutations: { test: 200, reliability: 1_000, soak: 20_000 },
  // States come in whole rounds: 1-3 commits cut at every call, each cut with unsynced data
  // dropped, zeroed or torn and names durable at folder fsync or in order (90, 174 or 258 states
  // a round). 2,000 states run some 11 rounds, so every commit count, every cut and every kind of
  // loss is reached several times.
  powerLossDocumentStates: { test: 2_000, reliability: 10_000, soak: 500_000 },
  // Appends of 1 to 12 entries in turn, each cut at every call with three kinds of loss: one pass
  // through 1-12 appends is 504 states, so 600 states cover every length at least once.
  powerLossLogAppendStates: { test: 600, reliability: 3_000, soak: 50_000 },
  // Each torn log is about 220 states (every cut of its repair, quarantine new or in use, three
  // kinds of loss, two name orders), and torn logs take turns between a zeroed tail, a torn tail
  // and a tear made by hand: 600 states repair three torn logs, one of each kind.
  powerLossLogRepairStates: { test: 600, reliability: 2_000, soak: 50_000 },
  // Every tier runs the whole hostile corpus (66 archives, one or more of each attack), then
  // copies of it with random bits flipped, for damage nobody wrote down: 10 of them in npm test.
  damagedArchives: { test: 10, reliability: 40, soak: 5_000 },
  // Each input puts one bidi or invisible character (21 kinds, taken in turn) into one of 7
  // contact fields through one of 4 paths (save, CSV, vCard, a pack), one of 9 system and settings
  // fields, a runbook through one of 3 paths (editor, document import, pack) or one of 6 incident
  // and exercise fields: 300 inputs reach all 46 field and path pairs (the test asserts it).
  hiddenCharacters: { test: 300, reliability: 2_000, soak: 50_000 },
  // The length of one log damaged, cut and rewritten at every position: 5 cases an entry (two
  // kinds of damaged line, one cut, three rewrites less one), each a reopen that reads the whole
  // log, so the time grows with the square of the length.
  logTamperEntries: { test: 12, reliability: 60, soak: 400 },
  // Checks of one encrypted backup as restore makes them: four in five with one random bit of one
  // random byte changed, one in five with a wrong passphrase (six kinds of near miss in turn).
  backupTampering: { test: 200, reliability: 2_000, soak: 50_000 },
} as const satisfies Record<string, TierCounts>;

export type TrialName = keyof typeof TRIAL_COUNTS;

/**
 * The test files that read a count here: what `npm run test:reliability` runs (vitest.config.ts).
 * trialCounts.test.ts checks that no file reading a count is missing.
 */
export const RELIABILITY_TRIAL_FILES = [
  'main/core/backup/backupTamper.test.ts',
  'main/core/contacts/hiddenCharacters.test.ts',
  'main/core/evidence/logPowerLoss.test.ts',
  'main/core/evidence/logTamper.test.ts',
  'main/core/evidence/logRepairPowerLoss.test.ts',
  'main/core/packs/hostileArchives.test.ts',
  'main/core/storage/powerLoss.test.ts',
  'scripts/crash/crashTrials.test.ts',
  'scripts/crash/documentKills.test.ts',
  'scripts/crash/twoWriters.test.ts',
  'scripts/reliability/apiFuzz.test.ts',
  'scripts/reliability/corruptFiles.test.ts',
  'scripts/reliability/frontMatterFuzz.test.ts',
  'scripts/reliability/markdownFuzz.test.ts',
];

/** The tier named by HOLDFAST_TRIALS; a name that is not a tier stops the run rather than guess. */
export function trialTier(env: NodeJS.ProcessEnv = process.env): TrialTier {
  const value = env[TRIAL_TIER_VARIABLE] ?? '';
  if (value === '') return 'test';
  const tier = TRIAL_TIERS.find((name) => name === value);
  if (tier === undefined)
    throw new Error(
      `${TRIAL_TIER_VARIABLE} must be one of ${TRIAL_TIERS.join(', ')} (or unset), got "${value}"`,
    );
  return tier;
}

/** How many trials `name` runs in the tier HOLDFAST_TRIALS names. */
export function trialCount(name: TrialName, tier: TrialTier = trialTier()): number {
  return TRIAL_COUNTS[name][tier];
}

/** The soak's count of `name`. */
export const soakCount = (name: TrialName): number => TRIAL_COUNTS[name].soak;
