import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { harnessRendererDir, startHarness } from './startHarness';

/** `npm run dev:web -- [--port N] [--data DIR]`: serves the app to a browser on 127.0.0.1 only. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      data: { type: 'string', default: '.holdfast-web-data' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(
      `--port must be a whole number from 0 to 65535 (0 picks a free port); got "${values.port}"`,
    );
    process.exit(2);
  }
  const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
  const { version } = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const harness = await startHarness({
    port,
    dataDir: resolve(values.data),
    rendererDir: harnessRendererDir(repoRoot),
    bundledRunbooksDir: resolve(repoRoot, 'runbooks'),
    version,
    log: (message, error) => console.error(message, error),
  });
  console.log(`HOLDFAST_URL=${harness.address()}`);
  console.log(
    'That address opens one browser window, once, within 10 minutes. For another, start the harness again.',
  );
  const stop = (): void => void harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
