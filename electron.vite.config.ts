import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * The renderer is built twice from the same source, one folder per way of reaching the core:
 * - `electron-vite build`: out/renderer, the desktop app's (IPC through the preload).
 * - `electron-vite build --mode harness`: out/harness, the web harness's (HTTP with a token), for
 *   `npm run dev:web`, the end-to-end tests and the bench. Never packaged (electron-builder.yml).
 * renderer/api.ts picks its transport from the mode, so each bundle holds only its own.
 */
export const HARNESS_MODE = 'harness';

// One build tool for all three targets: main (Node, ESM), preload (CommonJS, because a sandboxed
// preload cannot load ES modules) and the renderer.
export default defineConfig(({ mode }) => ({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('main/shells/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('main/shells/electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    // Icons and other static files ship from assets/ (packaged, never fetched remotely).
    publicDir: resolve('assets'),
    build: {
      outDir: resolve(mode === HARNESS_MODE ? 'out/harness' : 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react()],
  },
}));
