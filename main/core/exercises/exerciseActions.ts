import type { ExerciseAction } from '../../contract/exerciseSchemas';
import { fail, ok, type Result } from '../../contract/result';
import type { NewEntry } from '../evidence/evidenceLog';
import type { ClockReading } from './exerciseClock';
import type { ExerciseNow } from './exerciseView';
import type { ExerciseBodies } from './replayExercise';

/** Turns one action into its log entry, after checking it against where the exercise stands. */
export function entryForAction(
  { state, parsed }: ExerciseNow,
  clock: ClockReading,
  author: string,
  action: ExerciseAction,
): Result<NewEntry | null> {
  const entry = <K extends keyof ExerciseBodies>(
    kind: K,
    body: ExerciseBodies[K],
    eventAt?: string,
  ): Result<NewEntry> => ok({ author, kind, body, ...(eventAt ? { eventAt } : {}) });
  const isKnownInject = (id: string): boolean =>
    parsed.injects.some((inject) => inject.id === id) ||
    state.adHoc.some((inject) => inject.id === id);
  const isLive = clock.status === 'running' || clock.status === 'paused';
  const notLive = fail(
    'INVALID_INPUT',
    clock.status === 'ready' ? 'Start the exercise first.' : 'This exercise has finished.',
  );

  switch (action.type) {
    case 'start':
      return clock.status === 'ready'
        ? entry('exercise', { action: 'start' })
        : fail('INVALID_INPUT', 'This exercise has already started.');
    case 'pause':
      return clock.status === 'running'
        ? entry('exercise', { action: 'pause' })
        : fail('INVALID_INPUT', 'The exercise is not running, so it cannot be paused.');
    case 'resume':
      return clock.status === 'paused'
        ? entry('exercise', { action: 'resume' })
        : fail('INVALID_INPUT', 'The exercise is not paused.');
    case 'finish':
      return isLive ? entry('exercise', { action: 'finish' }) : notLive;
    case 'reopen':
      return clock.status === 'finished'
        ? entry('exercise', { action: 'reopen' })
        : fail('INVALID_INPUT', 'The exercise has not finished, so there is nothing to reopen.');
    case 'release': {
      if (!isLive) return notLive;
      const progress = state.progress[action.inject];
      if (!parsed.injects.some((inject) => inject.id === action.inject))
        return fail('INVALID_INPUT', 'That inject is not part of this scenario.');
      if (action.trigger === 'timer') {
        // Both windows may count down to the same moment: the second one's release is already done.
        if (progress?.status === 'released') return ok(null);
        if (!clock.isDue || clock.next?.inject !== action.inject)
          return fail('INVALID_INPUT', "That inject's time has not come yet.");
        return entry(
          'inject',
          { action: 'release', inject: action.inject, trigger: 'timer' },
          clock.dueSince ?? undefined,
        );
      }
      if (progress)
        return fail('INVALID_INPUT', `That inject has already been ${progress.status}.`);
      return entry('inject', { action: 'release', inject: action.inject, trigger: 'hand' });
    }
    case 'skip': {
      if (!isLive) return notLive;
      if (!parsed.injects.some((inject) => inject.id === action.inject))
        return fail('INVALID_INPUT', 'That inject is not part of this scenario.');
      if (state.progress[action.inject])
        return fail('INVALID_INPUT', 'That inject has already been released or skipped.');
      return entry('inject', {
        action: 'skip',
        inject: action.inject,
        ...(action.reason ? { reason: action.reason } : {}),
      });
    }
    case 'adHoc': {
      if (!isLive) return notLive;
      let number = state.adHoc.length + 1;
      while (isKnownInject(`ad-hoc-${number}`)) number += 1;
      return entry('inject', {
        action: 'adHoc',
        inject: `ad-hoc-${number}`,
        title: action.title,
        text: action.text,
      });
    }
    case 'note':
    case 'decision':
      if (action.inject && !isKnownInject(action.inject))
        return fail('INVALID_INPUT', 'That inject is not part of this exercise.');
      return entry(action.type, {
        text: action.text,
        ...(action.inject ? { inject: action.inject } : {}),
      });
    case 'attendee':
      return entry('attendance', { name: action.name, role: action.role });
    case 'debrief':
      return entry('debrief', { kind: action.kind, text: action.text });
    case 'action':
      return entry('action', {
        action: 'add',
        number: state.actions.length + 1,
        text: action.text,
        owner: action.owner,
        due: action.due,
      });
    case 'actionDone': {
      const target = state.actions.find((each) => each.number === action.action);
      if (!target) return fail('INVALID_INPUT', `There is no action ${action.action}.`);
      if (target.status === 'done') return fail('INVALID_INPUT', 'That action is already done.');
      return entry('action', { action: 'done', number: action.action });
    }
    case 'practice':
      return entry('exercise', {
        action: 'practice',
        incident: action.incident,
        runbook: action.runbook,
      });
  }
}
