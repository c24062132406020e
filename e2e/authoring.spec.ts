import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { restoreBackup } from '../main/core/backup/dataBackup';
import { harnessRendererDir, startHarness } from '../main/shells/web/startHarness';
import { expect, test } from './fixtures';

const repoRoot = resolve(import.meta.dirname, '..');

test('an edited bundled runbook is saved as your version, keeps its history and can be restored', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openRunbookById('lost-device');
  await page.getByRole('link', { name: 'Edit this runbook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Edit: / })).toBeVisible();
  await expect(
    page.getByText('This runbook comes with Holdfast. Saving keeps your edited version separately'),
  ).toBeVisible();

  await app.addToEndOfText(
    '\n\n## Afterwards {#afterwards}\n\n1. Tell the practice manager what was lost.\n',
  );
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByText('Tell the practice manager what was lost.')).toBeVisible();
  await app.saveRunbook('Sam Patel', 'Tell the manager');
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved as revision 2, version 4.' }),
  ).toBeVisible();
  // The saved text, with its new step id, replaces the editor's text just after the message.
  await expect(async () => {
    await app.showEndOfText();
    await expect(app.runbookText).toContainText(
      'Tell the practice manager what was lost. {#tell-the-practice-manager-what-was}',
      { timeout: 1_000 },
    );
  }).toPass();
  expect(await readdir(join(dataDir, 'runbooks'))).toEqual(['lost-device.md']);

  await expect(app.historyRows()).toHaveCount(2);
  await expect(app.historyRows().nth(1)).toContainText('Sam Patel');
  await expect(app.historyRows().nth(1)).toContainText('Saved: Tell the manager');
  await page.getByRole('button', { name: 'Show changes in revision 2' }).click();
  await expect(
    page.getByRole('region', { name: 'Changes from revision 1 to revision 2' }),
  ).toContainText('Added line');

  await app.openRunbookById('lost-device');
  await expect(page.getByText('Your edited version')).toBeVisible();
  await expect(page.getByText('Tell the practice manager what was lost.')).toBeVisible();

  await app.openEditor('lost-device');
  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Revision 1 was restored as revision 3.' }),
  ).toBeVisible();
  await expect(app.historyRows()).toHaveCount(3);
  expect(await readFile(join(dataDir, 'runbooks', 'lost-device.md'), 'utf8')).not.toContain(
    'practice manager',
  );

  await page.getByRole('button', { name: 'Reset to the version that comes with Holdfast' }).click();
  await page.getByRole('button', { name: 'Yes, reset it' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Reset: the version that comes with Holdfast is in use again.' }),
  ).toBeVisible();
  expect(await readdir(join(dataDir, 'runbooks'))).toEqual([]);
});

test('the checks list problems by line as you type and a save with errors is refused', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openEditor('lost-device');
  await app.addToEndOfText(
    '\n\n## Afterwards {#afterwards}\n\n1. Phone {{contact:nobody-at-all}} {#call}\n',
  );
  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks).toContainText(/Error Line \d+: unknown contact role "nobody-at-all"/);
  await app.addToEndOfText('2. Phone again {#call}\n');
  await expect(checks).toContainText(/Error Line \d+: duplicate step id "call"/);
  await checks
    .getByRole('button', { name: /^Line \d+$/ })
    .last()
    .click();
  await expect(app.runbookText).toBeFocused();

  await app.saveRunbook('Sam', '');
  await expect(
    page.getByRole('alert').filter({ hasText: 'The runbook was not saved' }),
  ).toBeVisible();
  expect(await readdir(join(dataDir, 'runbooks'))).toEqual([]);
});

test('a new runbook starts from the template, gets step ids and appears in the library', async ({
  app,
  page,
}) => {
  await app.openAllRunbooks();
  await page.getByRole('link', { name: 'Write a new runbook of your own' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New runbook' })).toBeVisible();
  await page.getByLabel('Short name', { exact: true }).fill('flooded-office');
  await page.getByLabel('Title').fill('The office is flooded');
  await page.getByLabel('Summary').fill('Water has got into the office and the computers.');
  await page.getByLabel('Looked after by').fill('Rose Lodge');
  await app.saveRunbook('Sam', 'First version');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Edit: The office is flooded' }),
  ).toBeVisible();
  await expect(app.runbookText).toContainText('{#write-down-the-time-you-noticed}');

  await page.getByRole('button', { name: 'Move to the trash' }).click();
  await page.getByRole('button', { name: 'Yes, move it to the trash' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: '“flooded-office” is in the trash' }),
  ).toBeVisible();
  await app.openAllRunbooks();
  await expect(page.getByRole('link', { name: 'The office is flooded' })).toHaveCount(1);
  await page
    .getByRole('region', { name: 'In the trash' })
    .getByRole('link', { name: 'The office is flooded' })
    .click();
  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Edit: The office is flooded' }),
  ).toBeVisible();
  await page.getByRole('link', { name: '← Back to the runbook' }).click();
  await expect(page.getByText('Your own runbook')).toBeVisible();
  await app.openAllRunbooks();
  await expect(page.getByRole('link', { name: 'The office is flooded' })).toBeVisible();
});

test('a runbook file changed in another program shows when Holdfast gets focus back', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openAllRunbooks();
  const bundled = await readFile(
    join(import.meta.dirname, '..', 'runbooks', 'lost-device.md'),
    'utf8',
  );
  await writeFile(
    join(dataDir, 'runbooks', 'lost-device.md'),
    bundled.replace(/^title: .*$/m, 'title: Laptop or phone gone missing'),
  );
  await page.evaluate(() => {
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
  });
  await expect(page.getByRole('link', { name: 'Laptop or phone gone missing' })).toBeVisible();
});

test('the editor says when an open incident follows the runbook', async ({ app, page }) => {
  await app.openRunbookById('lost-device');
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await page.getByLabel('Short name for this incident').fill('Laptop left on a bus');
  await page.getByLabel('Incident lead').fill('Sam');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await app.sayWhoIsRecording('Sam');
  await expect(page.getByRole('heading', { level: 1, name: /Laptop left on a bus/ })).toBeVisible();
  await app.openEditor('lost-device');
  await expect(page.getByRole('note')).toContainText(
    'In use by an open incident: Laptop left on a bus.',
  );
});

test('a pack exported from one data folder imports into a fresh one', async ({
  app,
  page,
  browser,
}) => {
  await app.openEditor('lost-device');
  await app.addToEndOfText(
    '\n\n## Afterwards {#afterwards}\n\n1. Tell the practice manager what was lost.\n',
  );
  await app.saveRunbook('Sam Patel', 'Tell the manager');
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved as revision 2, version 4.' }),
  ).toBeVisible();

  await app.openAllRunbooks();
  await page.getByRole('link', { name: 'Share runbooks: export or import a pack' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export your runbooks as a pack' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^holdfast-runbooks-\d{4}-\d{2}-\d{2}\.zip$/);
  const pack = await readFile(await download.path());

  const freshDir = await mkdtemp(join(tmpdir(), 'holdfast-e2e-fresh-'));
  const fresh = await startHarness({
    port: 0,
    dataDir: freshDir,
    rendererDir: harnessRendererDir(repoRoot),
    bundledRunbooksDir: join(repoRoot, 'runbooks'),
    version: 'e2e',
  });
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await other.goto(fresh.address('#/runbook-packs'));
    await other
      .getByLabel('Import a runbook pack (.zip)')
      .setInputFiles({ name: 'pack.zip', mimeType: 'application/zip', buffer: pack });
    const preview = other.getByRole('region', { name: 'Check before importing: pack.zip' });
    await expect(preview).toContainText('Replaces the version that comes with Holdfast');
    // A home with no care group keys imports an unsigned pack without a tick, told it is not signed.
    await expect(preview.getByRole('region', { name: 'This pack is not signed' })).toContainText(
      'Not signed.',
    );
    await preview.getByRole('button', { name: 'Import these runbooks' }).click();
    await expect(
      other.getByRole('status').filter({ hasText: 'Imported 1 runbook.' }),
    ).toBeVisible();
    await other.goto(fresh.address('#/runbooks/lost-device'));
    await expect(other.getByText('Tell the practice manager what was lost.')).toBeVisible();
    await expect(other.getByText('Your edited version')).toBeVisible();
  } finally {
    await context.close();
    await fresh.close();
    await rm(freshDir, { recursive: true, force: true });
  }
});

test('Settings saves a full backup that restores into a fresh data folder', async ({
  app,
  page,
}) => {
  // Headless Chromium has the save-file picker but cannot show it: take the browser download
  // path, which Playwright can catch (renderer/lib/saveFile.ts falls back to it).
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await app.openEditor('lost-device');
  await app.addToEndOfText(
    '\n\n## Afterwards {#afterwards}\n\n1. Tell the practice manager what was lost.\n',
  );
  await app.saveRunbook('Sam Patel', 'Tell the manager');
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved as revision 2, version 4.' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(
    page.getByText('If the passphrase is lost, the backup cannot be opened'),
  ).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('rose lodge backup 2026');
  await page.getByRole('button', { name: 'Back up all data' }).click();
  await expect(page.getByLabel('Type the passphrase again')).toBeFocused();
  await expect(page.getByText('Type the passphrase again.')).toBeVisible();
  await page.getByLabel('Type the passphrase again').fill('rose lodge backup 2026');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up all data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^holdfast-backup-[\d-]+\.holdfast-backup$/);

  const freshDir = join(await mkdtemp(join(tmpdir(), 'holdfast-e2e-restore-')), 'data');
  try {
    const outcome = await restoreBackup(
      new Uint8Array(await readFile(await download.path())),
      freshDir,
      'rose lodge backup 2026',
    );
    expect(outcome).toMatchObject({ ok: true, encrypted: true });
    expect(await readFile(join(freshDir, 'runbooks', 'lost-device.md'), 'utf8')).toContain(
      'Tell the practice manager what was lost.',
    );
  } finally {
    await rm(join(freshDir, '..'), { recursive: true, force: true });
  }
});
