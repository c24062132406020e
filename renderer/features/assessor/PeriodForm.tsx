import { useState, type FormEvent } from 'react';
import type { EvidencePeriod } from '../../../main/contract/assessorTypes';
import { Field } from '../../ui/Field';

/** The period the evidence covers: two dates, both included, checked before anything is asked. */
export function PeriodForm({
  period,
  onChoose,
}: {
  period: EvidencePeriod;
  onChoose: (period: EvidencePeriod) => void;
}) {
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = {
      ...(from ? {} : { from: 'Enter the first day of the period' }),
      ...(to ? {} : { to: 'Enter the last day of the period' }),
      ...(from && to && from > to ? { to: 'The last day must be on or after the first day' } : {}),
    };
    setErrors(found);
    if (found.from) document.getElementById('evidence-from')?.focus();
    else if (found.to) document.getElementById('evidence-to')?.focus();
    else onChoose({ from, to });
  };
  return (
    <form className="evidence-period no-print" onSubmit={submit} noValidate>
      <fieldset className="field-group">
        <legend>Which period</legend>
        <p className="hint">Usually the last 12 months. Both days are included.</p>
        <div className="evidence-period-fields">
          <Field id="evidence-from" label="First day" error={errors.from}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={from}
                onChange={(event) => setFrom(event.target.value)}
              />
            )}
          </Field>
          <Field id="evidence-to" label="Last day" error={errors.to}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={to}
                onChange={(event) => setTo(event.target.value)}
              />
            )}
          </Field>
        </div>
        <p>
          <button type="submit">Show this period</button>
        </p>
      </fieldset>
    </form>
  );
}
