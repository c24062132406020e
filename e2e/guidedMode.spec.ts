import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goToHash, startIncidentFromForm } from './pages/HoldfastApp';

/** 1280×800, a small laptop, and 1280×800 at 200 % zoom. */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
  { width: 640, height: 400 },
];

/** The whole box is inside the window (to the pixel: layout has fractions). */
async function expectOnScreen(page: Page, target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${what} is laid out`).not.toBeNull();
  if (!box || !viewport) return;
  const edges = {
    top: Math.round(box.y),
    bottom: Math.round(box.y + box.height),
    left: Math.round(box.x),
    right: Math.round(box.x + box.width),
  };
  expect(edges.top, `${what}: top inside the window`).toBeGreaterThanOrEqual(0);
  expect(edges.bottom, `${what}: bottom inside the window`).toBeLessThanOrEqual(viewport.height);
  expect(edges.left, `${what}: left inside the window`).toBeGreaterThanOrEqual(0);
  expect(edges.right, `${what}: right inside the window`).toBeLessThanOrEqual(viewport.width);
}

/** Nothing in guided mode is wider than its own area (no sideways scrolling). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page
    .locator('.guided')
    .evaluate((guided) => ({ scroll: guided.scrollWidth, client: guided.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/** Presses Tab until `target` has focus; returns how many presses it took (or `limit + 1`). */
async function tabsUntilFocused(page: Page, target: Locator, limit: number): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  return limit + 1;
}

const done = (page: Page): Locator => page.getByRole('button', { name: 'Done', exact: true });
const stepTitle = (page: Page): Locator => page.locator('#current-step-title');

for (const size of SIZES) {
  test.describe(`guided mode at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the current step and its controls are on the first screen, Done is at most 5 Tabs from the title, and Done moves on with focus', async ({
      app,
      page,
    }) => {
      await app.openHome();
      await startIncidentFromForm(page, 'ransomware', 'Ransom note on office PC');
      await expect(stepTitle(page)).toContainText('Check that everyone is safe');
      for (const name of ['Done', "Can't do", 'Skip', 'Add note'])
        await expectOnScreen(page, page.getByRole('button', { name, exact: true }), name);
      await expectNoSidewaysScroll(page);

      // Focus starts on the incident's title, or on the step's when the title had to scroll away.
      const focused = page.locator(':focus');
      await expect(focused).toHaveAttribute('id', /^(page-title|current-step-title)$/);
      await expectOnScreen(page, focused, 'what has focus on opening');

      // Keyboard only: from the incident's title to Done.
      await page.locator('#page-title').focus();
      const presses = await tabsUntilFocused(page, done(page), 5);
      expect(presses, 'Tab presses from the incident title to Done').toBeLessThanOrEqual(5);
      await page.keyboard.press('Enter');
      await expect(stepTitle(page)).toContainText(
        'Take the affected computers off the network now',
      );
      await expect(stepTitle(page)).toBeFocused();
      await expectOnScreen(page, stepTitle(page), 'the next step');
      await expectOnScreen(page, done(page), 'Done on the next step');
      // One Tab from the step's title reaches Done again.
      expect(await tabsUntilFocused(page, done(page), 5)).toBeLessThanOrEqual(5);
    });

    test('Done stays in view while a long step is read', async ({ app, page }) => {
      await app.openHome();
      const id = await startIncidentFromForm(page, 'ransomware', 'Long step');
      await goToHash(page, `#/incidents/${id}/steps/ransomware/isolate-devices`);
      await expect(stepTitle(page)).toContainText('Take the affected computers off the network');
      // Read to the end of the step's details (at once, not with the smooth scrolling).
      const lastLine = page.locator('.step-details > :last-child');
      await lastLine.evaluate((line) => line.scrollIntoView({ block: 'end', behavior: 'instant' }));
      await expectOnScreen(page, lastLine, 'the end of the step');
      await expectOnScreen(page, done(page), 'Done after reading to the end of the step');
      await expectNoSidewaysScroll(page);
    });
  });
}

test.describe('decisions in guided mode', () => {
  test.use({ viewport: { width: 1024, height: 640 } });

  async function openPersonalDataQuestion(page: Page, name: string): Promise<void> {
    const id = await startIncidentFromForm(page, 'ransomware', name);
    await goToHash(page, `#/incidents/${id}/steps/ransomware/personal-data-question`);
    await expect(stepTitle(page)).toContainText("Could anyone's personal data");
  }

  test('an option that asks why is not saved without the reason; its clock stops only when asked', async ({
    app,
    page,
  }) => {
    await app.openHome();
    await openPersonalDataQuestion(page, 'Decision with a reason');
    const choices = page.getByRole('group', { name: 'Choose one, then save it' });
    // No link or button inside any option.
    await expect(choices.getByRole('link')).toHaveCount(0);
    await expect(choices.getByRole('button')).toHaveCount(0);

    await choices.getByRole('radio', { name: /^No\b/ }).check();
    const reason = page.getByLabel('Why did you choose "No"? Say who decided.');
    await expect(reason).toBeVisible();
    const stopClock = page.getByRole('checkbox', {
      name: /Also mark this deadline as not needed.*Personal data breach/,
    });
    await expect(stopClock).not.toBeChecked();
    await page.getByRole('button', { name: 'Save my choice' }).click();
    await expect(
      page.getByText('Fill in "Why did you choose "No"? Say who decided." before saving'),
    ).toBeVisible();
    await expect(reason).toBeFocused();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    // Still unanswered.
    await expect(stepTitle(page)).toContainText("Could anyone's personal data");

    await reason.fill('Only the rota PC was locked; it holds no personal data. Ann Lee decided.');
    await stopClock.check();
    await page.getByRole('button', { name: 'Save my choice' }).click();
    // "No" leads to the step about telling CQC, which takes focus.
    await expect(stepTitle(page)).toContainText('CQC');
    await expect(stepTitle(page)).toBeFocused();
    await expectOnScreen(page, stepTitle(page), 'the step the choice leads to');

    await page
      .getByRole('navigation', { name: 'Incident' })
      .getByRole('link', { name: 'Clocks' })
      .click();
    await expect(
      page.locator('li.clock').filter({ hasText: 'Personal data breach: report within 72 hours' }),
    ).toContainText('Not needed: Only the rota PC was locked');
    await page
      .getByRole('navigation', { name: 'Incident' })
      .getByRole('link', { name: 'Log' })
      .click();
    await expect(
      page.getByRole('row').filter({ hasText: '→ No' }).filter({ hasText: 'Only the rota PC' }),
    ).toBeVisible();
  });

  test('choosing an option that settles a clock leaves the clock running unless asked', async ({
    app,
    page,
  }) => {
    await app.openHome();
    await openPersonalDataQuestion(page, 'Decision keeps the clock');
    await page.getByRole('radio', { name: /^No\b/ }).check();
    await page
      .getByLabel('Why did you choose "No"? Say who decided.')
      .fill('No personal data on the locked PC.');
    await page.getByRole('button', { name: 'Save my choice' }).click();
    await expect(stepTitle(page)).toContainText('CQC');
    await expect(page.getByRole('region', { name: 'Running clocks' })).toContainText(
      'Personal data breach: report within 72 hours',
    );
  });

  test('"Screen says pay" in the first 15 minutes opens the ransomware runbook at its first step, in view, with focus', async ({
    app,
    page,
  }) => {
    await app.openHome();
    const id = await startIncidentFromForm(page, 'first-15-minutes', 'Not sure yet');
    await goToHash(page, `#/incidents/${id}/steps/first-15-minutes/which-runbook`);
    await expect(stepTitle(page)).toContainText('Which of these best describes');
    for (const name of ["Can't do", 'Skip', 'Add note'])
      await expectOnScreen(page, page.getByRole('button', { name, exact: true }), name);
    await expect(page.getByRole('button', { name: 'Save my choice' })).toHaveCount(0);
    await page.getByRole('radio', { name: /^Screen says pay, or files locked/ }).check();
    await expectOnScreen(
      page,
      page.getByRole('button', { name: 'Save my choice' }),
      'Save my choice below a long list of answers',
    );
    await page.getByRole('button', { name: 'Save my choice' }).click();
    await expect(page).toHaveURL(/\/steps\/ransomware$/);
    await expect(page.locator('.current-step-where')).toContainText(
      'Ransomware · Contain · step 1',
    );
    await expect(stepTitle(page)).toContainText('Check that everyone is safe');
    await expect(stepTitle(page)).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: /^Added "Ransomware/ })).toContainText(
      'to this incident. Here is its first step to do.',
    );
    await expectOnScreen(page, stepTitle(page), 'the first ransomware step');
    await expectOnScreen(page, done(page), 'Done on the first ransomware step');
    await expect(
      page
        .getByRole('navigation', { name: 'All steps' })
        .getByRole('heading', { name: /Ransomware/ }),
    ).toBeVisible();
    // Said once: it goes when she moves on, by the list of steps too.
    await page
      .getByRole('navigation', { name: 'All steps' })
      .getByRole('link', { name: /Do not pay, do not reply/ })
      .click();
    await expect(stepTitle(page)).toContainText('Do not pay, do not reply');
    await expect(page.getByRole('status').filter({ hasText: /^Added "Ransomware/ })).toHaveCount(0);
  });
});

test.describe('guided mode at 320 px wide (400 % zoom)', () => {
  test.use({ viewport: { width: 320, height: 256 } });

  test('the incident and its current step reflow without sideways scrolling, decisions included', async ({
    app,
    page,
  }) => {
    await app.openHome();
    const id = await startIncidentFromForm(page, 'ransomware', 'Reflow at 320 pixels');
    const incidentFits = async (): Promise<void> => {
      const widths = await page
        .locator('.incident')
        .evaluate((incident) => ({ scroll: incident.scrollWidth, client: incident.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    };
    await incidentFits();
    await expectNoSidewaysScroll(page);
    await goToHash(page, `#/incidents/${id}/steps/ransomware/personal-data-question`);
    await expect(stepTitle(page)).toContainText("Could anyone's personal data");
    await page.getByRole('radio', { name: /^No\b/ }).check();
    await expect(page.getByRole('button', { name: 'Save my choice' })).toBeVisible();
    await incidentFits();
    await expectNoSidewaysScroll(page);
  });
});
