/** "2026-11-23" → "23 November 2026", read the same everywhere whatever the machine's time zone. */
export const formatDate = (iso: string): string =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** True when an ISO date is more than `months` calendar months before `now`. */
export function isOlderThanMonths(iso: string, months: number, now: Date = new Date()): boolean {
  const limit = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return new Date(`${iso}T00:00:00Z`) < limit;
}
