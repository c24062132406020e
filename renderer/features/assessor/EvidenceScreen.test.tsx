// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssessorEvidence } from '../../../main/contract/assessorTypes';
import { request } from '../../api';
import { EvidenceScreen } from './EvidenceScreen';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));

const label = (topic: string) => ({ topic, shows: `What ${topic} shows.` });

function evidence(patch: Partial<AssessorEvidence> = {}): AssessorEvidence {
  return {
    title: 'Evidence for an assessor: Rose House',
    filename: 'holdfast-evidence-for-an-assessor-2025-12-06-to-2026-12-05.md',
    period: { from: '2025-12-06', to: '2026-12-05' },
    madeAt: '2026-12-05T06:00:00.000Z',
    organisationName: 'Rose House',
    labels: {
      plan: label('Business continuity: a written plan, kept up to date'),
      exercises: label('Business continuity: the plan is tested'),
      incidents: label('Incidents: recorded and reported'),
      people: label('Staff: who knows the plan'),
    },
    labelNote: 'Next to each part, add the toolkit evidence item number your toolkit shows.',
    plan: [
      {
        id: 'ransomware',
        title: 'Ransomware',
        version: 4,
        reviewed: '2026-01-15',
        owner: 'Ann Lee',
        reviewedBy: 'Ann Lee',
        reviewedInPeriod: true,
        source: 'user',
        lastChange: { at: '2026-01-15T09:00:00.000Z', by: 'Ann Lee', what: 'Yearly review' },
      },
      {
        id: 'clicked-link',
        title: 'Clicked a link',
        version: 2,
        reviewed: '2025-01-10',
        owner: 'Holdfast content team',
        reviewedBy: null,
        reviewedInPeriod: false,
        source: 'bundled',
        lastChange: null,
      },
    ],
    exercises: [
      {
        id: 'ex-1',
        title: 'Supplier drill',
        scenario: 'Supplier ransomware',
        scenarioVersion: 2,
        facilitator: 'Ann Lee',
        startedAt: '2026-03-10T14:00:00.000Z',
        finishedAt: '2026-03-10T15:00:00.000Z',
        attendees: [{ name: 'Bob \u202eReid', role: 'Night senior' }],
        actions: [
          {
            number: 1,
            text: 'Print MAR charts',
            owner: 'Bob Reid',
            due: '2026-04-01',
            state: 'overdue',
          },
          {
            number: 2,
            text: 'Grab bag by the door',
            owner: 'Ann Lee',
            due: '2026-03-20',
            state: 'done',
            doneAt: '2026-03-18T10:00:00.000Z',
          },
        ],
        log: { entries: 9, checkCode: 'CEA2-A2D7' },
        reportFile: 'exercises/ex-1/after-action-report.md',
      },
    ],
    incidents: [
      {
        id: 'inc-1',
        name: 'Ransom note on office PC',
        awareAt: '2026-05-02T01:30:00.000Z',
        openedAt: '2026-05-02T01:30:00.000Z',
        closedAt: null,
        lead: 'Ann Lee',
        reports: [
          {
            label: 'Personal data breach',
            state: 'done',
            reference: 'DSPT-12345',
            at: '2026-05-02T02:00:00.000Z',
          },
        ],
        log: { entries: 4, checkCode: 'E9A4-4E77' },
        reportFile: 'incidents/inc-1/incident-report.md',
      },
    ],
    people: [{ name: 'Ann Lee', took: [{ as: 'Facilitator', in: 'Supplier drill' }] }],
    markdown: '# Evidence for an assessor',
    ...patch,
  };
}

const requestMock = vi.mocked(request);

beforeEach(() => {
  requestMock.mockReset();
  requestMock.mockImplementation(async (name, input) => {
    if (name === 'assessor.document') {
      const period = input as { from?: string; to?: string };
      return {
        ok: true,
        value: evidence(period.from ? { period: { from: period.from, to: period.to ?? '' } } : {}),
      } as never;
    }
    return { ok: false, error: { code: 'NOT_FOUND', message: 'not here' } } as never;
  });
});
afterEach(cleanup);

describe('EvidenceScreen', () => {
  it('shows the four parts, each labelled by topic with a place for the item number', async () => {
    render(<EvidenceScreen />);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Evidence for an assessor: Rose House',
      }),
    ).toBeTruthy();
    for (const [heading, topic] of [
      ['1. The plan', 'Business continuity: a written plan, kept up to date'],
      ['2. Exercises held', 'Business continuity: the plan is tested'],
      ['3. Incidents', 'Incidents: recorded and reported'],
      ['4. Who took part', 'Staff: who knows the plan'],
    ] as const) {
      const part = screen.getByRole('region', { name: heading });
      expect(part.textContent).toContain(`Shows: ${topic}.`);
      expect(part.textContent).toContain('Toolkit evidence item:');
    }
    expect(
      screen.getByText('Period: 6 December 2025 to 5 December 2026.', { exact: false }),
    ).toBeTruthy();
  });

  it('says each state in words and keeps typed text in its own isolate', async () => {
    render(<EvidenceScreen />);
    const plan = await screen.findByRole('region', { name: '1. The plan' });
    expect(plan.textContent).toContain(
      '2 runbooks are in use. 1 of them was reviewed in this period.',
    );
    expect(plan.textContent).toContain('15 January 2026, by Ann Lee');
    expect(plan.textContent).toContain('10 January 2025 (before this period)');
    expect(plan.textContent).toContain('None: as it came with Holdfast');
    const exercises = screen.getByRole('region', { name: '2. Exercises held' });
    const actions = within(exercises).getByRole('table', { name: 'Actions from the debrief' });
    expect(within(actions).getByText('Overdue: was due 1 April 2026')).toBeTruthy();
    expect(within(actions).getByText('Done 18 March 2026')).toBeTruthy();
    expect(exercises.textContent).toContain('Log check code: CEA2-A2D7 (9 entries)');
    const attendee = within(exercises).getByText('Bob \u202eReid');
    expect(attendee.tagName).toBe('BDI');
    const incidents = screen.getByRole('region', { name: '3. Incidents' });
    expect(within(incidents).getByText('DSPT-12345').tagName).toBe('BDI');
    expect(incidents.textContent).toContain('Log check code: E9A4-4E77 (4 entries)');
  });

  it('checks the period before asking, then shows the period chosen', async () => {
    render(<EvidenceScreen />);
    const from = await screen.findByLabelText('First day');
    const to = screen.getByLabelText('Last day');
    fireEvent.change(from, { target: { value: '2026-04-01' } });
    fireEvent.change(to, { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show this period' }));
    expect(screen.getByText('The last day must be on or after the first day')).toBeTruthy();
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(requestMock).toHaveBeenCalledTimes(1);

    fireEvent.change(to, { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show this period' }));
    await waitFor(() =>
      expect(requestMock).toHaveBeenLastCalledWith('assessor.document', {
        from: '2026-04-01',
        to: '2026-12-31',
      }),
    );
    expect(
      await screen.findByText('Period: 1 April 2026 to 31 December 2026.', { exact: false }),
    ).toBeTruthy();
  });

  it('asks for the zip of the same period, and says when it could not be made', async () => {
    render(<EvidenceScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save the files as a zip' }));
    await waitFor(() =>
      expect(requestMock).toHaveBeenLastCalledWith('assessor.files', {
        from: '2025-12-06',
        to: '2026-12-05',
      }),
    );
    expect(await screen.findByText(/^Not saved\./)).toBeTruthy();
  });
});
