import { describe, expect, it } from 'vitest';
import type { RunbookView } from '../../../main/contract/types';
import { packIndex, shortTitle } from './packIndex';

const runbook = (id: string, title: string, category: string, synonyms: string[]) =>
  ({ id, title, category, synonyms }) as unknown as RunbookView;

describe('packIndex', () => {
  const ransomware = runbook('ransomware', 'Ransomware — the screen says pay', 'ransom-or-locked', [
    'ransom',
    'ransom note',
    'Ransom',
    'screen says pay',
    'bitcoin',
  ]);
  const nhsmail = runbook('nhsmail', 'NHSmail hacked', 'email-account', ['nhs mail hacked']);
  const guide = runbook('telling-people', 'Telling people', 'guide', ['tell families']);

  it('points the home screen words and the first synonyms at the runbook, A to Z', () => {
    const lines = packIndex([ransomware, nhsmail, guide]);
    expect(lines.map((line) => line.words)).toEqual([
      'NHS mail hacked',
      'Ransom',
      'Ransom note',
      'Screen says pay',
      'Screen says pay / files locked',
    ]);
    expect(lines.find((line) => line.words === 'Ransom note')?.targets).toEqual([
      { title: 'Ransomware', anchor: 'runbook:ransomware' },
    ]);
  });

  it('shortens a title to the part before the dash', () => {
    expect(shortTitle('Ransomware — the screen says pay')).toBe('Ransomware');
    expect(shortTitle('Power cut')).toBe('Power cut');
  });
});
