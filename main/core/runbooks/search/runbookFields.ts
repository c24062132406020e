import type { Runbook, Step } from '../../../contract/types';

/** The fields of a runbook's search document, in field-id order. */
export const FIELDS = ['title', 'synonyms', 'summary', 'phases', 'text'] as const;

/** One field of a runbook's search document. */
export type Field = (typeof FIELDS)[number];

/** The field id of the step text, the field step matches are worked out from. */
export const TEXT_FIELD = FIELDS.indexOf('text');

/** The pieces of a step's text: its text, details and option texts, in that order. */
export const stepPieces = (step: Step): string[] => [
  step.text,
  step.details,
  ...step.options.map((option) => option.text),
];

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
