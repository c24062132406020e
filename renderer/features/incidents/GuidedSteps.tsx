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
import { plainText } from '../../lib/inertText';
import { DecisionChoice } from './DecisionChoice';
import { showCurrentStep } from './guidedScroll';
import { EquipmentClockPrompt } from './EquipmentClockPrompt';
import { useRequiredFields } from '../../ui/useRequiredFields';

const STATUS_WORDS: Record<StepProgress['status'], string> = {
  done: 'Done',
  cant: "Can't do",
  skipped: 'Skipped',
};

export interface Located {
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

/** The step to show: the one asked for, else a runbook's first step still to do, else the first one. */
function pickStep(
  view: IncidentView,
  steps: Located[],
  runbookId: string | undefined,
  stepId: string | undefined,
): Located | undefined {
  const open = (located: Located): boolean => !view.steps[keyOf(located)];
  if (runbookId) {
    const inRunbook = steps.filter((located) => located.runbook.id === runbookId);
    const asked = stepId ? inRunbook.find((located) => located.step.id === stepId) : undefined;
    const found = asked ?? inRunbook.find(open) ?? inRunbook[0];
    if (found) return found;
  }
  return steps.find(open) ?? steps[0];
}

/**
 * Guided mode: the current step with its controls first (so they are on the first screen and a
 * few Tab presses from the incident's title), then every step, beside it on a wide screen and
 * below it on a narrow one.
 */
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
  const waitingFor =
    runbookId && !view.runbooks.some((runbook) => runbook.id === runbookId) ? runbookId : null;
  const current = pickStep(view, steps, runbookId, stepId);
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A decision that opened another runbook: said once, where the person arrives.
  const [arrival, setArrival] = useState<{ runbook: string; added: boolean } | null>(null);
  const focusKey = current ? keyOf(current) : '';
  // A step chosen by a link, an answer or a decision gets focus, and comes into view.
  useEffect(() => {
    if (!runbookId || waitingFor) return;
    heading.current?.focus({ preventScroll: true });
    showCurrentStep();
  }, [focusKey, runbookId, waitingFor]);
  // A message belongs to the step it was about.
  useEffect(() => setNotice(null), [focusKey]);
  // The arrival message is said on the step arrived at, and goes when the person moves on.
  const arrivedAt = useRef<string | null>(null);
  const arrivedIn = current?.runbook.id;
  useEffect(() => {
    if (!arrival) arrivedAt.current = null;
    else if (arrivedIn !== arrival.runbook) return;
    else if (arrivedAt.current === null) arrivedAt.current = focusKey;
    else if (arrivedAt.current !== focusKey) setArrival(null);
  }, [focusKey, arrival, arrivedIn]);

  if (waitingFor)
    return (
      <p role="status">
        Opening the runbook… If nothing happens,{' '}
        <a href={href.incident(view.id)}>go back to the current step</a>.
      </p>
    );
  if (!current)
    return (
      <p>
        This incident has no runbook steps. Add a runbook below, or use the log to record what
        happens.
      </p>
    );
  const goTo = (runbook: string, step?: string, arriving?: { added: boolean }): void => {
    setArrival(arriving ? { runbook, added: arriving.added } : null);
    window.location.hash = href.incidentStep(view.id, runbook, step);
  };
  const next = (): void => {
    const index = steps.indexOf(current);
    const following = [...steps.slice(index + 1), ...steps.slice(0, index)].find(
      (located) => !view.steps[keyOf(located)] && keyOf(located) !== keyOf(current),
    );
    if (following) goTo(following.runbook.id, following.step.id);
    else setNotice('Every step has an answer. Use the Log and Reports tabs to finish.');
  };

  return (
    <div className="guided">
      <div className="guided-current">
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {arrival?.runbook === current.runbook.id && (
          <p className="notice" role="status">
            {arrival.added ? (
              <>
                Added "<bdi>{current.runbook.title}</bdi>" to this incident. Here is its first step
                to do.
              </>
            ) : (
              <>
                Now following "<bdi>{current.runbook.title}</bdi>".
              </>
            )}
          </p>
        )}
        {current.runbook.newerVersionAvailable && (
          <p className="notice">
            A newer version of "<bdi>{current.runbook.title}</bdi>" exists. This incident keeps
            following the version it started with, so the log shows the guidance you followed.
          </p>
        )}
        {current.runbook.problem && (
          <p className="notice" role="alert">
            {current.runbook.problem}
          </p>
        )}
        <CurrentStep
          key={focusKey}
          view={view}
          located={current}
          act={act}
          saving={saving}
          onNotice={setNotice}
          onNext={next}
          goTo={goTo}
          heading={heading}
        />
        <EquipmentClockPrompt view={view} runbook={current.runbook} act={act} saving={saving} />
      </div>
      <StepList view={view} steps={steps} current={current} />
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
  const several = view.runbooks.length > 1;
  const PhaseHeading = several ? 'h4' : 'h3';
  const panel = useRef<HTMLElement>(null);
  const currentKey = keyOf(current);
  // Beside the step (a panel of its own that scrolls), the list keeps the current step in sight.
  useEffect(() => {
    const list = panel.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!list || !item || getComputedStyle(list).overflowY !== 'auto') return;
    const hidden =
      item.offsetTop < list.scrollTop ||
      item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight;
    if (hidden) list.scrollTop = Math.max(0, item.offsetTop - list.clientHeight / 3);
  }, [currentKey]);
  return (
    <nav className="step-list" aria-labelledby="step-list-title" ref={panel}>
      <h2 id="step-list-title" className="step-list-title">
        All steps
      </h2>
      {view.runbooks.map((runbook) =>
        runbook.view ? (
          <div key={runbook.id}>
            {several && <h3 className="step-list-runbook">{runbook.title}</h3>}
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
                  <PhaseHeading className="step-list-phase">
                    {phase.title}{' '}
                    <span className="step-list-progress">
                      {answered} of {inPhase.length}
                    </span>
                  </PhaseHeading>
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
                              {plainText(
                                runbook.view?.html.steps[located.step.id]?.text ??
                                  located.step.text,
                                90,
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

type Asking = 'cant' | 'skipped' | 'note';

/** "Ransomware — the screen says pay, …" as "Ransomware": the where-line stays one line. */
const shortTitle = (title: string): string => title.split(' — ')[0] ?? title;

function CurrentStep({
  view,
  located,
  act,
  saving,
  onNotice,
  onNext,
  goTo,
  heading,
}: {
  view: IncidentView;
  located: Located;
  act: Act;
  saving: boolean;
  onNotice: (message: string) => void;
  onNext: () => void;
  goTo: (runbook: string, step?: string, arriving?: { added: boolean }) => void;
  heading: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { runbook, phase, step } = located;
  const html = runbook.view.html.steps[step.id] ?? { text: '', details: '', options: [] };
  const progress = view.steps[keyOf(located)];
  const [asking, setAsking] = useState<Asking | null>(null);
  const closed = view.status === 'closed' || view.log.readOnly;
  const isDecision = step.options.length > 0;
  const onStepLink = (target: string): void => goTo(runbook.id, target);

  const record = async (
    status: 'done' | 'cant' | 'skipped' | 'reopened',
    reason?: string,
  ): Promise<boolean> => {
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
    return saved;
  };
  // A new action on this step: the message about the last one no longer applies.
  const ask = (what: Asking): void => {
    onNotice('');
    setAsking(what);
  };
  const saveNote = async (text: string): Promise<boolean> => {
    const saved = await act({ type: 'note', text: `${plainText(html.text)}: ${text}` });
    if (saved) {
      setAsking(null);
      onNotice('Note saved.');
    }
    return saved;
  };
  const callable = runbook.view.contacts.filter((contact) => step.contacts.includes(contact.role));
  const details = step.details && (
    <SafeHtml
      className="step-details"
      html={html.details}
      onNotice={onNotice}
      onStepLink={onStepLink}
    />
  );
  // What was written around the steps stays visible here: the phase's introduction (folded, at
  // its first step) and any text written after this step.
  const phaseIntro = step.number === 1 && phase.intro && (
    <details className="fold phase-intro">
      <summary>About “{phase.title}”</summary>
      <SafeHtml
        html={runbook.view.html.phases[phase.id] ?? ''}
        onNotice={onNotice}
        onStepLink={onStepLink}
      />
    </details>
  );
  const after = html.after && (
    <SafeHtml
      className="step-after"
      html={html.after}
      onNotice={onNotice}
      onStepLink={onStepLink}
    />
  );
  const secondary = !closed && (
    <>
      <button
        type="button"
        className="button-large"
        disabled={saving}
        aria-expanded={asking === 'cant'}
        onClick={() => ask('cant')}
      >
        Can't do
      </button>
      <button
        type="button"
        className="button-large"
        disabled={saving}
        aria-expanded={asking === 'skipped'}
        onClick={() => ask('skipped')}
      >
        Skip
      </button>
      <button
        type="button"
        className="button-large"
        disabled={saving}
        aria-expanded={asking === 'note'}
        onClick={() => ask('note')}
      >
        Add note
      </button>
    </>
  );
  const reasonForm = asking && (
    <ReasonForm
      asking={asking}
      saving={saving}
      onSave={(text) => (asking === 'note' ? saveNote(text) : record(asking, text))}
      onCancel={() => setAsking(null)}
    />
  );

  return (
    <section className="current-step" id="current-step" aria-labelledby="current-step-title">
      <p className="current-step-where">
        {shortTitle(runbook.title)} · {phase.title} · step {step.number} of {phase.steps.length}
      </p>
      <h2 id="current-step-title" ref={heading} tabIndex={-1} className="current-step-text">
        {isDecision && <span className="step-kind">Decision: </span>}
        <SafeHtml inline html={html.text} onNotice={onNotice} onStepLink={onStepLink} />
      </h2>
      {progress && (
        <p className={`step-answer step-answer-${progress.status}`} role="status">
          <strong>{STATUS_WORDS[progress.status]}</strong>
          {progress.reason ? (
            <>
              : <bdi>{progress.reason}</bdi>
            </>
          ) : null}{' '}
          — <bdi>{progress.by}</bdi>, {formatMoment(progress.at)}{' '}
          {!closed && (
            <button type="button" className="link-button" onClick={() => void record('reopened')}>
              Undo
            </button>
          )}
        </p>
      )}
      {/* The controls come straight after the step's one-line instruction, and stay at the top
          of the window while its details (or a decision's answers) are read. */}
      {!closed && (
        <div className="step-controls" id="current-step-controls">
          {!isDecision && (
            <button
              type="button"
              className="button-primary button-large"
              disabled={saving}
              onClick={() => void record('done')}
            >
              Done
            </button>
          )}
          {secondary}
        </div>
      )}
      {reasonForm}
      {phaseIntro}
      {details}
      {isDecision && (
        <DecisionChoice
          view={view}
          located={located}
          optionsHtml={html.options}
          act={act}
          saving={saving}
          closed={closed}
          onChosen={(option) => {
            const target = option.goto?.runbook;
            if (target && target !== runbook.id)
              goTo(target, option.goto?.step, {
                added: !view.runbooks.some((each) => each.id === target),
              });
            else if (target) goTo(target, option.goto?.step);
            else if (option.goto?.step) onStepLink(option.goto.step);
            else onNext();
          }}
        />
      )}
      {after}
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
                        text: `From step: ${plainText(html.text)}`,
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
    </section>
  );
}

const REASON_LABELS: Record<Asking, string> = {
  note: 'Note',
  cant: "Why can't it be done?",
  skipped: 'Why skip it?',
};

const REASON_MISSING: Record<Asking, string> = {
  note: 'Enter the note',
  cant: 'Enter why it cannot be done',
  skipped: 'Enter why you are skipping it',
};

/** The box that opens under Can't do, Skip or Add note; it never saves an empty answer. */
function ReasonForm({
  asking,
  saving,
  onSave,
  onCancel,
}: {
  asking: Asking;
  saving: boolean;
  onSave: (text: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const required = useRequiredFields();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const filled = required.check([
      { id: 'step-reason', filled: !!text.trim(), message: REASON_MISSING[asking] },
    ]);
    if (filled && (await onSave(text.trim()))) setText('');
  };
  return (
    <form className="reason-form" onSubmit={(event) => void submit(event)} noValidate>
      {required.summary}
      <div className="field">
        <label htmlFor="step-reason">{REASON_LABELS[asking]}</label>
        {required.errorFor('step-reason')}
        <textarea
          id="step-reason"
          rows={3}
          value={text}
          maxLength={asking === 'note' ? 4000 : 1000}
          autoFocus
          {...required.controlProps('step-reason')}
          onChange={(e) => {
            setText(e.target.value);
            required.clear('step-reason');
          }}
        />
      </div>
      <button type="submit" className="button-primary" disabled={saving}>
        {saving ? 'Saving…' : 'Save'}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
