import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRunbooks } from '../loadRunbooks';
import { openParseCache } from '../parseCache';
import type { RunbookSearch } from '../../../shared/search';
import { indexLibrary, restoreIndex, savedIndex } from '../../../shared/search/indexLibrary';

const BUNDLED_DIR = resolve(import.meta.dirname, '../../../../runbooks');

/** Words, phrases, a typo, a plural, a half-typed word and stop words, as the search box sends them. */
const QUERIES = [
  'ransom',
  'ransomwre',
  'lost phnoe',
  'stolen laptops',
  'care record system down',
  'shared drive',
  'pass',
  'the and of',
  'qzxqzx',
];
/**
 * What each query returns, with scores rounded to 9 significant digits: a restored index sums the
 * same numbers in another order, so a score can differ in its last binary digit (about 1e-15)
 * while every result, its order and its snippet stay the same.
 */
const answers = (search: RunbookSearch) =>
  QUERIES.map((query) =>
    search.search(query, 8).map((hit) => ({ ...hit, score: Number(hit.score.toPrecision(9)) })),
  );

describe('the search index saved with the parse cache', () => {
  let dir: string;
  let bundledDir: string;
  let userDir: string;
  let cachePath: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'holdfast-index-'));
    bundledDir = join(dir, 'bundled');
    userDir = join(dir, 'user');
    cachePath = join(dir, 'cache', 'runbooks.json');
    await cp(BUNDLED_DIR, bundledDir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** One app start through the parse cache; `indexed` says whether the index was built (not restored). */
  async function start() {
    const cache = await openParseCache(cachePath, '1.0.0');
    let indexed = false;
    const loaded = await loadRunbooks({
      bundledDir,
      userDir,
      cache: {
        ...cache,
        storeIndex: (key, serialise) => {
          indexed = true;
          cache.storeIndex(key, serialise);
        },
      },
    });
    await cache.save();
    return { ...loaded, indexed };
  }

  async function savedData(): Promise<{ key: string; data: unknown }> {
    const text = await readFile(cachePath, 'utf8');
    return (JSON.parse(text.slice(65)) as { index: { key: string; data: unknown } }).index;
  }

  /** Rewrites the cache body, with a fresh checksum line, as a damaged-but-consistent file. */
  async function rewriteIndex(change: (index: { key: string; data: unknown }) => unknown) {
    const cache = JSON.parse((await readFile(cachePath, 'utf8')).slice(65)) as {
      index: { key: string; data: unknown };
    };
    cache.index = change(cache.index) as { key: string; data: unknown };
    const body = JSON.stringify(cache);
    await writeFile(cachePath, `${createHash('sha256').update(body).digest('hex')}\n${body}`);
  }

  it('answers every query exactly as the index it was saved from, on the next start', async () => {
    const first = await start();
    const second = await start();
    expect([first.indexed, second.indexed]).toEqual([true, false]);
    expect(answers(second.search)).toEqual(answers(first.search));
    expect(answers(first.search)[0]?.[0]?.id).toBe('ransomware');
  });

  it('is used only for the same runbooks: an edited file gets an index of the new text', async () => {
    await start();
    const before = await savedData();
    const path = join(bundledDir, 'ransomware.md');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('## ', 'Zebracrossing appears here.\n\n## '));
    const edited = await start();
    expect(edited.indexed).toBe(true);
    expect(edited.search.search('zebracrossing').map((hit) => hit.id)).toEqual(['ransomware']);
    expect((await savedData()).key).not.toBe(before.key);
  });

  it.each([
    ['no terms', (data: Record<string, unknown>) => ({ ...data, terms: undefined })],
    [
      'a term saved twice',
      (data: { terms: unknown[] }) => ({ ...data, terms: [...data.terms, data.terms[0]] }),
    ],
    [
      'another serialisation',
      (data: { minisearch: object }) => ({
        ...data,
        minisearch: { ...data.minisearch, serializationVersion: 1 },
      }),
    ],
    [
      'one document fewer',
      (data: { minisearch: object }) => ({
        ...data,
        minisearch: { ...data.minisearch, documentCount: 1 },
      }),
    ],
    [
      'postings that are not an index',
      (data: { minisearch: object }) => ({ ...data, minisearch: { ...data.minisearch, index: 7 } }),
    ],
    ['nothing at all', () => null],
  ])('is rebuilt silently when the saved index has %s', async (_name, damage) => {
    const first = await start();
    await rewriteIndex((index) => ({ ...index, data: damage(index.data as never) }));
    const second = await start();
    expect(second.indexed).toBe(true);
    expect(answers(second.search)).toEqual(answers(first.search));
    // And saved whole again for the start after.
    expect((await start()).indexed).toBe(false);
  });

  it('is not restored onto runbooks in another order', async () => {
    const { library } = await start();
    const built = indexLibrary(library.runbooks.values());
    const saved: unknown = JSON.parse(JSON.stringify(savedIndex(built)));
    expect(restoreIndex(library.runbooks.values(), saved)).not.toBeNull();
    expect(restoreIndex([...library.runbooks.values()].reverse(), saved)).toBeNull();
  });
});
