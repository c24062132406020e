import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const electronOnly = {
  paths: [
    { name: 'electron', message: 'Only the Electron glue in main/ may import electron; take what you need as a parameter.' },
    { name: 'electron-store', message: 'Only the Electron glue in main/ may import electron-store.' },
  ],
};
const nodeBuiltins = {
  patterns: [{ regex: '^node:', message: 'The renderer, contract and shared code run in a browser: no Node built-ins.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.holdfast-web-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnly],
      // Handlers are async by contract even when the work is synchronous.
      '@typescript-eslint/require-await': 'off',
      // Untrusted-input checks match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'main/contract/**/*.ts', 'main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...electronOnly, ...nodeBuiltins }],
    },
  },
  {
    // The Electron glue: the only code allowed to import electron.
    files: ['main/index.ts', 'main/preload/**/*.ts', 'main/settingsStore.ts', 'main/windowState.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
