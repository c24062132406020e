import { isOlderThanMonths } from '../../shared/dates';

/** Contact details last checked longer ago than this are due a re-check, before an incident needs them. */
export const STALE_AFTER_MONTHS = 12;

/**
 * True when details checked (or, for a national contact, sourced) on `checkedOn`, an ISO date,
 * are due a re-check at `now`: more than STALE_AFTER_MONTHS calendar months ago. Undated details
 * always are, since nobody can say when they were last right.
 */
export function isStale(checkedOn: string | null, now: Date): boolean {
  return checkedOn === null || isOlderThanMonths(checkedOn, STALE_AFTER_MONTHS, now);
}
