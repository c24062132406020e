import { formatDate } from './formatDate';

/**
 * The plain line every screen and the printed pack show under a national contact: when its facts
 * were last checked against the source page, then the page's own date when it shows one.
 * "Last checked 4 December 2026. Page dated 7 November 2023."
 */
export function nationalSourceDates(dates: {
  checked?: string | null;
  pageDate?: string | null;
}): string {
  const checked = dates.checked ? `Last checked ${formatDate(dates.checked)}.` : 'Never checked.';
  return dates.pageDate ? `${checked} Page dated ${formatDate(dates.pageDate)}.` : checked;
}

/** The warning shown when a national contact's facts are due a re-check. */
export function nationalStaleWarning(checked: string | null | undefined): string {
  return checked
    ? 'These details were last checked more than 12 months ago. Check they are still right when you can.'
    : 'Nobody has recorded when these details were checked. Check they are still right when you can.';
}
