import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Runbook, SavedIndex, SearchRunbook } from '../../contract/types';
import { FIELDS, runbookFields, type Field } from './runbookFields';
import { Vocabulary } from './termTable';

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
  const documentIds: AsPlainObject['documentIds'] = {};
  const fieldLength: AsPlainObject['fieldLength'] = {};
  const totals = FIELDS.map(() => 0);
  for (const runbook of runbooks) {
    if (byId.has(runbook.id)) continue;
    const doc = books.length;
    books.push(runbook);
    byId.set(runbook.id, doc);
    documentIds[doc] = runbook.id;
    const fields = runbookFields(runbook);
    fieldLength[doc] = FIELDS.map((field, id) => {
      const length = vocabulary.add(fields[field], doc, id);
      totals[id] = (totals[id] as number) + length;
      return length;
    });
  }
  // Not `addAll`, which walks the radix tree once per word: `loadJS` touches it once per distinct word.
  const index = MiniSearch.loadJS(
    {
      documentCount: books.length,
      nextId: books.length,
      documentIds,
      fieldIds: Object.fromEntries(FIELDS.map((field, id) => [field, id])),
      fieldLength,
      averageFieldLength: totals.map((total) => total / Math.max(1, books.length)),
      storedFields: {},
      dirtCount: 0,
      index: byWord(vocabulary.takePostings()),
      serializationVersion: 2,
    },
    INDEX_OPTIONS,
  );
  return { index, books, byId, vocabulary };
}

/**
 * The postings in one fixed order (by word). MiniSearch's radix tree depends on the order words go
 * in, and a prefix query adds up its words' scores in the tree's order; `toJSON` does not write
 * words back in the order they went in. Building both a fresh and a restored index from sorted
 * words gives the same tree, so the same scores to the last bit.
 */
const byWord = (postings: AsPlainObject['index']): AsPlainObject['index'] =>
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
