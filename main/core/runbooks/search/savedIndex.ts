import { createHash } from 'node:crypto';
import { publishedRunbooks, type LoadedLibrary } from '../library';
import type { ParseCache } from '../parseCache';
import { searchIndexed, type RunbookSearch } from '../../../shared/search';
import { indexLibrary, restoreIndex, savedIndex } from '../../../shared/search/indexLibrary';

/** Bump when the index or what it is built from changes: an index saved by another format is rebuilt. */
export const SAVED_INDEX_FORMAT = 2;

/**
 * The key a library's index is saved under: the content hash and file of every runbook, in
 * library order. A runbook is parsed from its file alone and the cache is kept per app version,
 * so equal keys mean equal runbooks and so an equal index.
 */
export function indexKey(library: LoadedLibrary): string {
  const hash = createHash('sha256').update(`holdfast-search-index:${SAVED_INDEX_FORMAT}`);
  for (const [id, runbook] of library.runbooks)
    hash.update(`\n${id}\0${runbook.file}\0${library.origins.get(id)?.sha256 ?? ''}`);
  return hash.digest('hex');
}

/**
 * The library's search, from the index saved with the parse cache when it was built from these
 * very runbooks, otherwise built and saved for the next start. Indexing is the larger part of a
 * start with every file in the parse cache (load_index_1000_cached_ms in `npm run bench`). A
 * saved index that does not fit is ignored and rebuilt, like a damaged cache.
 */
export function cachedSearch(library: LoadedLibrary, cache: ParseCache): RunbookSearch {
  const key = indexKey(library);
  const saved = cache.lookupIndex(key);
  // Drafts are not yet in use, so search never offers them.
  const published = publishedRunbooks(library.runbooks.values());
  const restored = saved === undefined ? null : restoreIndex(published, saved);
  if (restored) return searchIndexed(restored);
  const built = indexLibrary(published);
  cache.storeIndex(key, () => savedIndex(built));
  return searchIndexed(built);
}
