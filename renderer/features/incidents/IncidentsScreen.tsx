import { useEffect } from 'react';
import type { IncidentSummary } from '../../../main/contract/incidentTypes';
import { formatDuration } from '../../../main/shared/dates';
import { describeError } from '../../errors';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { formatMoment } from '../../lib/time';

/** Every incident on this computer: open ones first, each one click from where it was left. */
export function IncidentsScreen() {
  const [state, retry] = useCall('incidents.list', {});
  // Loaded on demand, so the app's own focus move ran before this screen existed.
  useEffect(() => document.getElementById('page-title')?.focus(), []);
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        Incidents
      </h1>
      <p>
        <a className="button-link button-primary" href={href.startIncident()}>
          Start an incident
        </a>
      </p>
      {state.status === 'loading' && <p role="status">Loading incidents…</p>}
      {state.status === 'failed' && (
        <div role="alert">
          <p>{describeError(state.error)}</p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'ready' && <IncidentList incidents={state.value} />}
    </>
  );
}

export function IncidentList({
  incidents,
  heading = true,
}: {
  incidents: IncidentSummary[];
  heading?: boolean;
}) {
  if (incidents.length === 0) return <p>No incidents recorded on this computer.</p>;
  const groups = [
    { title: 'Open', list: incidents.filter((incident) => incident.status === 'open') },
    { title: 'Closed', list: incidents.filter((incident) => incident.status === 'closed') },
  ].filter((group) => group.list.length > 0);
  return (
    <>
      {groups.map(({ title, list }) => (
        <section
          key={title}
          aria-labelledby={heading ? `incidents-${title}` : undefined}
          aria-label={heading ? undefined : `${title} incidents`}
        >
          {heading && <h2 id={`incidents-${title}`}>{title}</h2>}
          <ul className="incident-list">
            {list.map((incident) => (
              <IncidentItem key={incident.id} incident={incident} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function IncidentItem({ incident }: { incident: IncidentSummary }) {
  const clock = incident.nextClock;
  const left = clock?.dueAt ? Date.parse(clock.dueAt) - Date.now() : null;
  return (
    <li className="incident-item">
      <a className="incident-link" href={href.incident(incident.id)}>
        <span className="incident-name">
          {incident.exercise && <span className="tag tag-exercise">Exercise</span>}{' '}
          <bdi>{incident.name}</bdi>
        </span>
        {incident.problem ? (
          <span className="incident-problem">{incident.problem}</span>
        ) : (
          <span className="incident-meta">
            Lead: <bdi>{incident.lead}</bdi> · Aware since {formatMoment(incident.awareAt)} ·{' '}
            {incident.stepsAnswered} of {incident.stepsTotal} steps answered
            {incident.status === 'closed' ? ' · Closed' : ''}
          </span>
        )}
        {clock && incident.status === 'open' && (
          <span className="incident-clock">
            <bdi>{clock.label}</bdi>
            {left === null
              ? ': as soon as possible'
              : `: ${left >= 0 ? `${formatDuration(left)} left` : `overdue by ${formatDuration(left)}`}`}
          </span>
        )}
      </a>
    </li>
  );
}
