// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClockView, IncidentView } from '../../../main/contract/incidentTypes';
import type { Settings } from '../../../main/contract/types';
import { request } from '../../api';
import { ClocksPanel } from './ClocksPanel';
import { openIncidentView } from './__fixtures__/incidentView';

// Nothing is started before render in a test, so no answer is waiting (takeSettled).
vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));

const AWARE = '2026-03-01T00:00:00.000Z';
const HOUR = 3_600_000;
const settings: Settings = {
  organisationName: 'Rose House',
  providerType: 'care-home',
  pharmacyCqcRegistered: false,
  isolationInstruction: '',
  contractClocks: [],
};

/** A 72-hour breach clock as the core sends it: urgent from 12 hours before the deadline. */
const breach = (patch: Partial<ClockView> = {}): ClockView => ({
  id: 'personal-data-breach-72h',
  label: 'Personal data breach: report within 72 hours',
  duty: 'Report it through the DSPT incident reporting tool.',
  kind: 'deadline',
  startedAt: AWARE,
  dueAt: '2026-03-04T00:00:00.000Z',
  urgentFrom: '2026-03-03T12:00:00.000Z',
  status: 'running',
  ...patch,
});

const incident = (clocks: ClockView[]): IncidentView =>
  openIncidentView({
    awareAt: AWARE,
    clocks,
    log: { entries: 1, head: 'abc', checkCode: 'ABC0-0000', readOnly: false },
  });

/** Shows the panel at `now`, with the settings call answered. */
async function showAt(now: string, clocks: ClockView[]): Promise<void> {
  vi.setSystemTime(new Date(now));
  render(<ClocksPanel view={incident(clocks)} act={vi.fn()} saving={false} />);
  await act(async () => {});
}

/** What the clock's entry says, as one line of text. */
const clockText = (label: string): string =>
  screen
    .getAllByRole('listitem')
    .find((item) => within(item).queryByText(label))
    ?.textContent?.replace(/\s+/g, ' ') ?? '';

/** The time moves on and the panel's 30-second tick comes round. */
async function laterAt(now: string): Promise<void> {
  vi.setSystemTime(new Date(now));
  await act(async () => {
    vi.advanceTimersByTime(30_000);
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.mocked(request).mockResolvedValue({ ok: true, value: settings });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ClocksPanel countdowns', () => {
  it('says the time left in words, and counts down as the minutes pass', async () => {
    await showAt('2026-03-01T01:00:00.000Z', [breach()]);
    expect(clockText(breach().label)).toMatch(/2 days 23 hours left \(due .+\)/);
    expect(clockText(breach().label)).not.toContain('⚠');

    await laterAt('2026-03-02T22:30:00.000Z');
    expect(clockText(breach().label)).toMatch(/1 day 1 hour left/);
  });

  it('turns urgent when the ticking time reaches the moment the core set, and says so in words', async () => {
    await showAt('2026-03-03T11:59:50.000Z', [breach()]);
    expect(clockText(breach().label)).not.toContain('⚠');

    await laterAt('2026-03-03T12:00:20.000Z');
    expect(clockText(breach().label)).toMatch(/⚠ 11 hours 59 minutes left/);
  });

  it('takes urgency from the core, not from its own idea of how close the deadline is', async () => {
    // Three days left, but the core says this clock is urgent already.
    await showAt('2026-03-01T00:05:00.000Z', [breach({ urgentFrom: AWARE })]);
    expect(clockText(breach().label)).toMatch(/⚠ 2 days 23 hours left/);
  });

  it('says how long overdue a clock is', async () => {
    await showAt(new Date(Date.parse('2026-03-04T00:00:00.000Z') + 1.5 * HOUR).toISOString(), [
      breach(),
    ]);
    expect(clockText(breach().label)).toMatch(/⚠ Overdue by 1 hour 30 minutes \(was due .+\)/);
  });

  it('says how long an "as soon as possible" clock has been running', async () => {
    const safeCare = breach({
      id: 'cqc-safe-care',
      label: 'CQC notification as soon as possible',
      kind: 'asap',
      dueAt: null,
      urgentFrom: AWARE,
    });
    await showAt('2026-03-01T02:00:00.000Z', [safeCare]);
    expect(clockText(safeCare.label)).toContain(
      '⚠ Do this as soon as possible (running for 2 hours)',
    );
  });

  it('shows stopped clocks with their reference or reason, never urgent, and offers no stop buttons', async () => {
    const done = breach({
      status: 'done',
      stoppedAt: '2026-03-02T09:00:00.000Z',
      reference: 'DSPT-4471',
    });
    const notNeeded = breach({
      id: 'cqc-equipment-24h',
      label: 'CQC notification if equipment fails for more than 24 hours',
      kind: 'threshold',
      status: 'not-needed',
      stoppedAt: '2026-03-01T05:00:00.000Z',
      reason: 'Call bells back within 3 hours',
    });
    await showAt('2026-03-05T00:00:00.000Z', [done, notNeeded]);

    expect(clockText(done.label)).toContain('Done, reference DSPT-4471');
    expect(clockText(notNeeded.label)).toContain('Not needed: Call bells back within 3 hours');
    expect(clockText(done.label) + clockText(notNeeded.label)).not.toContain('⚠');
    expect(screen.queryByRole('button', { name: 'Mark done' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Not needed' })).toBeNull();
  });

  it('offers to stop a running clock with a reference number or a reason', async () => {
    await showAt('2026-03-01T01:00:00.000Z', [breach()]);
    expect(screen.getByRole('button', { name: 'Mark done' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Not needed' })).toBeTruthy();
  });

  it('keeps Save enabled and asks for the reference number on submit when it is empty', async () => {
    const recorded = await showActing('2026-03-01T01:00:00.000Z', [breach()]);
    fireEvent.click(screen.getByRole('button', { name: 'Mark done' }));
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toHaveProperty('disabled', false);
    fireEvent.click(save);
    await act_();
    expect(within(screen.getByRole('alert')).getByRole('link').textContent).toBe(
      'Enter the reference number you were given',
    );
    expect(recorded).not.toHaveBeenCalled();
    const field = screen.getByLabelText('Reference number you were given');
    type(field, 'DSPT-123');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(save);
    await act_();
    expect(recorded).toHaveBeenCalledWith({
      type: 'stopClock',
      clock: breach().id,
      outcome: 'done',
      reference: 'DSPT-123',
    });
  });
});

/** Shows the panel with a spy for what it records, at `now`. */
async function showActing(now: string, clocks: ClockView[], shown: Settings = settings) {
  vi.setSystemTime(new Date(now));
  vi.mocked(request).mockResolvedValue({ ok: true, value: shown });
  const act = vi.fn().mockResolvedValue(true);
  render(<ClocksPanel view={incident(clocks)} act={act} saving={false} />);
  await act_();
  return act;
}
const act_ = () => act(async () => {});
const type = (element: HTMLElement, value: string) =>
  fireEvent.change(element, { target: { value } });

describe('ClocksPanel start times', () => {
  it('changes a clock to an earlier start only with a reason, and records it as its own action', async () => {
    const record = await showActing('2026-03-01T03:00:00.000Z', [breach()]);
    fireEvent.click(screen.getByRole('button', { name: 'Started earlier? Change start time' }));
    const form = screen.getByRole('form', { name: /Change start time/ });
    type(within(form).getByLabelText('When did it really start?'), '2026-02-28T21:30');
    fireEvent.click(within(form).getByRole('button', { name: 'Save the new start time' }));
    await act_();
    expect(within(form).getByText('Say why the clock started earlier.')).toBeTruthy();
    expect(record).not.toHaveBeenCalled();

    type(within(form).getByLabelText('Why did it start earlier?'), 'Supplier told us at 21:30');
    fireEvent.click(within(form).getByRole('button', { name: 'Save the new start time' }));
    await act_();
    expect(record).toHaveBeenCalledWith({
      type: 'correctClockStart',
      clock: 'personal-data-breach-72h',
      startedAt: new Date('2026-02-28T21:30').toISOString(),
      reason: 'Supplier told us at 21:30',
    });
  });

  it('refuses a future or later start in the words of its own question', async () => {
    const equipment = breach({
      id: 'cqc-equipment-24h',
      label: 'CQC notification if equipment fails for more than 24 hours',
      kind: 'threshold',
      dueAt: '2026-03-02T00:00:00.000Z',
    });
    const record = await showActing('2026-03-01T03:00:00.000Z', [equipment]);
    fireEvent.click(screen.getByRole('button', { name: 'Started earlier? Change start time' }));
    const when = screen.getByLabelText('When did it stop working?');
    type(screen.getByLabelText('Why did it start earlier?'), 'Night carer saw it');
    type(when, '2026-03-02T09:00');
    fireEvent.click(screen.getByRole('button', { name: 'Save the new start time' }));
    await act_();
    expect(screen.getByText('When it stopped working cannot be in the future.')).toBeTruthy();
    type(when, toLocal('2026-03-01T01:00:00.000Z'));
    fireEvent.click(screen.getByRole('button', { name: 'Save the new start time' }));
    await act_();
    expect(
      screen.getByText(/When it stopped working must be earlier than the start it shows now/),
    ).toBeTruthy();
    expect(record).not.toHaveBeenCalled();
  });

  it('starts the equipment clock only from "when did it stop working?", never from the list', async () => {
    const record = await showActing('2026-03-01T03:00:00.000Z', [breach()]);
    expect(
      screen.queryByRole('button', { name: /Start: CQC notification if a call system/ }),
    ).toBeNull();
    type(screen.getByLabelText('When did it stop working?'), toLocal('2026-03-01T00:00:00.000Z'));
    fireEvent.click(screen.getByRole('button', { name: 'Start the 24-hour clock' }));
    await act_();
    expect(record).toHaveBeenCalledWith({
      type: 'startClock',
      clock: 'cqc-equipment-24h',
      startedAt: '2026-03-01T00:00:00.000Z',
    });
  });

  it('offers no CQC clock to a pharmacy that is not registered with CQC, and says why', async () => {
    await showActing('2026-03-01T03:00:00.000Z', [breach()], {
      ...settings,
      providerType: 'pharmacy',
    });
    expect(screen.queryByLabelText('When did it stop working?')).toBeNull();
    expect(screen.queryByRole('button', { name: /Start: CQC/ })).toBeNull();
    expect(screen.getByText(/not registered with CQC, so no CQC clocks are offered/)).toBeTruthy();
  });
});

/** An ISO moment as the datetime-local input shows it (the test's own time zone). */
function toLocal(iso: string): string {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}
