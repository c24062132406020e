import { describe, expect, it } from 'vitest';
import type { LocalContact } from '../../contract/types';
import { resolveContact } from '../runbooks/library';
import type { NationalContact } from './nationalContacts';
import { isStale, STALE_AFTER_MONTHS } from './staleness';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('isStale: details are re-checked after 12 months', () => {
  it('is a 12-month rule', () => {
    expect(STALE_AFTER_MONTHS).toBe(12);
  });

  it.each([
    ['exactly 12 months ago', '2025-11-23', false],
    ['12 months and a day ago', '2025-11-22', true],
    ['this year', '2026-06-01', false],
    ['four years ago', '2022-10-20', true],
    ['today', '2026-11-23', false],
  ])('checked %s (%s): stale %s', (_when, checkedOn, expected) => {
    expect(isStale(checkedOn, NOW)).toBe(expected);
  });

  it('counts calendar months: on 29 February the year before has no 29th, so 1 March is the limit', () => {
    const leapDay = new Date('2024-02-29T09:00:00Z');
    expect(isStale('2023-03-01', leapDay)).toBe(false);
    expect(isStale('2023-02-28', leapDay)).toBe(true);
  });

  it('treats undated details as due a re-check: nobody can say when they were last right', () => {
    expect(isStale(null, NOW)).toBe(true);
  });
});

describe('resolveContact carries the staleness the reader shows', () => {
  const national = (checked: string | null): Map<string, NationalContact> =>
    new Map([
      [
        'csoc',
        {
          id: 'csoc',
          name: 'Cyber Security Operations Centre',
          use: 'Report a cyber incident',
          channels: [{ kind: 'phone', value: '0300 200 3700' }],
          hours: '24/7',
          source: 'https://digital.nhs.uk/cyber',
          checked,
          // The page's own date never decides staleness: an old page can still be right.
          pageDate: '2019-01-01',
        },
      ],
    ]);

  it.each([
    ['checked exactly 12 months ago', '2025-11-23', false],
    ['checked 12 months and a day ago', '2025-11-22', true],
    ['never checked', null, true],
  ])('a national contact %s: stale %s', (_when, checked, expected) => {
    expect(resolveContact('csoc', national(checked), undefined, NOW)).toMatchObject({
      national: true,
      stale: expected,
    });
  });

  it('takes a local contact’s staleness from the directory that judged it', () => {
    const contact: LocalContact = {
      role: 'it-supplier',
      name: 'Sam Patel',
      organisation: '',
      channels: [{ kind: 'phone', value: '01632 960000', outOfBand: true }],
      hours: '',
      notes: '',
      lastVerified: '2020-01-15',
    };
    const lookup = (stale: boolean) => () => ({ label: 'IT supplier', contact, stale });
    expect(resolveContact('it-supplier', new Map(), lookup(true), NOW).stale).toBe(true);
    expect(resolveContact('it-supplier', new Map(), lookup(false), NOW).stale).toBe(false);
  });

  it('never calls a contact that is not set stale: the reader asks for the number instead', () => {
    const lookup = () => ({ label: 'IT supplier', contact: null, stale: false });
    expect(resolveContact('it-supplier', new Map(), lookup, NOW)).toMatchObject({
      channels: null,
      stale: false,
    });
  });
});
