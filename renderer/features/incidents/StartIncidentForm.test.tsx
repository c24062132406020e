// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../../api';
import { forgetRecorder, setRecorder } from '../../ui/recordingAs/recordingSession';
import { StartIncidentForm } from './StartIncidentForm';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));

const started = { id: '20260301-0300-a1b2c3' };

beforeEach(() => {
  // Someone has already said who is recording, so starting does not stop to ask.
  setRecorder('Night carer Jo');
  // Each call answers as the core would, for the two calls this form makes.
  vi.mocked(request).mockImplementation((async (name: string) =>
    name === 'runbooks.list'
      ? { ok: true, value: { runbooks: [] } }
      : { ok: true, value: started }) as unknown as typeof request);
});
afterEach(() => {
  cleanup();
  sessionStorage.clear();
  forgetRecorder();
});

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** The local datetime-local value for an ISO moment. */
function toLocal(iso: string): string {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

async function fillAndStart(): Promise<void> {
  type('Short name for this incident', 'Call bells dead');
  type('Incident lead', 'Ann Lee');
  fireEvent.click(screen.getByRole('button', { name: 'Start the incident' }));
  await act(async () => {});
}

const startCall = () => vi.mocked(request).mock.calls.find(([name]) => name === 'incidents.start');

describe('StartIncidentForm: equipment or a utility down', () => {
  it('asks when it stopped working only after "yes", and sends that time for the CQC 24-hour clock', async () => {
    render(<StartIncidentForm runbook="phones-telecare-down" />);
    await act(async () => {});
    expect(screen.queryByLabelText('When did it stop working?')).toBeNull();
    fireEvent.click(screen.getByLabelText('Yes, something is down'));
    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000);
    threeHoursAgo.setSeconds(0, 0);
    type('When did it stop working?', toLocal(threeHoursAgo.toISOString()));
    await fillAndStart();
    expect(startCall()?.[1]).toMatchObject({
      name: 'Call bells dead',
      lead: 'Ann Lee',
      runbook: 'phones-telecare-down',
      equipmentDownSince: threeHoursAgo.toISOString(),
    });
  });

  it('sends no failure time when nothing is down', async () => {
    render(<StartIncidentForm runbook="ransomware" />);
    await act(async () => {});
    fireEvent.click(screen.getByLabelText('No, they all work'));
    await fillAndStart();
    expect(startCall()?.[1]).not.toHaveProperty('equipmentDownSince');
  });

  it('refuses a failure time in the future, in the words of its question, and starts nothing', async () => {
    render(<StartIncidentForm runbook="power-cut" />);
    await act(async () => {});
    fireEvent.click(screen.getByLabelText('Yes, something is down'));
    type('When did it stop working?', toLocal(new Date(Date.now() + 2 * 3_600_000).toISOString()));
    await fillAndStart();
    expect(screen.getAllByText('When it stopped working cannot be in the future.').length).toBe(2);
    expect(startCall()).toBeUndefined();
  });
});
