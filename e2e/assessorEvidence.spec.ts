import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { startIncidentFromForm } from './pages/HoldfastApp';

test('a manager opens the evidence for an assessor from the checklist, chooses a period and saves it with its files', async ({
  app,
  page,
}) => {
  await app.openHome();
  const id = await startIncidentFromForm(page, 'ransomware', 'Ransom note on office PC');

  await app.openReadiness();
  await page.getByRole('link', { name: 'Evidence for an assessor' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Evidence for an assessor/ }),
  ).toBeFocused();
  const incidents = page.getByRole('region', { name: '3. Incidents' });
  await expect(incidents.getByRole('heading', { name: 'Ransom note on office PC' })).toBeVisible();
  await expect(page.getByRole('region', { name: '2. Exercises held' })).toContainText(
    'No exercise was held in this period.',
  );
  await expect(page.getByRole('region', { name: '1. The plan' })).toContainText(
    'Shows: Business continuity: a written plan, kept up to date.',
  );

  // A period long before: the incident is not in it.
  await page.getByLabel('First day').fill('2020-01-01');
  await page.getByLabel('Last day').fill('2020-12-31');
  await page.getByRole('button', { name: 'Show this period' }).click();
  await expect(page.getByText('Period: 1 January 2020 to 31 December 2020.')).toBeVisible();
  await expect(incidents).toContainText('No incident was recorded in this period.');

  await page.getByLabel('Last day').fill('2099-12-31');
  await page.getByRole('button', { name: 'Show this period' }).click();
  await expect(incidents.getByRole('heading', { name: 'Ransom note on office PC' })).toBeVisible();
  const checkCode = await incidents.locator('.check-code').textContent();

  const markdownSaved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as a markdown file' }).click();
  const markdown = await readFile(await (await markdownSaved).path(), 'utf8');
  expect(markdown).toContain('## 3. Incidents');
  expect(markdown).toContain('### Ransom note on office PC');
  expect(markdown).toContain(`Log check code: **${checkCode}**`);

  const zipSaved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the files as a zip' }).click();
  const zip = await zipSaved;
  expect(zip.suggestedFilename()).toBe(
    'holdfast-evidence-for-an-assessor-2020-01-01-to-2099-12-31.zip',
  );
  const files = unzipSync(new Uint8Array(await readFile(await zip.path())));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining([
      'plan/ransomware.md',
      `incidents/${id}/incident-report.md`,
      `incidents/${id}/files/log.jsonl`,
    ]),
  );
  expect(strFromU8(files[`incidents/${id}/incident-report.md`]!)).toContain(
    'Ransom note on office PC',
  );
  await expect(
    page.getByText(/^Saving \d+ files in holdfast-evidence-for-an-assessor-/),
  ).toBeVisible();
});
