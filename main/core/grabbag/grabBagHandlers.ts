import type { Handlers } from '../../contract/contract';
import { ok } from '../../contract/result';
import type { ContactsDirectory, PackStatus, Runbook, RunbookView, Settings } from '../../contract/types';
import type { SystemsRegisterService } from '../systems/systemsRegister';
import { fingerprintOf } from './packFingerprint';
import type { PrintRecordService } from './printRecord';

/** The runbook whose steps open the pack as a card of their own. */
export const FIRST_RUNBOOK = 'first-15-minutes';

/** What the grab-bag pack is made from; each is read when a call arrives, so the pack is never stale. */
export interface GrabBagSources {
  prints: PrintRecordService;
  settings: () => Settings;
  contacts: () => ContactsDirectory;
  systems: SystemsRegisterService;
  runbooks: () => Iterable<Runbook>;
  /** A runbook rendered as the reader shows it (local contacts, settings and systems filled in). */
  view: (runbook: Runbook) => RunbookView;
  now: () => Date;
}

/** "First 15 minutes" first, then situations by title, then the other guides by title. */
function packOrder(a: Runbook, b: Runbook): number {
  const rank = (runbook: Runbook): number => (runbook.id === FIRST_RUNBOOK ? 0 : runbook.category === 'guide' ? 2 : 1);
  return rank(a) - rank(b) || a.title.localeCompare(b.title);
}

/**
 * The `grabbag.*` calls: the printable pack, whether the printed copy is out of date, and
 * recording a print. Freshness is judged by section hashes, so any edit to settings, contacts,
 * systems or runbooks after printing brings the reminder back, whatever the clock says.
 */
export function grabBagHandlers(sources: GrabBagSources): Pick<Handlers, 'grabbag.get' | 'grabbag.status' | 'grabbag.markPrinted'> {
  const currentStatus = (): PackStatus => {
    const directory = sources.contacts();
    const fingerprint = fingerprintOf({
      settings: sources.settings(),
      // Statuses depend on today's date, not on content: only what is printed is hashed.
      contacts: { roles: directory.roles.map(({ role, label, contact }) => ({ role, label, contact })), national: directory.national },
      systems: sources.systems.stored(),
      runbooks: [...sources.runbooks()].sort((a, b) => a.id.localeCompare(b.id)),
    });
    return sources.prints.status(fingerprint);
  };
  return {
    'grabbag.get': async () => {
      const settings = sources.settings();
      const { providerType } = settings;
      const runbooks = [...sources.runbooks()]
        .filter((runbook) => providerType === null || runbook.providerTypes.includes(providerType))
        .sort(packOrder)
        .map(sources.view);
      return ok({
        ...currentStatus(),
        organisationName: settings.organisationName,
        generatedAt: sources.now().toISOString(),
        contacts: sources.contacts(),
        systems: sources.systems.list().systems,
        runbooks,
      });
    },
    'grabbag.status': async () => ok(currentStatus()),
    'grabbag.markPrinted': async ({ fingerprint, how }) => {
      const recorded = await sources.prints.record(fingerprint, how);
      return recorded.ok ? ok(currentStatus()) : recorded;
    },
  };
}
