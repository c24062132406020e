import type { IncidentSummary } from '../../../main/contract/incidentTypes';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { pluralise } from '../../../main/shared/pluralise';

/**
 * Open incidents first on the home screen: after a restart, one click goes back to where you were.
 * Exercises are listed apart and never counted as incidents.
 */
export function OpenIncidentsPanel() {
  const [state] = useCall('incidents.list', {});
  if (state.status !== 'ready') return null;
  const open = state.value.filter((incident) => incident.status === 'open');
  const real = open.filter((incident) => !incident.exercise);
  const practice = open.filter((incident) => incident.exercise);
  return (
    <>
      {real.length > 0 && (
        <section className="open-incidents" aria-labelledby="open-incidents-title">
          <h2 id="open-incidents-title">
            {real.length === 1
              ? 'An incident is open'
              : `${pluralise(real.length, 'incident', 'incidents')} are open`}
          </h2>
          <OpenList incidents={real} />
        </section>
      )}
      {practice.length > 0 && (
        <section className="open-exercises" aria-labelledby="open-exercises-title">
          <h2 id="open-exercises-title">Exercises in progress (not real incidents)</h2>
          <OpenList incidents={practice} />
        </section>
      )}
    </>
  );
}

function OpenList({ incidents }: { incidents: IncidentSummary[] }) {
  return (
    <ul>
      {incidents.map((incident) => (
        <li key={incident.id}>
          <a href={href.incident(incident.id)}>
            <bdi>{incident.name}</bdi>
          </a>{' '}
          — {incident.stepsAnswered} of {incident.stepsTotal} steps answered
          {incident.problem && (
            <>
              {' '}
              <strong className="incident-problem">
                ⚠ Its log is damaged and can only be read. Open it to see where.
              </strong>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
