import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where present (CI and this project's build machines); otherwise the browser
// Playwright installed for the user (`npx playwright install chromium`). CHROMIUM_PATH overrides both.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  projects: [
    // The app in a browser, through the web harness: what `npm test` runs everywhere.
    { name: 'web', testDir: 'e2e' },
    // The desktop app itself. Without an Electron binary it is one skipped line saying why.
    { name: 'electron', testDir: 'e2e-electron', timeout: 90_000 },
  ],
  use: {
    headless: true,
    viewport: { width: 1280, height: 900 },
    trace: 'off',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
