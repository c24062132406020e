import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import type { IncidentView } from '../../../main/contract/incidentTypes';
import { INCIDENT_LIMITS } from '../../../main/contract/incidentLimits';
import type { DecisionOption } from '../../../main/contract/types';
import { inertText } from '../../lib/inertText';
import type { Located } from './GuidedSteps';
import type { Act } from './useIncident';
import { ChoiceField } from '../../ui/ChoiceField';

/**
 * A decision point as large radio options. Nothing inside an option is a control: where an
 * option leads is shown in its words and happens on saving. "Save my choice" appears right under
 * the chosen answer, so it is in view however long the list is. An option that asks the person
 * to "write down why" is not saved without the reason; one that settles a clock offers to stop
 * that clock with the reason, and stops it only if asked.
 */
export function DecisionChoice({
  view,
  located,
  optionsHtml,
  act,
  saving,
  closed,
  onChosen,
}: {
  view: IncidentView;
  located: Located;
  optionsHtml: string[];
  act: Act;
  saving: boolean;
  closed: boolean;
  onChosen: (option: DecisionOption) => void;
}) {
  const { runbook, step } = located;
  const [chosen, setChosen] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [stopClock, setStopClock] = useState(false);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const confirm = useRef<HTMLDivElement>(null);
  const name = `decision-${runbook.id}-${step.id}`;
  // What the chosen answer needs, and its Save button, come into view as soon as it is chosen.
  useEffect(() => {
    if (chosen !== null) confirm.current?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  }, [chosen]);

  const option = chosen === null ? undefined : step.options[chosen];
  const clock = option?.settles
    ? view.clocks.find((each) => each.id === option.settles && each.status === 'running')
    : undefined;
  const reasonNeeded = Boolean(option?.asksReason) || (clock !== undefined && stopClock);
  const reasonShown = Boolean(option?.asksReason) || clock !== undefined;
  const reasonLabel = option?.asksReason
    ? `Why did you choose "${option.label}"? Say who decided.`
    : 'Why is the deadline not needed?';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!option || chosen === null) return;
    const why = reason.trim();
    if (reasonNeeded && !why) {
      setReasonError(`Fill in "${reasonLabel}" before saving`);
      reasonBox.current?.focus();
      return;
    }
    setReasonError(null);
    const saved = await act({
      type: 'decision',
      option: { runbook: runbook.id, step: step.id, index: chosen },
      ...(why ? { rationale: why } : {}),
    });
    if (!saved) return;
    if (clock && stopClock && why)
      await act({ type: 'stopClock', clock: clock.id, outcome: 'not-needed', reason: why });
    onChosen(option);
  };

  if (closed) return null;
  return (
    <form className="decision" noValidate onSubmit={(event) => void submit(event)}>
      <fieldset className="decision-options">
        <legend>Choose one, then save it</legend>
        {step.options.map((each, index) => (
          <Fragment key={each.label}>
            <div className="decision-option">
              <input
                type="radio"
                name={name}
                id={`${name}-${index}`}
                checked={chosen === index}
                onChange={() => {
                  setChosen(index);
                  setReasonError(null);
                  setStopClock(false);
                }}
              />
              <label htmlFor={`${name}-${index}`}>
                <strong className="decision-label">{each.label}</strong>
                <span className="decision-text">{inertText(optionsHtml[index] ?? '')}</span>
                {each.asksReason && <span className="decision-note"> You will be asked why.</span>}
              </label>
            </div>
            {chosen === index && (
              <div className="decision-confirm" ref={confirm}>
                {reasonShown && (
                  <div className="field">
                    <label htmlFor={`${name}-reason`}>{reasonLabel}</label>
                    {reasonError && (
                      <p className="field-error" id={`${name}-reason-error`}>
                        {reasonError}
                      </p>
                    )}
                    <textarea
                      id={`${name}-reason`}
                      ref={reasonBox}
                      rows={3}
                      value={reason}
                      maxLength={INCIDENT_LIMITS.reason}
                      aria-required={reasonNeeded}
                      {...(reasonError
                        ? { 'aria-invalid': true, 'aria-describedby': `${name}-reason-error` }
                        : {})}
                      onChange={(e) => setReason(e.target.value)}
                    />
                  </div>
                )}
                {clock && (
                  <ChoiceField
                    id={`${name}-stop-clock`}
                    checked={stopClock}
                    onChange={setStopClock}
                  >
                    Also mark this deadline as not needed, with the reason above: {clock.label}
                  </ChoiceField>
                )}
                <button type="submit" className="button-primary button-large" disabled={saving}>
                  Save my choice
                </button>
              </div>
            )}
          </Fragment>
        ))}
      </fieldset>
    </form>
  );
}
