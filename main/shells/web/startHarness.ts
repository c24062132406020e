import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Conf from 'conf';
import { createCore, type Core } from '../../core/createCore';
import { createHttpTransport } from './httpTransport';
import { HARNESS_CODE_PARAM } from '../../contract/harnessSession';
import { createHarnessAccess, projectorExerciseOf } from './harnessAccess';
import { PRIVATE_FILE_MODE } from '../../core/storage/privateModes';

export interface HarnessOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  bundledRunbooksDir: string;
  version: string;
  log?: (message: string, error?: unknown) => void;
}

export interface RunningHarness {
  /** `http://127.0.0.1:PORT`, for telling the harness's own requests from any others. */
  origin: string;
  /**
   * A new address to open Holdfast at, on `hash` (e.g. `#/exercises`): it carries a fresh one-time
   * code, which opening the page trades for its session. Each address opens one window, once.
   */
  address(hash?: string): string;
  /** A bearer token with full access, for tools that call the API directly; never in an address. */
  token: string;
  port: number;
  core: Core;
  /** External links the renderer asked to open (the harness never opens them). */
  requestedLinks: string[];
  close(): Promise<void>;
}

/**
 * Starts the web harness: the real core over `dataDir`, served on 127.0.0.1 only, with a fresh
 * random token. Used by `npm run dev:web` and the end-to-end tests.
 */
export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const access = createHarnessAccess();
  const token = access.addSession({ kind: 'full' });
  const requestedLinks: string[] = [];
  const core = await createCore({
    dataDir: options.dataDir,
    bundledRunbooksDir: options.bundledRunbooksDir,
    shell: 'web-harness',
    version: options.version,
    // The same Conf engine electron-store uses in the desktop app, on the same file name.
    openSettingsStore: () =>
      new Conf({
        cwd: options.dataDir,
        configName: 'settings',
        projectName: 'holdfast',
        configFileMode: PRIVATE_FILE_MODE,
      }),
    openExternal: async (url) => {
      requestedLinks.push(url);
      return {
        opened: false,
        reason:
          'The web harness does not open outside links. The desktop app asks you first, then opens them in your browser.',
      };
    },
    // The projector's address carries a code of its own: it opens that exercise's projector only.
    openProjector: async (route) => {
      const exercise = projectorExerciseOf(route);
      if (!exercise) return { opened: false };
      const code = access.issueCode({ kind: 'projector', exercise });
      return { opened: false, address: `?${HARNESS_CODE_PARAM}=${code}${route}` };
    },
    savePdf: async () => ({
      saved: false,
      reason:
        'Saving as a PDF is not available here. Use your browser’s Print (Ctrl+P) and choose “Save as PDF” as the printer.',
    }),
    ...(options.log ? { log: options.log } : {}),
  });

  const handle = createHttpTransport({
    handlers: core.handlers,
    access,
    rendererDir: options.rendererDir,
    port: () => (server.address() as AddressInfo | null)?.port ?? options.port,
    ...(options.log ? { log: options.log } : {}),
  });
  const server: Server = createServer((req, res) => void handle(req, res));
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: '127.0.0.1', exclusive: true }, () =>
      resolvePromise(),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    address: (hash = '') =>
      `${origin}/?${HARNESS_CODE_PARAM}=${access.issueCode({ kind: 'full' })}${hash}`,
    token,
    port,
    core,
    requestedLinks,
    close: async () => {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // Browsers keep idle connections open; without this, close() waits for them to time out.
        server.closeAllConnections();
      });
      await core.close();
    },
  };
}

/**
 * The renderer built for the harness (`npm run build:harness`): it talks HTTP with a token. The
 * desktop build in out/renderer has no HTTP client and cannot run in a browser.
 */
export const harnessRendererDir = (repoRoot: string): string => join(repoRoot, 'out', 'harness');

/** The desktop app's renderer (`npm run build`), for checks on what ships. */
export const desktopRendererDir = (repoRoot: string): string => join(repoRoot, 'out', 'renderer');
