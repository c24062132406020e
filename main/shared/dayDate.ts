const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "2026-11-23" → "23 November 2026", read the same everywhere whatever the machine's time zone.
 * Written out by hand rather than with toLocaleDateString: the first Intl call of a page loads
 * its locale data, about 15 ms on the reader's first screen (npm run bench -- --only=reader), and
 * Holdfast only ever writes British English dates. Anything that is not a real calendar date is
 * left to Intl, which says "Invalid Date" as before.
 */
export const formatDate = (iso: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = new Date(`${iso}T12:00:00Z`);
  if (match && date.getUTCDate() === Number(match[3]))
    return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
};
