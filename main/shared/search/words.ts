/** Words too common to tell situations apart. "not", "no", "off", "out" and "down" stay: "not working", "locked out". */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then so than of to in on at by for from with as into onto about ' +
    'is are was were be been being am do does did has have had ' +
    'i me my we us our you your he him his she her it its they them their ' +
    'this that these those there here what which who whom how when where why ' +
    'will would shall should can could may might must just also very too ll ve re'
  ).split(' '),
);

/** Per UTF-16 code unit: 0 not yet known, 1 part of a word (letter, mark, digit), 2 not. */
const CHAR_KIND = new Uint8Array(0x10000);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
function classify(code: number): number {
  const kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  CHAR_KIND[code] = kind;
  return kind;
}

/** Whether the UTF-16 code unit `code` is part of a word: a letter, mark or digit. */
export const isWordChar = (code: number): boolean => (CHAR_KIND[code] || classify(code)) === 1;

/** Hyphens and apostrophes inside a word: "wi-fi" and "can't" are also indexed as "wifi" and "cant". */
const isJoiner = (code: number): boolean =>
  code === 0x2d || code === 0x27 || code === 0x2019 || code === 0x2010;
/** The joiners themselves, for removing them from a word or text (`replace` only: it is global). */
export const JOINERS = /[-'\u2019\u2010]/g;
/** `{{contact:role-name}}` placeholders are searchable by their role words only. */
const CONTACT_START = /\{\{\s*contact\s*:\s*(?=[a-z0-9-]+\s*\}\})/y;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The 32-bit FNV-1a hash of `word`'s code units: the same hash `scan` hands its sink. */
export function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** What `scan` feeds the words it reads to. */
export interface WordSink {
  /** The word `text.slice(start, end)`; `chained` when it is part of a hyphenated or apostrophed word. */
  word(text: string, start: number, end: number, hash: number, chained: boolean): void;
  /** A hyphenated or apostrophed word without its joiners, after its parts. */
  joined(word: string): void;
}

/** Feeds `sink` each word of lower-cased markdown, in order: link targets skipped, link text kept, markup a separator. */
export function scan(text: string, sink: WordSink): void {
  // Hand-written rather than a regex because it is the hot path of indexing; it hashes each word
  // as it reads it, so known words are never copied out of the text.
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

/** A query's words, lower-cased, in order: a plain word alone, or a joined word followed by its parts. */
export function queryWords(query: string): string[][] {
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

/** The words a field is indexed under, with counts: `scan`'s, less stop words and single characters. For tests. */
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
