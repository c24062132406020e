import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ClockView, IncidentView } from '../../../main/contract/incidentTypes';
import { CLOCKS, type ClockId } from '../../../main/contract/vocabulary';
import { isClockUrgent } from '../../../main/shared/clockUrgency';
import { formatDuration } from '../../../main/shared/dates';
import { isolatedText } from '../../../main/shared/documentText';
import { useCall } from '../../useCall';
import { useRequiredFields } from '../../ui/useRequiredFields';
import type { Act } from './useIncident';
import { formatMoment, fromLocalInput, toLocalInput } from '../../lib/time';
import { CQC_CLOCKS, cqcApplies } from '../../../main/shared/regulators';
import { EQUIPMENT_CLOCK, EquipmentDownForm, whenProblem } from './EquipmentDownForm';

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
    // Typed words inside the status line are isolated (see isolatedText): it is one string.
    return {
      words: `Done${clock.reference ? `, reference ${isolatedText(clock.reference)}` : ''}`,
      urgent,
    };
  if (clock.status === 'not-needed')
    return { words: `Not needed: ${isolatedText(clock.reason ?? '')}`, urgent };
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

/**
 * Regulatory clocks with live countdowns; each stops with a reference number or a reason, and
 * each can be moved to an earlier start with a reason (a new log entry, never an edit).
 */
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
  // Until Settings answer, CQC is assumed (as the core does when the provider type is not set).
  const cqc = settings.status !== 'ready' || cqcApplies(settings.value);
  const isRunning = (id: string): boolean =>
    view.clocks.some((clock) => clock.id === id && clock.status === 'running');
  const equipmentStarted = view.clocks.some((clock) => clock.id === EQUIPMENT_CLOCK);
  const startable = [
    ...(Object.keys(CLOCKS) as ClockId[])
      .filter((id) => id !== EQUIPMENT_CLOCK && (cqc || !CQC_CLOCKS.includes(id)))
      .map((id) => ({ id: id, label: CLOCKS[id] })),
    ...(settings.status === 'ready'
      ? settings.value.contractClocks.map((clock) => ({
          id: `contract:${clock.id}`,
          label: `${clock.label} (contract, ${clock.hours} hours)`,
        }))
      : []),
  ].filter((clock) => !isRunning(clock.id));
  return (
    <section aria-labelledby="clocks-heading">
      <h2 id="clocks-heading" tabIndex={-1}>
        Clocks
      </h2>
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
      {!closed && cqc && !equipmentStarted && (
        <EquipmentDownForm
          act={act}
          saving={saving}
          onStarted={() => document.getElementById('clocks-heading')?.focus()}
        />
      )}
      {!closed && !cqc && (
        <p className="hint">
          Settings say this pharmacy is not registered with CQC, so no CQC clocks are offered. Tell
          your ICB pharmacy contract team if you have to close or cut services.
        </p>
      )}
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
            A clock you start runs from the time you became aware ({formatMoment(view.awareAt)}). If
            it really started earlier, change its start time once it is running. Contract deadlines
            are set in Settings.
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
  const [changingStart, setChangingStart] = useState(false);
  const changeButton = useRef<HTMLButtonElement>(null);
  // The form replaces the button; when it closes, keyboard focus goes back to the button. Only
  // once the button is back and no longer disabled by the save in flight: a disabled button
  // cannot take focus, and focus would drop to the page.
  const [refocusChange, setRefocusChange] = useState(false);
  const closeChangeStart = (): void => {
    setChangingStart(false);
    setRefocusChange(true);
  };
  useEffect(() => {
    if (!refocusChange || changingStart || saving || !changeButton.current) return;
    changeButton.current.focus();
    setRefocusChange(false);
  }, [refocusChange, changingStart, saving]);
  const [value, setValue] = useState('');
  const required = useRequiredFields();
  const fieldId = `clock-${clock.id}`;
  const status = clockStatus(clock, now);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!stopping) return;
    const filled = required.check([
      {
        id: fieldId,
        filled: !!value.trim(),
        message:
          stopping === 'done'
            ? 'Enter the reference number you were given'
            : 'Enter why it is not needed',
      },
    ]);
    if (!filled) return;
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
        <strong>
          <bdi>{clock.label}</bdi>
        </strong>
      </p>
      <p className="clock-status">
        {status.urgent ? <strong>⚠ {status.words}</strong> : status.words}
      </p>
      <p className="clock-duty">
        <bdi>{clock.duty}</bdi>
      </p>
      <p className="hint">Started {formatMoment(clock.startedAt)}</p>
      {!closed &&
        !stopping &&
        !changingStart &&
        (clock.status === 'running' || clock.dueAt !== null) && (
          <p className="clock-actions">
            {clock.status === 'running' && (
              <>
                <button type="button" disabled={saving} onClick={() => setStopping('done')}>
                  Mark done
                </button>{' '}
                <button type="button" disabled={saving} onClick={() => setStopping('not-needed')}>
                  Not needed
                </button>{' '}
              </>
            )}
            {clock.dueAt !== null && (
              <button
                type="button"
                ref={changeButton}
                disabled={saving}
                onClick={() => setChangingStart(true)}
              >
                Started earlier? Change start time
              </button>
            )}
          </p>
        )}
      {changingStart && (
        <ChangeStartForm clock={clock} act={act} saving={saving} onDone={closeChangeStart} />
      )}
      {stopping && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          {required.summary}
          <div className="field">
            <label htmlFor={fieldId}>
              {stopping === 'done' ? 'Reference number you were given' : 'Why is it not needed?'}
            </label>
            {required.errorFor(fieldId)}
            <input
              id={fieldId}
              value={value}
              maxLength={stopping === 'done' ? 120 : 1000}
              autoFocus
              {...required.controlProps(fieldId)}
              onChange={(e) => {
                setValue(e.target.value);
                required.clear(fieldId);
              }}
            />
          </div>
          <button type="submit" className="button-primary" disabled={saving}>
            Save
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setStopping(null);
              required.check([]);
            }}
          >
            Cancel
          </button>
        </form>
      )}
    </li>
  );
}

type FieldErrors = Partial<Record<'when' | 'reason', string>>;

/** "Started earlier?": a new start time and the reason, both required; the core logs it as a new entry. */
function ChangeStartForm({
  clock,
  act,
  saving,
  onDone,
}: {
  clock: ClockView;
  act: Act;
  saving: boolean;
  onDone: () => void;
}) {
  const [when, setWhen] = useState(() => toLocalInput(new Date(clock.startedAt)));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const equipment = clock.id === EQUIPMENT_CLOCK;
  const question = equipment ? 'When it stopped working' : 'When it really started';
  const whenId = `clock-start-${clock.id}`;
  const reasonId = `clock-start-reason-${clock.id}`;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found: FieldErrors = {};
    const problem = whenProblem(when, question);
    const at = fromLocalInput(when);
    if (problem) found.when = problem;
    else if (at && Date.parse(at) >= Date.parse(clock.startedAt))
      found.when = `${question} must be earlier than the start it shows now (${formatMoment(clock.startedAt)}).`;
    if (!reason.trim()) found.reason = 'Say why the clock started earlier.';
    setErrors(found);
    if (found.when) document.getElementById(whenId)?.focus();
    else if (found.reason) document.getElementById(reasonId)?.focus();
    if (found.when || found.reason || !at) return;
    const saved = await act({
      type: 'correctClockStart',
      clock: clock.id,
      startedAt: at,
      reason: reason.trim(),
    });
    if (saved) onDone();
  };
  return (
    <form
      className="clock-start-change"
      aria-label={`Change start time: ${clock.label}`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <div className="field">
        <label htmlFor={whenId}>
          {equipment ? 'When did it stop working?' : 'When did it really start?'}
        </label>
        <p className="hint" id={`${whenId}-hint`}>
          {equipment
            ? 'The CQC 24 hours run from when the equipment or utility failed, not from when you noticed.'
            : 'For a data breach, the 72 hours run from when you became aware of it.'}{' '}
          The first start stays in the log.
        </p>
        <input
          id={whenId}
          type="datetime-local"
          value={when}
          autoFocus
          aria-describedby={`${whenId}-hint${errors.when ? ` ${whenId}-error` : ''}`}
          aria-invalid={errors.when ? true : undefined}
          onChange={(e) => setWhen(e.target.value)}
        />
        {errors.when && (
          <p className="field-error" id={`${whenId}-error`}>
            {errors.when}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={reasonId}>Why did it start earlier?</label>
        <input
          id={reasonId}
          value={reason}
          maxLength={1000}
          aria-describedby={errors.reason ? `${reasonId}-error` : undefined}
          aria-invalid={errors.reason ? true : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {errors.reason && (
          <p className="field-error" id={`${reasonId}-error`}>
            {errors.reason}
          </p>
        )}
      </div>
      <button type="submit" className="button-primary" disabled={saving}>
        Save the new start time
      </button>{' '}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
