import { describe, expect, it } from 'vitest';
import { isInPeriod, lastTwelveMonths, londonDay, overlapsPeriod } from './evidencePeriod';

describe('the evidence period', () => {
  it('is the last 12 months to today in London, both ends included, no day counted twice', () => {
    expect(lastTwelveMonths(new Date('2026-12-05T06:00:00.000Z'))).toEqual({
      from: '2025-12-06',
      to: '2026-12-05',
    });
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    expect(lastTwelveMonths(new Date('2026-06-30T23:30:00.000Z'))).toEqual({
      from: '2025-07-02',
      to: '2026-07-01',
    });
    // The day after 28 February in a year without a 29th.
    expect(lastTwelveMonths(new Date('2028-02-29T12:00:00.000Z'))).toEqual({
      from: '2027-03-01',
      to: '2028-02-29',
    });
  });

  it('counts a day by London time, and an incident that ran into the period as part of it', () => {
    const period = { from: '2026-04-01', to: '2026-04-30' };
    expect(londonDay('2026-03-31T23:30:00.000Z')).toBe('2026-04-01');
    expect(isInPeriod(londonDay('2026-03-31T23:30:00.000Z'), period)).toBe(true);
    expect(isInPeriod('2026-05-01', period)).toBe(false);
    expect(overlapsPeriod('2026-03-20T10:00:00.000Z', '2026-04-02T10:00:00.000Z', period)).toBe(
      true,
    );
    expect(overlapsPeriod('2026-03-20T10:00:00.000Z', null, period)).toBe(true);
    expect(overlapsPeriod('2026-03-01T10:00:00.000Z', '2026-03-05T10:00:00.000Z', period)).toBe(
      false,
    );
    expect(overlapsPeriod('2026-05-01T10:00:00.000Z', null, period)).toBe(false);
  });
});
