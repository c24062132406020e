import { expect, test } from './fixtures';
import { sayWhoIsRecording } from './pages/HoldfastApp';

// The web harness hands its access key in the first address only. Once read, it must leave the
// address bar and every entry of the tab's history, so a back button, a bookmark or a shared
// screen never shows it; the tab keeps it for reloads, and the projector window gets it from the
// tab that opens it, never from an address.

test('the access key leaves the address and the tab history once read, and a reload still works', async ({
  app,
  page,
  harness,
}) => {
  await app.openHome();
  expect(await page.evaluate(() => window.location.search)).toBe('');
  expect(page.url()).not.toContain(harness.token);
  // The tab's history: the blank page it started on, then Holdfast (the entry replaced in place).
  expect(await page.evaluate(() => window.history.length)).toBe(2);

  // Move on, then go back to the first entry: it is the address without the key.
  await page
    .getByRole('navigation', { name: 'Holdfast' })
    .getByRole('link', { name: 'Exercises' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exercises' })).toBeVisible();
  expect(await page.evaluate(() => window.history.length)).toBe(3);
  expect(page.url()).not.toContain(harness.token);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: "What's happening?" })).toBeVisible();
  expect(page.url()).not.toContain(harness.token);
  expect(await page.evaluate(() => window.location.search)).toBe('');
  await page.goBack();
  expect(page.url()).toBe('about:blank');
  await page.goForward();
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
  expect(page.url()).not.toContain(harness.token);

  // The tab still reaches the core after a reload, with no key in the address.
  await page.reload();
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: "What's happening?" })).toBeVisible();
  expect(page.url()).not.toContain('token');
});

test('the projector address opens a working projector window with no key in its address', async ({
  app,
  page,
  harness,
}) => {
  await app.openHome();
  await page.goto(`${page.url().replace(/#.*$/, '')}#/exercises`);
  await page
    .getByLabel('Scenario')
    .selectOption({ label: 'Our care record supplier is hit by ransomware' });
  await page.getByLabel("Facilitator's name").fill('Ann Lee');
  await page.getByRole('button', { name: 'Set up the exercise' }).click();
  await sayWhoIsRecording(page, 'Ann Lee');
  await page.getByRole('button', { name: 'Start the exercise' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  await page.getByRole('button', { name: 'Open the projector view' }).click();
  const address = page.locator('.projector-address a');
  await expect(address).toBeVisible();
  expect(await address.textContent()).not.toContain(harness.token);
  const opening = page.waitForEvent('popup');
  await address.click();
  const projector = await opening;
  await expect(projector.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(projector.getByText('EXERCISE — NOT A REAL INCIDENT').first()).toBeVisible();
  expect(projector.url()).not.toContain(harness.token);
  expect(await projector.evaluate(() => window.location.search)).toBe('');
  // The main window stays where it was.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await projector.close();
});
