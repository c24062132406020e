import { useCall } from '../../useCall';
import { href } from '../../useRoute';

const SHOWN = 5;

/** Home-screen reminder of systems in use with no paper location recorded, so staff are not left searching mid-incident. */
export function SystemGapsPanel() {
  const [loaded] = useCall('systems.list', {});
  if (loaded.status !== 'ready') return null;
  const gaps = loaded.value.systems.filter(
    (entry) => entry.status === 'missing' || entry.status === 'no-paper-location',
  );
  if (gaps.length === 0) return null;
  return (
    <section className="contact-gaps" aria-labelledby="system-gaps-title">
      <h2 id="system-gaps-title">Systems with no paper location recorded</h2>
      <ul>
        {gaps.slice(0, SHOWN).map((entry) => (
          <li key={entry.system}>
            <a href={href.systems(entry.system)}>{entry.label}</a>
            {entry.status === 'missing'
              ? ': nothing recorded yet'
              : ': where the paper copy is kept is not recorded'}
          </li>
        ))}
      </ul>
      {gaps.length > SHOWN && (
        <p>
          <a href={href.systems()}>See all {gaps.length} systems that need attention</a>
        </p>
      )}
    </section>
  );
}
