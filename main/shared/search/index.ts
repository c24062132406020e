import type { SearchResult } from 'minisearch';
import type { Runbook, SearchHit, SearchRunbook } from '../../contract/types';
import { indexLibrary, type IndexedLibrary } from './indexLibrary';
import { credits, planQuery, type QueryWord } from './queryPlan';
import { stepMatches } from './stepMatches';

/*
 * Built for a library of 1,000 runbooks (~5.7 M characters, ~1 M words, a few thousand distinct
 * words) indexed at start-up and searched on every keystroke:
 *
 * - One MiniSearch document per runbook, all its step text in one field, so a search walks at most
 *   one posting per runbook and word. Which steps matched is worked out afterwards, and only for
 *   the hits returned, by re-reading those runbooks' steps (stepMatches.ts).
 * - The index is not built with MiniSearch's `addAll`, which walks its radix tree once per word
 *   (~1 µs each). One pass over the text (words.ts) counts each runbook's words in a hash table
 *   keyed by a hash computed while reading (vocabulary.ts), and the counts go to
 *   `MiniSearch.loadJS` in its documented serialised form (indexLibrary.ts), which touches the tree
 *   once per distinct word. The index is the one `addAll` would build with the same tokeniser (the
 *   tests check that).
 * - A start whose runbooks are all unchanged does not index at all: the index is saved with the
 *   parse cache and restored from it (savedIndex.ts).
 * - Every query word is optional (OR), and a runbook's score is scaled by how much of the query it
 *   covers, so the best runbooks hold every word but a loose phrase never finds nothing. Stop
 *   words are neither indexed nor searched. Only the word being typed is a prefix. A word the
 *   library does not hold is a typo, looked for as the nearest words it does hold ("phnoe" as
 *   "phone"). A plural also finds its singular and back (queryPlan.ts).
 */

/** Full-text search over runbooks and their steps, typo-tolerant, grouped by runbook. */
export interface RunbookSearch {
  search(query: string, limit?: number): SearchHit[];
  /** The index and runbooks it answers from. */
  readonly indexed: IndexedLibrary;
}

/** Indexes the runbooks, then answers queries best first, with the steps that matched for each hit. */
export function buildSearch(runbooks: Iterable<Runbook>): RunbookSearch {
  return searchIndexed(indexLibrary(runbooks));
}

/**
 * Holdfast's own runbooks (and the provider's edits of them) are written for the crisis path; a
 * runbook of the provider's own, often a long imported plan, comes after one of them that
 * matches about as well, and still first when it matches clearly better.
 */
const OWN_RUNBOOK_WEIGHT = 0.6;
const weightOf = (runbook: SearchRunbook): number =>
  runbook.source === 'bundled' || runbook.overridesBundled ? 1 : OWN_RUNBOOK_WEIGHT;

/** Answers queries from an index already built (or restored, see savedIndex.ts). */
export function searchIndexed(library: IndexedLibrary): RunbookSearch {
  const { index, books, byId, vocabulary } = library;

  return {
    indexed: library,
    search(query, limit = 10) {
      const planned = planQuery(query, vocabulary);
      if (!planned) return [];
      const { words, required } = planned;
      const creditCache = new Map<string, number[]>();
      const creditsOf = (term: string): number[] => {
        let found = creditCache.get(term);
        if (!found) creditCache.set(term, (found = credits(term, words)));
        return found;
      };
      const best = new Float64Array(words.length);
      const scored: Array<{ result: SearchResult; doc: number; score: number }> = [];
      for (const result of index.search(planned.query)) {
        const doc = byId.get(result.id as string);
        if (doc === undefined) continue;
        let coverage = 1;
        if (required > 0) {
          best.fill(0);
          for (const term of result.terms) {
            const credit = creditsOf(term);
            for (let i = 0; i < words.length; i += 1)
              best[i] = Math.max(best[i] as number, credit[i] as number);
          }
          coverage = 0;
          for (let i = 0; i < words.length; i += 1) {
            const word = words[i] as QueryWord;
            if (!word.optional) coverage += (best[i] as number) * word.weight;
          }
          coverage /= required;
          // Matched only the word being typed ("p" in "lost p"): not a hit.
          if (coverage === 0) continue;
        }
        // MiniSearch multiplies an OR score by the number of query terms matched; coverage
        // squared replaces that, so a runbook holding every word comes well before one holding some.
        const score =
          (result.score / Math.max(1, result.queryTerms.length)) *
          coverage *
          coverage *
          weightOf(books[doc] as SearchRunbook);
        scored.push({ result, doc, score });
      }
      scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
      const creditOf = (term: string): number => Math.max(0, ...creditsOf(term));
      return scored.slice(0, Math.max(0, limit)).map(({ result, doc, score }): SearchHit => {
        const runbook = books[doc] as SearchRunbook;
        return {
          id: runbook.id,
          title: runbook.title,
          summary: runbook.summary,
          category: runbook.category,
          score,
          matches: stepMatches(library, doc, result, creditOf),
        };
      });
    },
  };
}
