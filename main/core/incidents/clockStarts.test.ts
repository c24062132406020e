import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordInputSchema } from '../../contract/incidentSchemas';
import type { IncidentView } from '../../contract/incidentTypes';
import type { Result } from '../../contract/result';
import type { ProviderType } from '../../contract/vocabulary';
import { restartingCores } from '../__fixtures__/testCore';
import type { Core } from '../createCore';

// 1 March 2026 02:15:30 UTC: the test core's clock.
const NOW = '2026-03-01T02:15:30.000Z';
const THREE_HOURS_AGO = '2026-02-28T23:15:30.000Z';

let dataDir: string;
const cores = restartingCores(() => dataDir);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-clock-starts-'));
});
afterEach(async () => {
  await cores.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

type Handlers = Core['handlers'];
type Action = Parameters<Handlers['incidents.record']>[0]['action'];

async function startIncident(
  handlers: Handlers,
  input: { runbook: string; equipmentDownSince?: string; awareAt?: string },
): Promise<IncidentView> {
  return value(
    await handlers['incidents.start']({
      name: 'Night incident',
      lead: 'Ann Lee',
      author: 'Ann Lee',
      ...input,
    }),
  );
}

async function act(handlers: Handlers, id: string, action: Action) {
  return handlers['incidents.record']({ id, author: 'Ann Lee', action });
}

const clockOf = (view: IncidentView, id: string) => view.clocks.find((clock) => clock.id === id);

describe('the CQC 24-hour equipment clock', () => {
  it('is not started by a ransomware incident on its own', async () => {
    const handlers = (await cores.start()).handlers;
    const view = await startIncident(handlers, { runbook: 'ransomware' });
    expect(clockOf(view, 'cqc-equipment-24h')).toBeUndefined();
    expect(clockOf(view, 'personal-data-breach-72h')?.status).toBe('running');
  });

  it('is not started when a runbook that mentions it is added later', async () => {
    const handlers = (await cores.start()).handlers;
    const { id } = await startIncident(handlers, { runbook: 'first-15-minutes' });
    value(await act(handlers, id, { type: 'addRunbook', runbook: 'phones-telecare-down' }));
    const view = value(await handlers['incidents.get']({ id }));
    expect(clockOf(view, 'cqc-equipment-24h')).toBeUndefined();
  });

  it('starts from the failure time given when the incident is started, and says so in the log', async () => {
    const handlers = (await cores.start()).handlers;
    const view = await startIncident(handlers, {
      runbook: 'ransomware',
      equipmentDownSince: THREE_HOURS_AGO,
    });
    expect(clockOf(view, 'cqc-equipment-24h')).toMatchObject({
      status: 'running',
      startedAt: THREE_HOURS_AGO,
      dueAt: '2026-03-01T23:15:30.000Z',
    });
    // 21 hours left, not 24: the clock counts from the failure, not from opening the incident.
    const left = Date.parse(clockOf(view, 'cqc-equipment-24h')?.dueAt ?? '') - Date.parse(NOW);
    expect(left).toBe(21 * 3_600_000);
    expect(view.timeline.map((entry) => entry.text)).toContain(
      'Clock started: CQC notification if a call system, utility or safety equipment fails for more than 24 hours, from Sat 28 Feb 2026, 23:15 GMT',
    );
  });

  it('refuses a failure time in the future, in the words of the question, writing nothing', async () => {
    const handlers = (await cores.start()).handlers;
    const result = await handlers['incidents.start']({
      name: 'Bells',
      lead: 'Ann Lee',
      author: 'Ann Lee',
      runbook: 'phones-telecare-down',
      equipmentDownSince: '2026-03-01T05:00:00.000Z',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'When it stopped working cannot be in the future.' },
    });
    expect(value(await handlers['incidents.list']({}))).toEqual([]);
  });
});

describe('changing when a clock started', () => {
  it('needs a reason: an action without one is refused at the boundary', () => {
    const base = { id: '20260301-0215-abcdef', author: 'Ann Lee' };
    const action = {
      type: 'correctClockStart',
      clock: 'personal-data-breach-72h',
      startedAt: THREE_HOURS_AGO,
    };
    expect(recordInputSchema.safeParse({ ...base, action }).success).toBe(false);
    expect(
      recordInputSchema.safeParse({ ...base, action: { ...action, reason: '   ' } }).success,
    ).toBe(false);
    expect(
      recordInputSchema.safeParse({
        ...base,
        action: { ...action, reason: 'Bells failed before we noticed' },
      }).success,
    ).toBe(true);
  });

  it('moves the 72-hour deadline with a new log entry, keeps the first start in the log, and survives a restart', async () => {
    let handlers = (await cores.start()).handlers;
    const { id } = await startIncident(handlers, { runbook: 'first-15-minutes' });
    // The runbook that brings the clock is added later: the clock starts when it is added.
    value(await act(handlers, id, { type: 'addRunbook', runbook: 'data-breach' }));
    const before = value(await handlers['incidents.get']({ id }));
    expect(clockOf(before, 'personal-data-breach-72h')?.startedAt).toBe(NOW);

    value(
      await act(handlers, id, {
        type: 'correctClockStart',
        clock: 'personal-data-breach-72h',
        startedAt: THREE_HOURS_AGO,
        reason: 'The supplier told us about the stolen file at 23:15',
      }),
    );
    handlers = (await cores.start()).handlers;
    const after = value(await handlers['incidents.get']({ id }));
    expect(clockOf(after, 'personal-data-breach-72h')).toMatchObject({
      status: 'running',
      startedAt: THREE_HOURS_AGO,
      dueAt: '2026-03-03T23:15:30.000Z',
    });
    const texts = after.timeline.map((entry) => entry.text);
    expect(
      texts.filter((text) => text.startsWith('Clock started: Personal data breach')),
    ).toHaveLength(1);
    expect(texts).toContain(
      'Clock start changed: Personal data breach: report within 72 hours of becoming aware, sooner if you can (DSPT incident reporting tool) now runs from Sat 28 Feb 2026, 23:15 GMT — The supplier told us about the stolen file at 23:15',
    );
    const verified = value(await handlers['incidents.verify']({ id }));
    expect(verified.ok).toBe(true);
  });

  it('moves the equipment clock earlier too, and keeps a stopped clock stopped', async () => {
    const handlers = (await cores.start()).handlers;
    const { id } = await startIncident(handlers, {
      runbook: 'power-cut',
      equipmentDownSince: '2026-03-01T01:00:00.000Z',
    });
    value(
      await act(handlers, id, {
        type: 'stopClock',
        clock: 'cqc-equipment-24h',
        outcome: 'done',
        reference: 'CQC-1',
      }),
    );
    value(
      await act(handlers, id, {
        type: 'correctClockStart',
        clock: 'cqc-equipment-24h',
        startedAt: THREE_HOURS_AGO,
        reason: 'The night carer saw the lights go at 23:15',
      }),
    );
    const view = value(await handlers['incidents.get']({ id }));
    expect(clockOf(view, 'cqc-equipment-24h')).toMatchObject({
      status: 'done',
      reference: 'CQC-1',
      startedAt: THREE_HOURS_AGO,
      dueAt: '2026-03-01T23:15:30.000Z',
    });
  });

  it('refuses a later start, a future start and a clock that was never started', async () => {
    const handlers = (await cores.start()).handlers;
    const { id } = await startIncident(handlers, {
      runbook: 'ransomware',
      awareAt: '2026-03-01T01:00:00.000Z',
    });
    const later = await act(handlers, id, {
      type: 'correctClockStart',
      clock: 'personal-data-breach-72h',
      startedAt: '2026-03-01T02:00:00.000Z',
      reason: 'typo',
    });
    expect(later).toMatchObject({
      ok: false,
      error: {
        message: 'When it really started must be earlier than the time the clock shows now.',
      },
    });
    const future = await act(handlers, id, {
      type: 'correctClockStart',
      clock: 'personal-data-breach-72h',
      startedAt: '2026-03-02T00:00:00.000Z',
      reason: 'typo',
    });
    expect(future).toMatchObject({
      ok: false,
      error: { message: 'When it really started cannot be in the future.' },
    });
    const missing = await act(handlers, id, {
      type: 'correctClockStart',
      clock: 'cqc-equipment-24h',
      startedAt: THREE_HOURS_AGO,
      reason: 'bells',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const view = value(await handlers['incidents.get']({ id }));
    expect(view.log.entries).toBe(3);
  });
});

describe('the regulator follows the provider type in Settings', () => {
  async function incidentFor(
    providerType: ProviderType | null,
    pharmacyCqcRegistered = false,
  ): Promise<{ view: IncidentView; drafts: string[]; cqcHowToSend: string | undefined }> {
    const handlers = (await cores.start()).handlers;
    value(await handlers['settings.update']({ providerType, pharmacyCqcRegistered }));
    const view = await startIncident(handlers, {
      runbook: 'ransomware',
      equipmentDownSince: THREE_HOURS_AGO,
    });
    const drafts = value(await handlers['incidents.drafts']({ id: view.id }));
    return {
      view,
      drafts: drafts.map((draft) => draft.id),
      cqcHowToSend: drafts.find((draft) => draft.id === 'cqc')?.howToSend,
    };
  }

  const cqcClocks = (view: IncidentView) =>
    view.clocks.map((clock) => clock.id).filter((id) => id.startsWith('cqc-'));

  it.each(['care-home', 'home-care', 'dental'] as const)(
    '%s: CQC clocks and the CQC draft, no pharmacy closure draft',
    async (type) => {
      const { view, drafts } = await incidentFor(type);
      expect(cqcClocks(view).sort()).toEqual(['cqc-equipment-24h', 'cqc-safe-care']);
      expect(drafts).toContain('cqc');
      expect(drafts).not.toContain('icb-pharmacy');
    },
  );

  it('GP practice: CQC, with the NHS England exemption said in the draft', async () => {
    const { view, drafts, cqcHowToSend } = await incidentFor('gp');
    expect(cqcClocks(view).sort()).toEqual(['cqc-equipment-24h', 'cqc-safe-care']);
    expect(drafts).toContain('cqc');
    expect(cqcHowToSend).toContain('already told NHS England');
  });

  it('pharmacy not registered with CQC: no CQC clock or draft, a note of the failure and the ICB closure draft', async () => {
    const { view, drafts } = await incidentFor('pharmacy');
    expect(cqcClocks(view)).toEqual([]);
    expect(clockOf(view, 'personal-data-breach-72h')?.status).toBe('running');
    expect(drafts).not.toContain('cqc');
    expect(drafts).toContain('icb-pharmacy');
    expect(view.timeline.map((entry) => entry.text)).toContain(
      'Equipment or a utility down since Sat 28 Feb 2026, 23:15 GMT. No CQC clock: Settings say this service is not registered with CQC.',
    );
  });

  it('pharmacy also registered with CQC: CQC clocks and draft, and the ICB closure draft', async () => {
    const { view, drafts } = await incidentFor('pharmacy', true);
    expect(cqcClocks(view).sort()).toEqual(['cqc-equipment-24h', 'cqc-safe-care']);
    expect(drafts).toEqual(expect.arrayContaining(['cqc', 'icb-pharmacy']));
  });

  it('provider type not set yet: CQC is assumed, so no notification is missed', async () => {
    const { view, drafts } = await incidentFor(null);
    expect(cqcClocks(view).sort()).toEqual(['cqc-equipment-24h', 'cqc-safe-care']);
    expect(drafts).toContain('cqc');
  });
});
