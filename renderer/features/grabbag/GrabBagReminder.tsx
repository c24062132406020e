import { formatDate } from '../../lib/formatDate';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { listSections, localDate } from './packWords';

/**
 * Home-screen reminder to print the grab-bag pack: never printed, or contacts, systems or
 * runbooks changed since the last print. Silent when the printed pack is up to date.
 */
export function GrabBagReminder() {
  const [loaded] = useCall('grabbag.status', {});
  if (loaded.status !== 'ready') return null;
  const { lastPrinted, changedSince } = loaded.value;
  if (lastPrinted && changedSince.length === 0) return null;
  return (
    <section className="contact-gaps" aria-labelledby="grab-bag-reminder-title">
      <h2 id="grab-bag-reminder-title">Print your grab-bag pack</h2>
      <p>
        {lastPrinted
          ? `Your printed pack is out of date: ${listSections(changedSince)} changed since you printed version ${lastPrinted.version} on ${formatDate(localDate(lastPrinted.at))}.`
          : 'You have not printed a grab-bag pack yet. It is your plan on paper for when this computer cannot be used.'}
      </p>
      <p>
        <a href={href.grabBag}>{lastPrinted ? 'Print the new pack' : 'Print the grab-bag pack'}</a>
      </p>
    </section>
  );
}
