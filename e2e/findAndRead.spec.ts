import { expect, test } from './fixtures';
import { goToHash } from './pages/HoldfastApp';

test('search "ransom" finds the ransomware runbook and opening it shows its steps', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.search('ransom');
  const result = app.searchResult(/Ransomware/);
  await expect(result).toBeVisible();
  await expect(result).toContainText(/step \d+/);
  await app.searchResultLink(/Ransomware/).click();

  await expect(app.runbookTitle()).toHaveText(/Ransomware/);
  await expect(page.getByText('Last reviewed')).toBeVisible();
  await expect(app.phase('Contain')).toBeVisible();
  expect(await app.steps().count()).toBeGreaterThan(10);
  await expect(app.steps().first()).toContainText(/\S/);
  // National numbers come from the contacts pack; local roles say they are not set yet.
  const contacts = await app.openReaderPanel(/^Who to call/);
  await expect(contacts).toContainText('0300 303 5222');
  await expect(contacts).toContainText('add your local number');
});

test('once the window holds the search, typing shows results without asking the core', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.searchBox.focus();
  // The window's own search is fetched on focus (or when the browser is idle) and marks when ready.
  await page.waitForFunction(
    () => performance.getEntriesByName('holdfast-search-ready').length > 0,
  );
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/runbooks.search')) asked.push(request.url());
  });
  await page.keyboard.type('phish');
  await expect(page.locator('[data-query]')).toHaveAttribute('data-query', 'phish');
  await expect(app.searchResult(/phishing|suspicious|scam/i).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /runbooks? found/ })).toBeAttached();
  expect(asked).toEqual([]);
});

test('a user can find and read a runbook with the keyboard alone', async ({ app, page }) => {
  await app.openHome();
  await page.keyboard.press('Control+k');
  await expect(app.searchBox).toBeFocused();
  await page.keyboard.type('lost phone');
  await expect(page.locator('[data-query]')).toHaveAttribute('data-query', 'lost phone');
  await expect(app.searchResult(/Laptop, phone or tablet lost/)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(app.searchResultLink(/Laptop, phone or tablet lost/)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.runbookTitle()).toHaveText(/lost or stolen/);

  // Back home by keyboard: Tab reaches the back link, Enter follows it, then an entry point.
  await page.getByRole('link', { name: "← What's happening?" }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: "What's happening?" })).toBeVisible();
  const entry = app.entryPoint(/Screen says pay/);
  await entry.focus();
  await expect(entry).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Screen says pay/ })).toBeVisible();
  await page.getByRole('link', { name: /Ransomware/ }).focus();
  await page.keyboard.press('Enter');
  await expect(app.runbookTitle()).toHaveText(/Ransomware/);
});

test('the skip link moves focus to the main content', async ({ app, page }) => {
  await app.openHome();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('a typo still finds the right runbook and says which step matched', async ({ app }) => {
  await app.openHome();
  await app.search('ransomwre');
  await expect(app.searchResult(/Ransomware/)).toBeVisible();
  await app.search('eMAR');
  await expect(app.searchResult(/Care record, eMAR or rota system down/)).toBeVisible();
});

test('"Not sure" lists every runbook grouped by kind of problem', async ({ app, page }) => {
  await app.openHome();
  await app.entryPoint(/Not sure/).click();
  await page.getByRole('link', { name: 'See every runbook instead' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'All runbooks' })).toBeVisible();
  for (const title of [/Ransomware/, /Care record, eMAR/, /Laptop, phone or tablet lost/]) {
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  }
});

test('every bundled runbook is two clicks from the home screen', async ({ app, page, harness }) => {
  // Twenty runbooks opened in one test: give it the time of several.
  test.slow();
  const list = await harness.core.handlers['runbooks.list']({});
  if (!list.ok) throw new Error(list.error.message);
  await app.openHome();
  for (const runbook of list.value.runbooks) {
    // Back home as the app's own links go there, without loading the app again.
    await goToHash(page, '#/');
    await expect(page.getByRole('heading', { level: 1, name: "What's happening?" })).toBeVisible();
    // First click: the situation (a big button or a "Something else?" link), second: the runbook.
    await page.locator(`a[href="#/situations/${runbook.category}"]`).first().click();
    await page.getByRole('link', { name: runbook.title }).click();
    await expect(app.runbookTitle()).toHaveText(runbook.title);
  }
});

test('opening a kind of problem puts focus on its title, also while its screen loads', async ({
  app,
  page,
}) => {
  await app.openHome();
  await page.getByRole('link', { name: /Laptop or phone lost/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Laptop, phone or tablet lost' }),
  ).toBeFocused();
});
