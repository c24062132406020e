import js from '@eslint/js';
import sdl from '@microsoft/eslint-plugin-sdl';
import tseslint from 'typescript-eslint';
import holdfast from './scripts/lint/layers.js';

const electronOnly = {
  paths: [
    {
      name: 'electron',
      message:
        'Only the Electron glue in main/shells/electron may import electron; take what you need as a parameter.',
    },
    {
      name: 'electron-store',
      message: 'Only the Electron glue in main/shells/electron may import electron-store.',
    },
  ],
};
const nodeBuiltins = {
  patterns: [
    {
      regex: '^node:',
      message: 'The renderer, contract and shared code run in a browser: no Node built-ins.',
    },
  ],
};

// Microsoft's SDL rules (reliability reference T14), chosen by config: `recommended` would also add
// the Angular and AngularJS rules, and in 1.1.0 its `typescript` entry is a copy of `react`.
// They come before typescript-eslint, whose type-aware no-implied-eval replaces the base rule.
// 1.1.0 declares `eslint: ^9` as its peer although its rules run unchanged on ESLint 10, so
// package.json's `overrides` gives it ours; drop that once a release accepts ^10. Do not set
// eslint-plugin-react's `settings.react.version` to 'detect': detection calls
// context.getFilename(), which ESLint 10 removed.
const sdlConfigs = [
  ...sdl.configs.common,
  ...sdl.configs.node,
  ...sdl.configs.electron,
  ...sdl.configs.react,
];
// Plain http to the loopback address never leaves the machine (the rule already lets
// http://localhost through): the web harness and the bench serve the UI on 127.0.0.1.
const insecureUrlExceptions = [
  ...sdl.rules['no-insecure-url'].defaultExceptions.map((pattern) => pattern.source),
  String.raw`^http://127\.0\.0\.1([:/]|$)`,
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.holdfast-web-data/**',
    ],
  },
  js.configs.recommended,
  ...sdlConfigs,
  ...tseslint.configs.recommendedTypeChecked,
  {
    plugins: { holdfast },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-restricted-imports': ['error', electronOnly],
      // The layers (scripts/lint/layers.js): core never imports a shell, the CLI or the renderer;
      // the renderer imports only the contract and shared code.
      'holdfast/layers': 'error',
      // Handlers are async by contract even when the work is synchronous.
      '@typescript-eslint/require-await': 'off',
      // Untrusted-input checks match control characters on purpose.
      'no-control-regex': 'off',
      '@microsoft/sdl/no-insecure-url': ['error', { exceptions: insecureUrlExceptions }],
      // Also on components such as `<Tag>`: by default the rule only looks at lower-case DOM tags.
      'react/no-danger': ['error', { customComponentNames: ['*'] }],
      // @microsoft/sdl/no-postmessage-star-origin skips `window.postMessage` when types are known:
      // it wants the type "Window", and TypeScript says "Window & typeof globalThis".
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='postMessage'][arguments.1.value='*']",
          message:
            "postMessage with target origin '*' hands the data to any window: name the origin.",
        },
      ],
    },
  },
  {
    // Node-side code: declared so that n/no-deprecated-api follows `new Buffer()`, `process.binding()`…
    files: ['main/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', 'e2e-electron/**/*.ts', '*.ts'],
    ignores: ['main/contract/**', 'main/shared/**'],
    languageOptions: { globals: { Buffer: 'readonly', process: 'readonly' } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'main/contract/**/*.ts', 'main/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { ...electronOnly, ...nodeBuiltins }],
    },
  },
  {
    // The rest of the Electron shell takes electron's modules as parameters (so tests run without
    // the binary) and may name their types: a type import is erased from the build.
    files: ['main/shells/electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: electronOnly.paths.map((path) => ({ ...path, allowTypeImports: true })) },
      ],
    },
  },
  {
    // The Electron glue: the only code allowed to import electron.
    files: [
      'main/shells/electron/index.ts',
      'main/shells/electron/preload/**/*.ts',
      'main/shells/electron/settingsStore.ts',
      'main/shells/electron/windowState.ts',
    ],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Tests feed http://, ws://, ftp:// and telnet:// addresses to the policies that must refuse them.
    files: ['**/*.test.ts'],
    rules: { '@microsoft/sdl/no-insecure-url': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // disableTypeChecked turns off the type-aware no-implied-eval; plain JS gets the base rule back.
    files: ['**/*.js', '**/*.mjs'],
    rules: { 'no-implied-eval': 'error' },
  },
);
