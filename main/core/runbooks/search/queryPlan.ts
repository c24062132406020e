import type { Query } from 'minisearch';
import type { Field } from './runbookFields';
import type { Vocabulary } from './termTable';
import { isWordChar, queryWords, STOP_WORDS } from './words';

/** Where a one- or two-letter word being typed is looked for as a prefix: few words, so it stays fast. */
const SHORT_PREFIX_FIELDS: Field[] = ['title', 'synonyms'];
/** Looking for corrections is the costly part of a query: a pasted paragraph gets it for its first few typos. */
const MAX_TYPO_WORDS = 4;
/** About what MiniSearch weighs a prefix match: "emails" for "email" counts, but not as much as "email". */
const INFLECTION_BOOST = 0.35;
const TYPO_BOOST = 0.5;

interface Alternative {
  term: string;
  prefix: boolean;
  fields?: Field[];
  boost: number;
  /** How much of its query word a longer word found by prefix counts for. */
  prefixCredit: number;
}

/** One word of the query and the indexed words that may stand for it. */
export interface QueryWord {
  alternatives: Alternative[];
  /** A one- or two-letter word being typed helps the ranking but never counts against coverage. */
  optional: boolean;
}

/** A query's words, the MiniSearch query looking for any of them, and how many must be covered. */
export interface QueryPlan {
  words: QueryWord[];
  query: Query;
  required: number;
}

const exact = (term: string, boost = 1): Alternative => ({
  term,
  prefix: false,
  boost,
  prefixCredit: 1,
});

/** The singular of a plural query word, or the plural of a singular one, when the library holds it. */
function inflections(word: string, vocabulary: Vocabulary): string[] {
  const candidates = word.endsWith('s')
    ? [
        word.slice(0, -1),
        word.endsWith('es') ? word.slice(0, -2) : '',
        word.endsWith('ies') ? `${word.slice(0, -3)}y` : '',
      ]
    : [`${word}s`, `${word}es`, word.endsWith('y') ? `${word.slice(0, -1)}ies` : ''];
  return candidates.filter(
    (candidate) => candidate.length >= 3 && vocabulary.get(candidate) !== undefined,
  );
}

/** What to look for for `query`: each word, its inflections and typo fixes; null when no word is worth it. */
export function planQuery(query: string, vocabulary: Vocabulary): QueryPlan | null {
  const words = queryWords(query);
  // The last word is still being typed unless the query ends in a space or punctuation.
  const typing = query.length > 0 && isWordChar(query.charCodeAt(query.length - 1));
  const planned: QueryWord[] = [];
  const seen = new Set<string>();
  let typos = 0;
  words.forEach((forms, index) => {
    const word = forms[0] as string;
    if (seen.has(word)) return;
    seen.add(word);
    const last = typing && index === words.length - 1;
    if (word.length < 2 || STOP_WORDS.has(word)) {
      // "c", "lost p": only the start of a title or synonym word, which is quick and tells most.
      if (last)
        planned.push({
          alternatives: [{ ...exact(word), prefix: true, fields: SHORT_PREFIX_FIELDS }],
          optional: true,
        });
      return;
    }
    const alternatives: Alternative[] = [];
    if (last && word.length === 2) {
      alternatives.push(exact(word), { ...exact(word), prefix: true, fields: SHORT_PREFIX_FIELDS });
    } else {
      const known = vocabulary.get(word) !== undefined;
      alternatives.push({ ...exact(word), prefix: last, prefixCredit: known ? 0.5 : 1 });
      // A word being typed already finds its longer forms by prefix.
      for (const inflection of inflections(word, vocabulary)) {
        if (!(last && inflection.startsWith(word)))
          alternatives.push(exact(inflection, INFLECTION_BOOST));
      }
      // A word of 3+ letters the library does not hold, and that does not start one, is a typo.
      const typo = !known && word.length >= 3 && !(last && vocabulary.completes(word));
      if (typo && typos < MAX_TYPO_WORDS) {
        typos += 1;
        for (const correction of vocabulary.corrections(word))
          alternatives.push(exact(correction, TYPO_BOOST));
      }
    }
    // "wi-fi" is looked for as "wifi", and also as "wi" and "fi".
    for (const part of forms.slice(1)) {
      if (part.length >= 2 && !STOP_WORDS.has(part) && !seen.has(part))
        alternatives.push(exact(part, 0.5));
    }
    planned.push({ alternatives, optional: false });
  });
  if (planned.length === 0) return null;
  const queries = planned.flatMap((word) =>
    word.alternatives.map((alternative): Query => ({
      queries: [alternative.term],
      prefix: alternative.prefix,
      ...(alternative.fields ? { fields: alternative.fields } : {}),
      ...(alternative.boost !== 1 ? { boostTerm: () => alternative.boost } : {}),
    })),
  );
  return {
    words: planned,
    query: { combineWith: 'OR', queries },
    required: planned.filter((word) => !word.optional).length,
  };
}

/** For each query word, how much a match on the indexed word `matched` counts for it (0 to 1). */
export function credits(matched: string, words: readonly QueryWord[]): number[] {
  return words.map((word) => {
    let credit = 0;
    for (const alternative of word.alternatives) {
      if (matched === alternative.term) return 1;
      if (alternative.prefix && matched.startsWith(alternative.term))
        credit = Math.max(credit, alternative.prefixCredit);
    }
    return credit;
  });
}
