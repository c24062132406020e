import type { SavedTerm } from '../../contract/types';
import { editDistance } from './editDistance';
import { TEXT_FIELD } from './runbookFields';
import { hashOf, scan, STOP_WORDS, type WordSink } from './words';

/** Corrections tried per typo, the commonest first. */
const MAX_CORRECTIONS = 8;

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

/** Each indexed word with, per field id, how often each runbook (by number) holds it. */
export type Postings = Array<[word: string, fields: Map<number, Map<number, number>>]>;

/** The distinct words of the library, in an open-addressing hash table, with their postings. */
export class Vocabulary implements WordSink {
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
    if (this.field === TEXT_FIELD) term.df += 1;
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

  /** The indexed words with how many runbooks hold each, to save beside the index. */
  savedTerms(): SavedTerm[] {
    return this.terms
      .filter((term) => !term.stop)
      .map((term) => [term.text, term.df, term.postings]);
  }

  /**
   * The vocabulary of a saved index, for searching only (nothing more can be added). Null when
   * `saved` is not a list of words with counts, as savedTerms wrote it.
   */
  static fromSaved(saved: unknown): Vocabulary | null {
    if (!Array.isArray(saved)) return null;
    const vocabulary = new Vocabulary();
    for (const entry of saved as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 3) return null;
      const [text, df, postings] = entry as unknown[];
      if (typeof text !== 'string' || text.length === 0 || STOP_WORDS.has(text)) return null;
      if (!Number.isInteger(df) || !Number.isInteger(postings)) return null;
      const known = vocabulary.terms.length;
      const term = vocabulary.find(text, 0, text.length, hashOf(text));
      // A word saved twice is not what savedTerms writes.
      if (vocabulary.terms.length === known) return null;
      term.df = df as number;
      term.postings = postings as number;
    }
    return vocabulary;
  }

  /**
   * Hands the postings over as MiniSearch holds them in memory (word, field id → runbook number →
   * count, in Maps by ascending number), keeping no copy.
   */
  takePostings(): Postings {
    const index: Postings = [];
    for (const term of this.terms) {
      if (term.stop) continue;
      const data = new Map<number, Map<number, number>>();
      term.docs.forEach((docs, field) => {
        const counts = term.counts[field] as number[];
        const postings = new Map<number, number>();
        for (let i = 0; i < docs.length; i += 1)
          postings.set(docs[i] as number, counts[i] as number);
        data.set(field, postings);
      });
      term.docs = [];
      term.counts = [];
      index.push([term.text, data]);
    }
    return index;
  }
}
