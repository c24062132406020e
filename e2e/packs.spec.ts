import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildPack } from '../main/core/packs/runbookPack';
import { STRICT_TAGS, axeViolations } from './axe';
import { generateSigningKeys, signPack } from '../main/core/packs/packSignature';
import { expect, test } from './fixtures';

const repoRoot = resolve(import.meta.dirname, '..');
// Written so the link's text matches the number it dials: a link that shows one number and dials
// another is refused outright by the runbook checks, so this is the swap that gets as far as the
// preview, where it must be seen.
const PREMIUM = '[0909 879 0000](tel:09098790000)';

// A pack that swaps the national cyber line in a bundled runbook for a premium-rate number and
// replaces the provider's IT supplier: nothing may change until the user has seen both, and the
// contacts only when chosen on their own. It is signed by a care group whose key is trusted here:
// a signature says who sent a pack, not that every line in it is right.
test('a pack that changes a bundled runbook and a contact shows the diff and before → after, and imports contacts only when ticked', async ({
  app,
  page,
  harness,
}) => {
  const saved = await harness.core.handlers['contacts.save']({
    role: 'it-supplier',
    name: 'Real IT Ltd',
    organisation: 'Real IT',
    channels: [{ kind: 'phone', value: '0161 000 0000', outOfBand: true }],
    hours: '24/7',
    notes: '',
    lastVerified: '2026-01-10',
  });
  expect(saved.ok).toBe(true);
  const bundled = await readFile(join(repoRoot, 'runbooks', 'ransomware.md'), 'utf8');
  const hostile = bundled.replaceAll('{{contact:csoc}}', PREMIUM);
  const keys = generateSigningKeys();
  const trusted = await harness.core.handlers['settings.update']({
    careGroupKeys: [{ name: 'Oak Care Group', publicKeyPem: keys.publicKeyPem }],
  });
  const fingerprint = (trusted.ok && trusted.value.careGroupKeys?.[0]?.fingerprint) || 'none';
  const signed = signPack(
    buildPack(
      [{ name: 'ransomware.md', bytes: new TextEncoder().encode(hostile) }],
      new Date('2026-11-30T09:00:00Z'),
      'role,name,organisation,phone,out_of_band,last_verified\n' +
        'it-supplier,Acme IT,Acme,0300 999 1111,phone,2026-01-01\n',
    ),
    keys.privateKeyPem,
    'Oak Care Group',
    new Date('2026-11-30T10:00:00Z'),
  );
  if (!signed.ok) throw new Error(signed.problem);
  const pack = signed.zip;

  await app.openHome();
  await page.goto(`${page.url().replace(/#.*$/, '')}#/runbook-packs`);
  await page.getByLabel('Import a runbook pack (.zip)').setInputFiles({
    name: 'from-head-office.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(pack),
  });
  const preview = page.getByRole('region', {
    name: 'Check before importing: from-head-office.zip',
  });
  await expect(preview).toContainText('Replaces the version that comes with Holdfast');
  await expect(preview).toContainText(`Signed by Oak Care Group (${fingerprint})`);

  // The runbook: every changed line, the premium number among them, marked in words.
  const diff = preview.getByRole('region', { name: /^What the pack changes in Ransomware/ });
  await expect(
    diff.getByRole('listitem').filter({ hasText: 'tel:09098790000' }).first(),
  ).toContainText(/^Added line \d+:/);
  await expect(
    diff.getByRole('listitem').filter({ hasText: '{{contact:csoc}}' }).first(),
  ).toContainText(/^Removed line \d+:/);

  // The contact: as it is now and as it would be.
  const contacts = preview.getByRole('region', { name: 'Contacts in this pack' });
  await expect(contacts).toContainText('Now: Real IT Ltd (Real IT), phone 0161 000 0000');
  await expect(contacts).toContainText('After import: Acme IT (Acme), phone 0300 999 1111');
  const tick = contacts.getByLabel('Also import these contacts', { exact: false });
  await expect(tick).not.toBeChecked();
  expect((await axeViolations(page, STRICT_TAGS)).map((violation) => violation.id)).toEqual([]);

  await preview.getByRole('button', { name: 'Import these runbooks' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 runbook.' })).toBeVisible();
  const directory = await harness.core.handlers['contacts.list']({});
  expect(
    directory.ok &&
      directory.value.roles.find((role) => role.role === 'it-supplier')?.contact?.name,
  ).toBe('Real IT Ltd');

  // The reader says which pack changed the runbook, and when.
  await page.goto(`${page.url().replace(/#.*$/, '')}#/runbooks/ransomware`);
  await expect(page.locator('p', { hasText: 'Changed by a runbook pack:' })).toContainText(
    '“from-head-office.zip” (made 30 November 2026), imported',
  );
  await expect(page.locator('p', { hasText: 'Changed by a runbook pack:' })).toContainText(
    'The version that comes with Holdfast is kept.',
  );
});

test('the contacts in a pack are imported when the user ticks them', async ({
  app,
  page,
  harness,
}) => {
  const bundled = await readFile(join(repoRoot, 'runbooks', 'lost-device.md'), 'utf8');
  const pack = buildPack(
    [{ name: 'lost-device.md', bytes: new TextEncoder().encode(`${bundled}\nOne more line.\n`) }],
    new Date('2026-11-30T09:00:00Z'),
    'role,name,organisation,phone,out_of_band,last_verified\n' +
      'it-supplier,Acme IT,Acme,0300 999 1111,phone,2026-01-01\n',
  );
  await app.openHome();
  await page.goto(`${page.url().replace(/#.*$/, '')}#/runbook-packs`);
  await page
    .getByLabel('Import a runbook pack (.zip)')
    .setInputFiles({ name: 'p.zip', mimeType: 'application/zip', buffer: Buffer.from(pack) });
  const contacts = page.getByRole('region', { name: 'Contacts in this pack' });
  await expect(contacts).toContainText('Now: nobody yet');
  await contacts.getByLabel('Also import these contacts', { exact: false }).check();
  await page.getByRole('button', { name: 'Import these runbooks and contacts' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 1 runbook and 1 contact.' }),
  ).toBeVisible();
  const directory = await harness.core.handlers['contacts.list']({});
  expect(
    directory.ok &&
      directory.value.roles.find((role) => role.role === 'it-supplier')?.contact?.name,
  ).toBe('Acme IT');
});
