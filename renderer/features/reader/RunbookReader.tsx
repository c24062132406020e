import { useEffect, useState } from 'react';
import type { RunbookView, Step } from '../../../main/contract/types';
import { CLOCKS, PROVIDER_TYPES } from '../../../main/contract/vocabulary';
import { describeError } from '../../errors';
import { formatDate } from '../../formatDate';
import { SafeHtml } from '../../markdown/SafeHtml';
import { SystemsPanel } from '../systems/SystemsPanel';
import { ContactsPanel } from './ContactsPanel';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';

/** Reads one runbook: title, summary, phases with numbered steps, contacts, last reviewed. */
export function RunbookReader({ id, stepId }: { id: string; stepId?: string }) {
  const [state, retry] = useCall('runbooks.get', { id });
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (state.status !== 'ready') return;
    const target = stepId ? document.getElementById(`step-${stepId}`) : document.getElementById('page-title');
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  }, [state.status, stepId]);

  if (state.status === 'loading') return <p role="status">Opening the runbook…</p>;
  if (state.status === 'failed') {
    return (
      <div role="alert">
        <h1 id="page-title" tabIndex={-1}>This runbook could not be opened</h1>
        <p>{describeError(state.error)}</p>
        <p><button type="button" onClick={retry}>Try again</button> <a href={href.home}>Back to the start</a></p>
      </div>
    );
  }
  const runbook = state.value;
  return (
    <article className="reader" aria-labelledby="page-title">
      <p><a href={href.home}>← What's happening?</a></p>
      <h1 id="page-title" tabIndex={-1}>{runbook.title}</h1>
      <p className="lead">{runbook.summary}</p>
      <p><a className="button-link button-primary" href={href.startIncident(runbook.id)}>Start an incident with this runbook</a></p>
      <dl className="runbook-meta">
        <div><dt>Last reviewed</dt><dd>{formatDate(runbook.reviewed)}</dd></div>
        <div><dt>Version</dt><dd>{runbook.version}</dd></div>
        <div><dt>Looked after by</dt><dd>{runbook.owner}</dd></div>
        <div><dt>For</dt><dd>{runbook.providerTypes.map((type) => PROVIDER_TYPES[type]).join(', ')}</dd></div>
        {runbook.source === 'user' && <div><dt>Source</dt><dd>{runbook.overridesBundled ? 'Your edited version' : 'Your own runbook'}</dd></div>}
      </dl>
      {notice && <p className="notice" role="status">{notice}</p>}
      {runbook.intro && <SafeHtml html={runbook.html.intro} onNotice={setNotice} />}
      {runbook.clocks.length > 0 && (
        <section className="clocks" aria-labelledby="clocks-title">
          <h2 id="clocks-title">Deadlines this may start</h2>
          <ul>{runbook.clocks.map((clock) => <li key={clock}>{CLOCKS[clock]}</li>)}</ul>
        </section>
      )}
      <ContactsPanel contacts={runbook.contacts} onNotice={setNotice} />
      <SystemsPanel entries={runbook.systemEntries} />
      {runbook.phases.length > 1 && (
        <nav aria-label="Phases" className="phase-nav">
          <ol>
            {runbook.phases.map((phase) => (
              <li key={phase.id}><a href={`#phase-${phase.id}`} onClick={(event) => { event.preventDefault(); document.getElementById(`phase-${phase.id}`)?.focus(); document.getElementById(`phase-${phase.id}`)?.scrollIntoView(); }}>{phase.title}</a></li>
            ))}
          </ol>
        </nav>
      )}
      {runbook.phases.map((phase) => (
        <section key={phase.id} className="phase" aria-labelledby={`phase-${phase.id}`}>
          <h2 id={`phase-${phase.id}`} tabIndex={-1}>{phase.title}</h2>
          {phase.intro && <SafeHtml html={runbook.html.phases[phase.id] ?? ''} onNotice={setNotice} />}
          <ol className="steps">
            {phase.steps.map((step) => <StepItem key={step.id} step={step} runbook={runbook} onNotice={setNotice} />)}
          </ol>
        </section>
      ))}
    </article>
  );
}

function StepItem({ step, runbook, onNotice }: { step: Step; runbook: RunbookView; onNotice: (m: string) => void }) {
  const html = runbook.html.steps[step.id] ?? { text: '', details: '', options: [] };
  return (
    <li id={`step-${step.id}`} className={`step step-${step.kind}`} tabIndex={-1} value={step.number}>
      <p className="step-text">
        {step.kind === 'decision' && <span className="step-kind">Decision: </span>}
        <SafeHtml inline html={html.text} onNotice={onNotice} />
      </p>
      {step.details && <SafeHtml className="step-details" html={html.details} onNotice={onNotice} />}
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
    </li>
  );
}
