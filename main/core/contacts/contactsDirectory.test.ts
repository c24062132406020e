import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalContact } from '../../contract/types';
import { dispatch } from '../../contract/dispatch';
import { BUNDLED_DIR, restartingCores, startTestCore } from '../__fixtures__/testCore';
import { roleIdFor } from './contactsDirectory';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-contacts-'));
});
const cores = restartingCores(() => dataDir);
const start = cores.start;
afterEach(async () => {
  await cores.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const itSupplier: LocalContact = {
  role: 'it-supplier',
  name: 'Sam Patel',
  organisation: 'Acme IT',
  channels: [
    { kind: 'mobile', value: '07700 900123', outOfBand: true, note: 'on-call' },
    { kind: 'email', value: 'help@acme-it.example', outOfBand: false },
  ],
  hours: '24/7',
  notes: 'Contract number AC-1234',
  lastVerified: '2026-01-10',
};

describe('national contacts on a fresh install', () => {
  // The day the pack was last re-checked: the newest `checked` date in it. Every contact must
  // have been checked within 12 months of that day, so a fresh install shows no warning.
  const releaseDay = async (): Promise<Date> => {
    const pack = JSON.parse(
      await readFile(join(BUNDLED_DIR, 'national-contacts.json'), 'utf8'),
    ) as {
      contacts: Array<{ checked: string }>;
    };
    const newest = pack.contacts
      .map((contact) => contact.checked)
      .sort()
      .at(-1);
    return new Date(`${newest}T12:00:00Z`);
  };

  it('shows no re-check warning on any national contact, in the directory or in a runbook', async () => {
    const now = await releaseDay();
    const core = await startTestCore(dataDir, { now: () => now });
    try {
      const listed = await core.handlers['contacts.list']({});
      if (!listed.ok) throw new Error('list failed');
      expect(listed.value.national.length).toBeGreaterThanOrEqual(14);
      expect(listed.value.national.filter((contact) => contact.stale).map((c) => c.id)).toEqual([]);
      const library = await core.handlers['runbooks.list']({});
      if (!library.ok) throw new Error('runbooks.list failed');
      const staleInRunbooks: string[] = [];
      for (const summary of library.value.runbooks) {
        const view = await core.handlers['runbooks.get']({ id: summary.id });
        if (!view.ok) throw new Error(`runbooks.get ${summary.id} failed`);
        for (const contact of view.value.contacts)
          if (contact.national && contact.stale) staleInRunbooks.push(contact.role);
      }
      expect(staleInRunbooks).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('warns about a national contact once its facts were checked more than 12 months ago', async () => {
    const now = await releaseDay();
    const later = new Date(now);
    later.setUTCFullYear(later.getUTCFullYear() + 1);
    later.setUTCDate(later.getUTCDate() + 1);
    const core = await startTestCore(dataDir, { now: () => later });
    try {
      const listed = await core.handlers['contacts.list']({});
      if (!listed.ok) throw new Error('list failed');
      expect(listed.value.national.every((contact) => contact.stale)).toBe(true);
    } finally {
      await core.close();
    }
  });
});

describe('contacts directory through the core handlers', () => {
  it('lists every local role as missing at first, and national contacts read-only with source and date', async () => {
    const { handlers } = await start();
    const listed = await handlers['contacts.list']({});
    if (!listed.ok) throw new Error('list failed');
    expect(listed.value.roles).toHaveLength(15);
    expect(
      listed.value.roles.every((entry) => entry.status === 'missing' && entry.contact === null),
    ).toBe(true);
    expect(listed.value.roles[0]).toMatchObject({
      role: 'it-supplier',
      label: 'IT supplier',
      isCustom: false,
    });
    const csoc = listed.value.national.find((contact) => contact.id === 'csoc');
    expect(csoc).toMatchObject({ source: expect.stringMatching(/^https:\/\//) as unknown });
    expect(csoc).toMatchObject({
      checked: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      pageDate: null,
    });
  });

  it('opens a contacts file holding hidden characters whole, with them removed', async () => {
    // Saved before numbers with hidden characters were refused, or edited by hand.
    const older = {
      ...itSupplier,
      organisation: 'Acme \u202eIT',
      channels: [{ kind: 'other', value: 'Radio \u202e4 channel', outOfBand: true }],
    };
    await writeFile(
      join(dataDir, 'contacts.json'),
      JSON.stringify({ formatVersion: 1, customRoles: [], contacts: [older] }),
    );
    const { handlers } = await start();
    const listed = await handlers['contacts.list']({});
    if (!listed.ok) throw new Error('list failed');
    expect(listed.value.roles[0]?.contact).toMatchObject({
      organisation: 'Acme IT',
      channels: [{ kind: 'other', value: 'Radio 4 channel', outOfBand: true }],
    });
    expect(await readdir(dataDir)).not.toContain('quarantine');
  });

  it('saves a contact durably, keeps it across a restart, and deletes it', async () => {
    const { handlers } = await start();
    const saved = await handlers['contacts.save'](itSupplier);
    expect(
      saved.ok && saved.value.roles.find((entry) => entry.role === 'it-supplier'),
    ).toMatchObject({ status: 'current', contact: itSupplier });
    // The write has finished when the call returns: the file and its last-good copy hold it.
    const onDisk = JSON.parse(await readFile(join(dataDir, 'contacts.json'), 'utf8')) as {
      contacts: LocalContact[];
    };
    expect(onDisk.contacts).toEqual([itSupplier]);
    expect(await readFile(join(dataDir, 'contacts.json.bak'), 'utf8')).toBe(
      await readFile(join(dataDir, 'contacts.json'), 'utf8'),
    );
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const restarted = await start();
    const listed = await restarted.handlers['contacts.list']({});
    expect(listed.ok && listed.value.roles[0]?.contact).toEqual(itSupplier);

    const updated = await restarted.handlers['contacts.save']({
      ...itSupplier,
      name: 'Alex Jones',
    });
    expect(
      updated.ok &&
        updated.value.roles.filter((entry) => entry.contact).map((entry) => entry.contact?.name),
    ).toEqual(['Alex Jones']);

    const deleted = await restarted.handlers['contacts.delete']({ role: 'it-supplier' });
    expect(deleted.ok && deleted.value.roles[0]).toMatchObject({
      status: 'missing',
      contact: null,
    });
  });

  it('marks a contact last checked more than 12 months ago as stale', async () => {
    const { handlers } = await start();
    const saved = await handlers['contacts.save']({ ...itSupplier, lastVerified: '2025-02-28' });
    expect(saved.ok && saved.value.roles[0]?.status).toBe('stale');
    const fresh = await handlers['contacts.save']({ ...itSupplier, lastVerified: '2025-03-01' });
    expect(fresh.ok && fresh.value.roles[0]?.status).toBe('current');
  });

  it('sends the same staleness inside runbooks, judged with the core’s clock (exactly 12 months is not yet stale)', async () => {
    // The test core's clock reads 1 March 2026.
    const { handlers } = await start();
    const supplierIn = async (lastVerified: string) => {
      await handlers['contacts.save']({ ...itSupplier, lastVerified });
      const runbook = await handlers['runbooks.get']({ id: 'ransomware' });
      return runbook.ok ? runbook.value.contacts.find((ref) => ref.role === 'it-supplier') : null;
    };
    expect(await supplierIn('2025-03-01')).toMatchObject({ national: false, stale: false });
    expect(await supplierIn('2025-02-28')).toMatchObject({ national: false, stale: true });
  });

  it('adds a role of the provider’s own, with an id that clashes with nothing, and removes it on delete', async () => {
    const { handlers } = await start();
    const added = await handlers['contacts.addRole']({ label: 'Out-of-hours GP' });
    if (!added.ok) throw new Error('addRole failed');
    expect(added.value.role).toBe('out-of-hours-gp');
    expect(added.value.directory.roles.at(-1)).toMatchObject({
      role: 'out-of-hours-gp',
      label: 'Out-of-hours GP',
      isCustom: true,
      status: 'missing',
    });
    const again = await handlers['contacts.addRole']({ label: 'Out of hours GP!' });
    expect(again.ok && again.value.role).toBe('out-of-hours-gp-2');
    const clash = await handlers['contacts.addRole']({ label: 'CSOC' });
    expect(clash.ok && clash.value.role).toBe('csoc-2');

    const saved = await handlers['contacts.save']({
      ...itSupplier,
      role: 'out-of-hours-gp',
      name: 'Dr Rao',
    });
    expect(saved.ok).toBe(true);
    const deleted = await handlers['contacts.delete']({ role: 'out-of-hours-gp' });
    expect(
      deleted.ok && deleted.value.roles.some((entry) => entry.role === 'out-of-hours-gp'),
    ).toBe(false);
  });

  it('refuses to change national contacts or unknown roles', async () => {
    const { handlers } = await start();
    expect(await handlers['contacts.save']({ ...itSupplier, role: 'csoc' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await handlers['contacts.delete']({ role: 'csoc' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await handlers['contacts.save']({ ...itSupplier, role: 'made-up' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('rejects bad phone numbers, empty names and huge input with plain messages before any write', async () => {
    const { handlers } = await start();
    const cases: Array<[unknown, string]> = [
      [
        { ...itSupplier, channels: [{ kind: 'phone', value: 'ring Sam', outOfBand: false }] },
        'a phone number may use only digits',
      ],
      [
        { ...itSupplier, channels: [{ kind: 'mobile', value: '12', outOfBand: false }] },
        'with 3 to 20 digits',
      ],
      [
        { ...itSupplier, channels: [{ kind: 'email', value: 'sam at acme', outOfBand: false }] },
        'an email address looks like',
      ],
      [{ ...itSupplier, name: '  ' }, 'name: enter a name'],
      [{ ...itSupplier, notes: 'x'.repeat(100_000) }, 'notes: must be 2000 characters or fewer'],
    ];
    for (const [input, message] of cases) {
      const result = await dispatch(handlers, 'contacts.save', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(!result.ok && result.error.message).toContain(message);
    }
    await expect(readFile(join(dataDir, 'contacts.json'))).rejects.toThrow();
  });

  it('stores <script> in a name as text and renders it escaped in a runbook', async () => {
    const { handlers } = await start();
    await handlers['contacts.save']({
      ...itSupplier,
      name: '<script>alert(1)</script>',
      organisation: '<img src=x onerror=alert(2)>',
    });
    const onDisk = JSON.parse(await readFile(join(dataDir, 'contacts.json'), 'utf8')) as {
      contacts: LocalContact[];
    };
    expect(onDisk.contacts[0]?.name).toBe('<script>alert(1)</script>');
    const view = await handlers['runbooks.get']({ id: 'ransomware' });
    if (!view.ok) throw new Error('runbook failed');
    const html = JSON.stringify(view.value.html);
    expect(html).not.toMatch(/<script|<img/);
    expect(view.value.html.steps['call-it-supplier']?.text).toContain(
      '<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi> (<bdi>&lt;img src=x onerror=alert(2)&gt;</bdi>) — <span class="contact-number"><bdi dir="ltr">07700 900123</bdi></span> (<bdi>24/7</bdi>)',
    );
  });

  it('shows the local contact inline in runbook steps and in the runbook contacts, national ones unchanged', async () => {
    const { handlers } = await start();
    const before = await handlers['runbooks.get']({ id: 'ransomware' });
    if (!before.ok) throw new Error('runbook failed');
    expect(before.value.html.steps['call-it-supplier']?.text).toContain('add your local number');
    await handlers['contacts.save'](itSupplier);
    const after = await handlers['runbooks.get']({ id: 'ransomware' });
    if (!after.ok) throw new Error('runbook failed');
    expect(after.value.html.steps['call-it-supplier']?.text).toContain(
      '<strong><bdi>IT supplier</bdi></strong>: <bdi>Sam Patel</bdi> (<bdi>Acme IT</bdi>) — <span class="contact-number"><bdi dir="ltr">07700 900123</bdi></span> (<bdi>24/7</bdi>)',
    );
    expect(after.value.contacts.find((ref) => ref.role === 'it-supplier')).toMatchObject({
      national: false,
      name: 'Sam Patel',
      organisation: 'Acme IT',
      channels: itSupplier.channels,
    });
    expect(after.value.contacts.find((ref) => ref.role === 'csoc')).toMatchObject({
      national: true,
    });
    expect(after.value.html.steps['call-insurer']?.text).toContain('href="#/contacts/insurer"');
  });

  it('answers STORAGE_FAILED and changes nothing when the file cannot be replaced', async () => {
    const { handlers } = await start();
    await handlers['contacts.save'](itSupplier);
    // A folder in the file's place makes the final rename fail, even for root (unlike permissions).
    await rm(join(dataDir, 'contacts.json'));
    await mkdir(join(dataDir, 'contacts.json', 'blocker'), { recursive: true });
    const result = await handlers['contacts.save']({ ...itSupplier, name: 'Alex Jones' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'STORAGE_FAILED',
        message: expect.stringContaining('could not be saved') as unknown,
      },
    });
    const listed = await handlers['contacts.list']({});
    expect(listed.ok && listed.value.roles[0]?.contact?.name).toBe('Sam Patel');
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('tells the user at start-up when a damaged contacts file was replaced by the last good copy', async () => {
    const first = await start();
    await first.handlers['contacts.save'](itSupplier);
    await writeFile(join(dataDir, 'contacts.json'), '{"formatVersion":1,"contacts":[{"ro');
    const { handlers } = await start();
    const status = await handlers['app.status']({});
    expect(status.ok && status.value.notices).toEqual([
      {
        level: 'warning',
        message: expect.stringContaining('Your contacts file was damaged') as unknown,
      },
    ]);
    const listed = await handlers['contacts.list']({});
    expect(listed.ok && listed.value.roles[0]?.contact).toEqual(itSupplier);
    expect(await readdir(join(dataDir, 'quarantine'))).toHaveLength(1);
  });

  it('keeps every one of many concurrent saves', async () => {
    const { handlers } = await start();
    const roles = [
      'it-supplier',
      'insurer',
      'bank-fraud-line',
      'commissioner',
      'ig-lead',
      'registered-manager',
    ];
    const results = await Promise.all(
      roles.map((role) => handlers['contacts.save']({ ...itSupplier, role })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const onDisk = JSON.parse(await readFile(join(dataDir, 'contacts.json'), 'utf8')) as {
      contacts: LocalContact[];
    };
    expect(onDisk.contacts.map((contact) => contact.role).sort()).toEqual([...roles].sort());
  });
});

describe('contacts import and export through the core handlers', () => {
  const HEADER =
    'role,name,organisation,phone,mobile,email,other,out_of_band,hours,notes,last_verified';
  const contactsFile = () => readFile(join(dataDir, 'contacts.json'), 'utf8');

  it('exports what is saved, previews an import without writing, then applies it in one write', async () => {
    const { handlers } = await start();
    await handlers['contacts.save'](itSupplier);
    const exported = await handlers['contacts.export']({ format: 'csv' });
    expect(exported).toMatchObject({
      ok: true,
      value: { filename: 'holdfast-contacts-2026-03-01.csv', mimeType: 'text/csv;charset=utf-8' },
    });
    if (!exported.ok) throw new Error('export failed');
    expect(exported.value.text).toContain('07700 900123');

    const text = [
      exported.value.text.replace('24/7', 'Mon-Fri 9-5'),
      'insurer,Claims line,,0800 123 4567,,,,phone,,,2026-02-01',
    ].join('');
    const before = await contactsFile();
    const preview = await handlers['contacts.previewImport']({ format: 'csv', text });
    expect(preview).toEqual({
      ok: true,
      value: { new: 1, updated: 1, unchanged: 0, problems: [] },
    });
    expect(await contactsFile()).toBe(before);

    const imported = await handlers['contacts.import']({ format: 'csv', text });
    expect(imported.ok && imported.value.counts).toEqual({ new: 1, updated: 1, unchanged: 0 });
    const onDisk = JSON.parse(await contactsFile()) as { contacts: LocalContact[] };
    expect(onDisk.contacts.map((contact) => [contact.role, contact.hours])).toEqual([
      ['it-supplier', 'Mon-Fri 9-5'],
      ['insurer', ''],
    ]);

    const vcard = await handlers['contacts.export']({ format: 'vcard' });
    if (!vcard.ok) throw new Error('export failed');
    expect(vcard.value.filename).toBe('holdfast-contacts-2026-03-01.vcf');
    const again = await handlers['contacts.previewImport']({
      format: 'vcard',
      text: vcard.value.text,
    });
    expect(again).toEqual({ ok: true, value: { new: 0, updated: 0, unchanged: 2, problems: [] } });
  });

  it('writes nothing when any row is bad, and says which rows', async () => {
    const { handlers } = await start();
    await handlers['contacts.save'](itSupplier);
    const before = await contactsFile();
    const text = [
      HEADER,
      'insurer,Claims line,,0800 123 4567,,,,,,,2026-02-01',
      'ig-lead,Pat,,not a number,,,,,,,2026-02-01',
      'it-supplier,,,01632 960123,,,,,,,2026-02-01',
    ].join('\r\n');
    const preview = await handlers['contacts.previewImport']({ format: 'csv', text });
    expect(preview.ok && preview.value).toMatchObject({
      new: 1,
      updated: 0,
      problems: [
        { row: 3, field: 'phone' },
        { row: 4, field: 'name' },
      ],
    });
    const imported = await handlers['contacts.import']({ format: 'csv', text });
    expect(imported).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!imported.ok && imported.error.message).toMatch(
      /^Nothing was imported: the file has 2 problems\. Row 3: phone: .* Row 4: name: enter a name$/,
    );
    expect(await contactsFile()).toBe(before);
    const listed = await handlers['contacts.list']({});
    expect(
      listed.ok && listed.value.roles.find((entry) => entry.role === 'insurer')?.contact,
    ).toBeNull();
  });

  it('saveMany keeps memory and disk as they were when the one write fails', async () => {
    const { handlers } = await start();
    await handlers['contacts.save'](itSupplier);
    const before = await readFile(join(dataDir, 'contacts.json.bak'), 'utf8');
    await rm(join(dataDir, 'contacts.json'));
    await mkdir(join(dataDir, 'contacts.json', 'blocker'), { recursive: true });
    const text = `${HEADER}\ninsurer,Claims line,,0800 123 4567,,,,,,,2026-02-01\nig-lead,Pat,,01632 960123,,,,,,,2026-02-01\n`;
    const imported = await handlers['contacts.import']({ format: 'csv', text });
    expect(imported).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });
    const listed = await handlers['contacts.list']({});
    if (!listed.ok) throw new Error('list failed');
    expect(listed.value.roles.filter((entry) => entry.contact).map((entry) => entry.role)).toEqual([
      'it-supplier',
    ]);
    expect(await readFile(join(dataDir, 'contacts.json.bak'), 'utf8')).toBe(before);
  });

  it('refuses an empty file and a file over the size limit before parsing', async () => {
    const { handlers } = await start();
    expect(await handlers['contacts.import']({ format: 'csv', text: `${HEADER}\n` })).toMatchObject(
      {
        ok: false,
        error: { message: 'Nothing was imported: the file has no contacts in it.' },
      },
    );
    const huge = await dispatch(handlers, 'contacts.previewImport', {
      format: 'vcard',
      text: 'x'.repeat(600 * 1024),
    });
    expect(huge).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('larger than 512 KB') as unknown,
      },
    });
  });
});

describe('roleIdFor', () => {
  it('makes a slug from any label and avoids ids already taken', () => {
    expect(roleIdFor('Out-of-hours GP', () => false)).toBe('out-of-hours-gp');
    expect(roleIdFor('Café owner', () => false)).toBe('cafe-owner');
    expect(roleIdFor('☎☎', () => false)).toBe('role');
    expect(roleIdFor('x'.repeat(200), () => false)).toHaveLength(56);
    expect(roleIdFor('Insurer', (id) => id === 'insurer')).toBe('insurer-2');
  });
});
