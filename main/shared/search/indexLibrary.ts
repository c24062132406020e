import MiniSearch, { type Options } from 'minisearch';
import type { Runbook, SavedIndex, SearchRunbook } from '../../contract/types';
import { FIELDS, runbookFields, type Field } from './runbookFields';
import { Vocabulary, type Postings } from './termTable';

const BOOST: Record<Field, number> = { title: 4, synonyms: 3, summary: 2, phases: 0.5, text: 1 };

/** MiniSearch's options for the index; queries reach it already split into words (see `planQuery`). */
const INDEX_OPTIONS: Options = {
  fields: [...FIELDS],
  tokenize: (text) => [text],
  processTerm: (term) => term,
  searchOptions: { boost: BOOST, combineWith: 'OR' },
};

/** A library's MiniSearch index and what is needed to read its hits back. */
export interface IndexedLibrary {
  index: MiniSearch;
  /** The runbooks by document number, as far as search reads them. */
  books: SearchRunbook[];
  byId: Map<string, number>;
  vocabulary: Vocabulary;
}

/** One MiniSearch document per runbook (see `runbookFields`); a repeated id keeps its first runbook. */
export function indexLibrary(runbooks: Iterable<Runbook>): IndexedLibrary {
  const books: Runbook[] = [];
  const byId = new Map<string, number>();
  const vocabulary = new Vocabulary();
  const fieldLengths: number[][] = [];
  const totals = FIELDS.map(() => 0);
  for (const runbook of runbooks) {
    if (byId.has(runbook.id)) continue;
    const doc = books.length;
    books.push(runbook);
    byId.set(runbook.id, doc);
    const fields = runbookFields(runbook);
    fieldLengths.push(
      FIELDS.map((field, id) => {
        const length = vocabulary.add(fields[field], doc, id);
        totals[id] = (totals[id] as number) + length;
        return length;
      }),
    );
  }
  const index = new CountedMiniSearch(
    books.map((runbook) => runbook.id),
    fieldLengths,
    totals.map((total) => total / Math.max(1, books.length)),
    byWord(vocabulary.takePostings()),
  );
  return { index, books, byId, vocabulary };
}

/**
 * A MiniSearch index filled straight from the term table's counts. Not `addAll`, which walks the
 * radix tree once per word, and not `loadJS` either: it takes the counts as objects keyed by
 * runbook number and turns each back into a Map, which for a library of 1,000 cost more than
 * building the Maps (load_index_1000_cold_ms in `npm run bench`). It sets what `loadJS` sets, in
 * the same order; a test checks the result against the index MiniSearch builds itself.
 */
class CountedMiniSearch extends MiniSearch {
  constructor(ids: string[], fieldLengths: number[][], averages: number[], postings: Postings) {
    super(INDEX_OPTIONS);
    this._documentCount = ids.length;
    this._nextId = ids.length;
    ids.forEach((id, doc) => {
      this._documentIds.set(doc, id);
      this._idToShortId.set(id, doc);
      this._fieldLength.set(doc, fieldLengths[doc] as number[]);
    });
    this._avgFieldLength = averages;
    for (const [word, fields] of postings) this._index.set(word, fields);
  }
}

/**
 * The postings in one fixed order (by word). MiniSearch's radix tree depends on the order words go
 * in, and a prefix query adds up its words' scores in the tree's order; `toJSON` does not write
 * words back in the order they went in. Building both a fresh and a restored index from sorted
 * words gives the same tree, so the same scores to the last bit.
 */
const byWord = <Entry extends [string, unknown]>(postings: Entry[]): Entry[] =>
  postings.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function savedIndex({ index, vocabulary }: IndexedLibrary): SavedIndex {
  return { minisearch: index.toJSON(), terms: vocabulary.savedTerms() };
}

/**
 * The index of these runbooks from a saved one, or null when `saved` is not an index of exactly
 * these runbooks, in this order (then the caller builds it afresh).
 */
export function restoreIndex(
  runbooks: Iterable<SearchRunbook>,
  saved: unknown,
): IndexedLibrary | null {
  const { minisearch, terms } = (saved ?? {}) as Partial<SavedIndex>;
  if (typeof minisearch !== 'object' || minisearch === null) return null;
  const books: SearchRunbook[] = [];
  const byId = new Map<string, number>();
  for (const runbook of runbooks) {
    if (byId.has(runbook.id)) continue;
    byId.set(runbook.id, books.length);
    books.push(runbook);
  }
  const ids = minisearch.documentIds as Record<string, unknown> | undefined;
  if (
    minisearch.serializationVersion !== 2 ||
    minisearch.documentCount !== books.length ||
    typeof ids !== 'object' ||
    ids === null ||
    Object.keys(ids).length !== books.length ||
    books.some((runbook, doc) => ids[doc] !== runbook.id)
  )
    return null;
  const vocabulary = Vocabulary.fromSaved(terms);
  if (!vocabulary) return null;
  try {
    const index = MiniSearch.loadJS(
      { ...minisearch, index: byWord([...minisearch.index]) },
      INDEX_OPTIONS,
    );
    return { index, books, byId, vocabulary };
  } catch {
    return null;
  }
}

/** The MiniSearch index alone, for tests. */
export const buildIndex = (runbooks: Iterable<Runbook>): MiniSearch => indexLibrary(runbooks).index;
