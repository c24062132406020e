import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { isRunbookFileName } from '../main/core/runbooks/library';
import { attackDocuments } from './attacks/attackDocuments';
import { expect, test } from './fixtures';

const DOCUMENTS = attackDocuments();
const SHARDS = 3;

/** Opens one runbook by changing the route (no reload) and checks the page stayed inert. */
async function openAndCheck(page: Page, id: string, title: string): Promise<void> {
  await page.evaluate((route) => {
    window.location.hash = route;
  }, `#/runbooks/${id}`);
  // The reader's own title, by CSS: a role query would work out every element's name on a page of
  // hostile markup, three hundred times over.
  const reader = page.locator('article.reader');
  await expect(reader.locator('h1#page-title')).toHaveText(title);
  const found = await reader.evaluate((article) => ({
    elements: article.querySelectorAll(
      'script, img, svg, iframe, object, embed, style, link, meta, base, form, input, video, audio, math, marquee, noscript',
    ).length,
    handlers: [...article.querySelectorAll('*')]
      .flatMap((element) => [...element.attributes].map((attribute) => attribute.name))
      .filter((name) => /^on/i.test(name) || name === 'style' || name === 'srcdoc'),
    hrefs: [...article.querySelectorAll('[href], [src], [action], [xlink\\:href]')].map(
      (element) =>
        element.getAttribute('href') ??
        element.getAttribute('src') ??
        element.getAttribute('action') ??
        '',
    ),
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
  }));
  expect(found.elements, `${id}: no active or loading elements`).toBe(0);
  expect(found.handlers, `${id}: no event handler or style attributes`).toEqual([]);
  for (const href of found.hrefs)
    expect(href, `${id}: only allow-listed links`).toMatch(
      /^(https:\/\/[^/@]+\.[a-z]{2,}(\/|$)|mailto:|tel:|#)/i,
    );
  expect(found.pwned, `${id}: no script ran`).toBeUndefined();
}

for (let shard = 0; shard < SHARDS; shard += 1) {
  const mine = DOCUMENTS.filter((_, index) => index % SHARDS === shard);

  test.describe(`attack documents, part ${shard + 1} of ${SHARDS}`, () => {
    test.beforeEach(async ({ dataDir }) => {
      await mkdir(join(dataDir, 'runbooks'), { recursive: true });
      await Promise.all(
        mine.map((doc) => writeFile(join(dataDir, 'runbooks', doc.file), doc.text)),
      );
    });

    test(`${mine.length} hostile runbooks render inert under the production CSP`, async ({
      app,
      page,
    }) => {
      // A hundred documents in one test: give it the time of several.
      test.slow();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await app.openHome();
      for (const doc of mine) await openAndCheck(page, doc.id, `Attack ${doc.id}`);
      expect(dialogs).toEqual([]);
      // The fixture then fails the test on any request leaving 127.0.0.1, CSP violation or console error.
      console.log(`attack documents (part ${shard + 1}): ${mine.length} documents, 0 failures`);
    });
  });
}

test('every bundled runbook opens under the production CSP with no violation or outside request', async ({
  app,
  page,
}) => {
  const bundled = (await readdir(resolve(import.meta.dirname, '../runbooks'))).filter(
    isRunbookFileName,
  );
  await app.openHome();
  for (const name of bundled) {
    const id = name.replace(/\.md$/, '');
    await page.evaluate((route) => {
      window.location.hash = route;
    }, `#/runbooks/${id}`);
    await expect(page.locator('article.reader h1')).toBeVisible();
    await expect(page.locator('article.reader')).toHaveAttribute('aria-labelledby', 'page-title');
  }
  expect(bundled.length).toBeGreaterThanOrEqual(20);
});
