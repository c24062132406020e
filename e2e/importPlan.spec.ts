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

  const blocks = page.getByRole('list', { name: 'What the plan becomes' }).getByRole('listitem');
  await expect(blocks).toHaveText([
    'Stays as textThe office printer prints pages nobody sent.',
    'Phase: Containment',
    /^Step 1 .*id “unplug-the-printer-from-the-network”.*Unplug the printer from the network\.$/,
    /^Step 2 .*Tell \{\{contact:it-supplier\}\} what it printed\.$/,
    'Phase: References',
    'Stays as text (references and appendices are never steps)1. The printer manual',
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
