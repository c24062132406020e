import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import {
  RELIABILITY_TRIAL_FILES,
  TRIAL_TIER_VARIABLE,
} from './main/core/__fixtures__/trialCounts.ts';

const ALL_TESTS = ['main/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'];

// Test files that need a process of their own: the hostile-archive trials bound the peak RSS of
// the process that imports the packs, which would count whatever earlier files left in a shared one.
const OWN_PROCESS = ['main/core/packs/hostileArchives.test.ts'];

// Component tests mock renderer/api.ts, use fake timers and a DOM (happy-dom, named in each file's
// docblock): they keep the default isolation, one fresh module graph per file.
const COMPONENT_TESTS = ['renderer/**/*.test.tsx'];

export default defineConfig(({ mode }) => {
  // `vitest run --mode reliability` (npm run test:reliability): only the trial tests, with the
  // per-change counts.
  const isReliability = mode === 'reliability';
  return {
    test: {
      environment: 'node',
      // Tests run the real core against temp folders; none may load the electron binary.
      pool: 'forks',
      // Vitest's default is one worker fewer than the cores: a single one on a 2-core machine. The
      // kill trials spend most of their time waiting for child processes to start, so two files
      // at a time keep both cores busy.
      maxWorkers: Math.max(2, availableParallelism() - 1),
      // Vitest's default of 5 s per test is a speed assertion in disguise: at load average 30 on this
      // 2-core machine, a zip bomb refusal, a backup and a scrypt key each took just over it. A test
      // that hangs still fails, after 30 s.
      testTimeout: 30_000,
      ...(isReliability
        ? { include: RELIABILITY_TRIAL_FILES, env: { [TRIAL_TIER_VARIABLE]: 'reliability' } }
        : {
            projects: [
              {
                // No test changes process-wide state (no module mocks, fake timers or globals), so
                // files share a worker process instead of starting one each (about 0.3 s a file).
                extends: true,
                test: { name: 'unit', include: ALL_TESTS, exclude: OWN_PROCESS, isolate: false },
              },
              { extends: true, test: { name: 'own-process', include: OWN_PROCESS } },
              { extends: true, test: { name: 'components', include: COMPONENT_TESTS } },
            ],
          }),
    },
  };
});
