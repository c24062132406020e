import { useEffect, useRef, useState, type FormEvent } from 'react';
import type {
  IncidentRunbook,
  IncidentView,
  StepProgress,
} from '../../../main/contract/incidentTypes';
import type { Phase, RunbookView, Step } from '../../../main/contract/types';
import { SafeHtml } from '../../ui/SafeHtml';
import { href } from '../../useRoute';
import type { Act } from './useIncident';
import { formatMoment } from '../../lib/time';
import { EquipmentClockPrompt } from './EquipmentClockPrompt';

const STATUS_WORDS: Record<StepProgress['status'], string> = {
  done: 'Done',
  cant: "Can't do",
  skipped: 'Skipped',
};

interface Located {
  runbook: IncidentRunbook & { view: RunbookView };
  phase: Phase;
  step: Step;
}

function allSteps(view: IncidentView): Located[] {
  const steps: Located[] = [];
  for (const runbook of view.runbooks) {
    if (!runbook.view) continue;
    for (const phase of runbook.view.phases)
      for (const step of phase.steps)
        steps.push({ runbook: runbook as Located['runbook'], phase, step });
  }
  return steps;
}

const keyOf = (located: Located): string => `${located.runbook.id}/${located.step.id}`;

/** Guided mode: one step at a time with large controls, the list of all steps beside it. */
export function GuidedSteps({
  view,
  act,
  saving,
  runbookId,
  stepId,
}: {
  view: IncidentView;
  act: Act;
  saving: boolean;
  runbookId?: string;
  stepId?: string;
}) {
  const steps = allSteps(view);
  const current =
    steps.find((located) => located.runbook.id === runbookId && located.step.id === stepId) ??
    steps.find((located) => !view.steps[keyOf(located)]) ??
    steps[0];
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focusKey = current ? keyOf(current) : '';
  useEffect(() => {
    if (runbookId) heading.current?.focus();
  }, [focusKey, runbookId]);

  if (!current)
    return (
      <p>
        This incident has no runbook steps. Add a runbook below, or use the log to record what
        happens.
      </p>
    );
  const goTo = (runbook: string, step: string): void => {
    window.location.hash = href.incidentStep(view.id, runbook, step);
  };
  const next = (): void => {
    const index = steps.indexOf(current);
    const following = [...steps.slice(index + 1), ...steps.slice(0, index)].find(
      (located) => !view.steps[keyOf(located)] && keyOf(located) !== keyOf(current),
    );
    if (following) goTo(following.runbook.id, following.step.id);
  };

  return (
    <div className="guided">
      <StepList view={view} steps={steps} current={current} />
      <div className="guided-current">
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {current.runbook.newerVersionAvailable && (
          <p className="notice">
            A newer version of "{current.runbook.title}" exists. This incident keeps following the
            version it started with, so the log shows the guidance you followed.
          </p>
        )}
        {current.runbook.problem && (
          <p className="notice" role="alert">
            {current.runbook.problem}
          </p>
        )}
        <CurrentStep
          view={view}
          located={current}
          act={act}
          saving={saving}
          onNotice={setNotice}
          onNext={next}
          onStepLink={(step) => goTo(current.runbook.id, step)}
          heading={heading}
        />
        <EquipmentClockPrompt view={view} runbook={current.runbook} act={act} saving={saving} />
      </div>
    </div>
  );
}

function StepList({
  view,
  steps,
  current,
}: {
  view: IncidentView;
  steps: Located[];
  current: Located;
}) {
  return (
    <nav className="step-list" aria-label="All steps">
      {view.runbooks.map((runbook) =>
        runbook.view ? (
          <div key={runbook.id}>
            {view.runbooks.length > 1 && <h2 className="step-list-runbook">{runbook.title}</h2>}
            {runbook.view.phases.map((phase) => {
              const inPhase = steps.filter(
                (located) => located.runbook.id === runbook.id && located.phase.id === phase.id,
              );
              const answered = inPhase.filter((located) => view.steps[keyOf(located)]).length;
              return (
                <section
                  key={phase.id}
                  aria-label={`${phase.title}: ${answered} of ${inPhase.length} answered`}
                >
                  <h3 className="step-list-phase">
                    {phase.title}{' '}
                    <span className="step-list-progress">
                      {answered} of {inPhase.length}
                    </span>
                  </h3>
                  <ol>
                    {inPhase.map((located) => {
                      const progress = view.steps[keyOf(located)];
                      const isCurrent = keyOf(located) === keyOf(current);
                      return (
                        <li key={located.step.id}>
                          <a
                            href={href.incidentStep(view.id, runbook.id, located.step.id)}
                            aria-current={isCurrent ? 'step' : undefined}
                            className={isCurrent ? 'step-link current' : 'step-link'}
                          >
                            <span
                              className={`step-status step-status-${progress?.status ?? 'todo'}`}
                            >
                              {progress ? STATUS_WORDS[progress.status] : 'To do'}
                            </span>
                            <span className="step-link-text">
                              {located.step.number}.{' '}
                              {plainHeadline(
                                runbook.view?.html.steps[located.step.id]?.text ??
                                  located.step.text,
                              )}
                            </span>
                          </a>
                        </li>
                      );
                    })}
                  </ol>
                </section>
              );
            })}
          </div>
        ) : null,
      )}
    </nav>
  );
}

/** Headline HTML (already safe) as text for the step list. */
function plainHeadline(html: string): string {
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text.length > 90 ? `${text.slice(0, 88)}…` : text;
}

function CurrentStep({
  view,
  located,
  act,
  saving,
  onNotice,
  onNext,
  onStepLink,
  heading,
}: {
  view: IncidentView;
  located: Located;
  act: Act;
  saving: boolean;
  onNotice: (message: string) => void;
  onNext: () => void;
  onStepLink: (step: string) => void;
  heading: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { runbook, phase, step } = located;
  const html = runbook.view.html.steps[step.id] ?? { text: '', details: '', options: [] };
  const progress = view.steps[keyOf(located)];
  const [asking, setAsking] = useState<'cant' | 'skipped' | 'note' | null>(null);
  const [text, setText] = useState('');
  const closed = view.status === 'closed' || view.log.readOnly;
  useEffect(() => {
    setAsking(null);
    setText('');
  }, [located.runbook.id, located.step.id]);

  const record = async (
    status: 'done' | 'cant' | 'skipped' | 'reopened',
    reason?: string,
  ): Promise<void> => {
    const saved = await act({
      type: 'step',
      runbook: runbook.id,
      step: step.id,
      status,
      ...(reason ? { reason } : {}),
    });
    if (saved && status !== 'reopened') {
      setAsking(null);
      onNext();
    }
  };
  const submitReason = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!text.trim()) return;
    if (asking === 'note') {
      if (await act({ type: 'note', text: `${plainHeadline(html.text)}: ${text.trim()}` })) {
        setAsking(null);
        setText('');
        onNotice('Note saved.');
      }
    } else if (asking) await record(asking, text.trim());
  };
  const choose = async (index: number): Promise<void> => {
    const option = step.options[index];
    if (!option) return;
    if (await act({ type: 'decision', option: { runbook: runbook.id, step: step.id, index } })) {
      if (option.goto?.runbook)
        window.location.hash = href.incidentStep(
          view.id,
          option.goto.runbook,
          option.goto.step ?? '',
        );
      else if (option.goto?.step) onStepLink(option.goto.step);
      else onNext();
    }
  };
  const callable = runbook.view.contacts.filter((contact) => step.contacts.includes(contact.role));

  return (
    <section className="current-step" aria-labelledby="current-step-title">
      <p className="current-step-where">
        {runbook.title} · {phase.title} · step {step.number} of {phase.steps.length}
      </p>
      <h2 id="current-step-title" ref={heading} tabIndex={-1} className="current-step-text">
        {step.kind === 'decision' && <span className="step-kind">Decision: </span>}
        <SafeHtml inline html={html.text} onNotice={onNotice} onStepLink={onStepLink} />
      </h2>
      {step.details && (
        <SafeHtml
          className="step-details"
          html={html.details}
          onNotice={onNotice}
          onStepLink={onStepLink}
        />
      )}
      {progress && (
        <p className={`step-answer step-answer-${progress.status}`} role="status">
          <strong>{STATUS_WORDS[progress.status]}</strong>
          {progress.reason ? `: ${progress.reason}` : ''} — {progress.by},{' '}
          {formatMoment(progress.at)}{' '}
          {!closed && (
            <button type="button" className="link-button" onClick={() => void record('reopened')}>
              Undo
            </button>
          )}
        </p>
      )}
      {step.options.length > 0 && !closed && (
        <fieldset className="decision">
          <legend>Choose one</legend>
          {step.options.map((option, index) => (
            <button
              key={option.label}
              type="button"
              className="decision-option"
              disabled={saving}
              onClick={() => void choose(index)}
            >
              <strong>{option.label}</strong>
              <SafeHtml inline html={html.options[index] ?? ''} onNotice={onNotice} />
            </button>
          ))}
        </fieldset>
      )}
      {callable.length > 0 && (
        <div className="step-calls">
          {callable.map((contact) => (
            <p key={contact.role}>
              {contact.channels ? (
                !closed && (
                  <button
                    type="button"
                    className="link-button"
                    disabled={saving}
                    onClick={() =>
                      void act({
                        type: 'note',
                        text: `From step: ${plainHeadline(html.text)}`,
                        called: contact.role,
                      }).then((saved) => saved && onNotice(`Call to ${contact.label} logged.`))
                    }
                  >
                    Log a call to {contact.label}
                  </button>
                )
              ) : (
                <a href={href.contacts(contact.role)}>Add the number for {contact.label}</a>
              )}
            </p>
          ))}
        </div>
      )}
      {!closed && (
        <div className="step-controls">
          {step.options.length === 0 && (
            <button
              type="button"
              className="button-primary button-large"
              disabled={saving}
              onClick={() => void record('done')}
            >
              Done
            </button>
          )}
          <button
            type="button"
            className="button-large"
            disabled={saving}
            aria-expanded={asking === 'cant'}
            onClick={() => setAsking('cant')}
          >
            Can't do
          </button>
          <button
            type="button"
            className="button-large"
            disabled={saving}
            aria-expanded={asking === 'skipped'}
            onClick={() => setAsking('skipped')}
          >
            Skip
          </button>
          <button
            type="button"
            className="button-large"
            disabled={saving}
            aria-expanded={asking === 'note'}
            onClick={() => setAsking('note')}
          >
            Add note
          </button>
        </div>
      )}
      {asking && (
        <form className="reason-form" onSubmit={(event) => void submitReason(event)}>
          <div className="field">
            <label htmlFor="step-reason">
              {asking === 'note'
                ? 'Note'
                : asking === 'cant'
                  ? "Why can't it be done?"
                  : 'Why skip it?'}
            </label>
            <textarea
              id="step-reason"
              rows={3}
              value={text}
              maxLength={asking === 'note' ? 4000 : 1000}
              required
              autoFocus
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="button-primary" disabled={saving || !text.trim()}>
            {saving ? 'Saving…' : 'Save'}
          </button>{' '}
          <button type="button" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}
