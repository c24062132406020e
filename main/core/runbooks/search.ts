import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchResult } from 'minisearch';
import type { Runbook, SearchHit, StepMatch } from '../../contract/types';

/** Full-text search over runbooks and their steps, typo-tolerant, grouped by runbook. */
export interface RunbookSearch {
  search(query: string, limit?: number): SearchHit[];
}

/*
 * How it works, and why it is built this way (a library of 1,000 runbooks holds ~5.7 M characters,
 * ~1 M words, but only a few thousand distinct words):
 *
 * - One MiniSearch document per runbook, its step text in one field. A hit's matching steps are
 *   found afterwards, only for the hits returned, by re-reading those runbooks' steps.
 * - The index is not built with MiniSearch's `addAll`, which walks its radix tree once per word
 *   (~1 µs each). Instead one pass over each runbook counts its distinct words in a hash table
 *   keyed by a hash computed while scanning, and the finished counts are handed to
 *   `MiniSearch.loadJS` (its documented serialised form), which touches the tree once per distinct
 *   word. The resulting index is exactly what MiniSearch would have built with the same tokeniser.
 * - Queries: every word is optional (OR), and a runbook's score is multiplied by how much of the
 *   query it covers, so "someone clicked a link" ranks runbooks with "clicked" and "link" first
 *   without ever returning nothing. Stop words are neither indexed nor searched. Only the word
 *   being typed is matched as a prefix; only words the library does not contain are matched
 *   fuzzily (they are typos); a plural also finds its singular and back.
 */

const FIELDS = ['title', 'synonyms', 'summary', 'phases', 'text'] as const;
type Field = (typeof FIELDS)[number];
const TEXT = FIELDS.indexOf('text');
const BOOST: Record<Field, number> = { title: 4, synonyms: 3, summary: 2, phases: 0.5, text: 1 };
/** Where a one- or two-letter word being typed is looked for: few words, so it stays fast. */
const SHORT_PREFIX_FIELDS: Field[] = ['title', 'synonyms'];

/** Words too common to say anything about a situation. "not", "no", "off", "out", "down" stay: "not working", "locked out". */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then so than of to in on at by for from with as into onto about over ' +
    'is are was were be been being am do does did doing has have had having ' +
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs ' +
    'this that these those there here what which who whom whose how when where why ' +
    'will would shall should can could may might must just also very too ' +
    'll ve re'
  ).split(' '),
);

// ---- Tokeniser: lower-cased runs of letters and digits, the same for documents and queries ----

/** Per UTF-16 code unit: 0 not yet known, 1 part of a word, 2 not. */
const CHAR_KIND = new Uint8Array(0x10000);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
function classify(code: number): number {
  const kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  CHAR_KIND[code] = kind;
  return kind;
}
const isWordChar = (code: number): boolean => (CHAR_KIND[code] || classify(code)) === 1;
/** Hyphens and apostrophes inside a word: "wi-fi" and "can't" are also indexed as "wifi" and "cant". */
const isJoiner = (code: number): boolean => code === 0x2d || code === 0x27 || code === 0x2019 || code === 0x2010;
const JOINERS = /[-'\u2019\u2010]/g;
/** `{{contact:role-name}}` placeholders are searchable by their role words only, as before. */
const CONTACT_START = /\{\{\s*contact\s*:\s*(?=[a-z0-9-]+\s*\}\})/y;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
function hashOf(term: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < term.length; i += 1) hash = Math.imul(hash ^ term.charCodeAt(i), FNV_PRIME);
  return hash;
}

interface TermSink {
  /** A word, `text.slice(start, end)`; `chained` when it is part of a hyphenated or apostrophed word. */
  term(text: string, start: number, end: number, hash: number, chained: boolean): void;
  /** A hyphenated word without its hyphens, after its parts. */
  joined(term: string): void;
}

/**
 * Feeds every word of lower-cased markdown to `sink`: link targets are skipped (their text is
 * kept), markup is just punctuation. Hand-written rather than a regex because it is the hot path
 * of indexing: it hashes each word while reading it, so the index never slices a known word.
 */
function scan(text: string, sink: TermSink): void {
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
      sink.term(text, start, p, hash, joins || chainStart >= 0);
      if (joins) {
        if (chainStart < 0) chainStart = start;
      } else if (chainStart >= 0) {
        sink.joined(text.slice(chainStart, p).replace(JOINERS, ''));
        chainStart = -1;
      }
      if (p === length) break;
    }
    // `code` is the punctuation or space at `p`.
    if (code === 0x5d /* ] */ && text.charCodeAt(p + 1) === 0x28 /* ( */) {
      const close = text.indexOf(')', p + 2);
      if (close > 0) p = close;
    } else if (code === 0x7b /* { */ && text.charCodeAt(p + 1) === 0x7b) {
      CONTACT_START.lastIndex = p;
      if (CONTACT_START.test(text)) p = CONTACT_START.lastIndex - 1;
    }
  }
}

/** Collects words as strings: for queries and for finding which steps matched. */
class WordList implements TermSink {
  /** Each word: a plain word alone, or a hyphenated one joined followed by its parts. */
  readonly words: string[][] = [];
  private chain: string[] = [];

  term(text: string, start: number, end: number, _hash: number, chained: boolean): void {
    const word = text.slice(start, end);
    if (chained) this.chain.push(word);
    else this.words.push([word]);
  }

  joined(term: string): void {
    this.words.push([term, ...this.chain]);
    this.chain = [];
  }
}

function wordsOf(text: string): string[][] {
  const list = new WordList();
  scan(text.toLowerCase(), list);
  return list.words;
}

// ---- Index ----

interface Term {
  readonly text: string;
  readonly hash: number;
  /** Stop words are not indexed. */
  readonly stop: boolean;
  /** Per field id: the runbooks holding it, in order, and how often each does. */
  readonly docs: number[][];
  readonly counts: number[][];
  /** How many runbooks' step text holds it. */
  df: number;
}

/** The distinct words of the library, in an open-addressing hash table, with their postings. */
class Vocabulary implements TermSink {
  readonly terms: Term[] = [];
  private mask = 1023;
  private hashes = new Int32Array(this.mask + 1);
  private slots: Array<Term | undefined> = new Array<Term | undefined>(this.mask + 1);
  private doc = 0;
  private field = 0;
  private distinct = 0;
  private sorted: string[] | null = null;

  /** Counts the words of one field of one runbook; returns how many distinct words it holds. */
  add(text: string, doc: number, field: number): number {
    this.doc = doc;
    this.field = field;
    this.distinct = 0;
    scan(text.toLowerCase(), this);
    return this.distinct;
  }

  term(text: string, start: number, end: number, hash: number): void {
    if (end - start >= 2) this.count(this.find(text, start, end, hash));
  }

  joined(term: string): void {
    this.count(this.find(term, 0, term.length, hashOf(term)));
  }

  private count(term: Term): void {
    if (term.stop) return;
    const docs = term.docs[this.field];
    const last = docs === undefined ? -1 : docs.length - 1;
    if (last >= 0 && docs?.[last] === this.doc) {
      (term.counts[this.field] as number[])[last] += 1;
      return;
    }
    if (docs === undefined) {
      term.docs[this.field] = [this.doc];
      term.counts[this.field] = [1];
    } else {
      docs.push(this.doc);
      (term.counts[this.field] as number[]).push(1);
    }
    this.distinct += 1;
    if (this.field === TEXT) term.df += 1;
  }

  /** The entry for `text.slice(start, end)`, created if new. */
  private find(text: string, start: number, end: number, hash: number): Term {
    const length = end - start;
    let slot = hash & this.mask;
    for (let term = this.slots[slot]; term !== undefined; term = this.slots[slot]) {
      if (this.hashes[slot] === hash && term.text.length === length && text.startsWith(term.text, start)) return term;
      slot = (slot + 1) & this.mask;
    }
    const word = text.slice(start, end);
    const term: Term = { text: word, hash, stop: STOP_WORDS.has(word), docs: [], counts: [], df: 0 };
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

  /** Whether some indexed word is longer than `prefix` and starts with it. */
  completes(prefix: string): boolean {
    this.sorted ??= this.terms.filter((term) => !term.stop).map((term) => term.text).sort();
    const words = this.sorted;
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

  serialised(): AsPlainObject['index'] {
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
      index.push([term.text, data]);
    }
    return index;
  }
}

/** Markdown of one step, as indexed: headline, details, option texts. */
const stepText = (step: Runbook['phases'][number]['steps'][number]): string =>
  `${step.text}\n${step.details}\n${step.options.map((option) => option.text).join('\n')}`;

const OPTIONS: Options = {
  fields: [...FIELDS],
  // Queries reach MiniSearch already split into words (see `plan`).
  tokenize: (text) => [text],
  processTerm: (term) => term,
  searchOptions: { boost: BOOST, combineWith: 'OR' },
};

// ---- Queries ----

interface Alternative {
  term: string;
  prefix: boolean;
  fuzzy: number;
  fields?: Field[];
  boost: number;
  /** How much of its query word a match through a longer word (prefix) counts for. */
  prefixCredit: number;
}

interface QueryWord {
  alternatives: Alternative[];
  /** A short word being typed only helps the ranking; it never counts against coverage. */
  optional: boolean;
}

interface Plan {
  words: QueryWord[];
  query: Query;
  required: number;
}

const exact = (term: string, boost = 1): Alternative => ({ term, prefix: false, fuzzy: 0, boost, prefixCredit: 1 });

/** Singular of a plural query word and plural of a singular one, when the library has them. */
function inflections(word: string, vocabulary: Vocabulary): string[] {
  const candidates = word.endsWith('s')
    ? [word.slice(0, -1), ...(word.endsWith('es') ? [word.slice(0, -2)] : []), ...(word.endsWith('ies') ? [`${word.slice(0, -3)}y`] : [])]
    : [`${word}s`, `${word}es`, ...(word.endsWith('y') ? [`${word.slice(0, -1)}ies`] : [])];
  return candidates.filter((candidate) => candidate.length >= 3 && vocabulary.get(candidate) !== undefined);
}

function plan(query: string, vocabulary: Vocabulary): Plan | null {
  const words = wordsOf(query);
  // Still typing the last word when the query does not end in a space or punctuation.
  const typing = query.length > 0 && isWordChar(query.charCodeAt(query.length - 1));
  const planned: QueryWord[] = [];
  const seen = new Set<string>();
  words.forEach((forms, index) => {
    const word = forms[0] as string;
    if (seen.has(word)) return;
    seen.add(word);
    const last = typing && index === words.length - 1;
    if (word.length < 2 || STOP_WORDS.has(word)) {
      if (last) planned.push({ alternatives: [{ ...exact(word), prefix: true, fields: SHORT_PREFIX_FIELDS }], optional: true });
      return;
    }
    const known = vocabulary.get(word) !== undefined;
    const alternatives: Alternative[] = [];
    if (last && word.length === 2) {
      alternatives.push(exact(word), { ...exact(word), prefix: true, fields: SHORT_PREFIX_FIELDS });
    } else {
      const completes = last && vocabulary.completes(word);
      // Only a word the library does not hold, and that is not the start of one, is a typo.
      const fuzzy = !known && !completes && word.length >= 4 ? (word.length >= 5 ? 2 : 1) : 0;
      alternatives.push({ term: word, prefix: last, fuzzy, boost: 1, prefixCredit: known ? 0.5 : 1 });
      for (const inflection of inflections(word, vocabulary)) alternatives.push(exact(inflection, 0.8));
    }
    // "wi-fi" is also looked for as "wi" and "fi".
    for (const part of forms.slice(1)) {
      if (part.length >= 2 && !STOP_WORDS.has(part) && !seen.has(part)) alternatives.push(exact(part, 0.5));
    }
    planned.push({ alternatives, optional: false });
  });
  if (planned.length === 0) return null;
  const queries = planned.flatMap((word) =>
    word.alternatives.map(
      (alternative): Query => ({
        queries: [alternative.term],
        prefix: alternative.prefix,
        fuzzy: alternative.fuzzy || false,
        ...(alternative.fields ? { fields: alternative.fields } : {}),
        ...(alternative.boost !== 1 ? { boostTerm: () => alternative.boost } : {}),
      }),
    ),
  );
  return { words: planned, query: { combineWith: 'OR', queries }, required: planned.filter((word) => !word.optional).length };
}

/** Whether `a` is within `max` edits of `b` (small words only). */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return false;
    previous = current;
  }
  return (previous[b.length] as number) <= max;
}

/** How much each query word a matched index word stands for: 1 for the word itself, less for a mere completion. */
function credits(matched: string, words: QueryWord[]): number[] {
  return words.map((word) => {
    let credit = 0;
    for (const alternative of word.alternatives) {
      if (matched === alternative.term) return 1;
      if (alternative.prefix && matched.startsWith(alternative.term)) credit = Math.max(credit, alternative.prefixCredit);
      else if (alternative.fuzzy > 0 && withinEdits(matched, alternative.term, alternative.fuzzy)) credit = Math.max(credit, 1);
    }
    return credit;
  });
}

// ---- Search ----

interface Scored {
  result: SearchResult;
  doc: number;
  score: number;
}

/**
 * Indexes one MiniSearch document per runbook (title, synonyms, summary, phase titles, and intro
 * plus all step text), then says which steps matched for the hits it returns.
 */
export function buildSearch(runbooks: Iterable<Runbook>): RunbookSearch {
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
    const body = [runbook.intro];
    for (const phase of runbook.phases) for (const step of phase.steps) body.push(stepText(step));
    const values: Record<Field, string> = {
      title: runbook.title,
      synonyms: runbook.synonyms.join('\n'),
      summary: runbook.summary,
      phases: runbook.phases.map((phase) => phase.title).join('\n'),
      text: body.join('\n'),
    };
    const lengths = FIELDS.map((field, id) => vocabulary.add(values[field], doc, id));
    lengths.forEach((length, id) => (totals[id] = (totals[id] as number) + length));
    fieldLength[doc] = lengths;
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
      index: vocabulary.serialised(),
      serializationVersion: 2,
    },
    OPTIONS,
  );

  /** The (up to 3) steps holding the most telling of the words the runbook matched in its step text. */
  function stepMatches(doc: number, result: SearchResult, words: QueryWord[], creditOf: (term: string) => number): StepMatch[] {
    const weights = new Map<string, number>();
    for (const term of result.terms) {
      if (!(result.match[term] ?? []).includes('text')) continue;
      const df = vocabulary.get(term)?.df ?? books.length;
      weights.set(term, creditOf(term) * Math.log(1 + books.length / Math.max(1, df)));
    }
    if (weights.size === 0 || words.length === 0) return [];
    const found: Array<{ match: StepMatch; score: number; order: number }> = [];
    for (const phase of (books[doc] as Runbook).phases) {
      for (const step of phase.steps) {
        let score = 0;
        const counted = new Set<string>();
        for (const forms of wordsOf(stepText(step))) {
          for (const form of forms) {
            const weight = weights.get(form);
            if (weight !== undefined && !counted.has(form)) {
              counted.add(form);
              score += weight;
            }
          }
        }
        if (score > 0) {
          found.push({
            match: { phaseTitle: phase.title, stepId: step.id, stepNumber: step.number, text: snippet(plain(`${step.text} ${step.details} ${step.options.map((o) => o.text).join(' ')}`)) },
            score,
            order: found.length,
          });
        }
      }
    }
    return found
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, 3)
      .map((entry) => entry.match);
  }

  return {
    search(query, limit = 10) {
      const planned = plan(query, vocabulary);
      if (!planned) return [];
      const results = index.search(planned.query);
      const creditCache = new Map<string, number[]>();
      const creditsOf = (term: string): number[] => {
        let found = creditCache.get(term);
        if (!found) creditCache.set(term, (found = credits(term, planned.words)));
        return found;
      };
      const scored: Scored[] = [];
      for (const result of results) {
        const doc = byId.get(result.id as string);
        if (doc === undefined) continue;
        let coverage = 0;
        if (planned.required > 0) {
          const best = planned.words.map(() => 0);
          for (const term of result.terms) creditsOf(term).forEach((credit, i) => (best[i] = Math.max(best[i] as number, credit)));
          planned.words.forEach((word, i) => {
            if (!word.optional) coverage += best[i] as number;
          });
          coverage /= planned.required;
        } else {
          coverage = 1;
        }
        // MiniSearch multiplies an OR score by the number of query terms matched; coverage replaces that.
        scored.push({ result, doc, score: (result.score / Math.max(1, result.queryTerms.length)) * coverage * coverage });
      }
      scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
      return scored.slice(0, Math.max(0, limit)).map(({ result, doc, score }): SearchHit => {
        const runbook = books[doc] as Runbook;
        const creditOf = (term: string): number => Math.max(...creditsOf(term));
        return {
          id: runbook.id,
          title: runbook.title,
          summary: runbook.summary,
          category: runbook.category,
          score,
          matches: stepMatches(doc, result, planned.words, creditOf),
        };
      });
    },
  };
}

/** Markdown to display text for a snippet: link text kept, targets and markup dropped. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\{\{\s*contact\s*:\s*([a-z0-9-]+)\s*\}\}/g, (_, role: string) => role.replace(/-/g, ' '))
    .replace(/[*_`#>[\]]/g, ' ');
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 137)}…` : flat;
}
