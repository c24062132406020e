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
  // A list inside a question prints once, as part of the question, not again as answers.
  expect(text).toMatch(
    /Answer yes if any of these is true: ?you cannot meet people's care needs safely;/,
  );
  expect(text).not.toContain('safely;:');
  // Every page carries the footer, and none of the app around the pack is printed.
  const pages = pdfPages(pdf);
  expect(pages.length).toBeGreaterThan(20);
  for (const [index, onPage] of pages.entries())
    expect(onPage.replace(/\s+/g, ' '), `page ${index + 1}`).toContain(
      `${footer} · Page ${index + 1} of ${pages.length}`,
    );
  // The screen said how long the pack is before it printed.
  await expect(page.getByText(`About ${pages.length} A4 pages`)).toBeVisible();
  // The contents and the index give the page each part and situation starts on.
  const ransomware =
    pages.findIndex((onPage) => onPage.includes('Ransomware — the screen says pay')) + 1;
  expect(text).toMatch(new RegExp(`In this pack .*Ransomware ?page ${ransomware}\\b`));
  expect(text).toMatch(new RegExp(`Find it fast .*Ransom note → page ${ransomware}\\b`));
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
  await app.openReadiness();
  const reminder = app.readinessLine('Grab-bag pack');
  await expect(reminder).toContainText('The grab-bag pack has not been printed yet.');
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

  await app.openReadiness();
  await expect(reminder).toContainText(
    /The printed pack \(version 1, printed \d{1,2} \w+ \d{4}\) matches/,
  );
  await expect(reminder.getByRole('link')).toHaveCount(0);

  await app.openContacts();
  await page.getByRole('link', { name: 'Add contact for Insurer incident line' }).click();
  await app.fillAndSaveContact({ name: 'Claims line', phone: '0800 123 4567' });
  await app.openFromNav('Systems');
  await page.getByRole('link', { name: 'Add details for Rota and staff scheduling' }).click();
  await app.fillAndSaveSystem({
    impact: '5 — slows us down',
    paperLocation: 'Office wall planner',
  });

  await app.openReadiness();
  await expect(reminder).toContainText(
    /The printed pack \(version 1, printed \d{1,2} \w+ \d{4}\) is out of date: contacts and systems changed since\./,
  );
  await reminder.getByRole('link', { name: 'Print the new pack' }).click();
  await expect(page.getByRole('article', { name: 'Grab-bag pack, as it prints' })).toContainText(
    /Pack version:?\s*2 \(match code/,
  );
});

/**
 * Whether, in the first `root` element holding `word`, `word` comes before `number` and the number's first digit
 * group before its last: a number that reads as it dials is not reordered by the words before it.
 */
const layoutOf = (page: Page, root: string, word: string, number: string) =>
  page.evaluate(
    ({ root, word, number }) => {
      const scope = [...document.querySelectorAll(root)].find((element) =>
        element.textContent?.includes(word),
      );
      if (!scope) return null;
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      const rectOf = (text: string, fromEnd = false) => {
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = fromEnd
            ? (node.textContent ?? '').lastIndexOf(text)
            : (node.textContent ?? '').indexOf(text);
          if (at === -1) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          walker.currentNode = scope;
          return range.getBoundingClientRect();
        }
        walker.currentNode = scope;
        return null;
      };
      const groups = number.split(' ');
      const word_ = rectOf(word);
      const first = rectOf(groups[0] ?? '');
      const last = rectOf(groups.at(-1) ?? '', true);
      // Reading order on screen: a later line, or further right on the same line.
      const before = (a: DOMRect, b: DOMRect, aEdge: number) =>
        a.bottom <= b.top + 1 || (Math.abs(a.top - b.top) < 2 && aEdge <= b.left + 0.5);
      return word_ && first && last
        ? {
            wordBeforeNumber: before(word_, first, word_.right),
            firstGroupFirst: before(first, last, first.right),
          }
        : null;
    },
    { root, word, number },
  );

test('a right-to-left organisation name cannot reorder the number after it, on screen or in print', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.openContacts();
  await page.getByRole('link', { name: 'Add contact for IT supplier' }).click();
  // Arabic letters turn the digits after them right-to-left unless each value is isolated.
  await app.fillAndSaveContact({
    name: 'Sam Patel',
    organisation: 'مركز الدعم',
    phone: '01632 960 123',
    hours: '24/7',
  });

  await app.openRunbookById('ransomware');
  const step = '#step-call-it-supplier .contact-ref';
  await expect(page.locator(step, { hasText: 'الدعم' })).toContainText('01632 960 123');
  const onScreen = await layoutOf(page, step, 'الدعم', '01632 960 123');
  expect(onScreen).toEqual({ wordBeforeNumber: true, firstGroupFirst: true });

  await app.openFromNav('Grab-bag pack');
  await page.emulateMedia({ media: 'print' });
  const printed = 'article .contact-ref';
  await expect(page.locator(printed, { hasText: 'الدعم' }).first()).toContainText('01632 960 123');
  const onPaper = await layoutOf(page, printed, 'الدعم', '01632 960 123');
  expect(onPaper).toEqual({ wordBeforeNumber: true, firstGroupFirst: true });
});
