import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runbook } from '../../../contract/types';
import { parseNationalContacts } from '../../contacts/nationalContacts';
import { runbookSource } from '../__fixtures__/runbookSource';
import { loadLibrary } from '../library';
import { buildSearch, type RunbookSearch } from '../../../shared/search';
import { buildIndex } from '../../../shared/search/indexLibrary';
import { runbookFields } from '../../../shared/search/runbookFields';
import { indexedWords } from '../../../shared/search/words';

const BUNDLED_DIR = resolve(import.meta.dirname, '../../../../runbooks');

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

/**
 * Look-alike runbooks for phrases as a stressed user types them: each pair shares words, so the
 * right one only comes first if the words that tell them apart count.
 */
const step = (text: string, id: string): string => `1. ${text} {#${id}}`;
const LOOSE = [
  runbookSource({
    id: 'clicked-link',
    title: 'Someone clicked a link or typed a password into a fake page',
    extraFront: ['synonyms: [dodgy link, phishing]'],
    body: [
      '',
      '## Contain {#contain}',
      '',
      step('Unplug the computer that clicked the link from the network.', 'unplug'),
      '',
      '   Then change the password.',
    ],
  }),
  runbookSource({
    id: 'someone-else',
    title: 'Someone else is using a staff login',
    summary: 'Use this when someone is in a system as a member of staff, and it is not them.',
    body: [
      '',
      '## Contain {#contain}',
      '',
      step('Ask the member of staff if it is them. If it is not, it is someone else.', 'ask'),
    ],
  }),
  runbookSource({
    id: 'email-hacked',
    title: 'Email account hacked',
    extraFront: ['synonyms: [email hacked, account sending spam]'],
    body: [
      '',
      '## Contain {#contain}',
      '',
      step('Reset the email password from a safe device.', 'reset'),
    ],
  }),
  runbookSource({
    id: 'nhsmail',
    title: 'NHSmail account sending strange emails',
    summary: 'Use this when NHSmail sends emails you did not write, or emails go missing.',
    extraFront: ['synonyms: [nhsmail hacked, strange emails, emails sent, emails missing]'],
    body: [
      '',
      '## Contain {#contain}',
      '',
      step('Phone the NHSmail helpdesk about the emails.', 'helpdesk'),
    ],
  }),
  runbookSource({
    id: 'call-bells',
    title: 'Call bells or telecare not working',
    body: [
      '',
      '## Keep people safe {#safe}',
      '',
      step('Walk round every room each hour while the call bells are down.', 'walk-round'),
    ],
  }),
  runbookSource({
    id: 'rota-app',
    title: 'Rota app not working',
    summary: 'Use this when the rota app will not open or is not working.',
    body: [
      '',
      '## Keep care going {#care}',
      '',
      step('Call the office for the rota if the app is not working.', 'call-office'),
    ],
  }),
  runbookSource({
    id: 'tablet-lost',
    title: 'Tablet lost or stolen',
    summary: 'Use this when a tablet, phone or laptop is lost or stolen.',
    body: [
      '',
      '## Act fast {#act}',
      '',
      step(
        'Lock the tablet from the device manager and note where the tablet was last seen.',
        'lock',
      ),
    ],
  }),
  runbookSource({
    id: 'medicines-system-down',
    title: 'Medicines system down',
    summary: 'Use this when the medicines system is not loading.',
    body: ['', '## Keep care going {#care}', '', step('Use the paper charts.', 'paper')],
  }),
  runbookSource({
    id: 'wifi-down',
    title: 'Wi-Fi down',
    body: ['', '## Check {#check}', '', step('Restart the router.', 'restart')],
  }),
];

let dir: string;
let runbooks: Map<string, Runbook>;
let search: RunbookSearch;
let loose: RunbookSearch;

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

  const looseDir = join(dir, 'loose');
  await mkdir(looseDir);
  await Promise.all(LOOSE.map((source, i) => writeFile(join(looseDir, `${i}.md`), source)));
  const looseLibrary = await loadLibrary(
    [{ dir: looseDir, source: 'user', label: 'your runbooks' }],
    national.contacts,
  );
  expect(looseLibrary.problems).toEqual([]);
  loose = buildSearch(looseLibrary.runbooks.values());
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

describe('runbook search with loosely typed phrases', () => {
  const looseIds = (query: string) => loose.search(query).map((hit) => hit.id);

  it.each([
    ['someone clicked a link', 'clicked-link'],
    ['email hacked', 'email-hacked'],
    ['call bells not working', 'call-bells'],
    ['rota app not working', 'rota-app'],
  ])(
    'puts the right runbook first for %j, though look-alikes share some of its words',
    (query, expected) => {
      expect(looseIds(query)[0]).toBe(expected);
    },
  );

  it.each([
    ['the meds app is not loading on any of the tablets', 'medicines-system-down'],
    ['medicines system will not load on the tablet', 'medicines-system-down'],
    ['tablet stolen from the car', 'tablet-lost'],
  ])('weighs what is wrong above the device named: %j', (query, expected) => {
    expect(looseIds(query)[0]).toBe(expected);
  });

  it('lets no stop word decide: a runbook full of "a", "it" and "someone" comes after one with "clicked" and "link"', () => {
    const found = looseIds('someone clicked a link');
    expect(found.indexOf('clicked-link')).toBeLessThan(found.indexOf('someone-else'));
  });

  it('finds nothing for stop words alone', () => {
    expect(loose.search('is it the')).toEqual([]);
  });

  it('ranks a runbook with every word above one with only some, and still lists the latter', () => {
    const found = looseIds('call bells not working');
    expect(found.slice(0, 2)).toEqual(['call-bells', 'rota-app']);
  });

  it.each([
    ['emial', 'email-hacked'],
    ['clikced', 'clicked-link'],
    ['telcare', 'call-bells'],
    ['emial hakced', 'email-hacked'],
  ])('corrects typos, swapped letters included: %j', (query, expected) => {
    expect(looseIds(query)[0]).toBe(expected);
  });

  it.each([
    ['bell', 'call-bells'],
    ['links', 'clicked-link'],
  ])('finds the singular of a plural and back: %j', (query, expected) => {
    expect(looseIds(query)[0]).toBe(expected);
  });

  it.each(['wifi', 'wi-fi', 'Wi Fi'])(
    'finds a hyphenated word however it is typed: %j',
    (query) => {
      expect(looseIds(query)[0]).toBe('wifi-down');
    },
  );

  it('gives useful results at every keystroke', () => {
    const typed = 'call bells not working';
    for (let length = 1; length <= typed.length; length += 1) {
      const query = typed.slice(0, length);
      const found = looseIds(query);
      if (length >= 'call b'.length) expect(found[0], query).toBe('call-bells');
      else expect(found.length, query).toBeGreaterThan(0);
    }
  });

  it('points at the step holding the words of the phrase', () => {
    const [hit] = loose.search('someone clicked a link');
    expect(hit?.matches.map((match) => match.stepId)).toEqual(['unplug']);
  });
});

describe('the search index', () => {
  it('is the index MiniSearch would build itself from the same words', () => {
    const all = [...runbooks.values()];
    const SEPARATOR = '\u0000';
    const slow = new MiniSearch({
      fields: Object.keys(runbookFields(all[0] as Runbook)),
      tokenize: (text) =>
        [...indexedWords(text.split(SEPARATOR))].flatMap(([word, count]) =>
          Array<string>(count).fill(word),
        ),
      processTerm: (term) => term,
    });
    slow.addAll(
      all.map((runbook) => ({
        id: runbook.id,
        ...Object.fromEntries(
          Object.entries(runbookFields(runbook)).map(([field, pieces]) => [
            field,
            pieces.join(SEPARATOR),
          ]),
        ),
      })),
    );
    const expected = slow.toJSON();
    const actual = buildIndex(all).toJSON();
    expect(actual.documentCount).toBe(runbooks.size);
    expect({ ...actual, index: new Map(actual.index), averageFieldLength: [] }).toEqual({
      ...expected,
      index: new Map(expected.index),
      averageFieldLength: [],
    });
    actual.averageFieldLength.forEach((average, field) =>
      expect(average).toBeCloseTo(expected.averageFieldLength[field] as number, 9),
    );
  });
});
