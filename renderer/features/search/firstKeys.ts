import type { SearchHit } from '../../../main/contract/types';
import type { RunbookSearch } from '../../../main/shared/search';

/** The characters a search starts with: its first keystroke searches for one of these alone. */
export const FIRST_KEYS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `search`, keeping its answers to a single character. The first key of every search is the
 * costliest search there is, as one letter stands for every word starting with it; kept, and
 * worked out ahead by `searchFirstKeys`, it costs the keystroke nothing. Answers are the search's
 * own, for the library it holds.
 */
export function keepingFirstKeys(search: RunbookSearch): RunbookSearch {
  const kept = new Map<string, SearchHit[]>();
  return {
    indexed: search.indexed,
    search(query, limit = 10) {
      if (query.length !== 1) return search.search(query, limit);
      const key = `${limit} ${query}`;
      let hits = kept.get(key);
      if (!hits) kept.set(key, (hits = search.search(query, limit)));
      return hits;
    },
  };
}

/**
 * Searches each of FIRST_KEYS through `search` (a `keepingFirstKeys` one) while the browser is
 * idle, a few at a time so no task grows long; `stop` says when to give up (another library).
 */
export function searchFirstKeys(search: RunbookSearch, limit: number, stop: () => boolean): void {
  const left = [...FIRST_KEYS];
  const work = (deadline?: IdleDeadline): void => {
    do {
      if (stop()) return;
      const key = left.shift();
      if (key === undefined) return;
      search.search(key, limit);
    } while (deadline && deadline.timeRemaining() > 5);
    whenIdle(work);
  };
  whenIdle(work);
}

/** Runs `task` when the browser is idle (soon, where it cannot say); returns a cancel. */
export function whenIdle(task: (deadline?: IdleDeadline) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task);
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}
