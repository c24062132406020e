import type { ReadinessLink } from '../../../main/contract/readinessTypes';
import { href } from '../../useRoute';

/** Where a readiness line's link goes in the app. */
export function readinessHref(link: ReadinessLink): string {
  switch (link.to) {
    case 'contacts':
      return href.contacts(link.role);
    case 'systems':
      return href.systems(link.system);
    case 'runbook-editor':
      return href.editRunbook(link.runbook);
    case 'all-runbooks':
      return href.all;
    case 'exercises':
      return link.exercise ? href.exercise(link.exercise) : href.exercises;
    case 'grab-bag':
      return href.grabBag;
    case 'settings':
      return link.section ? href.settingsSection(link.section) : href.settings;
  }
}
