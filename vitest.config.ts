import { defineConfig } from 'vitest/config';
import {
  RELIABILITY_TRIAL_FILES,
  TRIAL_TIER_VARIABLE,
} from './main/core/__fixtures__/trialCounts.ts';

// `vitest run --mode reliability` (npm run test:reliability): only the trial tests, per-change counts.
export default defineConfig(({ mode }) => {
  const isReliability = mode === 'reliability';
  return {
    test: {
      include: isReliability
        ? RELIABILITY_TRIAL_FILES
        : ['main/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
      environment: 'node',
      // Tests run the real core against temp folders; none may load the electron binary.
      pool: 'forks',
      ...(isReliability ? { env: { [TRIAL_TIER_VARIABLE]: 'reliability' } } : {}),
    },
  };
});
