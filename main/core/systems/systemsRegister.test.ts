import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../contract/dispatch';
import type { SystemRecord, SystemsRegister } from '../../contract/types';
import { SYSTEMS } from '../../contract/vocabulary';
import { restartingCores } from '../__fixtures__/testCore';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-systems-'));
});
const cores = restartingCores(() => dataDir);
const start = cores.start;
afterEach(async () => {
  await cores.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const emar: SystemRecord = {
  system: 'emar',
  inUse: true,
  supplierRole: 'emar-supplier',
  impact: 9,
  fallback: 'Paper MAR charts, printed every Monday by the deputy manager',
  paperLocation: 'Red folder in the locked cabinet, clinic room',
  notes: '',
  lastReviewed: '2026-02-01',
};

const entryOf = (register: SystemsRegister, system: string) =>
  register.systems.find((entry) => entry.system === system);

describe('systems register through the core handlers', () => {
  it('lists every Holdfast system as not recorded at first, with the supplier role it suggests', async () => {
    const { handlers } = await start();
    const listed = await handlers['systems.list']({});
    if (!listed.ok) throw new Error('list failed');
    expect(listed.value.systems.map((entry) => entry.system)).toEqual(Object.keys(SYSTEMS));
    expect(
      listed.value.systems.every((entry) => entry.status === 'missing' && entry.record === null),
    ).toBe(true);
    expect(entryOf(listed.value, 'emar')).toMatchObject({
      label: 'eMAR (electronic medicines records)',
      suggestedSupplierRole: 'emar-supplier',
      isCustom: false,
      supplier: null,
    });
    expect(listed.value.supplierRoles).toContainEqual({
      role: 'it-supplier',
      label: 'IT supplier',
    });
  });

  it('saves an entry durably with a last-good copy, keeps it across a restart, and deletes it', async () => {
    const { handlers } = await start();
    const saved = await handlers['systems.save'](emar);
    expect(saved.ok && entryOf(saved.value, 'emar')).toMatchObject({
      status: 'recorded',
      record: emar,
      isStale: false,
    });
    const onDisk = JSON.parse(await readFile(join(dataDir, 'systems.json'), 'utf8')) as {
      records: SystemRecord[];
    };
    expect(onDisk.records).toEqual([emar]);
    expect(await readFile(join(dataDir, 'systems.json.bak'), 'utf8')).toBe(
      await readFile(join(dataDir, 'systems.json'), 'utf8'),
    );

    const again = await start();
    const listed = await again.handlers['systems.list']({});
    expect(listed.ok && entryOf(listed.value, 'emar')?.record).toEqual(emar);

    const deleted = await again.handlers['systems.delete']({ system: 'emar' });
    expect(deleted.ok && entryOf(deleted.value, 'emar')).toMatchObject({
      status: 'missing',
      record: null,
    });
  });

  it('shows the supplier’s contact from the contacts directory', async () => {
    const { handlers } = await start();
    await handlers['contacts.save']({
      role: 'emar-supplier',
      name: 'Helpdesk',
      organisation: 'MedsCo',
      channels: [{ kind: 'phone', value: '01632 960 555', outOfBand: true }],
      hours: '24/7',
      notes: '',
      lastVerified: '2026-02-01',
    });
    const saved = await handlers['systems.save'](emar);
    expect(saved.ok && entryOf(saved.value, 'emar')?.supplier).toMatchObject({
      role: 'emar-supplier',
      name: 'Helpdesk',
      channels: [{ value: '01632 960 555' }],
    });
  });

  it('tells apart a system with no paper location, one not used here, and one last reviewed over a year ago', async () => {
    const { handlers } = await start();
    await handlers['systems.save']({ ...emar, paperLocation: '' });
    await handlers['systems.save']({
      ...emar,
      system: 'door-entry',
      inUse: false,
      impact: null,
      supplierRole: null,
    });
    const listed = await handlers['systems.save']({
      ...emar,
      system: 'rota',
      supplierRole: 'rota-supplier',
      lastReviewed: '2024-12-01',
    });
    if (!listed.ok) throw new Error('save failed');
    expect(entryOf(listed.value, 'emar')?.status).toBe('no-paper-location');
    expect(entryOf(listed.value, 'door-entry')?.status).toBe('not-used');
    expect(entryOf(listed.value, 'rota')).toMatchObject({ status: 'recorded', isStale: true });
  });

  it('adds a system of the provider’s own with a fresh id, and removes it on delete', async () => {
    const { handlers } = await start();
    const added = await handlers['systems.add']({ label: 'Lift alarm' });
    if (!added.ok) throw new Error('add failed');
    expect(added.value.system).toBe('lift-alarm');
    expect(entryOf(added.value.register, 'lift-alarm')).toMatchObject({
      label: 'Lift alarm',
      isCustom: true,
      status: 'missing',
    });
    const clash = await handlers['systems.add']({ label: 'Email' });
    expect(clash.ok && clash.value.system).toBe('email-2');
    const saved = await handlers['systems.save']({
      ...emar,
      system: 'lift-alarm',
      supplierRole: null,
    });
    expect(saved.ok && entryOf(saved.value, 'lift-alarm')?.status).toBe('recorded');
    const deleted = await handlers['systems.delete']({ system: 'lift-alarm' });
    expect(deleted.ok && entryOf(deleted.value, 'lift-alarm')).toBeUndefined();
    expect(JSON.parse(await readFile(join(dataDir, 'systems.json'), 'utf8'))).toMatchObject({
      customSystems: [{ id: 'email-2' }],
      records: [],
    });
  });

  it('refuses unknown systems and supplier roles that are not in the contacts directory', async () => {
    const { handlers } = await start();
    expect(await handlers['systems.save']({ ...emar, system: 'lift' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await handlers['systems.save']({ ...emar, supplierRole: 'csoc' })).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: expect.stringContaining('Add it in Contacts first') as unknown,
      },
    });
    expect(await handlers['systems.delete']({ system: 'lift' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('rejects empty names, missing impact and huge input through the API before any write', async () => {
    const { handlers } = await start();
    const empty = await dispatch(handlers, 'systems.add', { label: '   ' });
    expect(!empty.ok && empty.error.message).toBe(
      'systems.add: label: enter a name for the system',
    );
    const noImpact = await dispatch(handlers, 'systems.save', { ...emar, impact: null });
    expect(!noImpact.ok && noImpact.error.message).toBe(
      'systems.save: impact: choose how bad it is if this system is down, from 1 to 10',
    );
    const huge = await dispatch(handlers, 'systems.save', {
      ...emar,
      paperLocation: 'x'.repeat(1_000_000),
    });
    expect(!huge.ok && huge.error.message).toBe(
      'systems.save: paperLocation: must be 300 characters or fewer',
    );
    expect(await readdir(dataDir)).not.toContain('systems.json');
  });

  it('stores <script> in a field as text and renders it escaped where a runbook shows it', async () => {
    const { handlers } = await start();
    const hostile = '<script>window.hacked = true</script><img src=x onerror=alert(1)>';
    const saved = await dispatch(handlers, 'systems.save', { ...emar, paperLocation: hostile });
    expect(saved.ok).toBe(true);
    const listed = await handlers['systems.list']({});
    expect(listed.ok && entryOf(listed.value, 'emar')?.record?.paperLocation).toBe(hostile);
    const view = await handlers['runbooks.get']({ id: 'care-on-paper' });
    if (!view.ok) throw new Error('get failed');
    const details = view.value.html.steps['paper-mar']?.details ?? '';
    expect(details).toContain(
      '&lt;script&gt;window.hacked = true&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(details).not.toMatch(/<script|<img/);
  });

  it('answers STORAGE_FAILED and changes nothing when the file cannot be replaced', async () => {
    const { handlers } = await start();
    await handlers['systems.save'](emar);
    await rm(join(dataDir, 'systems.json'));
    await mkdir(join(dataDir, 'systems.json', 'blocker'), { recursive: true });
    const result = await handlers['systems.save']({ ...emar, paperLocation: 'Somewhere else' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'STORAGE_FAILED',
        message: expect.stringContaining('could not be saved') as unknown,
      },
    });
    const listed = await handlers['systems.list']({});
    expect(listed.ok && entryOf(listed.value, 'emar')?.record?.paperLocation).toBe(
      emar.paperLocation,
    );
  });

  it('quarantines a damaged systems.json, restores the last good copy and says so at start-up', async () => {
    const first = await start();
    await first.handlers['systems.save'](emar);
    const damaged = '{"formatVersion":1,"records":[{"sys';
    await writeFile(join(dataDir, 'systems.json'), damaged);
    const { handlers } = await start();
    const status = await handlers['app.status']({});
    expect(status.ok && status.value.notices).toEqual([
      {
        level: 'warning',
        message: expect.stringContaining(
          'Your systems register file was damaged (not valid JSON). Holdfast restored the last good copy',
        ) as unknown,
      },
    ]);
    const listed = await handlers['systems.list']({});
    expect(listed.ok && entryOf(listed.value, 'emar')?.record).toEqual(emar);
    const kept = await readdir(join(dataDir, 'quarantine'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dataDir, 'quarantine', kept[0]!), 'utf8')).toBe(damaged);
  });

  it('starts empty and says so when the file is damaged and there is no good copy', async () => {
    await writeFile(
      join(dataDir, 'systems.json'),
      JSON.stringify({ formatVersion: 1, customSystems: [], records: [{ ...emar, impact: 42 }] }),
    );
    const { handlers, notices } = await start();
    expect(notices).toEqual([
      {
        level: 'warning',
        message: expect.stringContaining(
          'unexpected content) and no good copy was found',
        ) as unknown,
      },
    ]);
    const listed = await handlers['systems.list']({});
    expect(listed.ok && listed.value.systems.every((entry) => entry.record === null)).toBe(true);
  });
});
