import type { ClockView, IncidentView } from '../../../main/contract/incidentTypes';
import { href } from '../../useRoute';
import { clockStatus, useNow } from './ClocksPanel';
import { pluralise } from '../../../main/shared/pluralise';

/** Soonest first; a clock with no deadline ("as soon as possible") counts as due now. */
function byDue(a: ClockView, b: ClockView): number {
  const due = (clock: ClockView): number => (clock.dueAt ? Date.parse(clock.dueAt) : 0);
  return due(a) - due(b);
}

/**
 * The running clocks, one short line each, with the time left before the name so a narrow
 * screen cuts the name, never the time. The details and the controls are on the Clocks tab,
 * one link away, so this costs a single Tab stop on every tab.
 */
export function RunningClocks({ view }: { view: IncidentView }) {
  const now = useNow();
  const running = view.clocks.filter((clock) => clock.status === 'running').sort(byDue);
  if (running.length === 0) return null;
  const statuses = running.map((clock) => ({ clock, status: clockStatus(clock, now) }));
  const urgent = statuses.filter(({ status }) => status.urgent).length;
  return (
    <section className="running-clocks" aria-label="Running clocks">
      <p className="running-clocks-title">
        <strong>
          {pluralise(running.length, 'clock', 'clocks')} running
          {urgent > 0 ? ` · ⚠ ${urgent} to act on now` : ''}
        </strong>{' '}
        <a href={href.incident(view.id, 'clocks')}>Clock details</a>
      </p>
      <ul>
        {statuses.map(({ clock, status }) => (
          <li key={clock.id} className={status.urgent ? 'running-clock urgent' : 'running-clock'}>
            {status.urgent ? <strong>⚠ {status.words}</strong> : status.words}
            {' · '}
            <bdi>{clock.label}</bdi>
          </li>
        ))}
      </ul>
    </section>
  );
}
