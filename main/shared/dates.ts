/** True when an ISO date is more than `months` calendar months before `now` (UTC, any time zone). */
export function isOlderThanMonths(iso: string, months: number, now: Date = new Date()): boolean {
  const limit = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()),
  );
  return new Date(`${iso}T00:00:00Z`) < limit;
}
