import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalContact } from '../../contract/types';
import { restartingCores, startTestCore } from '../__fixtures__/testCore';
import { runbookSource, SIMPLE_BODY } from '../runbooks/__fixtures__/runbookSource';

let dataDir: string;
let clock: Date;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-grabbag-'));
  clock = new Date('2026-03-01T02:15:30.000Z');
});
const cores = restartingCores(
  () => dataDir,
  () => ({ now: () => clock }),
);
const start = cores.start;
afterEach(async () => {
  await cores.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const itSupplier: LocalContact = {
  role: 'it-supplier',
  name: 'Sam Patel',
  organisation: 'Acme IT',
  channels: [{ kind: 'phone', value: '01632 960 123', outOfBand: true }],
  hours: '24/7',
  notes: '',
  lastVerified: '2026-02-01',
};

describe('the grab-bag pack', () => {
  it('holds the organisation, contacts, systems and every runbook rendered with local details, "First 15 minutes" first', async () => {
    const { handlers } = await start();
    await handlers['settings.update']({ organisationName: 'Rose Lodge' });
    await handlers['contacts.save'](itSupplier);
    await handlers['systems.save']({
      system: 'emar',
      inUse: true,
      supplierRole: 'emar-supplier',
      impact: 9,
      fallback: 'Paper MAR',
      paperLocation: 'Red folder, clinic room',
      notes: '',
      lastReviewed: '2026-02-01',
    });
    const pack = await handlers['grabbag.get']({});
    if (!pack.ok) throw new Error('get failed');
    expect(pack.value).toMatchObject({
      organisationName: 'Rose Lodge',
      generatedAt: '2026-03-01T02:15:30.000Z',
      version: 1,
      lastPrinted: null,
      changedSince: [],
    });
    expect(pack.value.runbooks[0]?.id).toBe('first-15-minutes');
    expect(pack.value.runbooks.length).toBeGreaterThanOrEqual(20);
    const ransomware = pack.value.runbooks.find((runbook) => runbook.id === 'ransomware');
    expect(ransomware?.html.steps['call-it-supplier']?.text).toContain(
      '<bdi>Sam Patel</bdi> (<bdi>Acme IT</bdi>) — <span class="contact-number"><bdi dir="ltr">01632 960 123</bdi></span> (<bdi>24/7</bdi>)',
    );
    expect(ransomware?.html.steps['go-to-paper']?.details).toContain(
      '<span class="system-ref"><bdi>Red folder, clinic room</bdi></span>',
    );
    expect(pack.value.systems.find((entry) => entry.system === 'emar')?.record?.paperLocation).toBe(
      'Red folder, clinic room',
    );
    expect(
      pack.value.contacts.roles.find((entry) => entry.role === 'it-supplier')?.contact,
    ).toEqual(itSupplier);
    expect(pack.value.contacts.national.length).toBeGreaterThan(0);
  });

  it('leaves out runbooks that are not for the provider’s type of service', async () => {
    const { handlers } = await start();
    await writeFile(
      join(dataDir, 'runbooks', 'dental-only.md'),
      runbookSource({
        id: 'dental-only',
        extraFront: ['providerTypes: [dental]'],
        body: SIMPLE_BODY,
      }),
    );
    await handlers['runbooks.reload']({});
    await handlers['settings.update']({ providerType: 'care-home' });
    const pack = await handlers['grabbag.get']({});
    expect(pack.ok && pack.value.runbooks.map((runbook) => runbook.id)).not.toContain(
      'dental-only',
    );
    await handlers['settings.update']({ providerType: 'dental' });
    const dental = await handlers['grabbag.get']({});
    expect(dental.ok && dental.value.runbooks.map((runbook) => runbook.id)).toContain(
      'dental-only',
    );
  });

  it('records a print durably, then says which sections changed since, and numbers the next pack', async () => {
    const first = await start();
    const before = await first.handlers['grabbag.status']({});
    if (!before.ok) throw new Error('status failed');
    expect(before.value).toMatchObject({ version: 1, lastPrinted: null, changedSince: [] });

    const printed = await first.handlers['grabbag.markPrinted']({
      fingerprint: before.value.fingerprint,
      how: 'pdf',
    });
    expect(printed).toMatchObject({
      ok: true,
      value: {
        version: 1,
        changedSince: [],
        lastPrinted: { at: '2026-03-01T02:15:30.000Z', version: 1, how: 'pdf' },
      },
    });
    const onDisk = JSON.parse(await readFile(join(dataDir, 'grabbag.json'), 'utf8')) as {
      lastPrinted: { fingerprint: unknown };
    };
    expect(onDisk.lastPrinted.fingerprint).toEqual(before.value.fingerprint);
    expect(await readFile(join(dataDir, 'grabbag.json.bak'), 'utf8')).toBe(
      await readFile(join(dataDir, 'grabbag.json'), 'utf8'),
    );

    // A restart keeps the record; the next day nothing has changed, so nothing is due.
    clock = new Date('2026-03-02T09:00:00.000Z');
    const { handlers } = await start();
    expect(await handlers['grabbag.status']({})).toMatchObject({
      ok: true,
      value: { version: 1, changedSince: [] },
    });

    await handlers['contacts.save'](itSupplier);
    await handlers['systems.save']({
      system: 'rota',
      inUse: true,
      supplierRole: null,
      impact: 6,
      fallback: '',
      paperLocation: 'Office wall',
      notes: '',
      lastReviewed: '2026-03-02',
    });
    const changed = await handlers['grabbag.status']({});
    expect(changed).toMatchObject({
      ok: true,
      value: { version: 2, changedSince: ['contacts', 'systems'], lastPrinted: { version: 1 } },
    });

    await writeFile(
      join(dataDir, 'runbooks', 'ours.md'),
      runbookSource({ id: 'ours', body: SIMPLE_BODY }),
    );
    await handlers['runbooks.reload']({});
    await handlers['settings.update']({ organisationName: 'Rose Lodge' });
    const more = await handlers['grabbag.status']({});
    expect(more.ok && more.value.changedSince).toEqual([
      'settings',
      'contacts',
      'systems',
      'runbooks',
    ]);

    if (!more.ok) throw new Error('status failed');
    const again = await handlers['grabbag.markPrinted']({
      fingerprint: more.value.fingerprint,
      how: 'print',
    });
    expect(again).toMatchObject({
      ok: true,
      value: {
        version: 2,
        changedSince: [],
        lastPrinted: { version: 2, how: 'print', at: '2026-03-02T09:00:00.000Z' },
      },
    });
    // Printing the same content again keeps its number.
    const same = await handlers['grabbag.markPrinted']({
      fingerprint: more.value.fingerprint,
      how: 'pdf',
    });
    expect(same.ok && same.value.lastPrinted?.version).toBe(2);
  });

  it('does not count a contact going stale as a change: only what is printed is compared', async () => {
    const { handlers } = await start();
    await handlers['contacts.save']({ ...itSupplier, lastVerified: '2025-03-05' });
    const status = await handlers['grabbag.status']({});
    if (!status.ok) throw new Error('status failed');
    await handlers['grabbag.markPrinted']({ fingerprint: status.value.fingerprint, how: 'print' });
    clock = new Date('2026-04-01T00:00:00.000Z');
    const later = await start();
    expect(await later.handlers['grabbag.status']({})).toMatchObject({
      ok: true,
      value: { changedSince: [] },
    });
  });

  it('records what was printed even if content changed in between, so the reminder still shows', async () => {
    const { handlers } = await start();
    const status = await handlers['grabbag.status']({});
    if (!status.ok) throw new Error('status failed');
    await handlers['contacts.save'](itSupplier);
    const printed = await handlers['grabbag.markPrinted']({
      fingerprint: status.value.fingerprint,
      how: 'print',
    });
    expect(printed).toMatchObject({
      ok: true,
      value: { changedSince: ['contacts'], lastPrinted: { version: 1 } },
    });
  });
});

describe('documents.savePdf', () => {
  it('hands the host a name that ends in .pdf and passes its answer back', async () => {
    const savePdf = vi.fn(async (name: string) => ({ saved: true, path: `/media/usb/${name}` }));
    const { handlers } = await startTestCore(dataDir, { savePdf });
    expect(
      await handlers['documents.savePdf']({ suggestedName: 'Rose Lodge grab-bag pack' }),
    ).toEqual({
      ok: true,
      value: { saved: true, path: '/media/usb/Rose Lodge grab-bag pack.pdf' },
    });
    await handlers['documents.savePdf']({ suggestedName: 'incident report.PDF' });
    expect(savePdf).toHaveBeenLastCalledWith('incident report.PDF');
  });
});
