import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

/** The WCAG 2.2 AA rules every screen is held to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;
/** WCAG 2.2 AA and axe's best practices: what the crisis path and some forms are held to. */
export const STRICT_TAGS = [...WCAG_TAGS, 'best-practice'] as const;

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

declare global {
  interface Window {
    axe?: {
      run: (context: Document | { include: string[] }, options: object) => Promise<AxeResults>;
    };
  }
}

/**
 * Runs axe-core on the page as it stands and returns its violations (every impact; callers pick).
 *
 * axe is put into the page once per document and then run directly: moving within the app keeps
 * the document, so later scans of other screens reuse it. AxeBuilder injects it afresh for every
 * scan and then opens a blank page to gather the results, which made each scan several times
 * slower. The app has no frames (its CSP allows none), so the top document is all there is to scan.
 */
export async function axeViolations(
  page: Page,
  tags: readonly string[],
  /** A CSS selector: scan only inside it. */
  within?: string,
): Promise<Result[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ values, selector }) =>
      (
        await window.axe!.run(selector === null ? document : { include: [selector] }, {
          runOnly: { type: 'tag', values },
          // Only the violations are read: axe skips writing out the details of what passed.
          resultTypes: ['violations'],
        })
      ).violations,
    { values: [...tags], selector: within ?? null },
  );
}

/** Serious and critical WCAG violations, one line each ("id: help (n nodes)"). */
export async function seriousViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page, WCAG_TAGS))
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`);
}

/** Every WCAG and best-practice violation at every impact, each with the elements it names. */
export async function strictViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page, STRICT_TAGS)).map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}
