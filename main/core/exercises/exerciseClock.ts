import type { ExerciseClockView, ExerciseStatus } from '../../contract/exerciseTypes';

/** A moment the exercise clock changed, as the log records it. */
export interface ClockEvent {
  action: 'start' | 'pause' | 'resume' | 'finish' | 'reopen';
  /** Milliseconds since the epoch. */
  at: number;
}

/** What the clock needs to know about an inject, in scenario order. */
export interface ClockInject {
  id: string;
  /** Running time after the start when it is due; null when it is released by hand only. */
  releaseAfterMs: number | null;
  /** Released or skipped already. */
  isDone: boolean;
}

/** Where an exercise stands at one moment. */
export interface ClockReading extends ExerciseClockView {
  status: ExerciseStatus;
  /** The next inject's time has come and the exercise is running: the timer may release it. */
  isDue: boolean;
  /** When the next inject became due (earlier than now when nobody was there to release it). */
  dueSince: string | null;
}

/** The status and running time (pauses excluded) that a list of clock events adds up to at `now`. */
export function runningTime(
  events: readonly ClockEvent[],
  now: number,
): { status: ExerciseStatus; elapsedMs: number } {
  let status: ExerciseStatus = 'ready';
  let elapsedMs = 0;
  let runningSince: number | null = null;
  for (const event of events) {
    if (event.action === 'start' && status === 'ready') {
      status = 'running';
      runningSince = event.at;
    } else if (event.action === 'reopen' && status === 'finished') {
      // Reopened after finishing by mistake: the clock stays stopped until the facilitator resumes.
      status = 'paused';
    } else if (event.action === 'resume' && status === 'paused') {
      status = 'running';
      runningSince = event.at;
    } else if (
      (event.action === 'pause' && status === 'running') ||
      (event.action === 'finish' && status !== 'finished')
    ) {
      if (runningSince !== null) elapsedMs += Math.max(0, event.at - runningSince);
      runningSince = null;
      status = event.action === 'pause' ? 'paused' : 'finished';
    }
  }
  if (runningSince !== null) elapsedMs += Math.max(0, now - runningSince);
  return { status, elapsedMs };
}

/**
 * The exercise clock, worked out from the log alone so a restart carries on exactly where it was.
 * Injects come one at a time in scenario order: the next is the first neither released nor
 * skipped. A timed one is due once the running time reaches its release time; a pause stops the
 * countdown; a manual one waits for the facilitator, however long the exercise has run.
 */
export function readClock(
  events: readonly ClockEvent[],
  injects: readonly ClockInject[],
  now: number,
): ClockReading {
  const { status, elapsedMs } = runningTime(events, now);
  const base = { status, elapsedMs, at: new Date(now).toISOString() };
  const next = status === 'finished' ? undefined : injects.find((inject) => !inject.isDone);
  if (!next) return { ...base, next: null, isDue: false, dueSince: null };
  if (next.releaseAfterMs === null) {
    return {
      ...base,
      next: { inject: next.id, manual: true, dueAt: null, remainingMs: null },
      isDue: false,
      dueSince: null,
    };
  }
  const remainingMs = next.releaseAfterMs - elapsedMs;
  const isRunning = status === 'running';
  return {
    ...base,
    next: {
      inject: next.id,
      manual: !isRunning,
      dueAt: isRunning ? new Date(now + Math.max(0, remainingMs)).toISOString() : null,
      remainingMs: Math.max(0, remainingMs),
    },
    isDue: isRunning && remainingMs <= 0,
    dueSince: isRunning && remainingMs <= 0 ? new Date(now + remainingMs).toISOString() : null,
  };
}
