import type { Runbook, SearchStep } from '../../contract/types';

/** The fields of a runbook's search document, in field-id order. */
export const FIELDS = ['title', 'synonyms', 'summary', 'phases', 'text'] as const;

/** One field of a runbook's search document. */
export type Field = (typeof FIELDS)[number];

/** The field id of the step text, the field step matches are worked out from. */
export const TEXT_FIELD = FIELDS.indexOf('text');

/**
 * The words a reader sees: link addresses and HTML tags are dropped, so an anchor such as
 * `<a name="ransomware-ref-1">` or a link's web address never makes a step match.
 */
export function readableText(text: string): string {
  // Most pieces hold neither: a look for the one character each needs is cheaper than a scan.
  const untagged = text.includes('<') ? text.replace(/<\/?[a-z][^<>]*>?/gi, ' ') : text;
  return untagged.includes('](') ? untagged.replace(/\]\([^)\s]*\)/g, ']') : untagged;
}

/** The pieces of a step's text: its text, details and option texts, in that order. */
export const stepPieces = (step: SearchStep): string[] =>
  [step.text, step.details, ...step.options.map((option) => option.text)].map(readableText);

/** What each field of a runbook is indexed from, in pieces (a word never spans two pieces). */
export function runbookFields(runbook: Runbook): Record<Field, readonly string[]> {
  const text = [readableText(runbook.intro)];
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
