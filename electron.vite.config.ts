import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * The renderer is built twice from the same source, one folder per way of reaching the core:
 * - `electron-vite build`: out/renderer, the desktop app's (IPC through the preload).
 * - `electron-vite build --mode harness`: out/harness, the web harness's (HTTP with a token), for
 *   `npm run dev:web`, the end-to-end tests and the bench. Never packaged (electron-builder.yml).
 * renderer/api.ts picks its transport from the mode, so each bundle holds only its own.
 */
export const HARNESS_MODE = 'harness';

/**
 * renderer/main.ts loads the app (mountApp.tsx) with a dynamic import, after it has started the
 * first screen's API calls. Left alone, the browser would only learn of the app's chunks when that
 * import runs; these modulepreload links in index.html fetch and compile them from the start, in
 * parallel with the entry.
 */
function preloadAppChunks(appModule: string): Plugin {
  return {
    name: 'holdfast:preload-app-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk: entry }): { html: string; tags: HtmlTagDescriptor[] } {
        if (!bundle || !entry) return { html, tags: [] };
        const chunks = Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        );
        const app = chunks.find((chunk) => chunk.moduleIds.includes(appModule));
        if (!app) throw new Error(`no chunk for ${appModule}: the entry no longer imports it`);
        const already = new Set([entry.fileName, ...entry.imports]);
        const files: string[] = [];
        const visit = (fileName: string): void => {
          if (already.has(fileName) || files.includes(fileName)) return;
          files.push(fileName);
          for (const imported of bundle[fileName]?.type === 'chunk' ? bundle[fileName].imports : [])
            visit(imported);
        };
        visit(app.fileName);
        const entryTag = `<script type="module" crossorigin src="./${entry.fileName}">`;
        if (!html.includes(entryTag)) throw new Error(`index.html no longer has ${entryTag}`);
        return {
          // async: the entry runs as soon as it arrives, not after the stylesheet has loaded and
          // the page is parsed, as a deferred module script would (it draws nothing itself).
          html: html.replace(entryTag, entryTag.replace('<script ', '<script async ')),
          tags: files.map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
            injectTo: 'head',
          })),
        };
      },
    },
  };
}

/**
 * The modules the first screen loads with the app (mountApp.tsx's static imports, all the way
 * down, less what the entry already holds), so they can go out as one chunk. Left to itself the
 * bundler splits every module a lazy screen also uses into a chunk of its own: nine files of a
 * few hundred bytes, which took the browser's six connections to the harness while the first
 * screen's own data calls queued behind them (reader_ratio in `npm run bench`). Merging them
 * loads no more code: every one of them was loaded at the start already.
 */
function firstScreenModules(entryModule: string, appModule: string) {
  const modules = new Set<string>();
  const plugin: Plugin = {
    name: 'holdfast:first-screen-modules',
    apply: 'build',
    buildEnd() {
      const staticGraph = (from: string): Set<string> => {
        const seen = new Set<string>();
        const visit = (id: string): void => {
          if (seen.has(id)) return;
          seen.add(id);
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported);
        };
        visit(from);
        return seen;
      };
      const entry = staticGraph(entryModule);
      modules.clear();
      for (const id of staticGraph(appModule)) if (!entry.has(id)) modules.add(id);
    },
  };
  return { plugin, test: (id: string): boolean => modules.has(id) };
}

const firstScreen = firstScreenModules(
  resolve('renderer/main.ts'),
  resolve('renderer/mountApp.tsx'),
);

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
      rollupOptions: {
        input: resolve('renderer/index.html'),
        output: {
          codeSplitting: {
            groups: [
              { name: 'mountApp', test: firstScreen.test, includeDependenciesRecursively: false },
            ],
          },
        },
      },
    },
    plugins: [react(), preloadAppChunks(resolve('renderer/mountApp.tsx')), firstScreen.plugin],
  },
}));
