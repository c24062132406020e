import { formatMoment } from '../../lib/time';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';

/** Runbooks of the provider's own that were moved to the trash, each a link to bring it back. */
export function TrashedRunbooks() {
  const [trashed] = useCall('runbooks.trashed', {});
  if (trashed.status !== 'ready' || trashed.value.length === 0) return null;
  return (
    <section aria-labelledby="trashed-title">
      <h2 id="trashed-title">In the trash</h2>
      <ul>
        {trashed.value.map((runbook) => (
          <li key={runbook.id}>
            <a href={href.editRunbook(runbook.id)}>{runbook.title}</a> (moved to the trash{' '}
            {formatMoment(runbook.trashedAt)}; open it to restore it)
          </li>
        ))}
      </ul>
    </section>
  );
}
