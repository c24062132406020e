import type { Runbook } from '../types';

/**
 * A published bundled runbook with one phase holding one action step per text, for tests that
 * need runbooks without parsing files. `overrides` replaces any top-level field.
 */
export function runbookOfSteps(
  id: string,
  steps: readonly string[],
  overrides: Partial<Runbook> & { phaseTitle?: string; stepId?: (index: number) => string } = {},
): Runbook {
  const { phaseTitle = 'Act', stepId = (index) => `s${index + 1}`, ...fields } = overrides;
  return {
    id,
    title: id,
    category: 'guide',
    summary: '',
    providerTypes: [],
    reviewed: '2026-01-01',
    owner: 'Holdfast',
    version: 1,
    source: 'bundled',
    overridesBundled: false,
    status: 'published',
    synonyms: [],
    intro: '',
    phases: [
      {
        id: 'act',
        title: phaseTitle,
        intro: '',
        line: 1,
        steps: steps.map((text, index) => ({
          id: stepId(index),
          number: index + 1,
          kind: 'action',
          text,
          details: '',
          options: [],
          contacts: [],
          line: index + 2,
        })),
      },
    ],
    contacts: [],
    systems: [],
    clocks: [],
    links: [],
    file: `${id}.md`,
    ...fields,
  };
}
