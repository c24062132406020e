import { formatDate } from '../../lib/formatDate';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';

const SHOWN = 5;

/** Home-screen reminder of contacts missing or last checked over 12 months ago, so gaps are fixed before an incident. */
export function ContactGapsPanel() {
  const [loaded] = useCall('contacts.list', {});
  if (loaded.status !== 'ready') return null;
  const gaps = loaded.value.roles.filter((entry) => entry.status !== 'current');
  if (gaps.length === 0) return null;
  return (
    <section className="contact-gaps" aria-labelledby="contact-gaps-title">
      <h2 id="contact-gaps-title">Contacts to fill in before you need them</h2>
      <ul>
        {gaps.slice(0, SHOWN).map((entry) => (
          <li key={entry.role}>
            <a href={href.contacts(entry.role)}>{entry.label}</a>
            {entry.status === 'missing' || !entry.contact
              ? ': not set yet'
              : `: last checked ${formatDate(entry.contact.lastVerified)}, more than 12 months ago`}
          </li>
        ))}
      </ul>
      {gaps.length > SHOWN && (
        <p>
          <a href={href.contacts()}>See all {gaps.length} contacts that need attention</a>
        </p>
      )}
    </section>
  );
}
