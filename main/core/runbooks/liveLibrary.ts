import { randomUUID } from 'node:crypto';
import type { NationalContact } from '../contacts/nationalContacts';
import type { BundledContentGuard } from './bundledManifest';
import type { LoadedLibrary } from './library';
import { loadRunbooks } from './loadRunbooks';
import { openParseCache } from './parseCache';
import type { RunbookSearch } from '../../shared/search';

/** The runbook library as the app sees it now: replaced whole on every reload, never edited in place. */
export interface LiveLibrary {
  library: () => LoadedLibrary;
  search: () => RunbookSearch;
  /**
   * Names the load in use: a new one at every reload, and never one an earlier run of the app
   * handed out, so a copy of the library kept elsewhere (the renderer's search) can tell it is stale.
   */
  revision: () => string;
  national: () => NationalContact[];
  nationalById: () => Map<string, NationalContact>;
  /** Reads the bundled and user folders again (after an edit, an import or a file dropped in). */
  reload: () => Promise<void>;
}

/** Loads the bundled and user runbooks (through the parse cache) and keeps the latest load. */
export async function openLiveLibrary(options: {
  bundledDir: string;
  userDir: string;
  parseCachePath: string;
  version: string;
  guard?: BundledContentGuard;
  /** Roles the provider added to their contacts, read afresh at each reload. */
  ownRoles?: () => ReadonlySet<string>;
  log?: (message: string, error?: unknown) => void;
}): Promise<LiveLibrary> {
  let library: LoadedLibrary;
  let search: RunbookSearch;
  let national: NationalContact[] = [];
  let nationalById = new Map<string, NationalContact>();
  const run = randomUUID().slice(0, 8);
  let loads = 0;
  const reload = async (): Promise<void> => {
    const cache = await openParseCache(options.parseCachePath, options.version);
    ({ library, search, national } = await loadRunbooks({
      bundledDir: options.bundledDir,
      userDir: options.userDir,
      cache,
      ...(options.guard ? { guard: options.guard } : {}),
      ...(options.ownRoles ? { ownRoles: options.ownRoles() } : {}),
    }));
    // The cache is derived data: failing to write it only makes the next start slower.
    await cache
      .save()
      .catch((error: unknown) => options.log?.('could not save the runbook cache', error));
    nationalById = new Map(national.map((contact) => [contact.id, contact]));
    loads += 1;
  };
  await reload();
  return {
    library: () => library,
    search: () => search,
    revision: () => `${run}.${loads}`,
    national: () => national,
    nationalById: () => nationalById,
    reload,
  };
}
