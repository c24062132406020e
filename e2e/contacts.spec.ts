import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

test("the IT supplier's phone added from a runbook step appears inline in the step and in the contacts panel", async ({
  app,
  page,
  dataDir,
}) => {
  await app.openRunbookById('ransomware');
  const step = page.locator('#step-call-it-supplier');
  await expect(step).toContainText('IT supplier: not set yet — add your local number');

  // The warning offers a way to add the number right there.
  await step.getByRole('link', { name: 'add your local number' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Add contact: IT supplier' }),
  ).toBeVisible();
  await app.fillAndSaveContact({
    name: 'Sam Patel',
    organisation: 'Acme IT',
    phone: '01632 960 123',
    hours: '24/7',
    outOfBand: true,
  });
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved Sam Patel as IT supplier.' }),
  ).toBeVisible();
  await expect(app.contactEntry('IT supplier')).toContainText('01632 960 123');

  const saved = JSON.parse(await readFile(join(dataDir, 'contacts.json'), 'utf8')) as {
    contacts: Array<Record<string, unknown>>;
  };
  expect(saved.contacts).toEqual([
    expect.objectContaining({ role: 'it-supplier', name: 'Sam Patel' }),
  ]);

  await app.openRunbookById('ransomware');
  await expect(step).toContainText('IT supplier: Sam Patel (Acme IT) — 01632 960 123 (24/7)');
  await expect(step).not.toContainText('not set yet');
  const panel = await app.openReaderPanel(/^Who to call/);
  const entry = panel.getByRole('listitem').filter({ hasText: 'Sam Patel' }).first();
  await expect(entry).toContainText('IT supplier');
  await expect(entry).toContainText('01632 960 123');
  await expect(entry).toContainText('works when our systems are down');
  // Roles still missing keep their link to add them.
  await expect(
    panel.getByRole('link', { name: 'add your local number for Insurer incident line' }),
  ).toBeVisible();
});

test('a contact can be added with the keyboard alone, and mistakes are announced', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.tabTo('Contacts');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();

  await app.tabTo('Add contact for Insurer incident line');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Add contact: Insurer incident line' }),
  ).toBeVisible();

  await app.tabTo('Name');
  await page.keyboard.type('Claims line');
  await app.tabTo('Number or address');
  await page.keyboard.type('0800 CALL US');
  await app.tabTo('Save contact');
  await page.keyboard.press('Enter');

  const summary = page.getByRole('alert').filter({ hasText: 'Please check these details' });
  await expect(summary).toContainText(
    'Way to reach them 1: number or address: A phone number may use only digits, spaces, +, brackets and hyphens',
  );
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Number or address')).toHaveAttribute('aria-invalid', 'true');

  await app.tabTo('Number or address');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('0800 123 4567');
  await app.tabTo('Still works when our own email, internet or phones are down', 5);
  await page.keyboard.press('Space');
  await app.tabTo('Save contact');
  await page.keyboard.press('Enter');

  await expect(
    page.getByRole('status').filter({ hasText: 'Saved Claims line as Insurer incident line.' }),
  ).toBeVisible();
  await expect(app.contactEntry('Insurer incident line')).toContainText(
    '0800 123 4567 — works when our systems are down',
  );
});

test('deleting a contact asks first, and text that looks like code is shown as text', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.openContacts();
  await page.getByRole('link', { name: 'Add contact for Bank fraud line' }).click();
  await app.fillAndSaveContact({
    name: '<script>window.hacked = true</script>',
    phone: '+44 (0)20 7946 0000',
  });
  const entry = app.contactEntry('Bank fraud line');
  await expect(entry).toContainText('<script>window.hacked = true</script>');
  expect(
    await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked),
  ).toBeUndefined();

  await entry.getByRole('button', { name: 'Delete contact for Bank fraud line' }).click();
  await expect(entry.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
  await entry.getByRole('button', { name: 'No, keep it' }).click();
  await expect(entry).toContainText('+44 (0)20 7946 0000');
  await expect(
    entry.getByRole('button', { name: 'Delete contact for Bank fraud line' }),
  ).toBeFocused();

  await entry.getByRole('button', { name: 'Delete contact for Bank fraud line' }).click();
  await entry.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Deleted the contact for Bank fraud line.' }),
  ).toBeVisible();
  await expect(entry).toContainText('Not set yet.');
  await expect(entry.getByRole('link', { name: 'Add contact for Bank fraud line' })).toBeFocused();
});

test('national contacts are shown read-only with their source and date', async ({ app, page }) => {
  await app.openHome();
  await app.openContacts();
  const national = page.getByRole('region', { name: 'National contacts' });
  const csoc = national
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /CSOC/ }) });
  await expect(csoc).toContainText(/National contact\. Last checked \d{1,2} \w+ \d{4}\./);
  await expect(csoc).not.toContainText('Check they are still right');
  await expect(csoc.getByRole('link')).toHaveCount(0);
  await expect(csoc.getByRole('button', { name: /Delete|Edit/ })).toHaveCount(0);
  for (const name of [
    'NHS 111',
    'Police non-emergency number (101)',
    'Power cut line (105)',
    'Bank fraud line (159)',
    'CQC National Customer Service Centre',
  ])
    await expect(national.getByRole('heading', { name, exact: true })).toBeVisible();
  const nhsmail = national
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /NHSmail helpdesk/ }) });
  await expect(nhsmail).toContainText('National Administration Service');
});

test('the readiness checklist names contacts still to fill in, each a link to add it', async ({
  app,
  page,
}) => {
  await app.openReadiness();
  const contacts = app.readinessLine('Local contacts');
  await expect(contacts).toContainText('To do');
  await contacts
    .getByRole('link', {
      name: 'IT supplier: not set yet. You need this one in the first 15 minutes.',
    })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Add contact: IT supplier' }),
  ).toBeVisible();
  await page.getByLabel('Date you last checked these details').fill('2020-01-15');
  await app.fillAndSaveContact({ name: 'Sam Patel', phone: '01632 960 123' });

  await app.openReadiness();
  // Saved without a way marked to work when systems are down: both gaps are named, first.
  await expect(contacts.getByRole('listitem').first()).toHaveText(
    /^IT supplier: last checked 15 January 2020, more than 12 months ago; no way marked to reach them when your own systems are down/,
  );
  // The reader warns too, next to the number, so a stale number is not trusted blindly.
  await app.openRunbookById('ransomware');
  await expect(await app.openReaderPanel(/^Who to call/)).toContainText(
    'Last checked 15 January 2020, more than 12 months ago.',
  );
});

test('the contacts screen and form have no serious accessibility violations', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.openContacts();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Add contact for IT supplier' }).click();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Please check these details' }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

const CSV_HEADER =
  'role,name,organisation,phone,mobile,email,other,out_of_band,hours,notes,last_verified';

test('contacts export as CSV and vCard with the numbers entered, formula-looking cells made inert', async ({
  app,
  page,
}) => {
  await app.openHome();
  await app.openContacts();
  await page.getByRole('link', { name: 'Add contact for IT supplier' }).click();
  await app.fillAndSaveContact({
    name: '=cmd|calc',
    organisation: 'Acme IT, Leeds',
    phone: '+44 1632 960 123',
    outOfBand: true,
  });

  const csv = await app.exportContacts('CSV');
  expect(csv.filename).toMatch(/^holdfast-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines[1]).toMatch(
    /^it-supplier,'=cmd\|calc,"Acme IT, Leeds",'\+44 1632 960 123,,,,phone,,,\d{4}-\d{2}-\d{2}$/,
  );

  const vcard = await app.exportContacts('vCard');
  expect(vcard.filename).toMatch(/\.vcf$/);
  expect(vcard.text).toContain('TEL;TYPE=voice;X-HOLDFAST-OOB=yes:+44 1632 960 123');

  // The exported card reads back as the same contact: nothing to change.
  const preview = await app.chooseImportFile(vcard.filename, vcard.text);
  await expect(preview).toContainText('0 new, 0 updated, 1 unchanged.');
});

test('importing a CSV file shows what it will change, then saves it all', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openHome();
  await app.openContacts();
  const file = [
    CSV_HEADER,
    'insurer,Claims line,"Hiscox, UK",0800 123 4567,,claims@hiscox.example,,phone,24/7,"Policy ""HX-1""',
    'quote it",2026-02-01',
    'Registered manager,Jo Bloggs,,,07700 900456,,,mobile,,,01/02/2026',
  ].join('\r\n');
  const preview = await app.chooseImportFile('contacts.csv', `\uFEFF${file}\r\n`);
  await expect(preview).toContainText('2 new, 0 updated, 0 unchanged.');
  await expect(preview.getByRole('heading')).toBeFocused();
  expect(await readFile(join(dataDir, 'contacts.json'), 'utf8').catch(() => 'absent')).toBe(
    'absent',
  );

  await preview.getByRole('button', { name: 'Import 2 contacts' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 2 contacts from contacts.csv.' }),
  ).toBeVisible();
  await expect(preview).toBeHidden();
  await expect(app.contactEntry('Insurer incident line')).toContainText(
    '0800 123 4567 — works when our systems are down',
  );
  await expect(app.contactEntry('Insurer incident line')).toContainText('Policy "HX-1"');
  await expect(app.contactEntry('Registered manager')).toContainText('07700 900456');
  const saved = JSON.parse(await readFile(join(dataDir, 'contacts.json'), 'utf8')) as {
    contacts: Array<{ role: string }>;
  };
  expect(saved.contacts.map((contact) => contact.role)).toEqual(['insurer', 'registered-manager']);
});

test('a file with bad rows lists each problem by row, cannot be imported and changes nothing', async ({
  app,
  page,
  dataDir,
}) => {
  await app.openHome();
  await app.openContacts();
  await page.getByRole('link', { name: 'Add contact for IT supplier' }).click();
  await app.fillAndSaveContact({ name: 'Sam Patel', phone: '01632 960 123' });
  const before = await readFile(join(dataDir, 'contacts.json'), 'utf8');

  const file = [
    CSV_HEADER,
    'it-supplier,Alex Jones,,01632 960 999,,,,,,,2026-02-01',
    'insurer,,,0800 123 4567,,,,,,,2026-02-01',
    'plumber,Bob,,01632 960 125,,,,,,,2026-02-01',
    'it-supplier,Again,,0800 CALL NOW,,,,,,,2026-02-01',
  ].join('\n');
  const preview = await app.chooseImportFile('bad.csv', file);
  await expect(preview).toContainText('0 new, 1 updated, 0 unchanged.');
  const problems = preview
    .getByRole('list', { name: 'Problems in the file' })
    .getByRole('listitem');
  await expect(problems).toHaveText([
    'Row 3: name: enter a name',
    /^Row 4: role: there is no role “plumber”/,
    'Row 5: role: it-supplier is already given on row 2; each role may appear once',
    /^Row 5: phone: a phone number may use only digits/,
  ]);
  // Nothing can be imported, so no Import button is offered: the reason is said above.
  await expect(preview.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toBeHidden();
  await expect(app.contactEntry('IT supplier')).toContainText('Sam Patel');
  expect(await readFile(join(dataDir, 'contacts.json'), 'utf8')).toBe(before);
});
