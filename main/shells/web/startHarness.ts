import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Conf from 'conf';
import { createCore, type Core } from '../../core/createCore';
import { createHttpTransport } from './httpTransport';
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
  url: string;
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
  const token = randomBytes(24).toString('base64url');
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
    savePdf: async () => ({
      saved: false,
      reason:
        'Saving as a PDF is not available here. Use your browser’s Print (Ctrl+P) and choose “Save as PDF” as the printer.',
    }),
    ...(options.log ? { log: options.log } : {}),
  });

  const handle = createHttpTransport({
    handlers: core.handlers,
    token,
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
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
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
