import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseNationalContacts } from '../../main/core/contacts/nationalContacts';
import { NATIONAL_CONTACTS_FILE } from '../../main/core/createCore';
import { loadLibrary, type LoadedLibrary } from '../../main/core/runbooks/library';
import { buildSearch, type RunbookSearch } from '../../main/core/runbooks/search';

export interface LoadIndexTiming {
  /** National contacts + loadLibrary (read, parse, cross-check). */
  loadMs: number;
  /** buildSearch. */
  indexMs: number;
  totalMs: number;
}

export interface LoadIndexResult extends LoadIndexTiming {
  library: LoadedLibrary;
  search: RunbookSearch;
}

/**
 * What the app does at start-up (createCore's `load`): read the national contacts pack, load the
 * bundled and user folders, then build the search index. Kept in step with createCore by hand,
 * because createCore also opens settings, which is not part of this figure.
 */
export async function loadAndIndex(bundledDir: string, userDir: string): Promise<LoadIndexResult> {
  const start = performance.now();
  const contactsText = await readFile(join(bundledDir, NATIONAL_CONTACTS_FILE), 'utf8');
  const national = parseNationalContacts(contactsText, `runbooks/${NATIONAL_CONTACTS_FILE}`);
  const library = await loadLibrary(
    [
      { dir: bundledDir, source: 'bundled', label: 'runbooks' },
      { dir: userDir, source: 'user', label: 'your runbooks' },
    ],
    national.contacts,
  );
  const loaded = performance.now();
  const search = buildSearch(library.runbooks.values());
  const indexed = performance.now();
  return { loadMs: loaded - start, indexMs: indexed - loaded, totalMs: indexed - start, library: { runbooks: library.runbooks, problems: [...national.problems, ...library.problems] }, search };
}
