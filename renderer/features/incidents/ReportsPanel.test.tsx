// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../../api';
import { ReportsPanel } from './ReportsPanel';
import { openIncidentView } from './__fixtures__/incidentView';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));

beforeEach(() => {
  // The report drafts: none needed for these forms.
  vi.mocked(request).mockResolvedValue({ ok: true, value: [] });
});
afterEach(cleanup);

async function show() {
  const recorded = vi.fn().mockResolvedValue(true);
  render(<ReportsPanel view={openIncidentView()} act={recorded} saving={false} />);
  await act(async () => {});
  return recorded;
}

const linksIn = (form: HTMLElement | null): string[] =>
  within(within(form!).getByRole('alert'))
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');

describe('ReportsPanel forms check on submit', () => {
  it('names each missing answer of the reportability decision, and records once all are given', async () => {
    const recorded = await show();
    const report = screen.getByRole('button', { name: 'Record: we will report it' });
    expect(report).toHaveProperty('disabled', false);
    fireEvent.click(report);
    expect(linksIn(report.closest('form'))).toEqual([
      'Choose how likely harm is to the people whose data it is',
      'Choose how bad it would be for them',
      'Enter the reason for your decision',
    ]);
    expect(recorded).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText(/How likely is harm/), {
      target: { value: 'likely' },
    });
    fireEvent.change(screen.getByLabelText('How bad would it be for them?'), {
      target: { value: 'minor' },
    });
    expect(linksIn(report.closest('form'))).toEqual(['Enter the reason for your decision']);
    fireEvent.change(screen.getByLabelText('Reason for your decision'), {
      target: { value: 'Names and rooms were sent' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record: we will not report it' }));
    await act(async () => {});
    expect(recorded).toHaveBeenCalledWith({
      type: 'assessment',
      likelihood: 'likely',
      impact: 'minor',
      decision: 'not-report',
      reason: 'Names and rooms were sent',
    });
  });

  it('asks for the closing summary before it asks to confirm closing', async () => {
    const recorded = await show();
    const close = screen.getByRole('button', { name: 'Close the incident' });
    expect(close).toHaveProperty('disabled', false);
    fireEvent.click(close);
    expect(linksIn(close.closest('form'))).toEqual([
      'Enter a summary of what happened and how it ended',
    ]);
    expect(screen.queryByText(/Press "Close the incident" again/)).toBeNull();
    expect(recorded).not.toHaveBeenCalled();
  });
});
