import { useState, type FormEvent, type ReactNode } from 'react';
import { fromLocalInput, toLocalInput } from '../../lib/time';
import type { Act } from './useIncident';

/** The clock that starts from when equipment or a utility failed, asked for with its own question. */
export const EQUIPMENT_CLOCK = 'cqc-equipment-24h';

/** A typed moment's problem in the words of the question that asked for it, or null. */
export function whenProblem(value: string, question: string): string | null {
  const at = fromLocalInput(value);
  if (!at) return `Enter ${question.toLowerCase()}, as a date and time.`;
  if (Date.parse(at) > Date.now() + 60_000) return `${question} cannot be in the future.`;
  return null;
}

/**
 * The CQC 24-hour clock starts only when someone says equipment or a utility is down, and runs
 * from when it stopped working.
 */
export function EquipmentDownForm({
  act,
  saving,
  idPrefix = 'equipment-down',
  headingLevel = 3,
  onStarted,
  children,
}: {
  act: Act;
  saving: boolean;
  /** Keeps ids unique when the form shows in more than one place. */
  idPrefix?: string;
  headingLevel?: 2 | 3;
  /** The form goes once the clock runs: this moves keyboard focus somewhere that stays. */
  onStarted?: () => void;
  /** Extra controls beside the start button (for example "nothing is down"). */
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const whenId = `${idPrefix}-at`;
  const [when, setWhen] = useState(() => toLocalInput(new Date()));
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const problem = whenProblem(when, 'When it stopped working');
    setError(problem);
    const at = fromLocalInput(when);
    if (problem || !at) {
      document.getElementById(whenId)?.focus();
      return;
    }
    if (await act({ type: 'startClock', clock: EQUIPMENT_CLOCK, startedAt: at })) onStarted?.();
  };
  return (
    <form
      className="equipment-down"
      aria-labelledby={`${idPrefix}-heading`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <Heading id={`${idPrefix}-heading`}>Is equipment or a utility down?</Heading>
      <p>
        If call bells, phones, power, water, heating, a fire alarm or other safety equipment stopped
        working, start the CQC 24-hour clock from when it stopped.
      </p>
      <div className="field">
        <label htmlFor={whenId}>When did it stop working?</label>
        <input
          id={whenId}
          type="datetime-local"
          value={when}
          aria-describedby={error ? `${whenId}-error` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setWhen(e.target.value)}
        />
        {error && (
          <p className="field-error" id={`${whenId}-error`}>
            {error}
          </p>
        )}
      </div>
      <p className="clock-actions">
        <button type="submit" disabled={saving}>
          Start the 24-hour clock
        </button>{' '}
        {children}
      </p>
    </form>
  );
}
