import MiniSearch, {
  type AsPlainObject,
  type Options,
  type Query,
  type SearchResult,
} from 'minisearch';
import type { Runbook, SearchHit, Step, StepMatch } from '../../contract/types';

/** Full-text search over runbooks and their steps, typo-tolerant, grouped by runbook. */
export interface RunbookSearch {
  search(query: string, limit?: number): SearchHit[];
}

/*
 * Built for a library of 1,000 runbooks (~5.7 M characters, ~1 M words, a few thousand distinct
 * words) indexed at start-up and searched on every keystroke:
 *
 * - One MiniSearch document per runbook, all its step text in one field, so a search walks at most
 *   one posting per runbook and word. Which steps matched is worked out afterwards, and only for
 *   the hits returned, by re-reading those runbooks' steps.
 * - The index is not built with MiniSearch's `addAll`, which walks its radix tree once per word
 *   (~1 µs each). One pass over the text counts each runbook's words in a hash table keyed by a
 *   hash computed while reading, and the counts go to `MiniSearch.loadJS` in its documented
 *   serialised form, which touches the tree once per distinct word. The index is the one `addAll`
 *   would build with the same tokeniser (the tests check that).
 * - Every query word is optional (OR), and a runbook's score is scaled by how much of the query it
 *   covers, so the best runbooks hold every word but a loose phrase never finds nothing. Stop
 *   words are neither indexed nor searched. Only the word being typed is a prefix. A word the
 *   library does not hold is a typo, looked for as the nearest words it does hold ("phnoe" as
 *   "phone"). A plural also finds its singular and back.
 */

const FIELDS = ['title', 'synonyms', 'summary', 'phases', 'text'] as const;
type Field = (typeof FIELDS)[number];
const TEXT = FIELDS.indexOf('text');
const BOOST: Record<Field, number> = { title: 4, synonyms: 3, summary: 2, phases: 0.5, text: 1 };
/** Where a one- or two-letter word being typed is looked for as a prefix: few words, so it stays fast. */
const SHORT_PREFIX_FIELDS: Field[] = ['title', 'synonyms'];
/** Looking for corrections is the costly part of a query: a pasted paragraph gets it for its first few typos. */
const MAX_TYPO_WORDS = 4;
/** Corrections tried per typo, the commonest first. */
const MAX_CORRECTIONS = 8;
const MAX_STEP_MATCHES = 3;

/** Words too common to tell situations apart. "not", "no", "off", "out" and "down" stay: "not working", "locked out". */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then so than of to in on at by for from with as into onto about ' +
    'is are was were be been being am do does did has have had ' +
    'i me my we us our you your he him his she her it its they them their ' +
    'this that these those there here what which who whom how when where why ' +
    'will would shall should can could may might must just also very too ll ve re'
  ).split(' '),
);

// ---- Tokeniser: the same for documents and queries ----

/** Per UTF-16 code unit: 0 not yet known, 1 part of a word (letter, mark, digit), 2 not. */
const CHAR_KIND = new Uint8Array(0x10000);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
function classify(code: number): number {
  const kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  CHAR_KIND[code] = kind;
  return kind;
}
const isWordChar = (code: number): boolean => (CHAR_KIND[code] || classify(code)) === 1;
/** Hyphens and apostrophes inside a word: "wi-fi" and "can't" are also indexed as "wifi" and "cant". */
const isJoiner = (code: number): boolean =>
  code === 0x2d || code === 0x27 || code === 0x2019 || code === 0x2010;
const JOINERS = /[-'\u2019\u2010]/g;
/** `{{contact:role-name}}` placeholders are searchable by their role words only. */
const CONTACT_START = /\{\{\s*contact\s*:\s*(?=[a-z0-9-]+\s*\}\})/y;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}

interface WordSink {
  /** The word `text.slice(start, end)`; `chained` when it is part of a hyphenated or apostrophed word. */
  word(text: string, start: number, end: number, hash: number, chained: boolean): void;
  /** A hyphenated or apostrophed word without its joiners, after its parts. */
  joined(word: string): void;
}

/**
 * Feeds every word of lower-cased markdown to `sink`: runs of letters and digits, link targets
 * skipped (their text kept), markup being punctuation. Hand-written rather than a regex because
 * it is the hot path of indexing; it hashes each word as it reads it, so known words are never
 * copied out of the text.
 */
function scan(text: string, sink: WordSink): void {
  const length = text.length;
  let chainStart = -1;
  for (let p = 0; p < length; p += 1) {
    let code = text.charCodeAt(p);
    if ((CHAR_KIND[code] || classify(code)) === 1) {
      const start = p;
      let hash = Math.imul(FNV_OFFSET ^ code, FNV_PRIME);
      while (++p < length) {
        code = text.charCodeAt(p);
        if ((CHAR_KIND[code] || classify(code)) !== 1) break;
        hash = Math.imul(hash ^ code, FNV_PRIME);
      }
      const joins = isJoiner(code) && p + 1 < length && isWordChar(text.charCodeAt(p + 1));
      sink.word(text, start, p, hash, joins || chainStart >= 0);
      if (joins) {
        if (chainStart < 0) chainStart = start;
      } else if (chainStart >= 0) {
        sink.joined(text.slice(chainStart, p).replace(JOINERS, ''));
        chainStart = -1;
      }
      if (p === length) break;
    }
    // `code` is the space or punctuation at `p`.
    if (code === 0x5d /* ] */ && text.charCodeAt(p + 1) === 0x28 /* ( */) {
      const close = text.indexOf(')', p + 2);
      if (close > 0) p = close;
    } else if (code === 0x7b /* { */ && text.charCodeAt(p + 1) === 0x7b) {
      CONTACT_START.lastIndex = p;
      if (CONTACT_START.test(text)) p = CONTACT_START.lastIndex - 1;
    }
  }
}

/** The words of a query, in order: each a plain word alone, or a joined word followed by its parts. */
function queryWords(query: string): string[][] {
  const words: string[][] = [];
  let chain: string[] = [];
  scan(query.toLowerCase(), {
    word(text, start, end, _hash, chained) {
      const word = text.slice(start, end);
      if (chained) chain.push(word);
      else words.push([word]);
    },
    joined(word) {
      words.push([word, ...chain]);
      chain = [];
    },
  });
  return words;
}

/**
 * The words a runbook field is indexed under, with their counts: what `scan` finds, less stop
 * words and single characters. For tests: `buildSearch` counts the same words without this.
 */
export function indexedWords(pieces: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string): void => {
    if (word.length >= 2 && !STOP_WORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  for (const piece of pieces) {
    scan(piece.toLowerCase(), {
      word: (text, start, end) => add(text.slice(start, end)),
      joined: add,
    });
  }
  return counts;
}

// ---- Index ----

interface Term {
  readonly text: string;
  readonly hash: number;
  /** Stop words are looked up like any word, then not indexed. */
  readonly stop: boolean;
  /** Per field id: the runbooks holding the word, in order, and how often each does (until handed to MiniSearch). */
  docs: number[][];
  counts: number[][];
  /** How many runbooks' step text holds it. */
  df: number;
  /** How many runbooks hold it, field by field: how common a word it is. */
  postings: number;
}

/** The distinct words of the library, in an open-addressing hash table, with their postings. */
class Vocabulary implements WordSink {
  private readonly terms: Term[] = [];
  private mask = 1023;
  private hashes = new Int32Array(this.mask + 1);
  private slots = new Array<Term | undefined>(this.mask + 1);
  private doc = 0;
  private field = 0;
  private distinct = 0;
  private sorted: string[] | null = null;

  /** Counts the words of one field of runbook number `doc`; returns how many distinct ones it holds. */
  add(pieces: readonly string[], doc: number, field: number): number {
    this.doc = doc;
    this.field = field;
    this.distinct = 0;
    for (const piece of pieces) scan(piece.toLowerCase(), this);
    return this.distinct;
  }

  word(text: string, start: number, end: number, hash: number): void {
    if (end - start >= 2) this.count(this.find(text, start, end, hash));
  }

  joined(word: string): void {
    this.count(this.find(word, 0, word.length, hashOf(word)));
  }

  private count(term: Term): void {
    if (term.stop) return;
    const docs = term.docs[this.field];
    const counts = term.counts[this.field];
    if (docs === undefined || counts === undefined) {
      term.docs[this.field] = [this.doc];
      term.counts[this.field] = [1];
    } else {
      const last = docs.length - 1;
      if (docs[last] === this.doc) {
        counts[last] = (counts[last] as number) + 1;
        return;
      }
      docs.push(this.doc);
      counts.push(1);
    }
    this.distinct += 1;
    term.postings += 1;
    if (this.field === TEXT) term.df += 1;
  }

  /** The entry for `text.slice(start, end)`, created if new. */
  private find(text: string, start: number, end: number, hash: number): Term {
    const length = end - start;
    let slot = hash & this.mask;
    for (let term = this.slots[slot]; term !== undefined; term = this.slots[slot]) {
      if (
        this.hashes[slot] === hash &&
        term.text.length === length &&
        text.startsWith(term.text, start)
      )
        return term;
      slot = (slot + 1) & this.mask;
    }
    const word = text.slice(start, end);
    const term: Term = {
      text: word,
      hash,
      stop: STOP_WORDS.has(word),
      docs: [],
      counts: [],
      df: 0,
      postings: 0,
    };
    this.terms.push(term);
    this.slots[slot] = term;
    this.hashes[slot] = hash;
    if (this.terms.length * 2 > this.mask) this.grow();
    return term;
  }

  private grow(): void {
    this.mask = this.mask * 2 + 1;
    this.hashes = new Int32Array(this.mask + 1);
    this.slots = new Array<Term | undefined>(this.mask + 1);
    for (const term of this.terms) {
      let slot = term.hash & this.mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.slots[slot] = term;
      this.hashes[slot] = term.hash;
    }
  }

  /** The indexed word `word`, if any (never a stop word). */
  get(word: string): Term | undefined {
    const hash = hashOf(word);
    let slot = hash & this.mask;
    for (let term = this.slots[slot]; term !== undefined; term = this.slots[slot]) {
      if (this.hashes[slot] === hash && term.text === word) return term.stop ? undefined : term;
      slot = (slot + 1) & this.mask;
    }
    return undefined;
  }

  /** The indexed words, sorted; made on first use, as only typing needs it. */
  private words(): string[] {
    this.sorted ??= this.terms
      .filter((term) => !term.stop)
      .map((term) => term.text)
      .sort();
    return this.sorted;
  }

  /** Whether some indexed word is longer than `prefix` and starts with it. */
  completes(prefix: string): boolean {
    const words = this.words();
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((words[mid] as string) < prefix) low = mid + 1;
      else high = mid;
    }
    if (words[low] === prefix) low += 1;
    return words[low]?.startsWith(prefix) ?? false;
  }

  /**
   * The indexed words nearest to the typo `word`: all those at the smallest edit distance, 1, or 2
   * for words of 5 letters or more, the commonest first. A scan of the vocabulary, a few thousand
   * words, which costs less than a millisecond.
   */
  corrections(word: string): string[] {
    let best = word.length >= 5 ? 2 : 1;
    let found: string[] = [];
    for (const candidate of this.words()) {
      const distance = editDistance(word, candidate, best);
      if (distance < best) {
        best = distance;
        found = [candidate];
      } else if (distance === best) {
        found.push(candidate);
      }
    }
    return found
      .map((candidate) => ({ candidate, postings: this.get(candidate)?.postings ?? 0 }))
      .sort((a, b) => b.postings - a.postings)
      .slice(0, MAX_CORRECTIONS)
      .map(({ candidate }) => candidate);
  }

  /** Hands the postings over in MiniSearch's serialised form (word, field id → runbook number → count), keeping no copy. */
  takePostings(): AsPlainObject['index'] {
    const index: AsPlainObject['index'] = [];
    for (const term of this.terms) {
      if (term.stop) continue;
      const data: Record<number, Record<number, number>> = {};
      term.docs.forEach((docs, field) => {
        const counts = term.counts[field] as number[];
        const postings: Record<number, number> = {};
        for (let i = 0; i < docs.length; i += 1) postings[docs[i] as number] = counts[i] as number;
        data[field] = postings;
      });
      term.docs = [];
      term.counts = [];
      index.push([term.text, data]);
    }
    return index;
  }
}

/** What each field of a runbook is indexed from, in pieces (a word never spans two pieces). */
export function runbookFields(runbook: Runbook): Record<Field, readonly string[]> {
  const text = [runbook.intro];
  for (const phase of runbook.phases)
    for (const step of phase.steps) text.push(...stepPieces(step));
  return {
    title: [runbook.title],
    synonyms: runbook.synonyms,
    summary: [runbook.summary],
    phases: runbook.phases.map((phase) => phase.title),
    text,
  };
}

const stepPieces = (step: Step): string[] => [
  step.text,
  step.details,
  ...step.options.map((option) => option.text),
];

/** MiniSearch's options for the index; queries reach it already split into words (see `plan`). */
const INDEX_OPTIONS: Options = {
  fields: [...FIELDS],
  tokenize: (text) => [text],
  processTerm: (term) => term,
  searchOptions: { boost: BOOST, combineWith: 'OR' },
};

// ---- Queries ----

interface Alternative {
  term: string;
  prefix: boolean;
  fields?: Field[];
  boost: number;
  /** How much of its query word a longer word found by prefix counts for. */
  prefixCredit: number;
}

interface QueryWord {
  alternatives: Alternative[];
  /** A one- or two-letter word being typed helps the ranking but never counts against coverage. */
  optional: boolean;
}

interface Plan {
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
/** About what MiniSearch weighs a prefix match: "emails" for "email" counts, but not as much as "email". */
const INFLECTION_BOOST = 0.35;
const TYPO_BOOST = 0.5;

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

function plan(query: string, vocabulary: Vocabulary): Plan | null {
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

/**
 * Optimal string alignment distance between `a` and `b` (insertions, deletions, substitutions and
 * swaps of neighbours each cost 1: "phnoe" is 1 from "phone"), or `max + 1` once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j += 1) {
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] as number) + 1);
      current.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] as number, max + 1);
}

/** For each query word, how much a match on the indexed word `matched` counts for it (0 to 1). */
function credits(matched: string, words: QueryWord[]): number[] {
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

// ---- Search ----

/** Scores steps by the matched words they hold, each word once per step. */
class StepScorer implements WordSink {
  private readonly words: Map<string, { weight: number; step: number }>;
  private step = 0;
  private score = 0;

  constructor(weights: Map<string, number>) {
    this.words = new Map([...weights].map(([word, weight]) => [word, { weight, step: -1 }]));
  }

  scoreStep(step: Step): number {
    this.step += 1;
    this.score = 0;
    for (const piece of stepPieces(step)) scan(piece.toLowerCase(), this);
    return this.score;
  }

  word(text: string, start: number, end: number): void {
    this.joined(text.slice(start, end));
  }

  joined(word: string): void {
    const entry = this.words.get(word);
    if (entry && entry.step !== this.step) {
      entry.step = this.step;
      this.score += entry.weight;
    }
  }
}

interface Library {
  index: MiniSearch;
  /** The runbooks by document number. */
  books: Runbook[];
  byId: Map<string, number>;
  vocabulary: Vocabulary;
}

/** One MiniSearch document per runbook (title, synonyms, summary, phase titles, and intro plus all step text). */
function indexLibrary(runbooks: Iterable<Runbook>): Library {
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
      index: vocabulary.takePostings(),
      serializationVersion: 2,
    },
    INDEX_OPTIONS,
  );
  return { index, books, byId, vocabulary };
}

/** The MiniSearch index alone, for tests. */
export const buildIndex = (runbooks: Iterable<Runbook>): MiniSearch => indexLibrary(runbooks).index;

/** Indexes the runbooks, then answers queries, saying which steps matched for the hits it returns. */
export function buildSearch(runbooks: Iterable<Runbook>): RunbookSearch {
  const { index, books, byId, vocabulary } = indexLibrary(runbooks);

  /** The steps holding the most telling of the words the runbook matched in its step text, best first. */
  function stepMatches(
    doc: number,
    result: SearchResult,
    creditOf: (term: string) => number,
  ): StepMatch[] {
    const weights = new Map<string, number>();
    for (const term of result.terms) {
      if (!result.match[term]?.includes('text')) continue;
      const df = Math.max(1, vocabulary.get(term)?.df ?? books.length);
      // Rarer words say more about a step.
      weights.set(term, creditOf(term) * Math.log(1 + books.length / df));
    }
    if (weights.size === 0) return [];
    const scorer = new StepScorer(weights);
    const found: Array<{ phase: string; step: Step; score: number }> = [];
    for (const phase of (books[doc] as Runbook).phases) {
      for (const step of phase.steps) {
        const score = scorer.scoreStep(step);
        if (score > 0) found.push({ phase: phase.title, step, score });
      }
    }
    // A stable sort: equally good steps stay in runbook order.
    return found
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_STEP_MATCHES)
      .map(({ phase, step }) => ({
        phaseTitle: phase,
        stepId: step.id,
        stepNumber: step.number,
        text: snippet(plain(stepPieces(step).join(' '))),
      }));
  }

  return {
    search(query, limit = 10) {
      const planned = plan(query, vocabulary);
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
          for (let i = 0; i < words.length; i += 1)
            if (!words[i]?.optional) coverage += best[i] as number;
          coverage /= required;
          // Matched only the word being typed ("p" in "lost p"): not a hit.
          if (coverage === 0) continue;
        }
        // MiniSearch multiplies an OR score by the number of query terms matched; coverage
        // squared replaces that, so a runbook holding every word comes well before one holding some.
        const score = (result.score / Math.max(1, result.queryTerms.length)) * coverage * coverage;
        scored.push({ result, doc, score });
      }
      scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
      const creditOf = (term: string): number => Math.max(0, ...creditsOf(term));
      return scored.slice(0, Math.max(0, limit)).map(({ result, doc, score }): SearchHit => {
        const runbook = books[doc] as Runbook;
        return {
          id: runbook.id,
          title: runbook.title,
          summary: runbook.summary,
          category: runbook.category,
          score,
          matches: stepMatches(doc, result, creditOf),
        };
      });
    },
  };
}

/** Markdown to display text: link text kept, link targets, placeholders' markup and emphasis dropped. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\{\{\s*contact\s*:\s*([a-z0-9-]+)\s*\}\}/g, (_, role: string) =>
      role.replace(/-/g, ' '),
    )
    .replace(/[*_`#>[\]]/g, ' ');
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 137)}…` : flat;
}
