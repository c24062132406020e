import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pdfPages, pdfText } from './pdfText';

/** Today as the pack prints it ("23 November 2026"), on the browser's calendar. */
const printedToday = (page: Page) =>
  page.evaluate(() =>
    new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
  );

test("the IT supplier's number is inline in the ransomware step and on every copy of the printed pack", async ({
  app,
  page,
}) => {
  await app.openHome();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Organisation name').fill('Rose Lodge Care Home');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await app.openContacts();
  await page.getByRole('link', { name: 'Add contact for IT supplier' }).click();
  await app.fillAndSaveContact({
    name: 'Sam Patel',
    organisation: 'Acme IT',
    phone: '01632 960 123',
    hours: '24/7',
    outOfBand: true,
  });

  await app.openRunbookById('ransomware');
  await expect(page.locator('#step-call-it-supplier')).toContainText(
    'IT supplier: Sam Patel (Acme IT) — 01632 960 123 (24/7)',
  );

  await app.openFromNav('Grab-bag pack');
  const pack = page.getByRole('article', { name: 'Grab-bag pack, as it prints' });
  await expect(pack).toContainText('Rose Lodge Care Home');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = pdfText(pdf);
  const footer = `Rose Lodge Care Home · Grab-bag pack version 1 · Printed ${await printedToday(page)}`;

  // The contact sheet (out-of-band channel marked) and the ransomware step both carry the number.
  expect(text).toContain(
    'IT supplier: Sam Patel, Acme IT Phone: 01632 960 123 — works when our systems are down',
  );
  expect(text).toContain(
    'Phone IT supplier: Sam Patel (Acme IT) — 01632 960 123 (24/7) and tell them you think it is ransomware.',
  );
  // National contacts print when their facts were last checked, and the page's own date if known.
  expect(text).toMatch(
    /Power cut line \(105\).*?Last checked \d{1,2} \w+ \d{4}\. Page dated 6 September 2021\./s,
  );
  expect(text).not.toMatch(/Source (dated|undated)/);
  // Every page carries the footer, and none of the app around the pack is printed.
  const pages = pdfPages(pdf);
  expect(pages.length).toBeGreaterThan(20);
  for (const [index, onPage] of pages.entries())
    expect(onPage.replace(/\s+/g, ' '), `page ${index + 1}`).toContain(footer);
  expect(text).not.toContain('Search runbooks');
  expect(text).not.toContain('Save as PDF');
  // The parts of the pack, in order.
  const order = [
    'Cyber incident grab-bag pack',
    'First 15 minutes',
    'Contact sheet',
    'Role cards',
    'Systems and where the paper copies are kept',
    'Runbooks',
    'Incident log sheet 1',
  ];
  const positions = order.map((heading) => text.indexOf(heading));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // Table cells on one line run together in the extracted text: the columns are in this order.
  expect(text).toMatch(/Event time ?Recorded time ?Who ?What happened, what was decided, and why/);
  // Each blank log sheet has a place for the log check code once its lines are typed in.
  expect(
    text.replace(/\s+/g, ' ').split("Log check code on the incident's Log tab once typed in"),
  ).toHaveLength(4);
});

test('printing is recorded, and the home screen reminds once contacts or systems change', async ({
  app,
  page,
}) => {
  await app.openHome();
  const reminder = page.getByRole('region', { name: 'Print your grab-bag pack' });
  await expect(reminder).toContainText('You have not printed a grab-bag pack yet.');
  await reminder.getByRole('link', { name: 'Print the grab-bag pack' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grab-bag pack' })).toBeVisible();

  // The web harness cannot save files: it says to use the browser's own Print instead.
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(
    page.getByRole('status').filter({
      hasText: 'Saving as a PDF is not available here. Use your browser’s Print (Ctrl+P)',
    }),
  ).toBeVisible();

  // Headless Chromium returns from print() at once, as if the dialog was closed.
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  const ask = page.getByRole('group', { name: /Did the pack print\?/ });
  await expect(ask.getByRole('button', { name: 'Yes, record it as printed' })).toBeFocused();
  await ask.getByRole('button', { name: 'Yes, record it as printed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded version 1' })).toBeVisible();
  await expect(
    page.getByText(/Last printed on .* \(version 1\)\. The printed pack is up to date\./),
  ).toBeVisible();

  await app.openHome();
  await expect(page.getByRole('heading', { level: 1, name: "What's happening?" })).toBeVisible();
  await expect(reminder).toBeHidden();

  await app.openContacts();
  await page.getByRole('link', { name: 'Add contact for Insurer incident line' }).click();
  await app.fillAndSaveContact({ name: 'Claims line', phone: '0800 123 4567' });
  await app.openFromNav('Systems');
  await page.getByRole('link', { name: 'Add details for Rota and staff scheduling' }).click();
  await app.fillAndSaveSystem({
    impact: '5 — slows us down',
    paperLocation: 'Office wall planner',
  });

  await app.openHome();
  await expect(reminder).toContainText(
    /Your printed pack is out of date: contacts and systems changed since you printed version 1 on \d{1,2} \w+ \d{4}\./,
  );
  await reminder.getByRole('link', { name: 'Print the new pack' }).click();
  await expect(page.getByRole('article', { name: 'Grab-bag pack, as it prints' })).toContainText(
    /Pack version:?\s*2 \(content code/,
  );
});
