import type { ContactRef, Runbook, RunbookView } from '../../contract/types';
import type { ContactsDirectoryService } from '../contacts/contactsDirectory';
import type { SettingsService } from '../settings/settings';
import type { SystemsRegisterService } from '../systems/systemsRegister';
import { resolveContact } from './library';
import type { LiveLibrary } from './liveLibrary';
import { renderRunbook } from './renderRunbook';

/** A contact role as a step shows it: the local contact, the national number, or "not set". */
export type ContactResolver = (role: string) => ContactRef;

/**
 * Resolves roles against the latest national pack and the provider's own contacts at each call,
 * judging staleness by the core's clock.
 */
export const contactResolver =
  (library: LiveLibrary, contacts: ContactsDirectoryService, now: () => Date): ContactResolver =>
  (role) =>
    resolveContact(role, library.nationalById(), contacts.lookup, now());

/**
 * How a runbook reaches the screen: filled in with the provider's own contacts, settings and
 * systems. They change while the app runs, so they are filled in at each read, not at load.
 */
export function runbookPresenter(deps: {
  contactRef: ContactResolver;
  settings: SettingsService;
  systems: SystemsRegisterService;
}): (runbook: Runbook) => RunbookView {
  return (runbook) =>
    renderRunbook(
      { ...runbook, contacts: runbook.contacts.map((ref) => deps.contactRef(ref.role)) },
      deps.settings.get(),
      deps.systems.entry,
    );
}
