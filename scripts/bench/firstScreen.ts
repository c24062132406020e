import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

export interface FirstScreenScripts {
  /** Path of each script the page fetched, with its size as served and gzipped (bytes). */
  scripts: Array<{ path: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
}

/** How long the page may keep fetching after the home screen is drawn (lazy panels included). */
const QUIET_MS = 500;

/**
 * The JavaScript the home screen really loads: a fresh browser context opens `url`, every script
 * response is recorded (the entry, its modulepreload links and any chunk the home route imports
 * later, lazy panels included) until the home screen is drawn and the network has been quiet for
 * a moment. Sizes are gzipped here, as a compressed download or package would hold them; the
 * harness itself serves them uncompressed.
 */
export async function measureFirstScreenScripts(
  browser: Browser,
  url: string,
): Promise<FirstScreenScripts> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const pending: Array<Promise<{ path: string; bytes: number; gzipBytes: number }>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response.body().then((body) => ({
          path: new URL(response.url()).pathname,
          bytes: body.length,
          gzipBytes: gzipSync(body).length,
        })),
      );
    });
    await page.goto(url);
    await page.locator('main[data-ready="true"] h1#page-title').waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(QUIET_MS);
    const scripts = await Promise.all(pending);
    if (scripts.length === 0) throw new Error(`no script was loaded by ${url}`);
    return { scripts, gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0) };
  } finally {
    await context.close();
  }
}
