import { describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../../main/contract/types';
import type { RunbookSearch } from '../../../main/shared/search';
import type { IndexedLibrary } from '../../../main/shared/search/indexLibrary';
import { FIRST_KEYS, keepingFirstKeys, searchFirstKeys } from './firstKeys';

const hit = (id: string): SearchHit => ({
  id,
  title: id,
  summary: '',
  category: 'guide',
  score: 1,
  matches: [],
});

/** A search answering one hit named after the query and limit, counting its calls. */
const countingSearch = () => {
  const search = vi.fn((query: string, limit = 10) => [hit(`${query}:${limit}`)]);
  const inner: RunbookSearch = { indexed: {} as IndexedLibrary, search };
  return { inner, search };
};

describe('keepingFirstKeys', () => {
  it('answers as the search does, and searches each single character only once per limit', () => {
    const { inner, search } = countingSearch();
    const kept = keepingFirstKeys(inner);
    expect(kept.search('r', 8)).toEqual([hit('r:8')]);
    expect(kept.search('r', 8)).toEqual([hit('r:8')]);
    expect(kept.search('r', 3)).toEqual([hit('r:3')]);
    expect(kept.search('ra', 8)).toEqual([hit('ra:8')]);
    expect(kept.search('ra', 8)).toEqual([hit('ra:8')]);
    expect(search.mock.calls).toEqual([
      ['r', 8],
      ['r', 3],
      ['ra', 8],
      ['ra', 8],
    ]);
  });
});

describe('searchFirstKeys', () => {
  it('searches every first key ahead, so typing one searches nothing more', async () => {
    const { inner, search } = countingSearch();
    const kept = keepingFirstKeys(inner);
    searchFirstKeys(kept, 8, () => false);
    await vi.waitFor(() => expect(search).toHaveBeenCalledTimes(FIRST_KEYS.length));
    expect(kept.search('s', 8)).toEqual([hit('s:8')]);
    expect(search).toHaveBeenCalledTimes(FIRST_KEYS.length);
  });

  it('stops when told the search is no longer the one in use', async () => {
    const { inner, search } = countingSearch();
    // Another library comes in after three keys.
    searchFirstKeys(keepingFirstKeys(inner), 8, () => search.mock.calls.length >= 3);
    await vi.waitFor(() => expect(search).toHaveBeenCalledTimes(3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(search).toHaveBeenCalledTimes(3);
  });
});
