import { href } from '../../useRoute';
import { SystemGapsPanel } from '../systems/SystemGapsPanel';
import { GrabBagReminder } from './GrabBagReminder';

/** The home screen's reminders about paper readiness, loaded after the first screen has drawn. */
export function ReadinessPanels() {
  return (
    <>
      <GrabBagReminder />
      <SystemGapsPanel />
      <section aria-labelledby="prepare-title">
        <h2 id="prepare-title">Get ready before you need it</h2>
        <ul className="more-situations">
          <li>
            <a href={href.contacts()}>Contacts: who to call</a>
          </li>
          <li>
            <a href={href.systems()}>Systems: paper fallbacks and where they are kept</a>
          </li>
          <li>
            <a href={href.grabBag}>Grab-bag pack: your plan on paper</a>
          </li>
        </ul>
      </section>
    </>
  );
}
