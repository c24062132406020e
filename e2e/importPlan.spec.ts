import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { goToHash } from './pages/HoldfastApp';

const PLAN = [
  '# Printer hacked',
  '',
  'The office printer prints pages nobody sent.',
  '',
  '## Containment',
  '',
  '- Unplug the printer from the network.',
  '- Tell {{IT_CONTACT}} what it printed.',
  '',
  '## References',
  '',
  '1. The printer manual',
].join('\n');

test('a pasted plan is previewed, saved as a draft and opens in the editor', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openHome();
  await goToHash(page, '#/all');
  await page.getByRole('link', { name: /Import a plan you already have/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a plan' })).toBeVisible();
  await page.getByLabel('Or paste the plan’s text').fill(PLAN);
  await page.getByRole('button', { name: 'Show what becomes a step' }).click();

  // Each block is one item of the list; kept text may hold lists of its own.
  const blocks = page.getByRole('list', { name: 'What the plan becomes' }).locator(':scope > li');
  await expect(blocks).toHaveText([
    /^Stays as text\s*The office printer prints pages nobody sent\.\s*$/,
    'Phase: Containment',
    /^Step 1 .*id “unplug-the-printer-from-the-network”.*Unplug the printer from the network\.$/,
    // Shown as the reader will show it: the contact's name and number, or how to add them.
    /^Step 2 .*Tell IT supplier: not set yet — add your local number what it printed\.$/,
    'Phase: References',
    /^Stays as text \(references and appendices are never steps\)\s*1\. The printer manual\s*$/,
  ]);
  await expect(page.getByLabel('{{IT_CONTACT}} (used 1 time)')).toHaveValue('contact:it-supplier');
  await expect(page.getByLabel('Short name')).toHaveValue('printer-hacked');

  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Edit: Printer hacked/ }),
  ).toBeVisible();
  const saved = await readFile(join(dataDir, 'runbooks', 'printer-hacked.md'), 'utf8');
  expect(saved).toContain('status: draft');
  expect(saved).toContain(
    '1. Unplug the printer from the network. {#unplug-the-printer-from-the-network}',
  );
});

test('several plans chosen at once each become a draft, and one that needs work opens to fix', async ({
  app,
  page,
}) => {
  await app.openHome();
  await goToHash(page, '#/import-plan');
  await page.getByLabel('Your name (kept in the runbook’s history)').fill('Sam Admin');
  await page.getByLabel('Choose one file or several (.md, .txt or Word .docx)').setInputFiles([
    { name: 'printer.md', mimeType: 'text/markdown', buffer: Buffer.from(PLAN) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Just a note, no steps.') },
  ]);
  const results = page.getByRole('region', { name: 'What happened to each file' });
  await expect(results.getByRole('status')).toHaveText('1 file of 2 saved as a draft.');
  await expect(results.getByRole('listitem')).toHaveText([
    /^printer\.md: Saved as a draft: Printer hacked \(2 steps\)\./,
    /^notes\.txt: Kept as a file to fix: .*Fix it in the editor/,
  ]);
  await results.getByRole('link', { name: /Fix it in the editor/ }).click();
  await expect(page).toHaveURL(/#\/fix\/notes\.md$/);
});
