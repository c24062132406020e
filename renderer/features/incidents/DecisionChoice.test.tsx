// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClockView, IncidentView } from '../../../main/contract/incidentTypes';
import type { Phase, RunbookView, Step } from '../../../main/contract/types';
import { DecisionChoice } from './DecisionChoice';
import { openIncidentView } from './__fixtures__/incidentView';
import type { Located } from './GuidedSteps';

const AWARE = '2026-03-01T00:00:00.000Z';

const breachClock: ClockView = {
  id: 'personal-data-breach-72h',
  label: 'Personal data breach: report within 72 hours',
  duty: 'Report it through the DSPT incident reporting tool.',
  kind: 'deadline',
  startedAt: AWARE,
  dueAt: '2026-03-04T00:00:00.000Z',
  urgentFrom: '2026-03-03T12:00:00.000Z',
  status: 'running',
};

const question: Step = {
  id: 'personal-data-question',
  number: 4,
  kind: 'decision',
  text: "Could anyone's personal data have been taken?",
  details: '',
  options: [
    {
      label: 'Yes',
      text: 'go to [report the breach](#report-dspt).',
      goto: { step: 'report-dspt' },
    },
    {
      label: 'No',
      text: 'write down why you decided this.',
      goto: { step: 'notify-cqc' },
      asksReason: true,
      settles: 'personal-data-breach-72h',
    },
  ],
  contacts: [],
  line: 10,
};

const phase: Phase = { id: 'tell', title: 'Tell', intro: '', steps: [question], line: 8 };

// Only the parts of a runbook a decision reads.
const runbookView = {
  id: 'ransomware',
  title: 'Ransomware',
  phases: [phase],
  contacts: [],
  html: { intro: '', phases: {}, steps: {} },
} as unknown as RunbookView;

const located: Located = {
  runbook: {
    id: 'ransomware',
    title: 'Ransomware',
    version: 1,
    sha256: 'abc',
    view: runbookView,
    newerVersionAvailable: false,
  },
  phase,
  step: question,
};

const incident = (clocks: ClockView[]): IncidentView =>
  openIncidentView({ awareAt: AWARE, clocks });

// The option HTML as the core renders it: with a real link, which must not survive as one.
const OPTIONS_HTML = [
  'go to <a href="#report-dspt" data-step="report-dspt">report the breach</a>.',
  'write down why you decided this.',
];

function show(clocks: ClockView[] = [breachClock]) {
  const act = vi.fn().mockResolvedValue(true);
  const onChosen = vi.fn();
  render(
    <DecisionChoice
      view={incident(clocks)}
      located={located}
      optionsHtml={OPTIONS_HTML}
      act={act}
      saving={false}
      closed={false}
      onChosen={onChosen}
    />,
  );
  return { act, onChosen };
}

afterEach(cleanup);

describe('a decision in guided mode', () => {
  it('shows each answer as a radio with no link or button inside, and where it leads as words', () => {
    show();
    const group = screen.getByRole('group', { name: 'Choose one, then save it' });
    expect(within(group).getAllByRole('radio')).toHaveLength(2);
    expect(within(group).queryAllByRole('link')).toEqual([]);
    expect(within(group).queryAllByRole('button')).toEqual([]);
    expect(screen.getByLabelText(/^Yes/).closest('div')?.textContent).toContain(
      'go to report the breach.',
    );
  });

  it('saves an answer that needs no reason, and moves on as the answer says', async () => {
    const { act, onChosen } = show();
    fireEvent.click(screen.getByRole('radio', { name: /^Yes/ }));
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save my choice' }));
    await waitFor(() => expect(onChosen).toHaveBeenCalledWith(question.options[0]));
    expect(act).toHaveBeenCalledTimes(1);
    expect(act).toHaveBeenCalledWith({
      type: 'decision',
      option: { runbook: 'ransomware', step: 'personal-data-question', index: 0 },
    });
  });

  it('refuses to save an answer that asks why until the reason is given, naming the box', async () => {
    const { act, onChosen } = show();
    fireEvent.click(screen.getByRole('radio', { name: /^No/ }));
    const reason = screen.getByLabelText('Why did you choose "No"? Say who decided.');
    fireEvent.click(screen.getByRole('button', { name: 'Save my choice' }));
    expect(
      screen.getByText('Fill in "Why did you choose "No"? Say who decided." before saving'),
    ).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reason);
    expect(act).not.toHaveBeenCalled();
    expect(onChosen).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: 'Only the rota PC; no personal data on it.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save my choice' }));
    await waitFor(() => expect(onChosen).toHaveBeenCalled());
    // The clock was offered, not asked for: it keeps running.
    expect(act).toHaveBeenCalledTimes(1);
    expect(act).toHaveBeenCalledWith({
      type: 'decision',
      option: { runbook: 'ransomware', step: 'personal-data-question', index: 1 },
      rationale: 'Only the rota PC; no personal data on it.',
    });
  });

  it('stops the clock the answer settles only when asked to, with the same reason', async () => {
    const { act, onChosen } = show();
    fireEvent.click(screen.getByRole('radio', { name: /^No/ }));
    const offer = screen.getByRole('checkbox', {
      name: /Also mark this deadline as not needed.*Personal data breach/,
    });
    expect((offer as HTMLInputElement).checked).toBe(false);
    fireEvent.click(offer);
    fireEvent.change(screen.getByLabelText('Why did you choose "No"? Say who decided.'), {
      target: { value: 'No personal data involved.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save my choice' }));
    await waitFor(() => expect(onChosen).toHaveBeenCalled());
    expect(act).toHaveBeenLastCalledWith({
      type: 'stopClock',
      clock: 'personal-data-breach-72h',
      outcome: 'not-needed',
      reason: 'No personal data involved.',
    });
  });

  it('does not offer to stop a clock that is not running', () => {
    show([{ ...breachClock, status: 'done', reference: 'DSPT-1' }]);
    fireEvent.click(screen.getByRole('radio', { name: /^No/ }));
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
