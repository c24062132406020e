import { join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { harnessRendererDir, startHarness } from '../main/shells/web/startHarness';
import { verifyEvidenceLog } from '../main/core/evidence/evidenceChain';
import { expect, test } from './fixtures';
import { pdfPages } from './pdfText';

const repoRoot = resolve(import.meta.dirname, '..');

async function startFromRansomware(page: Page, name: string, lead: string): Promise<void> {
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start an incident' })).toBeFocused();
  await page.getByLabel('Short name for this incident').fill(name);
  await expect(page.getByLabel('Runbook to follow')).toHaveValue('ransomware');
  await page.getByLabel('Incident lead').fill(lead);
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('guided response from the ransomware runbook to an exported report, intact after a restart', async ({
  app,
  page,
  dataDir,
  harness,
}) => {
  await app.openRunbookById('ransomware');
  await startFromRansomware(page, 'Ransom note on office PC', 'Ann Lee');

  // The 72-hour clock runs from the moment of awareness.
  const clocks = page.getByRole('region', { name: 'Running clocks' });
  await expect(clocks).toContainText('Personal data breach: report within 72 hours');
  await expect(clocks).toContainText(/2 days 23 hours left|3 days left/);

  // Five steps, one at a time; each answer moves to the next step.
  const current = page.locator('#current-step-title');
  await expect(current).toContainText('Check that everyone is safe');
  for (const expected of [
    'If you are not the registered manager',
    'Do not pay',
    'Take photos',
    'Take the affected computers off the network',
    'Phone',
  ]) {
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(current).toContainText(expected);
  }
  await expect(
    page
      .getByRole('navigation', { name: 'All steps' })
      .getByRole('region', { name: /Contain: 5 of 6 answered/ }),
  ).toBeVisible();

  // A note copied from paper, dated when it happened.
  await page.getByRole('link', { name: 'Log' }).click();
  await page.getByLabel('Add a note').fill('From the paper log: night carer saw the ransom note');
  await page.getByLabel('This happened earlier (copying from paper notes)').check();
  const earlier = new Date(Date.now() - 45 * 60_000);
  const local = new Date(earlier.getTime() - earlier.getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 16);
  await page.getByLabel('When did it happen?').fill(local);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Note saved to the log.' }),
  ).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'night carer saw the ransom note' });
  await expect(row).toContainText('filled in later');
  // Backfilled: it sits above the incident's opening entry on the timeline.
  await expect(page.getByRole('row').nth(1)).toContainText('night carer saw the ransom note');

  // A report draft to read out on the phone.
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByText('NCSC incident report (its nine questions)').click();
  await expect(
    page.getByRole('group').filter({ hasText: 'NCSC incident report' }).getByText('Ann Lee'),
  ).toBeVisible();

  // Close with a summary, then export the report.
  await page
    .getByLabel('Summary: what happened and how it ended')
    .fill('Office PC isolated; systems restored by the IT supplier.');
  await page.getByRole('button', { name: 'Close the incident' }).click();
  await page.getByRole('button', { name: 'Close the incident' }).click();
  await expect(page.getByText('This incident was closed.')).toBeVisible();
  await page.getByRole('link', { name: 'Open the incident report' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /Incident report: Ransom note on office PC/ }),
  ).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as a markdown file' }).click();
  const file = await download;
  const markdown = await readFile((await file.path()) ?? '', 'utf8');
  expect(file.suggestedFilename()).toMatch(/^holdfast-report-\d{4}-\d{2}-\d{2}-.*\.md$/);
  expect(markdown).toContain('night carer saw the ransom note');
  expect(markdown).toContain('Done: Take photos of the message on every screen');
  // The log check code is printed in the report's header and again in its log check section.
  const code = /Log check code: \*\*([0-9A-F]{4}-[0-9A-F]{4})\*\*/.exec(markdown)?.[1] ?? '';
  expect(code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
  await expect(page.locator('.print-footer')).toContainText(`Log check code: ${code}`);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdfPages(pdf).map((onPage) => onPage.replace(/\s+/g, ' '));
  expect(pages.length).toBeGreaterThan(1);
  // And at the foot of every printed page, so any one sheet anchors the log file.
  for (const [index, onPage] of pages.entries())
    expect(onPage, `page ${index + 1}`).toContain(`Log check code: ${code} (`);
  expect(pdf.length).toBeGreaterThan(10_000);

  // Restart: the incident is intact and its log verifies.
  const id = /#\/incidents\/([^/]+)/.exec(page.url())?.[1] ?? '';
  await harness.close();
  // Same port, so the page's origin (and the fixture's offline check) is unchanged.
  const again = await startHarness({
    port: harness.port,
    dataDir,
    rendererDir: harnessRendererDir(repoRoot),
    bundledRunbooksDir: join(repoRoot, 'runbooks'),
    version: 'e2e',
  });
  try {
    await page.goto(`${again.url}#/incidents/${id}/log`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Ransom note on office PC' }),
    ).toBeVisible();
    await expect(page.getByText(`Log check code: ${code}`)).toBeVisible();
    await page.getByRole('button', { name: 'Check the log against its check record' }).click();
    await expect(page.getByText(/Log checked: all \d+ entries are intact/)).toBeVisible();
    expect(
      verifyEvidenceLog(await readFile(join(dataDir, 'incidents', id, 'log.jsonl'))),
    ).toMatchObject({ ok: true });
  } finally {
    await again.close();
  }
});

test('an exercise says so on every screen and in its report', async ({ app, page }) => {
  await app.openRunbookById('ransomware');
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await page.getByLabel('Short name for this incident').fill('Practice run');
  await page.getByLabel('Incident lead').fill('Trainer');
  await page.getByLabel('This is a practice exercise, not a real incident').check();
  await page.getByRole('button', { name: 'Start the incident' }).click();
  for (const tab of ['Steps', 'Log', 'Clocks', 'Roles and handover', 'Reports']) {
    await page
      .getByRole('navigation', { name: 'Incident' })
      .getByRole('link', { name: tab })
      .click();
    await expect(page.getByText('EXERCISE — NOT A REAL INCIDENT').first()).toBeVisible();
  }
  await page.getByRole('link', { name: 'Open the incident report' }).click();
  await expect(page.locator('.print-document')).toContainText('EXERCISE — NOT A REAL INCIDENT');
});

test('a clock stops only with a reference number, and the step list is usable by keyboard', async ({
  app,
  page,
}) => {
  await app.openRunbookById('ransomware');
  await startFromRansomware(page, 'Keyboard run', 'Ann Lee');
  await page
    .getByRole('navigation', { name: 'Incident' })
    .getByRole('link', { name: 'Clocks' })
    .click();
  const breach = page
    .locator('li.clock')
    .filter({ hasText: 'Personal data breach: report within 72 hours' });
  await breach.getByRole('button', { name: 'Mark done' }).click();
  await page.getByLabel('Reference number you were given').fill('DSPT-2026-0042');
  await page.keyboard.press('Enter');
  await expect(breach).toContainText('Done, reference DSPT-2026-0042');

  await page
    .getByRole('navigation', { name: 'Incident' })
    .getByRole('link', { name: 'Steps' })
    .click();
  const stepLink = page
    .getByRole('navigation', { name: 'All steps' })
    .getByRole('link', { name: /Report the attack to/ });
  await stepLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#current-step-title')).toBeFocused();
  await expect(page.locator('#current-step-title')).toContainText('Report the attack to');
  await page.getByRole('button', { name: "Can't do" }).click();
  await page.getByLabel("Why can't it be done?").fill('Phone line busy, will retry');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(stepLink).toContainText("Can't do");

  await page
    .getByRole('navigation', { name: 'Incident' })
    .getByRole('link', { name: 'Log' })
    .click();
  await page.getByText('Record a decision and why').click();
  await page.getByLabel('What was decided').fill('Keep the office PC switched on but unplugged');
  await page.getByLabel('Why').fill('The IT supplier wants to examine it');
  await page.getByRole('button', { name: 'Save decision' }).click();
  await expect(
    page.getByRole('row').filter({
      hasText:
        'Decision: Keep the office PC switched on but unplugged — because The IT supplier wants to examine it',
    }),
  ).toBeVisible();
});

test('a contract deadline set in Settings can be started as a clock', async ({ app, page }) => {
  await app.openHome();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add a contract deadline' }).click();
  await page.getByLabel('Deadline 1: what it is').fill('Tell the commissioner');
  await page.getByLabel('Hours from becoming aware').fill('24');
  await page.getByLabel('What to send, to whom').fill('Email the contract manager');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await app.openRunbookById('ransomware');
  await startFromRansomware(page, 'Contract clock run', 'Ann Lee');
  await page
    .getByRole('navigation', { name: 'Incident' })
    .getByRole('link', { name: 'Clocks' })
    .click();
  await page
    .getByRole('button', { name: 'Start: Tell the commissioner (contract, 24 hours)' })
    .click();
  const clock = page.locator('li.clock').filter({ hasText: 'Tell the commissioner' });
  await expect(clock).toContainText('Email the contract manager');
  await expect(clock).toContainText(/23 hours|1 day/);
});

test('"Not sure" asks a few plain questions that lead to a runbook and an incident', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.entryPoint(/Not sure/).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Is anyone in danger or hurt right now?' }),
  ).toBeFocused();
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await page
    .getByRole('button', { name: 'A system, the internet, phones or power are not working' })
    .click();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Something about an email, text or link' }).click();
  await page.getByRole('button', { name: /An NHSmail account/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Follow: / })).toBeFocused();
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await expect(page.getByLabel('Runbook to follow')).toHaveValue('nhsmail-compromised');
});
