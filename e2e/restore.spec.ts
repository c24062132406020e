import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createEncryptedBackup } from '../main/core/backup/dataBackup';
import { expect, test } from './fixtures';
import { goToHash, startIncidentFromForm } from './pages/HoldfastApp';

test('a backup restores through Settings: checked and counted first, the current data set aside, the app reloaded over the backup', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openHome();
  await startIncidentFromForm(page, 'lost-device', 'Before the backup');
  const { file } = await createEncryptedBackup(dataDir, new Date(), 'rose lodge backup');
  // The second incident in this run of the app: who is recording is already known.
  await goToHash(page, '#/incidents/new/lost-device');
  await page.getByLabel('Short name for this incident').fill('After the backup');
  await page.getByLabel('Incident lead').fill('Ann Lee');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'After the backup' })).toBeAttached();

  await goToHash(page, '#/settings');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Restore from a backup…' }),
  ).toBeVisible();
  await page.getByLabel('Backup file').setInputFiles({
    name: 'rose-lodge.holdfast-backup',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(file),
  });
  await page.getByLabel('Passphrase of the backup').fill('rose lodge backup');
  await page.getByRole('button', { name: 'Check the backup' }).click();
  await expect(page.getByRole('heading', { name: 'The backup passed every check' })).toBeFocused();
  await expect(page.getByText(/It holds 1 incident, 0 practice incidents/)).toBeVisible();

  await page.getByRole('button', { name: 'Restore this backup' }).click();
  // The app reloads over the restored data and says where the earlier data went. A restore opens
  // the backup again (its passphrase key is slow to work out on purpose) and syncs every file, so
  // a busy machine may take longer than the usual wait.
  await expect(
    page.getByRole('status').filter({ hasText: 'The backup was restored.' }),
  ).toContainText('before restore', { timeout: 30_000 });
  await goToHash(page, '#/incidents');
  await expect(page.getByText('Before the backup').first()).toBeVisible();
  await expect(page.getByText('After the backup')).toHaveCount(0);

  // Nothing mixed, nothing lost: both incidents are in the dated folder beside the data folder.
  const setAside = (await readdir(dirname(dataDir))).filter((name) =>
    name.startsWith(`${basename(dataDir)} before restore `),
  );
  expect(setAside).toHaveLength(1);
  const kept = join(dirname(dataDir), setAside[0] ?? '');
  try {
    expect(await readdir(join(kept, 'incidents'))).toHaveLength(2);
    expect(await readdir(join(dataDir, 'incidents'))).toHaveLength(1);
  } finally {
    await rm(kept, { recursive: true, force: true });
  }
});
