import { join, resolve } from 'node:path';
import { readdir, readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import type { Page } from '@playwright/test';
import { harnessRendererDir, startHarness } from '../main/shells/web/startHarness';
import { verifyEvidenceLog } from '../main/core/evidence/evidenceChain';
import { expect, test } from './fixtures';
import { sayWhoIsRecording } from './pages/HoldfastApp';
import { pdfPages } from './pdfText';

const repoRoot = resolve(import.meta.dirname, '..');

async function startFromRansomware(page: Page, name: string, lead: string): Promise<void> {
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start an incident' })).toBeFocused();
  await page.getByLabel('Short name for this incident').fill(name);
  await expect(page.getByLabel('Runbook to follow')).toHaveValue('ransomware');
  await page.getByLabel('Incident lead').fill(lead);
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await sayWhoIsRecording(page, lead);
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
    'Take the affected computers off the network',
    'Do not pay',
    'Phone',
    'If you are not the registered manager',
    'Take photos',
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
  // An empty note is not sent: the box at the top says what is wrong and leads to the field.
  await page.getByRole('button', { name: 'Save note' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toBeFocused();
  await problem.getByRole('link', { name: 'Enter the note' }).click();
  await expect(page.getByLabel('Add a note')).toBeFocused();
  await expect(page.getByLabel('Add a note')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Add a note').fill('From the paper log: night carer saw the ransom note');
  await expect(problem).toBeHidden();
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
  expect(markdown).toContain('Done: Take the affected computers off the network now');
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
  // The window closes with the app, so the open incident asks nothing of a server that is gone.
  await page.goto('about:blank');
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
    await page.goto(again.address(`#/incidents/${id}/log`));
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

test('recording after a restart without saying who you are is impossible: the entry names the person asked, never the lead', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openRunbookById('ransomware');
  await startFromRansomware(page, 'Ransom note at night', 'Kim Keys');
  const bar = page.locator('.recording-as');
  await expect(bar).toHaveText('Recording as: Kim Keys · Change who is recording');
  const id = /#\/incidents\/([^/]+)/.exec(page.url())?.[1] ?? '';

  // A restart of the app: nobody has said who is recording in this run of it.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Ransom note at night' })).toBeVisible();
  await expect(bar).toHaveText('Recording as: no one yet · Say who you are');
  await page
    .getByRole('navigation', { name: 'Incident' })
    .getByRole('link', { name: 'Log' })
    .click();
  await page.getByLabel('Add a note').fill('Heard the office PC alarm at 02:10');
  await page.getByRole('button', { name: 'Save note' }).click();

  // Asked first, with nothing filled in for her, and nothing saved until she answers.
  const dialog = page.getByRole('dialog', { name: 'Who is recording?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Your name')).toBeFocused();
  await expect(dialog.getByLabel('Your name')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(
    dialog.getByText('Enter your name. Everything you save is marked with it.'),
  ).toBeVisible();
  await expect(dialog).toBeVisible();
  // At 200 % zoom the question and its answer button are on screen, with no sideways scrolling.
  await page.setViewportSize({ width: 640, height: 400 });
  const box = await dialog.getByRole('button', { name: 'Continue' }).boundingBox();
  expect(
    box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 640 && box.y + box.height <= 400,
  ).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByLabel('Your name').fill('Night carer Jo');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Note saved to the log.' }),
  ).toBeVisible();
  await expect(bar).toHaveText('Recording as: Night carer Jo · Change who is recording');
  const row = page.getByRole('row').filter({ hasText: 'Heard the office PC alarm at 02:10' });
  await expect(row).toContainText('Night carer Jo');
  await expect(row).not.toContainText('Kim Keys');
  const server = { host: hostname(), user: userInfo().username };
  await expect(row).toContainText(`Device: ${server.host}, signed in as ${server.user}`);

  // A handover passes the laptop on: the next entry is the incoming person's.
  await page
    .getByRole('navigation', { name: 'Incident' })
    .getByRole('link', { name: 'Roles and handover' })
    .click();
  await page.getByLabel('Handing over to').fill('Day manager Sam');
  await page.getByRole('button', { name: 'Record the handover' }).click();
  await expect(page.getByText('Day manager Sam is now recording on this computer.')).toBeVisible();
  await expect(bar).toHaveText('Recording as: Day manager Sam · Change who is recording');

  const entries = (await readFile(join(dataDir, 'incidents', id, 'log.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { author: string; kind: string; device?: unknown });
  expect(entries.filter((entry) => entry.kind === 'note').map((entry) => entry.author)).toEqual([
    'Night carer Jo',
  ]);
  expect(entries.at(-1)).toMatchObject({ kind: 'handover', author: 'Night carer Jo' });
  for (const entry of entries) expect(entry.device).toEqual(server);
});

test('an incident is not started until someone says who is recording', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openRunbookById('ransomware');
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await page.getByLabel('Short name for this incident').fill('Ransom note at night');
  await page.getByLabel('Incident lead').fill('Kim Keys');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await page
    .getByRole('dialog', { name: 'Who is recording?' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Not started. Say who is recording first');
  expect(await readdir(join(dataDir, 'incidents')).catch(() => [])).toEqual([]);
  // The summary leads back to the question, which starts the incident once answered.
  await summary.getByRole('link').click();
  await expect(page.getByRole('button', { name: 'Say who you are' })).toBeFocused();
  await page.keyboard.press('Enter');
  await app.sayWhoIsRecording('Night carer Jo');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ransom note at night' })).toBeVisible();
  await expect(page.locator('.recording-as')).toContainText('Recording as: Night carer Jo');
});

test('an exercise says so on every screen and in its report', async ({ app, page }) => {
  await app.openRunbookById('ransomware');
  await page.getByRole('link', { name: 'Start an incident with this runbook' }).click();
  await page.getByLabel('Short name for this incident').fill('Practice run');
  await page.getByLabel('Incident lead').fill('Trainer');
  await page.getByLabel('This is a practice exercise, not a real incident').check();
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await app.sayWhoIsRecording('Trainer');
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
