import type { ReactNode } from 'react';
import type { RunbookView, Step } from '../../../main/contract/types';
import { CLOCKS } from '../../../main/contract/vocabulary';
import { SafeHtml } from '../../ui/SafeHtml';
import { SystemsPanel } from '../systems/SystemsPanel';
import { ContactsPanel } from './ContactsPanel';

/**
 * A runbook's body as the reader shows it; the editor's preview shows the same. Steps come first:
 * on a wide window the intro, the folded deadlines, contacts and paper copies, and the phase links
 * sit in a column beside the steps (before them on a narrow one), so in a crisis the first screen
 * holds the first steps, not pages of reference cards. `start` (the reader's Start control) leads
 * that column.
 */
export function RunbookContent({
  runbook,
  onNotice,
  start,
}: {
  runbook: RunbookView;
  onNotice: (message: string) => void;
  start?: ReactNode;
}) {
  return (
    <div className="reader-body">
      <div className="reader-layout">
        <div className="reader-aside">
          {start}
          {runbook.intro && (
            <SafeHtml className="reader-intro" html={runbook.html.intro} onNotice={onNotice} />
          )}
          <div className="folds">
            {runbook.clocks.length > 0 && (
              <details className="fold clocks" aria-labelledby="clocks-title">
                <summary id="clocks-title">
                  Deadlines this may start ({runbook.clocks.length})
                </summary>
                <ul>
                  {runbook.clocks.map((clock) => (
                    <li key={clock}>{CLOCKS[clock]}</li>
                  ))}
                </ul>
              </details>
            )}
            <ContactsPanel contacts={runbook.contacts} onNotice={onNotice} />
            <SystemsPanel entries={runbook.systemEntries} />
          </div>
          {runbook.phases.length > 1 && (
            <nav aria-label="Phases" className="phase-nav">
              <ol>
                {runbook.phases.map((phase) => (
                  <li key={phase.id}>
                    <a
                      href={`#phase-${phase.id}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(`phase-${phase.id}`)?.focus();
                        document.getElementById(`phase-${phase.id}`)?.scrollIntoView();
                      }}
                    >
                      {phase.title}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
        </div>
        <div className="reader-steps">
          {runbook.phases.map((phase) => (
            <section key={phase.id} className="phase" aria-labelledby={`phase-${phase.id}`}>
              <h2 id={`phase-${phase.id}`} tabIndex={-1}>
                {phase.title}
              </h2>
              {phase.intro && (
                <SafeHtml html={runbook.html.phases[phase.id] ?? ''} onNotice={onNotice} />
              )}
              <ol className="steps">
                {phase.steps.map((step) => (
                  <StepItem key={step.id} step={step} runbook={runbook} onNotice={onNotice} />
                ))}
              </ol>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

function StepItem({
  step,
  runbook,
  onNotice,
}: {
  step: Step;
  runbook: RunbookView;
  onNotice: (m: string) => void;
}) {
  const html = runbook.html.steps[step.id] ?? { text: '', details: '', options: [] };
  return (
    <li
      id={`step-${step.id}`}
      className={`step step-${step.kind}`}
      tabIndex={-1}
      value={step.number}
    >
      <p className="step-text">
        {step.kind === 'decision' && <span className="step-kind">Decision: </span>}
        <SafeHtml inline html={html.text} onNotice={onNotice} />
      </p>
      {step.details && (
        <SafeHtml className="step-details" html={html.details} onNotice={onNotice} />
      )}
      {step.options.length > 0 && (
        <ul className="options" aria-label="Choices">
          {step.options.map((option, index) => (
            <li key={option.label}>
              <strong>{option.label}:</strong>{' '}
              <SafeHtml inline html={html.options[index] ?? ''} onNotice={onNotice} />
            </li>
          ))}
        </ul>
      )}
      {html.after && <SafeHtml className="step-after" html={html.after} onNotice={onNotice} />}
    </li>
  );
}
