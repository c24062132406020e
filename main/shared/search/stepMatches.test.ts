import { describe, expect, it } from 'vitest';
import type { Runbook } from '../../contract/types';
import { buildSearch } from './index';

/** A published bundled runbook with one phase holding one step per text. */
const runbook = (id: string, steps: string[]): Runbook => ({
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
      title: 'Act',
      intro: '',
      line: 1,
      steps: steps.map((text, index) => ({
        id: `s${index + 1}`,
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
});

const SEARCH = buildSearch([
  runbook('network', [
    'Write down the time.',
    'Turn off the Wi-Fi on every laptop.',
    'Check the router lights.',
    'Do not pay anyone. Don’t reply.',
  ]),
]);
const stepsFound = (query: string): string[] =>
  SEARCH.search(query)[0]?.matches.map((match) => match.stepId) ?? [];

describe('stepMatches', () => {
  it('finds a word written with a hyphen or an apostrophe in a step, joined or in parts', () => {
    expect(stepsFound('wifi')).toEqual(['s2']);
    expect(stepsFound('wi-fi')).toEqual(['s2']);
    expect(stepsFound('dont')).toEqual(['s4']);
  });

  it('finds a plain word only in the steps that hold it, whatever its case', () => {
    expect(stepsFound('router')).toEqual(['s3']);
    expect(stepsFound('LAPTOP')).toEqual(['s2']);
  });
});
