import type { Handlers } from '../../contract/contract';
import { ok } from '../../contract/result';
import type {
  ContactsDirectory,
  PackStatus,
  Runbook,
  RunbookView,
  Settings,
} from '../../contract/types';
import type { SystemsRegisterService } from '../systems/systemsRegister';
import { publishedRunbooks } from '../runbooks/library';
import { hashSection } from './packFingerprint';
import type { PrintRecordService } from './printRecord';

/** The runbook whose steps open the pack as a card of their own. */
export const FIRST_RUNBOOK = 'first-15-minutes';

/** What the grab-bag pack is made from; each is read when a call arrives, so the pack is never stale. */
export interface GrabBagSources {
  prints: PrintRecordService;
  settings: () => Settings;
  contacts: () => ContactsDirectory;
  systems: SystemsRegisterService;
  /** The loaded runbooks by id; a reload replaces the map, which is how a change is noticed. */
  runbooks: () => ReadonlyMap<string, Runbook>;
  /** A runbook rendered as the reader shows it (local contacts, settings and systems filled in). */
  view: (runbook: Runbook) => RunbookView;
  now: () => Date;
}

/** "First 15 minutes" first, then situations by title, then the other guides by title. */
function packOrder(a: Runbook, b: Runbook): number {
  const rank = (runbook: Runbook): number =>
    runbook.id === FIRST_RUNBOOK ? 0 : runbook.category === 'guide' ? 2 : 1;
  return rank(a) - rank(b) || a.title.localeCompare(b.title);
}

/**
 * The `grabbag.*` calls: the printable pack, whether the printed copy is out of date, and
 * recording a print. Freshness is judged by section hashes, so any edit to settings, contacts,
 * systems or runbooks after printing brings the reminder back, whatever the clock says.
 */
export function grabBagHandlers(
  sources: GrabBagSources,
): Pick<Handlers, 'grabbag.get' | 'grabbag.status' | 'grabbag.markPrinted'> {
  // Hashing every runbook is the costly part and they change only on reload (a new map).
  const runbookHashes = new WeakMap<ReadonlyMap<string, Runbook>, string>();
  const runbooksHash = (runbooks: ReadonlyMap<string, Runbook>): string => {
    let hash = runbookHashes.get(runbooks);
    if (hash === undefined) {
      hash = hashSection(
        publishedRunbooks(runbooks.values()).sort((a, b) => a.id.localeCompare(b.id)),
      );
      runbookHashes.set(runbooks, hash);
    }
    return hash;
  };
  const currentStatus = (): PackStatus => {
    const directory = sources.contacts();
    return sources.prints.status({
      settings: hashSection(sources.settings()),
      // Statuses depend on today's date, not on content: only what is printed is hashed.
      contacts: hashSection({
        roles: directory.roles.map(({ role, label, contact }) => ({ role, label, contact })),
        national: directory.national,
      }),
      systems: hashSection(sources.systems.stored()),
      runbooks: runbooksHash(sources.runbooks()),
    });
  };
  return {
    'grabbag.get': async () => {
      const settings = sources.settings();
      const { providerType } = settings;
      // A draft is not yet in use, so it is not printed for the grab bag.
      const runbooks = publishedRunbooks(sources.runbooks().values())
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
