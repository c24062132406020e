import type { Page } from '@playwright/test';
import { STRICT_TAGS, axeViolations as violationsOf } from './axe';
import { expect, test } from './fixtures';
import { sayWhoIsRecording } from './pages/HoldfastApp';

/** A moment `hoursAgo` before now as a datetime-local input takes it (the browser's time zone). */
function localInput(hoursAgo: number): string {
  const at = new Date(Date.now() - hoursAgo * 3_600_000);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Every axe rule the project holds screens to, all impacts; only inside `within` when given. */
async function axeViolations(page: Page, within?: string): Promise<string[]> {
  return (await violationsOf(page, STRICT_TAGS, within)).map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`,
  );
}

async function openTab(page: Page, name: 'Clocks' | 'Log' | 'Reports'): Promise<void> {
  await page.getByRole('navigation', { name: 'Incident' }).getByRole('link', { name }).click();
}

test('call bells that failed 3 hours ago leave about 21 hours on the CQC clock, and a corrected 72-hour start is logged with its reason', async ({
  app,
  page,
}) => {
  await app.openRunbookById('ransomware');
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await page.getByLabel('Short name for this incident').fill('Ransom note, call bells dead');
  await page.getByLabel('Yes, something is down').check();
  await page.getByLabel('When did it stop working?').fill(localInput(3));
  await page.getByLabel('Incident lead').fill('Ann Lee');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await sayWhoIsRecording(page, 'Ann Lee');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ransom note, call bells dead' }),
  ).toBeVisible();

  await openTab(page, 'Clocks');
  const equipment = page
    .locator('li.clock')
    .filter({ hasText: 'CQC notification if a call system, utility or safety equipment fails' });
  // 24 hours from the failure, three of them gone: 20 hours 59 minutes or 21 hours left.
  await expect(equipment).toContainText(/(20 hours 5\d minutes|21 hours) left/);
  expect(await axeViolations(page)).toEqual([]);

  const breach = page
    .locator('li.clock')
    .filter({ hasText: 'Personal data breach: report within 72 hours' });
  await breach.getByRole('button', { name: 'Started earlier? Change start time' }).click();
  await expect(page.getByLabel('When did it really start?')).toBeFocused();
  await page.getByLabel('When did it really start?').fill(localInput(2));
  await page.getByRole('button', { name: 'Save the new start time' }).click();
  await expect(page.getByText('Say why the clock started earlier.')).toBeVisible();
  await expect(page.getByLabel('Why did it start earlier?')).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await page
    .getByLabel('Why did it start earlier?')
    .fill('The night carer found the ransom note two hours ago');
  await page.getByRole('button', { name: 'Save the new start time' }).click();
  await expect(breach).toContainText(/2 days 2\d hours left/);
  await expect(breach.getByRole('button', { name: 'Save the new start time' })).toHaveCount(0);
  await expect(
    breach.getByRole('button', { name: 'Started earlier? Change start time' }),
  ).toBeFocused();

  await openTab(page, 'Log');
  await expect(
    page.getByRole('row').filter({
      hasText:
        /Clock start changed: Personal data breach.* now runs from .* — The night carer found the ransom note two hours ago/,
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: /Clock started: CQC notification if a call system/ }),
  ).toBeVisible();
});

test('a ransomware incident with working call bells starts no equipment clock until someone says what stopped', async ({
  app,
  page,
}) => {
  await app.openRunbookById('ransomware');
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await page.getByLabel('Short name for this incident').fill('Ransom note only');
  await page.getByLabel('No, they all work').check();
  await page.getByLabel('Incident lead').fill('Ann Lee');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await sayWhoIsRecording(page, 'Ann Lee');
  await expect(page.getByRole('heading', { level: 1, name: 'Ransom note only' })).toBeVisible();

  await openTab(page, 'Clocks');
  await expect(page.locator('li.clock').filter({ hasText: 'safety equipment fails' })).toHaveCount(
    0,
  );
  await page.getByLabel('When did it stop working?').fill(localInput(1));
  await page.getByRole('button', { name: 'Start the 24-hour clock' }).click();
  await expect(
    page.locator('li.clock').filter({ hasText: 'safety equipment fails' }),
  ).toContainText(/2[23] hours( \d+ minutes)? left/);
});

test('a pharmacy not registered with CQC gets no CQC clock or draft, and the ICB closure draft instead', async ({
  app,
  page,
}) => {
  await app.openHome();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Type of service').selectOption('pharmacy');
  await expect(page.getByText(/registered with the General Pharmaceutical Council/)).toBeVisible();
  await expect(page.getByLabel(/also registered with CQC/)).not.toBeChecked();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await app.openRunbookById('ransomware');
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await page.getByLabel('Short name for this incident').fill('Pharmacy ransomware');
  await page.getByLabel('Incident lead').fill('Raj Patel');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await sayWhoIsRecording(page, 'Ann Lee');
  await expect(page.getByRole('heading', { level: 1, name: 'Pharmacy ransomware' })).toBeVisible();

  await openTab(page, 'Clocks');
  await expect(page.locator('li.clock').filter({ hasText: 'CQC' })).toHaveCount(0);
  await expect(page.getByText(/no CQC clocks are offered/)).toBeVisible();
  await openTab(page, 'Reports');
  await expect(page.getByText(/tell your ICB about a temporary closure/).first()).toBeVisible();
  await expect(
    page.getByText('CQC notification: events that stop a service running safely'),
  ).toHaveCount(0);
});

test('guided mode for phones and call bells asks below the step when it stopped, and starts the clock from then', async ({
  app,
  page,
}) => {
  await app.openRunbookById('phones-telecare-down');
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await page.getByLabel('Short name for this incident').fill('Bells dead');
  await page.getByLabel('Incident lead').fill('Ann Lee');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await sayWhoIsRecording(page, 'Ann Lee');
  await expect(page.getByRole('heading', { level: 1, name: 'Bells dead' })).toBeVisible();

  const prompt = page.getByRole('complementary', { name: 'Equipment or a utility down' });
  await expect(prompt).toBeVisible();
  // Below the step's own controls, so they stay where they are.
  const done = await page.getByRole('button', { name: 'Done', exact: true }).boundingBox();
  const asked = await prompt.boundingBox();
  expect(asked && done && asked.y > done.y).toBe(true);
  expect(await axeViolations(page, '.equipment-prompt')).toEqual([]);

  await prompt.getByLabel('When did it stop working?').fill(localInput(2));
  await prompt.getByRole('button', { name: 'Start the 24-hour clock' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(page.locator('#current-step-title')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Running clocks' })).toContainText(
    // Each clock reads time left first, then what it is for.
    /2[12] hours( \d+ minutes)? left \(due [^)]*\) · CQC notification if a call system/,
  );
});
