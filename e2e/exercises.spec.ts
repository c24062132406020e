import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sayWhoIsRecording } from './pages/HoldfastApp';

const BANNER = 'EXERCISE — NOT A REAL INCIDENT';

/** Every exercise page carries the banner at least once, so nobody mistakes practice for real. */
async function expectBanner(page: Page): Promise<void> {
  await expect(page.getByText(BANNER).first()).toBeVisible();
}

async function setUpExercise(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/exercises`);
  await expect(page.getByRole('heading', { level: 1, name: 'Exercises' })).toBeVisible();
  await expectBanner(page);
  await page
    .getByLabel('Scenario')
    .selectOption({ label: 'Our care record supplier is hit by ransomware' });
  await page.getByLabel("Facilitator's name").fill('Ann Lee');
  await page.getByRole('button', { name: 'Set up the exercise' }).click();
  await sayWhoIsRecording(page, 'Ann Lee');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Our care record supplier is hit by ransomware' }),
  ).toBeVisible();
}

test('a tabletop exercise from set-up to an exported after-action report, never counted as an incident', async ({
  app,
  page,
  dataDir,
  harness,
}) => {
  await app.openHome();
  const url = page.url().replace(/#.*$/, '');
  await setUpExercise(page, url);
  await expectBanner(page);

  await page.getByRole('button', { name: 'Start the exercise' }).click();
  // The first inject is due at the start: the console releases it on its timer.
  await expect(
    page
      .getByRole('heading', { level: 3, name: '1. 7.40 am: the care app will not open' })
      .locator('..'),
  ).toContainText('Released');
  await expect(
    page.getByText(/Next: "8\.30 am: the supplier confirms an attack" in/),
  ).toBeVisible();

  // Two more by hand, then a decision on the current one.
  await page.getByRole('button', { name: /^Release the next inject: 8\.30 am/ }).click();
  await expect(
    page.getByRole('button', { name: /^Release the next inject: Lunchtime/ }),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Release the next inject: Lunchtime/ }).click();
  await expect(page.getByRole('button', { name: /^Release the next inject: Day 2/ })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Bo Adams');
  await page.getByLabel('Job or role in the exercise (optional)').fill('Deputy manager');
  await page.getByRole('button', { name: 'Add to who took part' }).click();
  await expect(page.getByRole('region', { name: 'Who took part' })).toContainText(
    'Bo Adams — Deputy manager',
  );
  await page
    .getByLabel("The group's decision")
    .fill('Stop sharing photos of MAR sheets; keep one paper copy locked in the office.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('region', { name: 'Decisions' })).toContainText(
    'Stop sharing photos of MAR sheets',
  );

  // The projector route shows the current inject in large type, with the banner.
  await page.getByRole('button', { name: 'Open the projector view' }).click();
  await expect(
    page.getByText('Open this address in another browser window on the projector'),
  ).toBeVisible();
  const exerciseId = new URL(page.url()).hash.split('/')[2] ?? '';
  const projector = await page.context().newPage();
  await projector.goto(harness.address(`#/exercises/${exerciseId}/projector`));
  await expect(
    projector.getByRole('heading', { level: 1, name: '3. Lunchtime: a carer uses her own phone' }),
  ).toBeVisible();
  await expectBanner(projector);
  await projector.close();

  // Finishing asks first, and "Keep going" changes nothing.
  const finish = page.getByRole('button', { name: 'Finish and go to the debrief' });
  const question = page.getByRole('group', { name: /Finish the exercise\?/ });
  await finish.click();
  await question.getByRole('button', { name: 'Keep going' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // Finish, then the view and focus go to the hot debrief, where an action is added.
  await finish.click();
  await question.getByRole('button', { name: 'Finish', exact: true }).click();
  const debrief = page.getByRole('heading', { level: 2, name: 'Debrief' });
  await expect(debrief).toBeFocused();
  await expect(debrief).toBeInViewport();
  await page
    .getByLabel('Something that went well')
    .fill('Everyone knew where the paper MAR sheets were.');
  await page.getByRole('button', { name: 'Add to what went well' }).click();
  await page
    .getByLabel('Something to improve')
    .fill('Nobody had the supplier’s out-of-hours number.');
  await page.getByRole('button', { name: 'Add to what to improve' }).click();
  await page.getByLabel('Action', { exact: true }).fill('Print care plans every Monday');
  await page.getByLabel('Owner').fill('Bo Adams');
  await page.getByLabel('Due date').fill('2020-01-31');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('region', { name: 'Debrief' })).toContainText(
    'Overdue: was due 2020-01-31',
  );

  // The after-action report, labelled as evidence and as an exercise, saved as markdown.
  await page.getByRole('link', { name: 'After-action report (print or save)' }).click();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expectBanner(page);
  await expect(
    page.getByText(/Evidence that our business continuity plan is tested/),
  ).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as a markdown file' }).click();
  const download = await downloading;
  const report = await readFile(await download.path(), 'utf8');
  expect(download.suggestedFilename()).toMatch(/^holdfast-exercise-after-action-report-/);
  for (const text of [
    `**${BANNER}**`,
    'Bo Adams — Deputy manager',
    'Print care plans every Monday',
    'released',
    'What went well',
  ])
    expect(report).toContain(text);

  // The open action waits on the home screen, overdue in words; no real incident exists.
  await app.openHome();
  await expect(page.getByRole('region', { name: 'Actions from exercises' })).toContainText(
    'Overdue: was due 2020-01-31',
  );
  await expect(page.getByRole('region', { name: /incidents? (is|are) open/ })).toHaveCount(0);
  const realIncidents = await readdir(join(dataDir, 'incidents')).catch(() => []);
  expect(realIncidents).toEqual([]);
  expect(await readdir(join(dataDir, 'exercises', 'runs'))).toHaveLength(1);
});

test('the inject cards print one card per inject, each marked as an exercise', async ({
  app,
  page,
}) => {
  await app.openHome();
  await page
    .getByRole('navigation', { name: 'Holdfast' })
    .getByRole('link', { name: 'Exercises' })
    .click();
  await page
    .getByRole('link', { name: 'Print inject cards for “A care tablet is left on the bus”' })
    .click();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Inject \d:/ })).toHaveCount(4);
  await expect(page.locator('.print-document').getByText(BANNER)).toHaveCount(5);
});

test('a scenario of your own: written from the template, listed as yours, and run', async ({
  app,
  page,
}) => {
  await app.openHome();
  const url = page.url().replace(/#.*$/, '');
  await page.goto(`${url}#/exercises`);
  await page.getByRole('link', { name: 'Write a new scenario' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write a new scenario' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No problems found.' })).toBeVisible();
  await page.getByLabel('Your name').fill('Ann Lee');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as revision 1.' })).toBeVisible();

  await page.goto(`${url}#/exercises`);
  await expect(
    page.getByRole('heading', { level: 3, name: 'Our own exercise Yours' }),
  ).toBeVisible();
  await page.getByLabel('Scenario').selectOption({ label: 'Our own exercise' });
  await page.getByLabel("Facilitator's name").fill('Ann Lee');
  await page.getByRole('button', { name: 'Set up the exercise' }).click();
  await sayWhoIsRecording(page, 'Ann Lee');
  await expect(page.getByRole('heading', { level: 1, name: 'Our own exercise' })).toBeVisible();
  await page.getByRole('button', { name: 'Start the exercise' }).click();
  await expect(page.getByText('The care app will not open').first()).toBeVisible();
});
