import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const EMAR = 'eMAR (electronic medicines records)';

test('a paper location added in Systems shows in the runbook step that needs it', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openRunbookById('care-on-paper');
  const step = page.locator('#step-paper-mar');
  await expect(step).toContainText(
    'Your paper medicines charts are kept in: not recorded yet — add it in Systems',
  );

  // The gap offers a way to fill it in right there.
  await step.getByRole('link', { name: /add it in Systems/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Add system: ${EMAR}` })).toBeVisible();
  // Holdfast suggests the role that usually supports the system.
  await expect(page.getByLabel('Who supports it')).toHaveValue('emar-supplier');
  await app.fillAndSaveSystem({
    impact: '10 — people are at risk straight away',
    paperLocation: 'Red folder, locked cabinet in the clinic room',
    fallback: 'Paper MAR charts printed every Monday',
  });
  await expect(page.getByRole('status').filter({ hasText: `Saved ${EMAR}.` })).toBeVisible();
  await expect(app.systemEntry(EMAR)).toContainText(/How bad if it is down:?\s*10 out of 10/);

  const saved = JSON.parse(await readFile(join(dataDir, 'systems.json'), 'utf8')) as {
    records: unknown[];
  };
  expect(saved.records).toEqual([
    expect.objectContaining({
      system: 'emar',
      impact: 10,
      paperLocation: 'Red folder, locked cabinet in the clinic room',
    }),
  ]);

  await app.openRunbookById('care-on-paper');
  await expect(step).toContainText(
    'Your paper medicines charts are kept in: Red folder, locked cabinet in the clinic room',
  );
  await expect(step).not.toContainText('not recorded yet');
  // The same register feeds every runbook that names the system.
  await app.openRunbookById('ransomware');
  await expect(page.locator('#step-go-to-paper')).toContainText(
    'Medicines (MAR) charts: Red folder, locked cabinet in the clinic room',
  );
  await expect(await app.openReaderPanel(/^Paper copies/)).toContainText(
    'Paper copy: Red folder, locked cabinet in the clinic room',
  );
});

test('a system of your own can be added with the keyboard alone, and mistakes are announced', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.tabTo('Systems');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Systems' })).toBeVisible();

  await app.tabTo('Add system');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Enter a name for the system' }),
  ).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('System name')).toBeFocused();
  await expect(page.getByLabel('System name')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('Lift alarm');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Add system: Lift alarm' }),
  ).toBeVisible();

  await app.tabTo('Save system');
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'Please check these details' });
  await expect(summary).toContainText(
    'How bad it is if it is down: Choose how bad it is if this system is down, from 1 to 10',
  );
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('How bad it is if it is down')).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await app.tabTo(
    'How bad it is if it is down: Choose how bad it is if this system is down, from 1 to 10',
  );
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('How bad it is if it is down')).toBeFocused();
  await page.getByLabel('How bad it is if it is down').selectOption('6');
  await app.tabTo('Where the paper copy is kept');
  await page.keyboard.type('Laminated sheet by the lift');
  await app.tabTo('Save system');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: 'Saved Lift alarm.' })).toBeVisible();
  await expect(app.systemEntry('Lift alarm (your own system)')).toContainText(
    /Where the paper copy is kept:?\s*Laminated sheet by the lift/,
  );
});

test('deleting asks first, and text that looks like code is shown as text', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.openFromNav('Systems');
  await page.getByRole('link', { name: 'Add details for Payroll' }).click();
  await app.fillAndSaveSystem({
    impact: '3',
    paperLocation: '<script>window.hacked = true</script>',
  });
  const entry = app.systemEntry('Payroll');
  await expect(entry).toContainText('<script>window.hacked = true</script>');
  expect(
    await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked),
  ).toBeUndefined();

  await entry.getByRole('button', { name: 'Clear Payroll' }).click();
  await expect(entry.getByRole('button', { name: 'Yes, clear it' })).toBeFocused();
  await entry.getByRole('button', { name: 'No, keep it' }).click();
  await expect(entry.getByRole('button', { name: 'Clear Payroll' })).toBeFocused();
  await entry.getByRole('button', { name: 'Clear Payroll' }).click();
  await entry.getByRole('button', { name: 'Yes, clear it' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Cleared what was recorded for Payroll.' }),
  ).toBeVisible();
  await expect(entry).toContainText('Not recorded yet.');
  await expect(entry.getByRole('link', { name: 'Add details for Payroll' })).toBeFocused();
});

test('the readiness checklist names systems with no paper location, and a system not used here drops off', async ({
  app,
  page,
}) => {
  await app.openReadiness();
  const gaps = app.readinessLine('Paper copies of systems');
  await expect(gaps).toContainText('Care records (digital care plans): nothing recorded yet');
  await gaps
    .getByRole('link', { name: 'Care records (digital care plans): nothing recorded yet' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Add system: Care records (digital care plans)' }),
  ).toBeVisible();
  await page.getByLabel('No, we do not use it').check();
  await page.getByRole('button', { name: 'Save system' }).click();
  await expect(app.systemEntry('Care records (digital care plans)')).toContainText(
    'Not used here.',
  );

  await app.openReadiness();
  await expect(gaps).toContainText('eMAR (electronic medicines records): nothing recorded yet');
  await expect(gaps).not.toContainText('Care records');
});
