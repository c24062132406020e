import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../../contract/types';
import { parseNationalContacts, type NationalContact } from '../contacts/nationalContacts';
import { loadLibrary, publishedRunbooks, type LoadedLibrary } from './library';
import type { ParseCache } from './parseCache';
import { REFUSED_PROBLEM, type BundledContentGuard } from './bundledManifest';
import { buildSearch, type RunbookSearch } from '../../shared/search';
import { cachedSearch } from './search/savedIndex';

export const NATIONAL_CONTACTS_FILE = 'national-contacts.json';

/** Reads the bundled national contacts pack; a missing pack means no national numbers, not a crash. */
export async function loadNationalContacts(
  bundledDir: string,
  label = 'runbooks',
  guard?: BundledContentGuard,
): Promise<{ contacts: NationalContact[]; problems: Problem[] }> {
  try {
    const bytes = await readFile(join(bundledDir, NATIONAL_CONTACTS_FILE));
    if (guard && !guard.accept(NATIONAL_CONTACTS_FILE, bytes))
      return {
        contacts: [],
        problems: [
          {
            file: `${label}/${NATIONAL_CONTACTS_FILE}`,
            line: 1,
            severity: 'error',
            message: REFUSED_PROBLEM,
          },
        ],
      };
    return parseNationalContacts(bytes.toString('utf8'), `${label}/${NATIONAL_CONTACTS_FILE}`);
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { contacts: [], problems: [] };
  }
}

/** What the app loads at start and on reload: bundled and user runbooks, then the search index. */
export async function loadRunbooks(options: {
  bundledDir: string;
  userDir: string;
  cache?: ParseCache;
  guard?: BundledContentGuard;
  /** Roles the provider added to their contacts, which runbooks may name too. */
  ownRoles?: ReadonlySet<string>;
}): Promise<{ library: LoadedLibrary; search: RunbookSearch; national: NationalContact[] }> {
  const { guard } = options;
  const national = await loadNationalContacts(options.bundledDir, 'runbooks', guard);
  const loaded = await loadLibrary(
    [
      {
        dir: options.bundledDir,
        source: 'bundled',
        label: 'runbooks',
        ...(guard
          ? { accept: (name: string, bytes: Uint8Array) => guard.accept(name, bytes) }
          : {}),
      },
      { dir: options.userDir, source: 'user', label: 'your runbooks' },
    ],
    national.contacts,
    options.cache,
    options.ownRoles,
  );
  const library = { ...loaded, problems: [...national.problems, ...loaded.problems] };
  const search = options.cache
    ? cachedSearch(library, options.cache)
    : buildSearch(publishedRunbooks(library.runbooks.values()));
  return { library, search, national: national.contacts };
}
