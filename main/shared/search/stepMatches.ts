import type { SearchResult } from 'minisearch';
import type { SearchRunbook, SearchStep, StepMatch } from '../../contract/types';
import type { IndexedLibrary } from './indexLibrary';
import { stepPieces } from './runbookFields';
import { snippetText } from './snippetText';
import { hashOf, JOINERS, scan, type WordSink } from './words';

const MAX_STEP_MATCHES = 3;
/** Up to this many matched words, a piece of text is first looked through for them as plain text. */
const MAX_WORDS_LOOKED_FOR = 16;

/** Scores steps by the matched words they hold, each word once per step. */
class StepScorer implements WordSink {
  private readonly words: Map<string, { weight: number; step: number }>;
  /** The words' hashes, as `scan` computes them: most words read are not matched ones and are never copied out. */
  private readonly hashes: Set<number>;
  /** The matched words when few enough to look for one by one, else null. */
  private readonly few: string[] | null;
  private step = 0;
  private score = 0;

  constructor(weights: Map<string, number>) {
    this.words = new Map([...weights].map(([word, weight]) => [word, { weight, step: -1 }]));
    this.hashes = new Set([...weights.keys()].map(hashOf));
    this.few = weights.size <= MAX_WORDS_LOOKED_FOR ? [...weights.keys()] : null;
  }

  /**
   * Whether `text` may hold a matched word. Most step text holds none, and a native look for each
   * word costs far less than reading every word. Looked for in the text without its joiners: a
   * joined word ("wifi" from "wi-fi") is there, and so is every plain word, which holds none.
   */
  private mayHold(text: string): boolean {
    if (this.few === null) return true;
    const joined = text.replace(JOINERS, '');
    return this.few.some((word) => joined.includes(word));
  }

  scoreStep(step: SearchStep): number {
    this.step += 1;
    this.score = 0;
    for (const piece of stepPieces(step)) {
      const text = piece.toLowerCase();
      if (this.mayHold(text)) scan(text, this);
    }
    return this.score;
  }

  word(text: string, start: number, end: number, hash: number): void {
    if (this.hashes.has(hash)) this.joined(text.slice(start, end));
  }

  joined(word: string): void {
    const entry = this.words.get(word);
    if (entry && entry.step !== this.step) {
      entry.step = this.step;
      this.score += entry.weight;
    }
  }
}

/** Up to 3 steps of runbook `doc` holding its most telling matched words, best first, equals in runbook order. */
export function stepMatches(
  { books, vocabulary }: IndexedLibrary,
  doc: number,
  result: SearchResult,
  creditOf: (term: string) => number,
): StepMatch[] {
  // Only for the hits returned, by re-reading their steps: the index holds one document per
  // runbook, so it cannot say which steps matched.
  const weights = new Map<string, number>();
  for (const term of result.terms) {
    if (!result.match[term]?.includes('text')) continue;
    const df = Math.max(1, vocabulary.get(term)?.df ?? books.length);
    // Rarer words say more about a step.
    weights.set(term, creditOf(term) * Math.log(1 + books.length / df));
  }
  if (weights.size === 0) return [];
  const scorer = new StepScorer(weights);
  const runbook = books[doc] as SearchRunbook;
  const found: Array<{ phase: string; step: SearchStep; score: number }> = [];
  for (const phase of runbook.phases) {
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
      text: snippetText(stepPieces(step).join('\n'), runbook),
    }));
}
