import type { ClockView } from '../contract/incidentTypes';

/**
 * True while a running clock is urgent at `now`: from the moment the core set (`urgentFrom`) on,
 * that moment included. A stopped clock is never urgent, however late it was stopped.
 */
export const isClockUrgent = (
  clock: Pick<ClockView, 'status' | 'urgentFrom'>,
  now: Date,
): boolean => clock.status === 'running' && now.getTime() >= Date.parse(clock.urgentFrom);
