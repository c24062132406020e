import { useEffect, useState, type FormEvent } from 'react';
import type { ClockView, IncidentView } from '../../../main/contract/incidentTypes';
import { CLOCKS, type ClockId } from '../../../main/contract/vocabulary';
import { isClockUrgent } from '../../../main/shared/clockUrgency';
import { formatDuration } from '../../../main/shared/dates';
import { useCall } from '../../useCall';
import type { Act } from './useIncident';
import { formatMoment } from '../../lib/time';

/** The current time, updated every 30 seconds (or as often as asked) so countdowns stay true. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * What a clock says now, in words (never by colour alone). Whether it is urgent is the core's
 * decision (`urgentFrom`); here it is only compared with the ticking time.
 */
export function clockStatus(clock: ClockView, now: Date): { words: string; urgent: boolean } {
  const urgent = isClockUrgent(clock, now);
  if (clock.status === 'done')
    return { words: `Done${clock.reference ? `, reference ${clock.reference}` : ''}`, urgent };
  if (clock.status === 'not-needed') return { words: `Not needed: ${clock.reason ?? ''}`, urgent };
  if (clock.dueAt === null)
    return {
      words: `Do this as soon as possible (running for ${formatDuration(now.getTime() - Date.parse(clock.startedAt))})`,
      urgent,
    };
  const left = Date.parse(clock.dueAt) - now.getTime();
  return left >= 0
    ? { words: `${formatDuration(left)} left (due ${formatMoment(clock.dueAt)})`, urgent }
    : {
        words: `Overdue by ${formatDuration(left)} (was due ${formatMoment(clock.dueAt)})`,
        urgent,
      };
}

/** Regulatory clocks with live countdowns; each stops with a reference number or a reason. */
export function ClocksPanel({
  view,
  act,
  saving,
}: {
  view: IncidentView;
  act: Act;
  saving: boolean;
}) {
  const now = useNow();
  const closed = view.status === 'closed' || view.log.readOnly;
  const [settings] = useCall('settings.get', {});
  const isRunning = (id: string): boolean =>
    view.clocks.some((clock) => clock.id === id && clock.status === 'running');
  const startable = [
    ...(Object.keys(CLOCKS) as ClockId[]).map((id) => ({ id: id, label: CLOCKS[id] })),
    ...(settings.status === 'ready'
      ? settings.value.contractClocks.map((clock) => ({
          id: `contract:${clock.id}`,
          label: `${clock.label} (contract, ${clock.hours} hours)`,
        }))
      : []),
  ].filter((clock) => !isRunning(clock.id));
  return (
    <section aria-labelledby="clocks-heading">
      <h2 id="clocks-heading">Clocks</h2>
      {view.clocks.length === 0 && <p>No clocks are running.</p>}
      <ul className="clock-list">
        {view.clocks.map((clock) => (
          <ClockItem
            key={clock.id}
            clock={clock}
            now={now}
            act={act}
            saving={saving}
            closed={closed}
          />
        ))}
      </ul>
      {!closed && startable.length > 0 && (
        <>
          <h3>Start another clock</h3>
          <ul className="clock-start">
            {startable.map((clock) => (
              <li key={clock.id}>
                <button
                  type="button"
                  disabled={saving}
                  onClick={() => void act({ type: 'startClock', clock: clock.id })}
                >
                  Start: {clock.label}
                </button>
              </li>
            ))}
          </ul>
          <p className="hint">
            A clock you start runs from the time you became aware ({formatMoment(view.awareAt)}).
            Contract deadlines are set in Settings.
          </p>
        </>
      )}
    </section>
  );
}

function ClockItem({
  clock,
  now,
  act,
  saving,
  closed,
}: {
  clock: ClockView;
  now: Date;
  act: Act;
  saving: boolean;
  closed: boolean;
}) {
  const [stopping, setStopping] = useState<'done' | 'not-needed' | null>(null);
  const [value, setValue] = useState('');
  const status = clockStatus(clock, now);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!stopping || !value.trim()) return;
    const saved = await act({
      type: 'stopClock',
      clock: clock.id,
      outcome: stopping,
      ...(stopping === 'done' ? { reference: value.trim() } : { reason: value.trim() }),
    });
    if (saved) setStopping(null);
  };
  return (
    <li className={`clock clock-${clock.status}${status.urgent ? ' clock-urgent' : ''}`}>
      <p className="clock-label">
        <strong>{clock.label}</strong>
      </p>
      <p className="clock-status">
        {status.urgent ? <strong>⚠ {status.words}</strong> : status.words}
      </p>
      <p className="clock-duty">{clock.duty}</p>
      <p className="hint">Started {formatMoment(clock.startedAt)}</p>
      {clock.status === 'running' && !closed && !stopping && (
        <p className="clock-actions">
          <button type="button" disabled={saving} onClick={() => setStopping('done')}>
            Mark done
          </button>{' '}
          <button type="button" disabled={saving} onClick={() => setStopping('not-needed')}>
            Not needed
          </button>
        </p>
      )}
      {stopping && (
        <form onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor={`clock-${clock.id}`}>
              {stopping === 'done' ? 'Reference number you were given' : 'Why is it not needed?'}
            </label>
            <input
              id={`clock-${clock.id}`}
              value={value}
              maxLength={stopping === 'done' ? 120 : 1000}
              required
              autoFocus
              onChange={(e) => setValue(e.target.value)}
            />
          </div>
          <button type="submit" className="button-primary" disabled={saving || !value.trim()}>
            Save
          </button>{' '}
          <button type="button" onClick={() => setStopping(null)}>
            Cancel
          </button>
        </form>
      )}
    </li>
  );
}
