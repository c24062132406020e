import type { Runbook } from '../../main/contract/types';

/** Real sentences from the bundled runbooks, sorted by the role they play in a runbook. */
export interface Corpus {
  /** Action step headlines (markdown, may hold `{{contact:…}}`). */
  actions: string[];
  /** Decision headlines (without "Decision:") with their option texts; option links are kept, the generator re-points them. */
  decisions: Array<{ headline: string; options: Array<{ label: string; text: string }> }>;
  paragraphs: string[];
  bullets: string[];
  intros: string[];
  /** Phase titles in the order they appear, each once. */
  phaseTitles: string[];
  phaseIntros: string[];
  synonyms: string[];
  /** Plain sentences (no markup) for summaries. */
  sentences: string[];
  systems: string[];
}

const LINK = /\[([^\]]*)\]\([^)]*\)/g;

/** Links are dropped because their targets only exist in the bundled files; the generator adds its own. */
export const stripLinks = (markdown: string): string => markdown.replace(LINK, '$1');

/** Splits a markdown block into paragraphs and one-line bullet items. */
function splitBlocks(markdown: string): { paragraphs: string[]; bullets: string[] } {
  const paragraphs: string[] = [];
  const bullets: string[] = [];
  for (const block of stripLinks(markdown).split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((line) => /^[-*] /.test(line)))
      bullets.push(...lines.map((line) => line.slice(2).trim()));
    else if (!lines.some((line) => /^([-*] |\d+\. |#)/.test(line)))
      paragraphs.push(lines.join(' '));
  }
  return { paragraphs, bullets };
}

function plainSentences(text: string): string[] {
  return stripLinks(text)
    .replace(/^\s*[-*]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .replace(/\{\{\s*contact\s*:\s*([a-z0-9-]+)\s*\}\}/g, (_, role: string) =>
      role.replace(/-/g, ' '),
    )
    .replace(/[*_`]/g, '')
    .split(/(?<=[.?!])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 20);
}

const unique = (items: string[]): string[] => [...new Set(items)];

export function buildCorpus(runbooks: Iterable<Runbook>): Corpus {
  const corpus: Corpus = {
    actions: [],
    decisions: [],
    paragraphs: [],
    bullets: [],
    intros: [],
    phaseTitles: [],
    phaseIntros: [],
    synonyms: [],
    sentences: [],
    systems: [],
  };
  for (const runbook of runbooks) {
    corpus.intros.push(...splitBlocks(runbook.intro).paragraphs);
    corpus.synonyms.push(...runbook.synonyms);
    corpus.systems.push(...runbook.systems);
    corpus.sentences.push(...plainSentences(`${runbook.summary} ${runbook.intro}`));
    for (const phase of runbook.phases) {
      corpus.phaseTitles.push(phase.title);
      if (phase.intro) corpus.phaseIntros.push(stripLinks(phase.intro).replace(/\n/g, ' '));
      for (const step of phase.steps) {
        const headline = stripLinks(step.text);
        if (step.kind === 'decision') {
          corpus.decisions.push({
            headline,
            options: step.options.map((option) => ({
              label: option.label,
              text: option.text.split('\n')[0] ?? '',
            })),
          });
        } else {
          corpus.actions.push(headline);
        }
        const blocks = splitBlocks(step.details);
        corpus.paragraphs.push(...blocks.paragraphs);
        corpus.bullets.push(...blocks.bullets);
        corpus.sentences.push(...plainSentences(step.details));
      }
    }
  }
  const result: Corpus = {
    ...corpus,
    actions: unique(corpus.actions),
    paragraphs: unique(corpus.paragraphs),
    bullets: unique(corpus.bullets),
    intros: unique(corpus.intros),
    phaseTitles: unique(corpus.phaseTitles),
    phaseIntros: unique(corpus.phaseIntros),
    synonyms: unique(corpus.synonyms),
    sentences: unique(corpus.sentences),
    systems: unique(corpus.systems),
  };
  for (const [name, items] of Object.entries(result)) {
    if (Array.isArray(items) && items.length === 0)
      throw new Error(`the bundled runbooks gave no ${name} to build a test library from`);
  }
  return result;
}
