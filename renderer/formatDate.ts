/** "2026-11-23" → "23 November 2026", read the same everywhere whatever the machine's time zone. */
export const formatDate = (iso: string): string =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export { isOlderThanMonths } from '../main/shared/dates';
