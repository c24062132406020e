import { useCall } from '../../useCall';
import { href } from '../../useRoute';

/** Open incidents first on the home screen: after a restart, one click goes back to where you were. */
export function OpenIncidentsPanel() {
  const [state] = useCall('incidents.list', {});
  if (state.status !== 'ready') return null;
  const open = state.value.filter((incident) => incident.status === 'open');
  if (open.length === 0) return null;
  return (
    <section className="open-incidents" aria-labelledby="open-incidents-title">
      <h2 id="open-incidents-title">{open.length === 1 ? 'An incident is open' : `${open.length} incidents are open`}</h2>
      <ul>
        {open.map((incident) => (
          <li key={incident.id}>
            <a href={href.incident(incident.id)}>{incident.exercise ? 'Exercise: ' : ''}{incident.name}</a> — {incident.stepsAnswered} of {incident.stepsTotal} steps answered
          </li>
        ))}
      </ul>
    </section>
  );
}
