import { describe, expect, it } from 'vitest';
import { indexedWords } from './words';

describe('the search index', () => {
  it('indexes words as they read: lower case, without stop words, link targets or placeholder markup, hyphenated words also joined', () => {
    const words = indexedWords([
      "Check the Wi-Fi [router page](https://vendor.example/setup) with {{contact:it-supplier}}. Can't? Don't panic",
    ]);
    expect(Object.fromEntries(words)).toEqual({
      check: 1,
      wi: 1,
      fi: 1,
      wifi: 1,
      router: 1,
      page: 1,
      supplier: 1,
      itsupplier: 1,
      cant: 1,
      don: 1,
      dont: 1,
      panic: 1,
    });
  });
});
