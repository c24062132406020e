import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from './fixtures';
import { sayWhoIsRecording } from './pages/HoldfastApp';

// The web harness's address carries a one-time code, never the credential itself. The harness
// trades the code for a session cookie (HttpOnly, for this browser session only) on the page's own
// response, and the page hides the code from the address bar; the spent code opens nothing. The
// projector window gets a code of its own that shows that exercise's projector and nothing else.

const codeOf = (address: string): string => new URL(address).searchParams.get('code') ?? '';

test('the address opens one window once, leaves the address and the tab history, and a reload still works', async ({
  page,
  harness,
  browser,
}) => {
  const address = harness.address();
  const code = codeOf(address);
  await page.goto(address);
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: "What's happening?" })).toBeVisible();
  expect(await page.evaluate(() => window.location.search)).toBe('');
  // The tab's history: the blank page it started on, then Holdfast (the entry replaced in place).
  expect(await page.evaluate(() => window.history.length)).toBe(2);
  // Nothing the page's script can read holds a credential.
  // eslint-disable-next-line @microsoft/sdl/no-cookies -- checks that the session cookie is out of the script's reach
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);

  await page
    .getByRole('navigation', { name: 'Holdfast' })
    .getByRole('link', { name: 'Exercises' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exercises' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: "What's happening?" })).toBeVisible();
  expect(page.url()).not.toContain(code);

  // The tab still reaches the core after a reload, with no code in the address.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: "What's happening?" })).toBeVisible();

  // Someone else opening the same address later gets nothing.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await stranger.goto(address);
  await expect(
    stranger.getByText('This page has lost its connection to Holdfast', { exact: false }).first(),
  ).toBeVisible();
  await other.close();
});

test('the projector opens in a fresh browser with its own address, and can only show the projector', async ({
  app,
  page,
  harness,
  browser,
}) => {
  await app.openHome();
  await page.goto(harness.address('#/exercises'));
  await page
    .getByLabel('Scenario')
    .selectOption({ label: 'Our care record supplier is hit by ransomware' });
  await page.getByLabel("Facilitator's name").fill('Ann Lee');
  await page.getByRole('button', { name: 'Set up the exercise' }).click();
  await sayWhoIsRecording(page, 'Ann Lee');
  await page.getByRole('button', { name: 'Start the exercise' }).click();
  await page.getByRole('button', { name: /^Release the next inject/ }).click();
  await expect(page.getByText('On screen now', { exact: false }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Open the projector view' }).click();
  const address = (await page.locator('.projector-address a').textContent()) ?? '';
  expect(address).toMatch(/\?code=[A-Za-z0-9_-]+#\/exercises\/[^/]+\/projector$/);

  // Another browser altogether: no session of the facilitator's comes with it.
  const wall = await browser.newContext();
  const projector = await wall.newPage();
  await projector.goto(address);
  await expect(projector.getByRole('heading', { level: 1, name: /^\d+\. / })).toBeVisible();
  await expect(projector.getByText('EXERCISE — NOT A REAL INCIDENT').first()).toBeVisible();
  expect(await projector.evaluate(() => window.location.search)).toBe('');
  // Its credential can do nothing else: the facilitator's view and every write are refused.
  const refused = await projector.evaluate(async () => {
    const post = (name: string, body: unknown) =>
      fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then((response) => response.status);
    const id = window.location.hash.split('/')[2] ?? '';
    return [
      await post('exercises.get', { id }),
      await post('exercises.record', { id, author: 'Wall', action: { type: 'finish' } }),
      await post('contacts.list', {}),
    ];
  });
  expect(refused).toEqual([403, 403, 403]);
  await wall.close();
  // The main window stays where it was.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('no credential reaches the files of a saved browser profile', async ({
  harness,
}, testInfo) => {
  const profile = await mkdtemp(join(tmpdir(), 'holdfast-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      ...testInfo.project.use.launchOptions,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(harness.address('#/exercises'));
    await expect(page.getByRole('heading', { level: 1, name: 'Exercises' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Exercises' })).toBeVisible();
    await page.goto(harness.address('#/contacts'));
    await expect(page.locator('main[data-ready="true"]')).toBeVisible();
    const sessions = (await context.cookies())
      .filter((cookie) => cookie.name.startsWith('holdfast-'))
      .map((cookie) => cookie.value);
    expect(sessions.length).toBeGreaterThan(0);
    await context.close();

    const secrets = [...sessions, harness.token];
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile()) {
          const bytes = await readFile(path).catch(() => Buffer.alloc(0));
          for (const secret of secrets)
            for (const form of [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')])
              if (bytes.includes(form)) found.push(path.slice(profile.length));
        }
      }
    };
    await walk(profile);
    expect(found).toEqual([]);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
