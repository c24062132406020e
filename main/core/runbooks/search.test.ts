import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runbook } from '../../contract/types';
import { parseNationalContacts } from '../contacts/nationalContacts';
import { runbookSource } from './__fixtures__/runbookSource';
import { loadLibrary } from './library';
import { buildSearch, type RunbookSearch } from './search';

const BUNDLED_DIR = resolve(import.meta.dirname, '../../../runbooks');

/** A runbook whose words appear nowhere in the bundled ones, so hits are unambiguous. */
const KITCHEN = runbookSource({
  id: 'kitchen-fire',
  title: 'Kitchen appliance failure',
  summary: 'Use this when a cooker or fridge in the kitchen stops working.',
  extraFront: ['synonyms: [kettle exploded, toaster smoking]'],
  body: [
    '',
    '## Contain {#contain}',
    '',
    '1. Switch the cooker off at the wall. {#switch-off}',
    '',
    '## Keep care going {#keep-care-going}',
    '',
    '1. Bring in sandwiches from the shop. {#buy-food}',
    '2. Check the defibrillator is still charged. {#check-defibrillator}',
    '',
    '   See [the supplier page](https://www.zzqvendor.example/manual) for how.',
  ],
});

let dir: string;
let runbooks: Map<string, Runbook>;
let search: RunbookSearch;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'holdfast-search-'));
  await writeFile(join(dir, 'kitchen-fire.md'), KITCHEN);
  const national = parseNationalContacts(
    await readFile(join(BUNDLED_DIR, 'national-contacts.json'), 'utf8'),
    'national-contacts.json',
  );
  const library = await loadLibrary(
    [
      { dir: BUNDLED_DIR, source: 'bundled', label: 'runbooks' },
      { dir, source: 'user', label: 'your runbooks' },
    ],
    national.contacts,
  );
  expect(library.problems).toEqual([]);
  runbooks = library.runbooks;
  search = buildSearch(runbooks.values());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ids = (query: string) => search.search(query).map((hit) => hit.id);

describe('runbook search', () => {
  it('puts the ransomware runbook first for "ransom"', () => {
    expect(ids('ransom')[0]).toBe('ransomware');
  });

  it.each([
    ['ransomwre', 'ransomware'],
    ['lost phnoe', 'lost-device'],
    ['stolen laptop', 'lost-device'],
    ['care record system down', 'care-record-system-down'],
  ])('finds the right runbook for a loosely typed %j', (query, expected) => {
    expect(ids(query)[0]).toBe(expected);
  });

  it('still finds something when one of the words matches nothing', () => {
    expect(ids('ransomware qzxqzx')[0]).toBe('ransomware');
  });

  it('searches synonyms the author listed, even when the words appear nowhere else', () => {
    const [hit] = search.search('kettle exploded');
    expect(hit).toMatchObject({
      id: 'kitchen-fire',
      title: 'Kitchen appliance failure',
      category: 'guide',
      matches: [],
    });
  });

  it('says which phase and step matched', () => {
    const [hit, ...others] = search.search('defibrillator');
    expect(others).toEqual([]);
    expect(hit?.id).toBe('kitchen-fire');
    expect(hit?.matches).toEqual([
      {
        phaseTitle: 'Keep care going',
        stepId: 'check-defibrillator',
        stepNumber: 2,
        text: expect.stringContaining('defibrillator') as unknown,
      },
    ]);
  });

  it('points every step match at a real step of that runbook, with its phase and number', () => {
    const hits = search.search('ransom');
    expect(hits[0]?.matches.length).toBeGreaterThan(0);
    for (const hit of hits) {
      for (const match of hit.matches) {
        const phase = runbooks.get(hit.id)?.phases.find((p) => p.title === match.phaseTitle);
        expect(phase?.steps.find((step) => step.id === match.stepId)?.number).toBe(
          match.stepNumber,
        );
      }
    }
  });

  it('does not match words that only appear inside a link address', () => {
    expect(ids('zzqvendor')).toEqual([]);
  });

  it.each(['', '   ', '\n\t'])('returns nothing for the empty query %j', (query) => {
    expect(search.search(query)).toEqual([]);
  });

  it('returns nothing for a word that is in no runbook', () => {
    expect(search.search('qzxqzx')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(search.search('phone', 1)).toHaveLength(1);
  });
});
