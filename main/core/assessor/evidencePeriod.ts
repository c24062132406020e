import type { EvidencePeriod } from '../../contract/assessorTypes';

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** The day a moment falls on in London, where every provider Holdfast serves is, as YYYY-MM-DD. */
export const londonDay = (moment: string | Date): string =>
  LONDON_DAY.format(typeof moment === 'string' ? new Date(moment) : moment);

/**
 * The last 12 months up to today, both ends included: on 5 December 2026, 6 December 2025 to
 * 5 December 2026 (an assessor asks about "the last year", and a day counted twice would show an
 * exercise from the year before).
 */
export function lastTwelveMonths(now: Date): EvidencePeriod {
  const to = londonDay(now);
  const [year, month, day] = to.split('-').map(Number) as [number, number, number];
  // The same date a year earlier (29 February becomes 28 February), then the day after it.
  const lastDayOfMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  const yearBefore = Date.UTC(year - 1, month - 1, Math.min(day, lastDayOfMonth));
  const from = new Date(yearBefore + 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** The day (YYYY-MM-DD) is inside the period. */
export const isInPeriod = (day: string, period: EvidencePeriod): boolean =>
  day >= period.from && day <= period.to;

/**
 * Something that ran from `start` to `end` (null: still running) touched the period: an incident
 * opened before it and closed during it belongs to it as much as one opened during it.
 */
export const overlapsPeriod = (
  start: string,
  end: string | null,
  period: EvidencePeriod,
): boolean => londonDay(start) <= period.to && (end === null || londonDay(end) >= period.from);
