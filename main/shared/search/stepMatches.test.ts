import { describe, expect, it } from 'vitest';
import type { Runbook } from '../../contract/types';
import { runbookOfSteps } from '../../contract/__fixtures__/oneStepPerText';
import { buildSearch } from './index';

const runbook = (id: string, steps: string[]): Runbook => runbookOfSteps(id, steps);

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
