import { describe, expect, it } from 'vitest';
import { readIntent } from './queryIntent';

const read = (query: string, words: string[]) => readIntent(query, words);

describe('readIntent', () => {
  it('weighs what is wrong above the device it is wrong with', () => {
    const intent = read("the care app won't load on the ipad", [
      'care',
      'app',
      'wont',
      'load',
      'ipad',
    ]);
    expect(intent.weightOf('load')).toBeGreaterThan(intent.weightOf('care'));
    expect(intent.weightOf('ipad')).toBeLessThan(intent.weightOf('care'));
  });

  it('leaves a device at full weight when nothing says what is wrong with it', () => {
    const intent = read('new tablet setup', ['new', 'tablet', 'setup']);
    expect(intent.weightOf('tablet')).toBe(1);
  });

  it('reads a bare question as a plea for where to start', () => {
    for (const query of ['What do we do?', 'now what', 'Help!', 'where should I begin'])
      expect(
        read(query, query.toLowerCase().includes('help') ? ['help'] : []).extras,
        query,
      ).toEqual([{ terms: ['first', 'start', 'steps'] }]);
  });

  it('lets the words that say what happened lead when a question has them', () => {
    const intent = read('help, the fire alarm panel is beeping', [
      'help',
      'fire',
      'alarm',
      'panel',
      'beeping',
    ]);
    expect(intent.extras).toEqual([]);
    expect(intent.isPlea('help')).toBe(true);
    expect(intent.isPlea('alarm')).toBe(false);
  });

  it.each([
    'the pharmacies nearby have the same problem',
    'Is it the whole country?',
    "it's all the GP practices round here",
    'other surgeries say theirs is off too',
    'not just us, apparently',
    'the same thing is happening across our county',
  ])('hears that it reaches beyond this service: %j', (query) => {
    const intent = read(query, []);
    expect(intent.extras).toEqual([{ terms: ['national', 'regional', 'nationally'] }]);
  });

  it('lets the concept carry the words of its phrase, so no runbook needs them too', () => {
    const intent = read('the whole county has lost the system', [
      'whole',
      'county',
      'lost',
      'system',
    ]);
    expect(intent.isInConcept('county')).toBe(true);
    expect(intent.isInConcept('system')).toBe(false);
  });

  it.each(['we need to write it up for the owner', 'who does the write-up?', 'writing things up'])(
    'hears writing up afterwards: %j',
    (query) => {
      expect(read(query, []).extras).toEqual([{ terms: ['review', 'lessons', 'debrief'] }]);
    },
  );

  it('knows everyday words that are not typos of runbook words', () => {
    const intent = read('screen frozen', ['screen', 'frozen']);
    expect(intent.isKnown('frozen')).toBe(true);
    expect(intent.isKnown('frozn')).toBe(false);
    expect(intent.sameAs('meds')).toEqual(['medicines', 'emar']);
  });
});
