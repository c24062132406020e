import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { harnessRendererDir, startHarness } from '../main/shells/web/startHarness';
import { STRICT_TAGS, axeViolations } from './axe';
import { expect, test } from './fixtures';

const repoRoot = resolve(import.meta.dirname, '..');

test('an incident whose log gets a byte-order mark stays listed, read-only, and its files can be saved', async ({
  app,
  page,
  dataDir,
  harness,
}) => {
  await app.openRunbookById('ransomware');
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await page.getByLabel('Short name for this incident').fill('Ransom note on office PC');
  await page.getByLabel('Incident lead').fill('Ann Lee');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await app.sayWhoIsRecording('Ann Lee');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ransom note on office PC' }),
  ).toBeVisible();
  const id = /#\/incidents\/([^/]+)/.exec(page.url())?.[1] ?? '';

  // An editor's save adds a byte-order mark while Holdfast is closed: its window goes too, so the
  // open incident does not keep asking a server that is gone (a refused request is a console error).
  await page.goto('about:blank');
  await harness.close();
  const path = join(dataDir, 'incidents', id, 'log.jsonl');
  await writeFile(path, `\uFEFF${await readFile(path, 'utf8')}`);
  const again = await startHarness({
    port: harness.port,
    dataDir,
    rendererDir: harnessRendererDir(repoRoot),
    bundledRunbooksDir: join(repoRoot, 'runbooks'),
    version: 'e2e',
  });
  try {
    // Home and Incidents both still show it, with its clock, and say it is damaged.
    await page.goto(again.address('#/'));
    await expect(page.getByText('Its log is damaged and can only be read.')).toBeVisible();
    await page.goto(again.address('#/incidents'));
    const item = page.getByRole('listitem').filter({ hasText: 'Ransom note on office PC' });
    await expect(item).toContainText('does not verify at line 1');
    await expect(item).toContainText('left');

    await page.goto(again.address(`#/incidents/${id}/log`));
    await expect(
      page.getByRole('heading', { level: 1, name: 'Ransom note on office PC' }),
    ).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'not checked' }).first()).toBeVisible();
    await expect(page.getByLabel('Add a note')).toHaveCount(0);
    await expect(
      page.getByText('Log check code: none, as this log does not verify.'),
    ).toBeVisible();

    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: "Save a copy of this incident's files for investigation" })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^holdfast-incident-files-${id}-.*\\.zip$`),
    );
    await expect(page.getByRole('status').filter({ hasText: 'as they are' })).toBeVisible();
    // The file on disk is exactly as it was: nothing repaired.
    expect((await readFile(path, 'utf8')).startsWith('\uFEFF')).toBe(true);

    expect(
      (await axeViolations(page, STRICT_TAGS))
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => violation.id),
    ).toEqual([]);
  } finally {
    await again.close();
  }
});
