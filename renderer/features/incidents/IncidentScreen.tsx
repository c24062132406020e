import { useEffect, useRef } from 'react';
import { describeError } from '../../errors';
import { href, type IncidentTab } from '../../useRoute';
import { ClocksPanel } from './ClocksPanel';
import { GuidedSteps } from './GuidedSteps';
import { isOnScreen, showCurrentStepOnOpen } from './guidedScroll';
import { LogPanel } from './LogPanel';
import { ReportsPanel } from './ReportsPanel';
import { RolesPanel } from './RolesPanel';
import { RunningClocks } from './RunningClocks';
import { formatMoment } from '../../lib/time';
import { RecordingAs } from '../../ui/recordingAs/RecordingAs';
import { useIncident } from './useIncident';

const TAB_LABELS: Record<IncidentTab, string> = {
  steps: 'Steps',
  log: 'Log',
  clocks: 'Clocks',
  roles: 'Roles and handover',
  reports: 'Reports',
};

export const EXERCISE_BANNER = 'EXERCISE — NOT A REAL INCIDENT';

/** One incident: banner, who is typing, the running clocks, and its tabs. */
export function IncidentScreen({
  id,
  tab,
  runbook,
  step,
}: {
  id: string;
  tab: IncidentTab;
  runbook?: string;
  step?: string;
}) {
  const incident = useIncident(id);
  const { view, loadError } = incident;
  // Focus moves to the title when the incident opens or the tab changes, not on every save.
  const opened = view !== null;
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!opened || runbook) return;
    const title = document.getElementById('page-title');
    title?.focus({ preventScroll: true });
    if (tab === 'steps') {
      showCurrentStepOnOpen(top.current);
      // On a small window the title scrolls away to show the step: focus goes where the eyes are.
      if (title && !isOnScreen(title))
        document.getElementById('current-step-title')?.focus({ preventScroll: true });
    } else if (title && !isOnScreen(title)) top.current?.scrollIntoView({ block: 'start' });
  }, [tab, opened, runbook]);

  if (loadError) {
    return (
      <div role="alert">
        <h1 id="page-title" tabIndex={-1}>
          This incident could not be opened
        </h1>
        <p>{describeError(loadError)}</p>
        <p>
          <button type="button" onClick={incident.reload}>
            Try again
          </button>{' '}
          <a href={href.incidents}>All incidents</a>
        </p>
      </div>
    );
  }
  if (!view) return <p role="status">Opening the incident…</p>;
  return (
    <div className="incident" ref={top}>
      {view.exercise && <p className="exercise-banner">{EXERCISE_BANNER}</p>}
      {/* The tabs come before the title so that, from the title, the next Tab stops are what
          this tab is for (in guided mode: who is recording, the clocks link, then Done). */}
      <div className="incident-top">
        <a className="incident-back" href={href.incidents}>
          ← Incidents
        </a>
        <nav className="tabs" aria-label="Incident">
          <ul>
            {(Object.keys(TAB_LABELS) as IncidentTab[]).map((name) => (
              <li key={name}>
                <a
                  href={href.incident(view.id, name)}
                  aria-current={name === tab ? 'page' : undefined}
                >
                  {TAB_LABELS[name]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <h1 id="page-title" tabIndex={-1}>
        <bdi>{view.name}</bdi>
      </h1>
      <p className="incident-facts">
        Lead:{' '}
        <strong>
          <bdi>{view.lead}</bdi>
        </strong>{' '}
        · Aware since {formatMoment(view.awareAt)} · {view.status === 'open' ? 'Open' : 'Closed'}
      </p>
      {view.log.readOnly && (
        <p className="notice" role="alert">
          {view.log.problem}
        </p>
      )}
      <RecordingAs />
      <RunningClocks view={view} />
      <div aria-live="polite" className="save-state">
        {incident.saving ? 'Saving…' : ''}
      </div>
      {incident.saveError && (
        <p className="save-failed" role="alert">
          {incident.saveError}
        </p>
      )}
      {tab === 'steps' && (
        <GuidedSteps
          view={view}
          act={incident.act}
          saving={incident.saving}
          {...(runbook ? { runbookId: runbook } : {})}
          {...(step ? { stepId: step } : {})}
        />
      )}
      {tab === 'log' && <LogPanel view={view} act={incident.act} saving={incident.saving} />}
      {tab === 'clocks' && <ClocksPanel view={view} act={incident.act} saving={incident.saving} />}
      {tab === 'roles' && <RolesPanel view={view} act={incident.act} saving={incident.saving} />}
      {tab === 'reports' && (
        <ReportsPanel view={view} act={incident.act} saving={incident.saving} />
      )}
      {view.exercise && <p className="exercise-banner">{EXERCISE_BANNER}</p>}
    </div>
  );
}
