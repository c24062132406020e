import { useEffect, useRef } from 'react';
import type { ExerciseView } from '../../../main/contract/exerciseTypes';
import { formatDuration } from '../../../main/shared/dates';
import { isolatedText } from '../../../main/shared/documentText';
import { useNow } from '../incidents/ClocksPanel';
import { formatMoment } from '../../lib/time';
import type { ExerciseAct } from './useExercise';

const STATUS_WORDS = {
  ready: 'Not started yet',
  running: 'Running',
  paused: 'Paused',
  finished: 'Finished',
} as const;

/** Running time now, counted on from the moment the core made the view (never a timer of our own). */
export function elapsedNow(view: ExerciseView, now: Date): number {
  return view.status === 'running'
    ? view.clock.elapsedMs + Math.max(0, now.getTime() - Date.parse(view.clock.at))
    : view.clock.elapsedMs;
}

/** Where the exercise stands and what comes next, in words; its timer releases the next inject when it falls due. */
export function ExerciseClockPanel({
  view,
  act,
  isFacilitator,
}: {
  view: ExerciseView;
  act: ExerciseAct;
  isFacilitator: boolean;
}) {
  const now = useNow(1000);
  const next = view.clock.next;
  const nextInject = next ? view.injects.find((inject) => inject.id === next.inject) : undefined;
  const dueAt = next?.dueAt ?? null;

  // Only the facilitator's window releases on the timer, once per inject; the core refuses a
  // release whose time has not come, so a wrong local clock cannot release early.
  const firedFor = useRef<string | null>(null);
  const nextId = next?.inject ?? null;
  useEffect(() => {
    if (
      !isFacilitator ||
      view.status !== 'running' ||
      nextId === null ||
      dueAt === null ||
      firedFor.current === nextId
    )
      return undefined;
    const timer = setTimeout(
      () => {
        firedFor.current = nextId;
        void act({ type: 'release', inject: nextId, trigger: 'timer' }).then((saved) => {
          if (!saved) firedFor.current = null;
        });
      },
      Math.max(0, Date.parse(dueAt) - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [isFacilitator, view.status, nextId, dueAt, act]);

  let nextWords = 'No more injects.';
  if (next && nextInject) {
    // A title typed into a scenario, inside one line of words (see isolatedText).
    const title = isolatedText(nextInject.title);
    if (next.remainingMs === null)
      nextWords = `Next: "${title}", released by hand when you are ready.`;
    else if (view.status === 'running' && dueAt) {
      const left = Date.parse(dueAt) - now.getTime();
      nextWords = `Next: "${title}" in ${left > 0 ? formatDuration(left) : 'a moment'} (at ${formatMoment(dueAt)}).`;
    } else
      nextWords = `Next: "${title}", ${formatDuration(next.remainingMs)} of running time after the clock ${view.status === 'ready' ? 'starts' : 'resumes'}.`;
  }
  return (
    <section className="exercise-clock" aria-label="Exercise clock">
      <p>
        <strong>{STATUS_WORDS[view.status]}</strong> · Running time{' '}
        {formatDuration(elapsedNow(view, now))} (pauses not counted)
      </p>
      {view.status !== 'finished' && <p>{nextWords}</p>}
    </section>
  );
}
