import { formatDate } from '../../lib/formatDate';
import { formatMoment } from '../../lib/time';
import { useCall } from '../../useCall';

/**
 * Says which runbook pack last changed this runbook, and when: a pack can change the steps and
 * numbers of a runbook that comes with Holdfast, so the reader must not pass it off as the user's
 * own edit. Shows nothing once someone has edited the text by hand since.
 */
export function PackOriginNote({
  id,
  overridesBundled,
}: {
  id: string;
  overridesBundled: boolean;
}) {
  const [history] = useCall('runbooks.history', { id });
  if (history.status !== 'ready') return null;
  const latest = history.value.at(-1);
  if (!latest?.fromPack) return null;
  const { name, created } = latest.fromPack;
  return (
    <p className="notice pack-origin">
      <strong>Changed by a runbook pack:</strong>{' '}
      {name ? (
        <>
          “<bdi>{name}</bdi>”
        </>
      ) : (
        'a pack'
      )}{' '}
      (made {formatDate(created.slice(0, 10))}), imported {formatMoment(latest.savedAt)}.
      {overridesBundled && ' The version that comes with Holdfast is kept.'}
    </p>
  );
}
