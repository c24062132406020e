import { syllable } from 'syllable';

/**
 * Flesch-Kincaid grade of runbook text, measured the way a stressed reader meets it: only the
 * steps (from the first `## ` phase on), placeholders read as one plain word, ids, links and
 * emphasis stripped, and acronyms read letter by letter (CQC is three syllables, as it is said).
 * Each line, bullet and full stop (or ? !) ends a sentence, because a short bullet is read as one.
 */
export interface ReadingGrade {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
}

/** The part of a runbook file a reader works through: everything from the first phase heading. */
export function stepText(file: string): string {
  const body = file.replace(/^---\n[\s\S]*?\n---\n/, '');
  const firstPhase = body.search(/^## /m);
  return firstPhase === -1 ? '' : body.slice(firstPhase);
}

/** Sentences of plain words: markup, ids and placeholders removed, one sentence per line or stop. */
export function plainSentences(markdown: string): string[][] {
  const plain = markdown
    .replace(/\{#[a-z0-9-]+\}/g, '')
    // A placeholder renders as a name or a number: read it as one short, plain word.
    .replace(/\{\{[^}]*\}\}/g, 'this')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '');
  const sentences: string[][] = [];
  for (const rawLine of plain.split('\n')) {
    const line = rawLine
      .replace(/^\s*#+\s*/, '')
      .replace(/^\s*(?:[-*]|\d+\.)\s+/, '')
      .trim();
    if (line === '') continue;
    for (const sentence of line.split(/[.!?]+(?=\s|$)/)) {
      const words = sentence.match(/[A-Za-z][A-Za-z'’-]*|\d+/g) ?? [];
      if (words.length > 0) sentences.push(words);
    }
  }
  return sentences;
}

/** Syllables as the word is said aloud: an all-capitals acronym is spelt out, a number read as one word. */
export function spokenSyllables(word: string): number {
  if (/^\d+$/.test(word)) return Math.max(1, syllable(word));
  if (/^[A-Z]{2,6}s?$/.test(word)) return word.replace(/s$/, '').length;
  return Math.max(1, syllable(word));
}

export function readingGrade(markdown: string): ReadingGrade {
  const sentences = plainSentences(markdown);
  const words = sentences.flat();
  const syllables = words.reduce((sum, word) => sum + spokenSyllables(word), 0);
  const grade =
    words.length === 0
      ? 0
      : 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return { words: words.length, sentences: sentences.length, syllables, grade };
}
