import { pluralise } from './pluralise';
/** True when an ISO date is more than `months` calendar months before `now` (UTC, any time zone). */
export function isOlderThanMonths(iso: string, months: number, now: Date = new Date()): boolean {
  const limit = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()),
  );
  return new Date(`${iso}T00:00:00Z`) < limit;
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** A moment as people in England read it, with GMT or BST said out loud: "Tue 27 Oct 2026, 09:00 GMT". */
export function formatLondonTime(iso: string): string {
  const parts = Object.fromEntries(
    LONDON.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

/** A duration in words for countdowns: "2 days 3 hours", "45 minutes", "under a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  if (minutes < 1) return 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const plural = (n: number, word: string): string => pluralise(n, word, `${word}s`);
  if (days > 0)
    return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0)
    return mins > 0 ? `${plural(hours, 'hour')} ${plural(mins, 'minute')}` : plural(hours, 'hour');
  return plural(mins, 'minute');
}
