import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** A plan written elsewhere, waiting to be checked: its header says it is a draft. */
const DRAFT = [
  '---',
  'id: flooded-server-room',
  'title: Server room flooded',
  'category: system-down',
  'summary: Use this when water gets into the room where the computers are kept.',
  'reviewed: 2026-12-01',
  'owner: Sam Patel',
  'version: 1',
  'status: draft',
  '---',
  '',
  '## Make it safe {#safe}',
  '',
  '1. Keep everyone away from the water and the sockets. {#keep-away}',
  '',
  'Only an electrician should turn the power back on.',
  '',
].join('\n');

// Written before the harness starts (it starts with the first test that asks for the app).
test.beforeEach(async ({ dataDir }) => {
  await mkdir(join(dataDir, 'runbooks'), { recursive: true });
  await writeFile(join(dataDir, 'runbooks', 'flooded-server-room.md'), DRAFT);
});

test('a draft is kept out of search until it is published, then found', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openHome();
  await app.search('flooded server');
  await expect(app.searchResult(/Server room flooded/)).toHaveCount(0);

  await app.openAllRunbooks();
  const drafts = page.getByRole('region', { name: 'Drafts' });
  await expect(drafts.getByRole('link', { name: /^Server room flooded/ })).toContainText(
    'Draft — not yet in use',
  );
  await drafts.getByRole('link', { name: /^Server room flooded/ }).click();
  await expect(page.getByRole('note')).toContainText(
    'This is a draft. It is not used in an incident until it is published.',
  );
  // The text after the step stays after it.
  await expect(page.locator('#step-keep-away .step-after')).toContainText('electrician');
  await expect(page.getByRole('link', { name: 'Start an incident with this runbook' })).toHaveCount(
    0,
  );
  await page.getByRole('button', { name: 'Publish “Server room flooded”' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is now in use' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
  expect(await readFile(join(dataDir, 'runbooks', 'flooded-server-room.md'), 'utf8')).toContain(
    'status: published',
  );

  await app.search('flooded server');
  await expect(app.searchResult(/Server room flooded/)).toBeVisible();
});
