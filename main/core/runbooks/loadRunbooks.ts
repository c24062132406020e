import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../../contract/types';
import { parseNationalContacts, type NationalContact } from '../contacts/nationalContacts';
import { loadLibrary, publishedRunbooks, type LoadedLibrary } from './library';
import type { ParseCache } from './parseCache';
import { buildSearch, type RunbookSearch } from './search';
import { cachedSearch } from './search/savedIndex';

export const NATIONAL_CONTACTS_FILE = 'national-contacts.json';

/** Reads the bundled national contacts pack; a missing pack means no national numbers, not a crash. */
export async function loadNationalContacts(
  bundledDir: string,
  label = 'runbooks',
): Promise<{ contacts: NationalContact[]; problems: Problem[] }> {
  try {
    const text = await readFile(join(bundledDir, NATIONAL_CONTACTS_FILE), 'utf8');
    return parseNationalContacts(text, `${label}/${NATIONAL_CONTACTS_FILE}`);
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
}): Promise<{ library: LoadedLibrary; search: RunbookSearch; national: NationalContact[] }> {
  const national = await loadNationalContacts(options.bundledDir);
  const loaded = await loadLibrary(
    [
      { dir: options.bundledDir, source: 'bundled', label: 'runbooks' },
      { dir: options.userDir, source: 'user', label: 'your runbooks' },
    ],
    national.contacts,
    options.cache,
  );
  const library = { ...loaded, problems: [...national.problems, ...loaded.problems] };
  const search = options.cache
    ? cachedSearch(library, options.cache)
    : buildSearch(publishedRunbooks(library.runbooks.values()));
  return { library, search, national: national.contacts };
}
