import { describe, expect, it } from 'vitest';
import { readClock, runningTime, type ClockEvent, type ClockInject } from './exerciseClock';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const min = (n: number): number => n * 60_000;
const at = (minutes: number): number => T0 + min(minutes);

/** A fake clock: the test moves time on by hand and reads the exercise clock at each moment. */
function fakeExercise(injects: Array<[string, number | null]>) {
  const events: ClockEvent[] = [];
  const done = new Set<string>();
  let now = T0;
  const list = (): ClockInject[] =>
    injects.map(([id, minutes]) => ({
      id,
      releaseAfterMs: minutes === null ? null : min(minutes),
      isDone: done.has(id),
    }));
  return {
    advance: (minutes: number) => (now += min(minutes)),
    event: (action: ClockEvent['action']) => events.push({ action, at: now }),
    release: (id: string) => done.add(id),
    read: () => readClock(events, list(), now),
  };
}

describe('exercise clock', () => {
  it('is ready, with nothing due, until the facilitator starts it', () => {
    const exercise = fakeExercise([['first', 0]]);
    exercise.advance(30);
    expect(exercise.read()).toMatchObject({
      status: 'ready',
      elapsedMs: 0,
      isDue: false,
      next: { inject: 'first', manual: true, dueAt: null, remainingMs: 0 },
    });
  });

  it('counts down to a timed inject and makes it due exactly at its release time', () => {
    const exercise = fakeExercise([
      ['first', 0],
      ['second', 15],
    ]);
    exercise.event('start');
    expect(exercise.read()).toMatchObject({
      isDue: true,
      dueSince: new Date(T0).toISOString(),
      next: { inject: 'first' },
    });
    exercise.release('first');
    exercise.advance(10);
    expect(exercise.read()).toMatchObject({
      status: 'running',
      elapsedMs: min(10),
      isDue: false,
      next: {
        inject: 'second',
        manual: false,
        remainingMs: min(5),
        dueAt: new Date(at(15)).toISOString(),
      },
    });
    exercise.advance(5);
    expect(exercise.read()).toMatchObject({
      isDue: true,
      dueSince: new Date(at(15)).toISOString(),
    });
  });

  it('stops the countdown while paused and carries on from the same point on resume', () => {
    const exercise = fakeExercise([['first', 20]]);
    exercise.event('start');
    exercise.advance(12);
    exercise.event('pause');
    exercise.advance(45);
    expect(exercise.read()).toMatchObject({
      status: 'paused',
      elapsedMs: min(12),
      isDue: false,
      next: { inject: 'first', manual: true, dueAt: null, remainingMs: min(8) },
    });
    exercise.event('resume');
    exercise.advance(7);
    expect(exercise.read()).toMatchObject({
      status: 'running',
      elapsedMs: min(19),
      isDue: false,
      next: { remainingMs: min(1), dueAt: new Date(at(12 + 45 + 8)).toISOString() },
    });
    exercise.advance(1);
    expect(exercise.read().isDue).toBe(true);
  });

  it('never releases a manual inject on a timer, and timed injects after it wait for it', () => {
    const exercise = fakeExercise([
      ['by-hand', null],
      ['timed', 5],
    ]);
    exercise.event('start');
    exercise.advance(120);
    expect(exercise.read()).toMatchObject({
      isDue: false,
      next: { inject: 'by-hand', manual: true, dueAt: null, remainingMs: null },
    });
    exercise.release('by-hand');
    expect(exercise.read()).toMatchObject({
      isDue: true,
      dueSince: new Date(at(5)).toISOString(),
      next: { inject: 'timed' },
    });
  });

  it('lets a timed inject be released early by hand, and moves on to the next', () => {
    const exercise = fakeExercise([
      ['first', 30],
      ['second', 40],
    ]);
    exercise.event('start');
    exercise.advance(2);
    exercise.release('first');
    expect(exercise.read()).toMatchObject({
      isDue: false,
      next: { inject: 'second', remainingMs: min(38) },
    });
  });

  it('has nothing next once every inject is done or the exercise is finished', () => {
    const exercise = fakeExercise([['only', 0]]);
    exercise.event('start');
    exercise.advance(3);
    exercise.event('finish');
    exercise.advance(60);
    expect(exercise.read()).toMatchObject({
      status: 'finished',
      elapsedMs: min(3),
      next: null,
      isDue: false,
    });
  });

  it('ignores clock events that make no sense in order (a second start, a resume while running)', () => {
    const events: ClockEvent[] = [
      { action: 'start', at: at(0) },
      { action: 'resume', at: at(5) },
      { action: 'start', at: at(6) },
      { action: 'pause', at: at(10) },
      { action: 'pause', at: at(11) },
    ];
    expect(runningTime(events, at(30))).toEqual({ status: 'paused', elapsedMs: min(10) });
  });
});
