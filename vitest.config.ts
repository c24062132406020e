import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'main/**/*.test.ts',
      'renderer/**/*.test.ts',
      // Component tests: each names its DOM environment (happy-dom) in a docblock.
      'renderer/**/*.test.tsx',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Tests run the real core against temp folders; none may load the electron binary.
    pool: 'forks',
  },
});
