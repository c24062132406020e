import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const HOSTILE = `---
id: hostile
title: Hostile runbook
category: guide
summary: A runbook file that tries to run script.
reviewed: 2026-11-01
owner: Attacker
version: 1
---

<script>window.__pwned = 'script tag'</script>

<img src=x onerror="window.__pwned = 'onerror'">

## Contain {#contain}

1. Click [this](javascript:window.__pwned='js-link') or [this](JaVaScRiPt&#58;window.__pwned='entity') now. {#click}
2. Or [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and ![pixel](https://tracker.example/p.png) {#data}
3. An outside link: [NCSC](https://www.ncsc.gov.uk/) {#outside}
4. <svg onload="window.__pwned='svg'"></svg> <a href="javascript:alert(1)">raw</a> {#raw}
`;

const BROKEN = '---\nid: broken\ntitle: Broken\n---\n\n## Contain\n\n1. No id here\n';

// Files go in before the harness starts, as if an admin had saved them earlier.
test.beforeEach(async ({ dataDir }) => {
  await mkdir(join(dataDir, 'runbooks'), { recursive: true });
  await writeFile(join(dataDir, 'runbooks', 'hostile.md'), HOSTILE);
  await writeFile(join(dataDir, 'runbooks', 'broken.md'), BROKEN);
});

test('a runbook with injected script is shown as text and runs nothing', async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await app.openRunbookById('hostile');
  await expect(app.runbookTitle()).toHaveText('Hostile runbook');
  await expect(page.locator('article')).toContainText(
    "<script>window.__pwned = 'script tag'</script>",
  );

  const reader = page.locator('article.reader');
  await expect(reader.locator('script, img, svg, iframe, object, embed')).toHaveCount(0);
  await expect(reader.locator('[onerror], [onload], [onclick]')).toHaveCount(0);
  const hrefs = await reader
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(/^(https:|mailto:|tel:|#)/);

  // Clicking where the javascript: links were does nothing.
  await page.locator('#step-click').click();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('an outside link is handed to the main process, never opened in the app window', async ({
  app,
  page,
  harness,
}) => {
  await app.openRunbookById('hostile');
  const before = page.url();
  await page.getByRole('link', { name: 'NCSC' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'does not open outside links' }),
  ).toBeVisible();
  expect(page.url()).toBe(before);
  expect(harness.requestedLinks).toEqual(['https://www.ncsc.gov.uk/']);
});

test('the problems list names the file and line of each problem, and good runbooks still load', async ({
  app,
  page,
}) => {
  await app.openHome();
  const problems = page.getByRole('region', { name: 'Problems in runbook files' });
  await expect(problems).toContainText(
    'your runbooks/broken.md:1 Situation it is for is missing: add a line "category: …"',
  );
  await expect(problems).toContainText('your runbooks/broken.md:8');
  await expect(problems).toContainText('your runbooks/hostile.md:11 HTML is not allowed');
  await expect(problems).toContainText('your runbooks/hostile.md:17 link "javascript:');
  await app.entryPoint(/Not sure/).click();
  await page.getByRole('link', { name: 'See every runbook instead' }).click();
  await expect(page.getByRole('link', { name: /Hostile runbook/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Ransomware/ })).toBeVisible();
  // The broken file is never offered as a runbook to read: only as a file to fix.
  await expect(page.getByRole('link', { name: /^Broken/ })).toHaveCount(1);
  await expect(
    page.getByRole('link', { name: 'Broken: has problems — open to fix' }),
  ).toHaveAttribute('href', '#/fix/broken.md');
});
