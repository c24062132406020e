import type { Query } from 'minisearch';
import { readIntent } from './queryIntent';
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
/** A word the runbooks use for the word typed ("medicines" for "medication") counts almost as much. */
const SAME_AS_BOOST = 0.8;
/** Concept words a phrase adds ("national" for "other homes in the area") nudge, they do not lead. */
const CONCEPT_BOOST = 0.8;

interface Alternative {
  term: string;
  prefix: boolean;
  fields?: Field[];
  boost: number;
  /** How much of its query word a longer word found by prefix counts for. */
  prefixCredit: number;
  /** How much of its query word this exact word counts for: a verb's other form ("click" for "clicked") is near, not the same. */
  credit: number;
}

/** One word of the query and the indexed words that may stand for it. */
export interface QueryWord {
  alternatives: Alternative[];
  /** A one- or two-letter word being typed helps the ranking but never counts against coverage. */
  optional: boolean;
  /** How much the word counts, in the score and in coverage: what is wrong counts more than the device. */
  weight: number;
}

/** A query's words, the MiniSearch query looking for any of them, and how much must be covered. */
export interface QueryPlan {
  words: QueryWord[];
  query: Query;
  /** The summed weight of the words that are not optional. */
  required: number;
}

const exact = (term: string, boost = 1, credit = 1): Alternative => ({
  term,
  prefix: false,
  boost,
  prefixCredit: 1,
  credit,
});
/** A verb's other form covers most of the word typed, but a runbook holding the word itself covers it better. */
const VERB_FORM_CREDIT = 0.7;

/**
 * Other forms of a query word the library holds: singular and plural ("bell", "bells"), and the
 * -ing and -ed forms of a verb ("load", "loading", "loaded"), so "won't load" finds "not loading".
 */
function inflections(
  word: string,
  vocabulary: Vocabulary,
): Array<{ term: string; credit: number }> {
  const plural = word.endsWith('s')
    ? [
        word.slice(0, -1),
        word.endsWith('es') ? word.slice(0, -2) : '',
        word.endsWith('ies') ? `${word.slice(0, -3)}y` : '',
      ]
    : [`${word}s`, `${word}es`, word.endsWith('y') ? `${word.slice(0, -1)}ies` : ''];
  const stem = word.endsWith('ing')
    ? word.slice(0, -3)
    : word.endsWith('ed')
      ? word.slice(0, -2)
      : word;
  const verb =
    stem === word
      ? [`${word}ing`, `${word}ed`, word.endsWith('e') ? `${word}d` : '']
      : [stem, `${stem}e`, word.endsWith('ing') ? `${stem}ed` : `${stem}ing`];
  const held = (candidate: string): boolean =>
    candidate.length >= 3 && candidate !== word && vocabulary.get(candidate) !== undefined;
  const plurals = [...new Set(plural)].filter(held);
  return [
    ...plurals.map((term) => ({ term, credit: 1 })),
    ...[...new Set(verb)]
      .filter((term) => held(term) && !plurals.includes(term))
      .map((term) => ({ term, credit: VERB_FORM_CREDIT })),
  ];
}

/** What to look for for `query`: each word, its inflections and typo fixes; null when no word is worth it. */
export function planQuery(query: string, vocabulary: Vocabulary): QueryPlan | null {
  const words = queryWords(query);
  // The last word is still being typed unless the query ends in a space or punctuation.
  const typing = query.length > 0 && isWordChar(query.charCodeAt(query.length - 1));
  const planned: QueryWord[] = [];
  const seen = new Set<string>();
  let typos = 0;
  const intent = readIntent(
    query,
    words.map((forms) => forms[0] as string).filter((word) => !STOP_WORDS.has(word)),
  );
  words.forEach((forms, index) => {
    const word = forms[0] as string;
    if (seen.has(word)) return;
    seen.add(word);
    const last = typing && index === words.length - 1;
    // "help" beside "my email has been hacked" would pull every runbook that offers help.
    if (intent.isPlea(word)) return;
    if (word.length < 2 || STOP_WORDS.has(word)) {
      // "c", "lost p": only the start of a title or synonym word, which is quick and tells most.
      if (last)
        planned.push({
          alternatives: [{ ...exact(word), prefix: true, fields: SHORT_PREFIX_FIELDS }],
          optional: true,
          weight: 1,
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
      for (const { term, credit } of inflections(word, vocabulary)) {
        if (!(last && term.startsWith(word)))
          alternatives.push(exact(term, INFLECTION_BOOST, credit));
      }
      for (const same of intent.sameAs(word))
        if (vocabulary.get(same) !== undefined) alternatives.push(exact(same, SAME_AS_BOOST));
      // A word of 3+ letters the library does not hold, and that does not start one, is a typo.
      const typo =
        !known &&
        word.length >= 3 &&
        !intent.isKnown(word) &&
        !(last && vocabulary.completes(word));
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
    planned.push({
      alternatives,
      optional: intent.isInConcept(word),
      weight: intent.weightOf(word),
    });
  });
  for (const extra of intent.extras) {
    const terms = extra.terms.filter((term) => vocabulary.get(term) !== undefined);
    if (terms.length === 0) continue;
    planned.push({
      alternatives: terms.map((term) => exact(term, CONCEPT_BOOST)),
      optional: false,
      weight: 1,
    });
  }
  if (planned.length === 0) return null;
  const queries = planned.flatMap((word) =>
    word.alternatives.map((alternative): Query => {
      const boost = alternative.boost * word.weight;
      return {
        queries: [alternative.term],
        prefix: alternative.prefix,
        ...(alternative.fields ? { fields: alternative.fields } : {}),
        ...(boost !== 1 ? { boostTerm: () => boost } : {}),
      };
    }),
  );
  return {
    words: planned,
    query: { combineWith: 'OR', queries },
    required: planned.reduce((sum, word) => sum + (word.optional ? 0 : word.weight), 0),
  };
}

/** For each query word, how much a match on the indexed word `matched` counts for it (0 to 1). */
export function credits(matched: string, words: readonly QueryWord[]): number[] {
  return words.map((word) => {
    let credit = 0;
    for (const alternative of word.alternatives) {
      if (matched === alternative.term) {
        if (alternative.credit === 1) return 1;
        credit = Math.max(credit, alternative.credit);
      }
      if (alternative.prefix && matched.startsWith(alternative.term))
        credit = Math.max(credit, alternative.prefixCredit);
    }
    return credit;
  });
}
