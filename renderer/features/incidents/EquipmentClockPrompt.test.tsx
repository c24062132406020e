// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  ClockView,
  IncidentRunbook,
  IncidentView,
} from '../../../main/contract/incidentTypes';
import type { RunbookView, Settings } from '../../../main/contract/types';
import { request } from '../../api';
import { EquipmentClockPrompt } from './EquipmentClockPrompt';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));

const careHome: Settings = {
  organisationName: 'Rose House',
  providerType: 'care-home',
  pharmacyCqcRegistered: false,
  isolationInstruction: '',
  contractClocks: [],
};

/** A runbook as the incident holds it; only the clocks it may start matter here. */
const runbook = (clocks: string[]): IncidentRunbook => ({
  id: 'phones-telecare-down',
  title: 'Phones, call bells or telecare down',
  version: 1,
  sha256: 'a'.repeat(64),
  view: { clocks } as unknown as RunbookView,
  newerVersionAvailable: false,
});

const incident = (clocks: ClockView[] = []): IncidentView =>
  ({
    id: '20260301-0000-a1b2c3',
    status: 'open',
    clocks,
    log: { entries: 1, head: 'abc', readOnly: false },
  }) as unknown as IncidentView;

async function show(
  clocks: string[],
  settings: Settings = careHome,
  running: ClockView[] = [],
): Promise<ReturnType<typeof vi.fn>> {
  vi.mocked(request).mockResolvedValue({ ok: true, value: settings });
  const record = vi.fn().mockResolvedValue(true);
  render(
    <EquipmentClockPrompt
      view={incident(running)}
      runbook={runbook(clocks)}
      act={record}
      saving={false}
    />,
  );
  await act(async () => {});
  return record;
}

beforeEach(() => sessionStorage.clear());
afterEach(cleanup);

describe('EquipmentClockPrompt', () => {
  it('asks when it stopped working, and starts the 24-hour clock from that time', async () => {
    const record = await show(['cqc-equipment-24h', 'cqc-safe-care']);
    const stopped = new Date(Date.now() - 2 * 3_600_000);
    stopped.setSeconds(0, 0);
    const local = new Date(stopped.getTime() - stopped.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    fireEvent.change(screen.getByLabelText('When did it stop working?'), {
      target: { value: local },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start the 24-hour clock' }));
    await act(async () => {});
    expect(record).toHaveBeenCalledWith({
      type: 'startClock',
      clock: 'cqc-equipment-24h',
      startedAt: stopped.toISOString(),
    });
  });

  it('is not asked for a runbook that never needs the clock, nor once the clock has started', async () => {
    await show(['personal-data-breach-72h']);
    expect(screen.queryByLabelText('When did it stop working?')).toBeNull();
    cleanup();
    await show(['cqc-equipment-24h'], careHome, [
      { id: 'cqc-equipment-24h', status: 'running' } as ClockView,
    ]);
    expect(screen.queryByLabelText('When did it stop working?')).toBeNull();
  });

  it('goes away when nothing is down, and stays away for this incident', async () => {
    const record = await show(['cqc-equipment-24h']);
    fireEvent.click(screen.getByRole('button', { name: 'No, nothing is down' }));
    expect(screen.queryByLabelText('When did it stop working?')).toBeNull();
    cleanup();
    await show(['cqc-equipment-24h']);
    expect(screen.queryByLabelText('When did it stop working?')).toBeNull();
    expect(record).not.toHaveBeenCalled();
  });

  it('is not asked of a pharmacy that is not registered with CQC', async () => {
    await show(['cqc-equipment-24h'], { ...careHome, providerType: 'pharmacy' });
    expect(screen.queryByLabelText('When did it stop working?')).toBeNull();
  });
});
