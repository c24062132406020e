import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentView } from '../../contract/incidentTypes';
import type { Result } from '../../contract/result';
import { startTestCore } from '../__fixtures__/testCore';
import type { Core } from '../createCore';

let dataDir: string;
let core: Core;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-presenter-'));
  core = await startTestCore(dataDir);
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const snapshotView = (view: IncidentView) => {
  const shown = view.runbooks[0]?.view;
  if (!shown) throw new Error('the snapshot was not shown');
  return shown;
};

describe('runbooks rendered once', () => {
  it('reuses an incident snapshot as rendered until a contact, setting or system it shows changes', async () => {
    const { handlers } = core;
    const { id } = value(
      await handlers['incidents.start']({
        name: 'Locked',
        runbook: 'ransomware',
        lead: 'Ann',
        author: 'Ann',
      }),
    );
    const get = async () => snapshotView(value(await handlers['incidents.get']({ id })));
    const first = await get();
    expect(await get()).toBe(first);

    value(
      await handlers['contacts.save']({
        role: 'it-supplier',
        name: 'Kim at PCFix',
        organisation: 'PCFix',
        channels: [{ kind: 'phone', value: '01632 960 321', outOfBand: true }],
        hours: '24/7',
        notes: '',
        lastVerified: '2026-02-01',
      }),
    );
    const withContact = await get();
    expect(withContact).not.toBe(first);
    expect(withContact.html.steps['call-it-supplier']?.text).toContain('01632 960 321');
    expect(await get()).toBe(withContact);

    value(
      await handlers['systems.save']({
        system: 'care-records',
        inUse: true,
        supplierRole: 'care-record-supplier',
        impact: 8,
        fallback: 'Paper care plans',
        paperLocation: 'Blue folder, office',
        notes: '',
        lastReviewed: '2026-02-01',
      }),
    );
    const withSystem = await get();
    expect(
      Object.values(withSystem.html.steps).some((step) =>
        step.details.includes('Blue folder, office'),
      ),
    ).toBe(true);

    value(await handlers['settings.update']({ isolationInstruction: 'Pull the blue cable' }));
    const withSetting = await get();
    expect(
      Object.values(withSetting.html.steps).some((step) =>
        step.details.includes('Pull the blue cable'),
      ),
    ).toBe(true);

    // The reader's copy of the same runbook shows the same details.
    const reader = value(await handlers['runbooks.get']({ id: 'ransomware' }));
    expect(reader.html).toEqual(withSetting.html);
  });
});
