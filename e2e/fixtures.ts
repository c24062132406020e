import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import {
  harnessRendererDir,
  startHarness,
  type RunningHarness,
} from '../main/shells/web/startHarness';
import { HoldfastApp } from './pages/HoldfastApp';

const repoRoot = resolve(import.meta.dirname, '..');

interface Fixtures {
  /** A fresh data folder per test, prepared before the harness starts. */
  dataDir: string;
  harness: RunningHarness;
  app: HoldfastApp;
  /** Every request the page made to anywhere but the harness: must stay empty (offline app). */
  outsideRequests: string[];
  /** Content-Security-Policy violations and console errors: the app itself must cause none. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take a destructured first argument
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'holdfast-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir }, use) => {
    const harness = await startHarness({
      port: 0,
      dataDir,
      rendererDir: harnessRendererDir(repoRoot),
      bundledRunbooksDir: join(repoRoot, 'runbooks'),
      version: 'e2e',
    });
    await use(harness);
    await harness.close();
  },
  outsideRequests: async ({ page, harness }, use) => {
    const outside: string[] = [];
    const { origin } = harness;
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) outside.push(request.url());
    });
    await use(outside);
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
  app: async ({ page, harness, outsideRequests, pageErrors }, use) => {
    await use(new HoldfastApp(page, (hash) => harness.address(hash)));
    expect(outsideRequests, 'the app must never reach outside 127.0.0.1').toEqual([]);
    expect(pageErrors, 'no CSP violation, console error or uncaught exception').toEqual([]);
  },
});

export { expect };
