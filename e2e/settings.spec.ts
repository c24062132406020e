import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seriousViolations, strictViolations } from './axe';
import { expect, test } from './fixtures';

test("the IT supplier's instruction recorded in Settings appears at the ransomware isolate step", async ({
  app,
  page,
  dataDir,
}) => {
  await app.openRunbookById('ransomware');
  const isolate = page.locator('#step-isolate-devices');
  await expect(isolate).toContainText(
    'not recorded yet — ask your IT supplier and record it in Settings',
  );

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByLabel('Organisation name').fill('Rose Lodge Care Home');
  await page.getByLabel('Type of service').selectOption({ label: 'Care home' });
  await page
    .getByLabel('What your IT supplier says to do with an affected computer')
    .fill('Pull the blue network cable out. Leave the computer switched on.');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const saved = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(saved).toMatchObject({
    organisationName: 'Rose Lodge Care Home',
    providerType: 'care-home',
  });

  await app.openRunbookById('ransomware');
  await expect(isolate).toContainText(
    'Pull the blue network cable out. Leave the computer switched on.',
  );
  await expect(isolate).not.toContainText('not recorded yet');
});

test('the settings page has no serious accessibility violations', async ({ app, page }) => {
  await app.openHome();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('opening Settings moves keyboard focus to its title', async ({ app, page }) => {
  await app.openHome();
  await page.getByRole('link', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
});

test('a "Getting ready" link opens Settings at the part it fixes, its heading focused and in view at 200 % zoom', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await app.openHome();
  await page.getByRole('link', { name: 'Record the instruction' }).click();
  await expect(page).toHaveURL(/#\/settings\/isolation$/);
  const heading = page.getByRole('heading', {
    level: 2,
    name: 'What your IT supplier says to do with an affected computer',
  });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  // The heading is the field's label: typing goes where the link said.
  await expect(
    page.getByLabel('What your IT supplier says to do with an affected computer'),
  ).toBeInViewport();
  expect(await strictViolations(page)).toEqual([]);
});
