import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('leaving the editor with changes that are not saved asks first', async ({ app, page }) => {
  // Came from the list of all runbooks, so the back button has somewhere in the app to go.
  await app.openAllRunbooks();
  await page.evaluate(() => {
    window.location.hash = '#/edit/lost-device';
  });
  await expect(page.getByRole('heading', { level: 1, name: /^Edit: / })).toBeVisible();
  await page.getByLabel('Title').fill('Laptop or phone lost');
  await expect(page.getByText('You have changes that are not saved.')).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Holdfast' });
  await nav.getByRole('link', { name: 'Contacts', exact: true }).click();
  const question = page.getByRole('dialog', { name: 'You have changes that are not saved' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Stay' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByLabel('Title')).toHaveValue('Laptop or phone lost');

  // The back button asks too, and the page stays where it was.
  await page.goBack();
  await expect(question).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Laptop or phone lost');
  await question.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'All runbooks' })).toBeVisible();
});

test('find and replace changes every match in the text', async ({ app, page }) => {
  await app.openEditor('lost-device');
  await app.addToEndOfText(
    '\n\n## Afterwards {#afterwards}\n\n1. Tell the office manager. {#tell}\n2. Ask the office manager to sign. {#sign}\n',
  );
  await page.getByRole('button', { name: 'Find and replace' }).click();
  await page.getByRole('textbox', { name: 'Find' }).fill('office manager');
  await page.getByRole('textbox', { name: 'Replace with' }).fill('home manager');
  await page.getByRole('button', { name: 'Replace all' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByText('Tell the home manager.')).toBeVisible();
  await expect(preview.getByText('Ask the home manager to sign.')).toBeVisible();
  await expect(preview.getByText('office manager')).toHaveCount(0);
});

test('a runbook file that could not be loaded opens in the editor with its problems, and saving fixes it', async ({
  app,
  page,
  dataDir,
}) => {
  await writeFile(
    join(dataDir, 'runbooks', 'Our plan.md'),
    [
      '---',
      'id: our-plan',
      'title: ab',
      'category: guide',
      'summary: What we do first.',
      'reviewed: 2026-12-05',
      'version: 1',
      '---',
      '',
      '## First',
      '',
      '1. Ring the manager. {#ring}',
      '',
    ].join('\n'),
  );
  await app.openAllRunbooks();
  await page.getByRole('link', { name: 'ab: has problems — open to fix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fix: ab' })).toBeVisible();
  await expect(page.getByText('Title must be at least 3 characters.')).toBeVisible();
  await expect(page.getByText('Looked after by must be filled in.')).toBeVisible();

  await page.getByLabel('Title').fill('Our plan');
  await page.getByLabel('Looked after by').fill('Rose Lodge');
  await expect(page.getByText('No problems found').first()).toBeVisible();
  await app.saveRunbook('Sam', 'Fixed the header');
  await expect(page.getByRole('heading', { level: 1, name: 'Edit: Our plan' })).toBeVisible();
  expect(await readdir(join(dataDir, 'runbooks'))).toEqual(['our-plan.md']);
});
