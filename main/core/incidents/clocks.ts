import type { ClockKind, ClockView } from '../../contract/incidentTypes';
import { CLOCKS, type ClockId } from '../../contract/vocabulary';

const HOUR_MS = 60 * 60 * 1000;

/** A deadline this many hours away or closer is shown as urgent, on every screen that shows the clock. */
export const URGENT_BEFORE_HOURS = 12;

interface ClockRule {
  kind: ClockKind;
  /** Elapsed hours from the start to the deadline or threshold; null for "as soon as possible". */
  hours: number | null;
  duty: string;
}

/**
 * What each regulatory clock means. Hours are real elapsed hours, so a clock that crosses a
 * change to or from British Summer Time ends at a different wall-clock hour than it started.
 */
export const CLOCK_RULES: Record<ClockId, ClockRule> = {
  'personal-data-breach-72h': {
    kind: 'deadline',
    hours: 72,
    duty: 'If personal data was affected and people are likely to be at risk, report it through the DSPT incident reporting tool (it passes the report to the ICO) without undue delay: as soon as you can. 72 hours from becoming aware is the latest, not a target. If you are past 72 hours, still report it and say why it is late. If you decide not to report, record why.',
  },
  'cqc-safe-care': {
    kind: 'asap',
    hours: null,
    duty: "If you cannot meet people's assessed needs safely, notify CQC as soon as possible (provider portal or notification form).",
  },
  'cqc-equipment-24h': {
    kind: 'threshold',
    hours: 24,
    duty: 'If a call system, utility, fire alarm or other safety equipment is still down at this time (more than 24 hours), notify CQC.',
  },
};

export const isClockId = (id: string): id is ClockId => Object.hasOwn(CLOCKS, id);

/** A clock's deadline: start + its hours of real time (never "same time on the third day"). */
export function clockDueAt(startedAt: string, hours: number | null): string | null {
  return hours === null ? null : new Date(Date.parse(startedAt) + hours * HOUR_MS).toISOString();
}

/**
 * When a clock becomes urgent: URGENT_BEFORE_HOURS before its deadline, or from its start when
 * the deadline is closer than that or it has none ("as soon as possible" is urgent throughout).
 */
export function clockUrgentFrom(startedAt: string, dueAt: string | null): string {
  if (dueAt === null) return startedAt;
  const urgent = Date.parse(dueAt) - URGENT_BEFORE_HOURS * HOUR_MS;
  return urgent > Date.parse(startedAt) ? new Date(urgent).toISOString() : startedAt;
}

/** A running clock from its rule: a regulatory clock's or a contract deadline's. */
export function runningClock(clock: {
  id: string;
  label: string;
  duty: string;
  kind: ClockKind;
  startedAt: string;
  hours: number | null;
}): ClockView {
  const { hours, ...shown } = clock;
  const dueAt = clockDueAt(clock.startedAt, hours);
  return {
    ...shown,
    dueAt,
    urgentFrom: clockUrgentFrom(clock.startedAt, dueAt),
    status: 'running',
  };
}

/** A newly started regulatory clock, running. */
export function startClock(id: ClockId, startedAt: string): ClockView {
  const rule = CLOCK_RULES[id];
  return runningClock({
    id,
    label: CLOCKS[id],
    duty: rule.duty,
    kind: rule.kind,
    startedAt,
    hours: rule.hours,
  });
}

/** Milliseconds left before a running clock is due (negative once overdue); null when it has no deadline. */
export function timeLeft(clock: Pick<ClockView, 'dueAt'>, now: Date): number | null {
  return clock.dueAt === null ? null : Date.parse(clock.dueAt) - now.getTime();
}

/** Running clocks first, soonest deadline first, then "as soon as possible" clocks by age. */
export function byUrgency(a: ClockView, b: ClockView): number {
  const rank = (clock: ClockView): number => (clock.status === 'running' ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const due = (clock: ClockView): number =>
    clock.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(clock.dueAt);
  return due(a) - due(b) || Date.parse(a.startedAt) - Date.parse(b.startedAt);
}
