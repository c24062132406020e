import { describe, expect, it } from 'vitest';
import { isClockUrgent } from '../../shared/clockUrgency';
import { formatDuration, formatLondonTime } from '../../shared/dates';
import {
  byUrgency,
  clockDueAt,
  runningClock,
  startClock,
  timeLeft,
  URGENT_BEFORE_HOURS,
} from './clocks';

describe('regulatory clocks', () => {
  it('runs 72 real hours across the end of British Summer Time (the deadline moves an hour on the wall clock)', () => {
    // Aware 10:00 BST on Sat 24 Oct 2026; clocks go back at 02:00 BST on Sun 25 Oct.
    const clock = startClock('personal-data-breach-72h', '2026-10-24T09:00:00.000Z');
    expect(clock.dueAt).toBe('2026-10-27T09:00:00.000Z');
    expect(formatLondonTime(clock.startedAt)).toBe('Sat 24 Oct 2026, 10:00 BST');
    expect(formatLondonTime(clock.dueAt ?? '')).toBe('Tue 27 Oct 2026, 09:00 GMT');
  });

  it('runs 72 real hours across the start of British Summer Time', () => {
    // Aware 10:00 GMT on Sat 28 Mar 2026; clocks go forward at 01:00 GMT on Sun 29 Mar.
    const clock = startClock('personal-data-breach-72h', '2026-03-28T10:00:00.000Z');
    expect(formatLondonTime(clock.dueAt ?? '')).toBe('Tue 31 Mar 2026, 11:00 BST');
  });

  it('gives the 24-hour CQC threshold a due time and "as soon as possible" none', () => {
    expect(startClock('cqc-equipment-24h', '2026-03-01T02:00:00.000Z')).toMatchObject({
      kind: 'threshold',
      dueAt: '2026-03-02T02:00:00.000Z',
    });
    expect(startClock('cqc-safe-care', '2026-03-01T02:00:00.000Z')).toMatchObject({
      kind: 'asap',
      dueAt: null,
    });
    expect(clockDueAt('2026-03-01T02:00:00.000Z', null)).toBeNull();
  });

  it('counts down to the deadline and below zero once overdue', () => {
    const clock = startClock('personal-data-breach-72h', '2026-03-01T00:00:00.000Z');
    expect(timeLeft(clock, new Date('2026-03-03T23:00:00.000Z'))).toBe(60 * 60 * 1000);
    expect(timeLeft(clock, new Date('2026-03-04T01:30:00.000Z'))).toBe(-90 * 60 * 1000);
    expect(
      timeLeft(startClock('cqc-safe-care', '2026-03-01T00:00:00.000Z'), new Date()),
    ).toBeNull();
  });

  it('orders running clocks by deadline, "as soon as possible" after them, stopped clocks last', () => {
    const breach = startClock('personal-data-breach-72h', '2026-03-01T00:00:00.000Z');
    const equipment = startClock('cqc-equipment-24h', '2026-03-01T00:00:00.000Z');
    const asap = startClock('cqc-safe-care', '2026-03-01T00:00:00.000Z');
    const stopped = {
      ...startClock('cqc-equipment-24h', '2026-02-01T00:00:00.000Z'),
      status: 'done' as const,
    };
    expect([asap, stopped, breach, equipment].sort(byUrgency)).toEqual([
      equipment,
      breach,
      asap,
      stopped,
    ]);
  });

  it('says durations in words', () => {
    expect(formatDuration(30_000)).toBe('under a minute');
    expect(formatDuration(-45 * 60_000)).toBe('45 minutes');
    expect(formatDuration((2 * 24 + 3) * 3_600_000)).toBe('2 days 3 hours');
    expect(formatDuration(3_600_000)).toBe('1 hour');
  });
});

describe('when a clock is urgent (decided here, shown on every screen)', () => {
  const at = (iso: string): Date => new Date(iso);

  it('is urgent in the last 12 hours before its deadline: from exactly 12 hours left, not a millisecond before', () => {
    expect(URGENT_BEFORE_HOURS).toBe(12);
    const breach = startClock('personal-data-breach-72h', '2026-03-01T00:00:00.000Z');
    expect(breach.dueAt).toBe('2026-03-04T00:00:00.000Z');
    expect(breach.urgentFrom).toBe('2026-03-03T12:00:00.000Z');
    expect(isClockUrgent(breach, at('2026-03-03T11:59:59.999Z'))).toBe(false);
    expect(isClockUrgent(breach, at('2026-03-03T12:00:00.000Z'))).toBe(true);
    expect(isClockUrgent(breach, at('2026-03-04T06:00:00.000Z'))).toBe(true);
  });

  it('treats the 24-hour CQC threshold like a deadline: urgent from 12 hours in', () => {
    const equipment = startClock('cqc-equipment-24h', '2026-03-01T02:00:00.000Z');
    expect(equipment.urgentFrom).toBe('2026-03-01T14:00:00.000Z');
  });

  it('makes "as soon as possible" urgent from the start', () => {
    const safeCare = startClock('cqc-safe-care', '2026-03-01T02:00:00.000Z');
    expect(safeCare.urgentFrom).toBe(safeCare.startedAt);
    expect(isClockUrgent(safeCare, at('2026-03-01T02:00:00.000Z'))).toBe(true);
  });

  it('makes a contract deadline shorter than 12 hours urgent from the start, never before it', () => {
    const short = runningClock({
      id: 'contract:call-the-council',
      label: 'Call the council',
      duty: 'Phone the duty officer',
      kind: 'deadline',
      startedAt: '2026-03-01T02:00:00.000Z',
      hours: 4,
    });
    expect(short).toMatchObject({
      dueAt: '2026-03-01T06:00:00.000Z',
      urgentFrom: '2026-03-01T02:00:00.000Z',
      status: 'running',
    });
  });

  it('never calls a stopped clock urgent, even one stopped after its deadline', () => {
    const breach = startClock('personal-data-breach-72h', '2026-03-01T00:00:00.000Z');
    const late = at('2026-03-05T00:00:00.000Z');
    expect(isClockUrgent({ ...breach, status: 'done' }, late)).toBe(false);
    expect(isClockUrgent({ ...breach, status: 'not-needed' }, late)).toBe(false);
  });
});
