import type { Page } from '@playwright/test';
import type { RunningHarness } from '../main/shells/web/startHarness';
import { expect, test } from './fixtures';

/*
 * Geometry, not presence: what is on the first screen, and that nothing scrolls sideways, at a
 * 1280×800 laptop, a 1024×640 one, 200 % zoom of the first (640×400 CSS px) and 320 CSS px wide
 * (400 % zoom, WCAG 1.4.10 Reflow).
 */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
  { width: 640, height: 400 },
  { width: 320, height: 640 },
] as const;
const label = ({ width, height }: { width: number; height: number }): string =>
  `${width}×${height}`;

/** An open incident and an exercise, so every screen that shows one has one to show. */
async function seed(harness: RunningHarness): Promise<{ incident: string; exercise: string }> {
  const incident = await harness.core.handlers['incidents.start']({
    name: 'Ransom note on office PC',
    runbook: 'ransomware',
    lead: 'Ann Lee',
    author: 'Ann Lee',
  });
  const exercise = await harness.core.handlers['exercises.create']({
    scenario: 'supplier-ransomware',
    facilitator: 'Ann Lee',
    author: 'Ann Lee',
  });
  if (!incident.ok) throw new Error(incident.error.message);
  if (!exercise.ok) throw new Error(exercise.error.message);
  return { incident: incident.value.id, exercise: exercise.value.id };
}

/** One address for every kind of screen in renderer/routes.ts. */
const everyRoute = ({ incident, exercise }: { incident: string; exercise: string }): string[] => [
  '#/',
  '#/situations/ransom-or-locked',
  '#/runbooks/ransomware',
  '#/runbooks/ransomware/do-not-pay',
  '#/all',
  '#/not-sure',
  '#/settings',
  '#/contacts',
  '#/contacts/it-supplier',
  '#/incidents',
  '#/incidents/new/ransomware',
  `#/incidents/${incident}`,
  `#/incidents/${incident}/log`,
  `#/incidents/${incident}/clocks`,
  `#/incidents/${incident}/roles`,
  `#/incidents/${incident}/reports`,
  `#/incidents/${incident}/print/report`,
  `#/incidents/${incident}/print/handover`,
  '#/systems',
  '#/systems/emar',
  '#/grab-bag',
  '#/readiness',
  '#/evidence',
  '#/exercises',
  `#/exercises/${exercise}`,
  `#/exercises/${exercise}/projector`,
  `#/exercises/${exercise}/report`,
  '#/exercises/cards/supplier-ransomware',
  '#/edit/ransomware',
  '#/new-runbook',
  '#/runbook-packs',
];

/** How far the page is wider than the window: 0 when it never scrolls sideways. */
const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The element's box lies inside the window, top to bottom (to the half pixel layout rounds to).
 * Retried: the reader scrolls smoothly where the user has not asked for reduced motion.
 */
async function expectInViewport(page: Page, selector: string): Promise<void> {
  await expect(async () => {
    const box = await page.locator(selector).first().boundingBox();
    const viewport = page.viewportSize();
    expect(box, selector).not.toBeNull();
    if (!box || !viewport) return;
    expect(box.y, `${selector} top`).toBeGreaterThanOrEqual(-1);
    expect(box.y + box.height, `${selector} bottom`).toBeLessThanOrEqual(viewport.height + 1);
  }).toPass({ timeout: 5_000 });
}

/*
 * The sweep opens each screen once and checks it at every size by resizing the window: the CSS
 * decides the layout from the window alone (renderer/styles.css has media queries and no script
 * reads the window size), so a resize lays the screen out as a fresh load at that size would.
 * The screens are split in parts that run side by side.
 */
const SWEEP_PARTS = 3;
for (let part = 0; part < SWEEP_PARTS; part += 1) {
  test(`no screen scrolls sideways at any size (part ${part + 1} of ${SWEEP_PARTS})`, async ({
    app,
    page,
    harness,
  }) => {
    // About ten screens at four sizes in one test: give it the time of several.
    test.slow();
    const ids = await seed(harness);
    await app.openHome();
    const routes = everyRoute(ids).filter((_, index) => index % SWEEP_PARTS === part);
    for (const route of routes) {
      await page.goto(harness.address(route));
      await expect(page.locator('main[data-ready="true"]')).toBeVisible();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await expect(page.locator('main h1').first()).toBeVisible();
        expect(await sidewaysOverflow(page), `${route} at ${label(size)}`).toBeLessThanOrEqual(0);
      }
    }
  });
}

test('the header takes at most 15 % of a 1280×800 screen and shows its links', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.openHome();
  const header = await page.locator('header.app-header').boundingBox();
  expect(header?.height).toBeLessThanOrEqual(120);
  const nav = page.getByRole('navigation', { name: 'Holdfast' });
  await expect(nav.getByRole('button', { name: 'Menu' })).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeVisible();
});

// 1024×640 is left out: its header follows the same rules as 640×400's (both are under the
// 700 px high and 1180 px wide breakpoints, neither under 480 px wide), and the sweep above still
// checks it for sideways scrolling.
for (const size of [
  { width: 640, height: 400 },
  { width: 320, height: 640 },
]) {
  test(`at ${label(size)} the header is compact and its links open from a Menu button, by keyboard`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(size);
    await app.openHome();
    const header = await page.locator('header.app-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(size.height * 0.2);
    const nav = page.getByRole('navigation', { name: 'Holdfast' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    await expect(nav.getByRole('link', { name: 'Contacts' })).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    await app.tabTo(/^Menu/);
    await expect(menu).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Contacts' })).toBeVisible();
    // The open list scrolls nothing sideways either.
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Incidents' })).toBeFocused();
    // Escape closes it and puts focus back on the button.
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(nav.getByRole('link', { name: 'Contacts' })).toBeHidden();

    // A link in it opens its screen and closes the menu.
    await page.keyboard.press('Space');
    await nav.getByRole('link', { name: 'Contacts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  });
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
]) {
  test(`the reader shows Start and the first step on its first screen at ${label(size)}`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(size);
    await app.openRunbookById('ransomware');
    await expect(app.runbookTitle()).toBeFocused();
    await expectInViewport(page, 'main h1');
    await expectInViewport(page, 'a:text("Start an incident with this runbook")');
    await expectInViewport(page, '#step-check-safety');
    // The reference panels are folded, each one line; "Edit this runbook" is after the steps.
    for (const name of [/^Deadlines this may start \(3\)/, /^Who to call \(17\)/, /^Paper copies/])
      await expect(page.getByRole('group', { name })).not.toHaveAttribute('open');
    const edit = await page.getByRole('link', { name: 'Edit this runbook' }).boundingBox();
    const lastStep = await page.locator('li.step').last().boundingBox();
    expect(edit?.y).toBeGreaterThan((lastStep?.y ?? Infinity) + (lastStep?.height ?? 0));
  });
}

test('the reader lists the contacts not set yet on one line, each a link to add it', async ({
  app,
  page,
}) => {
  await app.openRunbookById('ransomware');
  const panel = await app.openReaderPanel(/^Who to call \(17\) · \d+ not set yet/);
  const gaps = panel.locator('p', { hasText: /^Not set yet:/ });
  await expect(gaps).toHaveCount(1);
  await expect(
    gaps.getByRole('link', { name: 'add your local number for IT supplier' }),
  ).toHaveAttribute('href', '#/contacts/it-supplier');
  // Set contacts still show as cards; no card says "not set".
  await expect(panel.locator('li.contact', { hasText: '0300 303 5222' })).toBeVisible();
  await expect(panel.locator('li.contact', { hasText: 'Not set yet' })).toHaveCount(0);
  // Steps still name each contact inline.
  await expect(page.locator('#step-call-manager')).toContainText('Registered manager');
});

// Not at 1024×640: its header (where search lives) follows 640×400's rules, and the reader's first
// screen at that size is checked above.
for (const size of SIZES.filter(({ width }) => width !== 1024)) {
  test(`search: Enter opens the runbook at its top with Start in view at ${label(size)}`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(size);
    await app.openHome();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('screen says pay');
    await expect(page.locator('[data-query]')).toHaveAttribute('data-query', 'screen says pay');
    const result = app.searchResult(/Ransomware/);
    await expect(result).toBeVisible();
    // The result shows the matching step in words, and never a raw placeholder.
    await expect(result).toContainText(/step \d+: /);
    await expect(app.searchResults).not.toContainText('{{');
    await page.keyboard.press('Enter');
    await expect(app.runbookTitle()).toHaveText(/Ransomware/);
    expect(new URL(page.url()).hash).toBe('#/runbooks/ransomware');
    await expect(app.runbookTitle()).toBeFocused();
    await expectInViewport(page, 'main h1');
    await expectInViewport(page, 'a:text("Start an incident with this runbook")');
  });
}

test('search: a click on a result opens the runbook at its top too', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.openHome();
  await app.search('sent residents list to wrong email');
  await app.searchResultLink(/Personal data sent or shown/).click();
  await expect(app.runbookTitle()).toHaveText(/Personal data/);
  expect(new URL(page.url()).hash).toMatch(/^#\/runbooks\/[a-z-]+$/);
  await expectInViewport(page, 'a:text("Start an incident with this runbook")');
});

test('search: Tab reaches the link to the matching step, which opens the runbook at that step', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.openHome();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('screen says pay');
  // Typing asks once per key: wait for the answer to the whole phrase, not an earlier one.
  await expect(page.locator('[data-query]')).toHaveAttribute('data-query', 'screen says pay');
  await expect(app.searchResult(/Ransomware/)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(app.searchResultLink(/Ransomware/)).toBeFocused();
  await page.keyboard.press('Tab');
  const stepLink = app.searchResultStepLink(/Ransomware/);
  await expect(stepLink).toBeFocused();
  const target = new URL((await stepLink.getAttribute('href')) ?? '', page.url()).hash;
  const stepId = target.split('/')[3] ?? '';
  expect(stepId).not.toBe('');
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).hash).toBe(target);
  const step = page.locator(`#step-${stepId}`);
  await expect(step).toBeFocused();
  await expectInViewport(page, `#step-${stepId} .step-text`);
});

test('search: arrow keys move between results and back to the box; Escape closes the list', async ({
  app,
  page,
}) => {
  await app.openHome();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('phone');
  await expect(page.locator('[data-query]')).toHaveAttribute('data-query', 'phone');
  await expect(app.searchResults).toBeVisible();
  const titles = app.searchResults.locator('a.search-result-title');
  expect(await titles.count()).toBeGreaterThan(1);
  await page.keyboard.press('ArrowDown');
  await expect(titles.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(titles.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(titles.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(app.searchBox).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(app.searchBox).toBeFocused();
  await expect(app.searchResults).toBeHidden();
});
