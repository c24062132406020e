import { isOlderThanMonths } from '../../shared/dates';

/** Contact details last checked longer ago than this are due a re-check, before an incident needs them. */
export const STALE_AFTER_MONTHS = 12;

/**
 * True when details last checked on `checkedOn`, an ISO date, are due a re-check at `now`: more
 * than STALE_AFTER_MONTHS calendar months ago. For a national contact this is when its facts were
 * checked against the source page, not the page's own date: an old page can still be right.
 * Never-checked details always are due, since nobody can say when they were last right.
 */
export function isStale(checkedOn: string | null, now: Date): boolean {
  return checkedOn === null || isOlderThanMonths(checkedOn, STALE_AFTER_MONTHS, now);
}
