// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExerciseAction } from '../../../main/contract/exerciseSchemas';
import type { ExerciseView, InjectView } from '../../../main/contract/exerciseTypes';
import { request } from '../../api';
import { forgetRecorder, setRecorder } from '../../ui/recordingAs/recordingSession';
import { ExerciseConsole } from './ExerciseConsole';
import { expectIsolated, hostile } from '../__fixtures__/expectIsolated';

vi.mock('../../api', () => ({ request: vi.fn(), takeSettled: () => undefined }));

const AT = '2026-03-01T10:00:00.000Z';
const ID = '20260301-1000-a1b2c3';

const inject = (number: number, title: string): InjectView => ({
  id: `inject-${number}`,
  number,
  title,
  releaseAfterMinutes: null,
  runbook: null,
  textHtml: `<p>Text of ${title}</p>`,
  expectedHtml: '',
  questionsHtml: '',
  adHoc: false,
});

function exerciseView(patch: Partial<ExerciseView> = {}): ExerciseView {
  const injects = [inject(1, 'The app will not open'), inject(2, 'The supplier rings')];
  return {
    id: ID,
    title: 'Care app down',
    scenario: { id: 'care-app-down', title: 'Care app down', version: 1 },
    facilitator: 'Ann Lee',
    status: 'running',
    createdAt: AT,
    startedAt: AT,
    finishedAt: null,
    openActions: [],
    brief: {
      id: 'care-app-down',
      title: 'Care app down',
      summary: '',
      durationMinutes: 60,
      providerTypes: [],
      injectCount: 2,
      version: 1,
      backgroundHtml: '',
      objectives: [],
      objectivesHtml: '',
      rolesHtml: '',
      injects,
      runbooks: [],
    },
    injects,
    progress: { 'inject-1': { status: 'released', at: AT, by: 'Ann Lee', trigger: 'hand' } },
    current: 'inject-1',
    clock: {
      elapsedMs: 60_000,
      next: { inject: 'inject-2', manual: true, dueAt: null, remainingMs: null },
      at: AT,
    },
    attendees: [],
    notes: [],
    decisions: [],
    debrief: [],
    actions: [],
    practice: [],
    timeline: [],
    log: { entries: 3, head: 'abc', checkCode: 'ABCD-1234', readOnly: false },
    ...patch,
  };
}

/** The core as far as the console needs it: the view, changed by each recorded action. */
function serve(start: ExerciseView): ExerciseAction[] {
  let view = start;
  const recorded: ExerciseAction[] = [];
  vi.mocked(request).mockImplementation(async (name, input) => {
    if (name === 'exercises.record') {
      const { action } = input as { action: ExerciseAction };
      recorded.push(action);
      if (action.type === 'finish') view = { ...view, status: 'finished', finishedAt: AT };
      if (action.type === 'reopen') view = { ...view, status: 'paused', finishedAt: null };
    }
    // Every call the console makes here answers with the exercise view.
    return { ok: true, value: view };
  });
  return recorded;
}

const scrolled = vi.fn();
beforeEach(() => {
  setRecorder('Ann Lee');
  scrolled.mockReset();
  Element.prototype.scrollIntoView = scrolled;
});
afterEach(() => {
  cleanup();
  forgetRecorder();
  vi.mocked(request).mockReset();
});

describe('ExerciseConsole', () => {
  it('asks before finishing; "Keep going" records nothing and gives focus back', async () => {
    const recorded = serve(exerciseView());
    render(<ExerciseConsole id={ID} />);
    const ask = await screen.findByRole('button', { name: 'Finish and go to the debrief' });
    fireEvent.click(ask);
    const question = screen.getByRole('group', { name: /Finish the exercise\?/ });
    expect(question.textContent).toContain(
      'Finish the exercise? Injects not yet released will not be shown. You can reopen it from the debrief.',
    );
    // Focus lands on the safe answer, so a second Enter never finishes by accident.
    expect(document.activeElement).toBe(
      within(question).getByRole('button', { name: 'Keep going' }),
    );
    fireEvent.click(within(question).getByRole('button', { name: 'Keep going' }));
    expect(screen.queryByRole('group', { name: /Finish the exercise\?/ })).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Finish and go to the debrief' }),
    );
    expect(recorded).toEqual([]);
  });

  it('finishes once confirmed, then moves focus to the debrief heading and scrolls to it', async () => {
    const recorded = serve(exerciseView());
    render(<ExerciseConsole id={ID} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Finish and go to the debrief' }));
    fireEvent.click(screen.getByRole('button', { name: /^Finish$/ }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Debrief' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(scrolled.mock.contexts).toContain(heading);
    expect(recorded).toEqual([{ type: 'finish' }]);
    expect(screen.queryByRole('button', { name: /^Release the next inject/ })).toBeNull();
  });

  it('keeps Finish away from Release: another block, after the inject shown, and not a primary button', async () => {
    serve(exerciseView());
    const { container } = render(<ExerciseConsole id={ID} />);
    const release = await screen.findByRole('button', {
      name: 'Release the next inject: The supplier rings',
    });
    const finish = screen.getByRole('button', { name: 'Finish and go to the debrief' });
    expect(release.parentElement).not.toBe(finish.parentElement);
    expect(finish.className).not.toContain('button-primary');
    const live = container.querySelector('.exercise-live');
    expect(live?.contains(release)).toBe(true);
    expect(live?.contains(screen.getByRole('heading', { name: /^Shown to the group: 1\./ }))).toBe(
      true,
    );
    // Notes, decisions and who took part are in the other pane.
    const record = container.querySelector('.exercise-record');
    expect(record?.contains(screen.getByRole('region', { name: 'Decisions' }))).toBe(true);
    expect(record?.contains(screen.getByRole('region', { name: 'Who took part' }))).toBe(true);
    expect(
      record?.contains(screen.getByRole('button', { name: 'Save a copy of this exercise' })),
    ).toBe(true);
  });

  it('reopens a finished exercise from the debrief, paused, with focus on Resume', async () => {
    const recorded = serve(exerciseView({ status: 'finished', finishedAt: AT }));
    render(<ExerciseConsole id={ID} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reopen the exercise' }));
    const resume = await screen.findByRole('button', { name: 'Resume' });
    await waitFor(() => expect(document.activeElement).toBe(resume));
    expect(recorded).toEqual([{ type: 'reopen' }]);
    expect(screen.queryByRole('heading', { name: 'Debrief' })).toBeNull();
  });

  it('opens an exercise with a damaged log read-only: what can be said, where it breaks and a way to save it', async () => {
    serve(
      exerciseView({
        title: `Exercise ${ID} (its log cannot be read)`,
        status: 'finished',
        injects: [],
        current: null,
        log: {
          entries: 0,
          head: '0',
          checkCode: '0000-0000',
          readOnly: true,
          damaged: true,
          breaksAtLine: 1,
          problem: 'The log of this exercise does not verify at line 1.',
        },
      }),
    );
    render(<ExerciseConsole id={ID} />);
    expect((await screen.findByRole('alert')).textContent).toContain('does not verify at line 1');
    expect(screen.getByText(/stops checking out at line 1/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save a copy of this exercise' })).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Start|Finish|Release|Record/ })).toBeNull();
  });

  it("keeps every record button enabled and names what is missing, in the form's own words", async () => {
    const recorded = serve(exerciseView());
    render(<ExerciseConsole id={ID} />);
    const forms: Array<[string, string[]]> = [
      ['Add note', ['Enter a note on "The app will not open"']],
      ['Record decision', ["Enter the group's decision"]],
      ['Release this inject now', ['Enter a title for the inject', 'Enter what the group is told']],
      ['Add to who took part', ['Enter the name of who took part']],
    ];
    for (const [button, messages] of forms) {
      // A note form sits under each released inject; the first is enough here.
      const [submit] = await screen.findAllByRole('button', { name: button });
      if (!submit) throw new Error(`No ${button} button`);
      expect(submit).toHaveProperty('disabled', false);
      fireEvent.click(submit);
      const form = submit.closest('form');
      if (!form) throw new Error(`${button} has no form`);
      const summary = within(form).getByRole('alert');
      expect(
        within(summary)
          .getAllByRole('link')
          .map((link) => link.textContent),
      ).toEqual(messages);
      // The summary takes focus, so a screen reader reads what is missing at once.
      await waitFor(() => expect(document.activeElement).toBe(summary));
    }
    expect(recorded).toEqual([]);

    // Typing in the box takes its message away, and the entry is sent.
    const decision = screen.getByLabelText("The group's decision");
    expect(decision.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(decision, { target: { value: 'Use the paper MAR charts' } });
    expect(decision.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    await waitFor(() =>
      expect(recorded).toEqual([
        { type: 'decision', text: 'Use the paper MAR charts', inject: 'inject-1' },
      ]),
    );
  });

  it('asks for the action, its owner and its due date on submit in the debrief', async () => {
    const recorded = serve(exerciseView({ status: 'finished', finishedAt: AT }));
    render(<ExerciseConsole id={ID} />);
    const add = await screen.findByRole('button', { name: 'Add action' });
    expect(add).toHaveProperty('disabled', false);
    fireEvent.change(screen.getByLabelText('Action'), {
      target: { value: 'Print the contacts list' },
    });
    fireEvent.click(add);
    const summary = within(add.closest('form')!).getByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Enter who owns the action', 'Enter the date the action is due']);
    fireEvent.click(screen.getByRole('button', { name: 'Add to what went well' }));
    expect(screen.getByText('Enter something that went well', { selector: 'a' })).toBeTruthy();
    expect(recorded).toEqual([]);
  });

  it('shows every value typed during the exercise in its own direction', async () => {
    const by = { at: AT, by: hostile('By') };
    serve(
      exerciseView({
        // Finished, so the debrief shows too.
        status: 'finished',
        finishedAt: AT,
        title: hostile('Title'),
        facilitator: hostile('Facilitator'),
        scenario: { id: 'care-app-down', title: hostile('Scenario'), version: 1 },
        progress: {
          'inject-1': { status: 'released', at: AT, by: 'Ann Lee', trigger: 'hand' },
          'inject-2': { status: 'skipped', ...by, reason: hostile('SkipReason') },
        },
        attendees: [{ name: hostile('Attendee'), role: hostile('RoleOfAttendee') }],
        notes: [{ seq: 4, inject: 'inject-1', text: hostile('InjectNote'), ...by }],
        decisions: [{ seq: 5, inject: null, text: hostile('Decision'), ...by }],
        debrief: [{ kind: 'went-well', text: hostile('WentWell'), by: 'Ann Lee' }],
        actions: [
          {
            number: 1,
            text: hostile('Action'),
            owner: hostile('Owner'),
            due: '2026-04-01',
            status: 'open',
          },
        ],
      }),
    );
    const { container } = render(<ExerciseConsole id={ID} />);
    await screen.findByRole('heading', { level: 1 });
    for (const field of [
      'Title',
      'Facilitator',
      'Scenario',
      'SkipReason',
      'Attendee',
      'RoleOfAttendee',
      'InjectNote',
      'Decision',
      'WentWell',
      'Action',
      'Owner',
    ])
      expectIsolated(container, field);
    cleanup();
    // A damaged log is read as its lines: who typed each, and its words.
    serve(
      exerciseView({
        timeline: [
          { seq: 6, at: AT, author: hostile('Author'), kind: 'note', text: hostile('Line') },
        ],
        log: {
          entries: 6,
          head: '0',
          checkCode: '0000-0000',
          readOnly: true,
          damaged: true,
          breaksAtLine: 7,
          problem: 'The log of this exercise does not verify at line 7.',
        },
      }),
    );
    const damaged = render(<ExerciseConsole id={ID} />);
    await screen.findByRole('heading', { level: 1 });
    expectIsolated(damaged.container, 'Author');
    expectIsolated(damaged.container, 'Line');
  });
});
