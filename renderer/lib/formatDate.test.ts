import { describe, expect, it } from 'vitest';
import { formatDate } from './formatDate';

describe('formatDate', () => {
  it('writes dates the British way', () => {
    expect(formatDate('2024-04-17')).toBe('17 April 2024');
  });

  it('says exactly what the en-GB locale says, for every day of a leap year and the next', () => {
    const intl = (iso: string) =>
      new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
    for (let day = 0; day < 731; day += 1) {
      const iso = new Date(Date.UTC(2028, 0, 1 + day)).toISOString().slice(0, 10);
      expect(formatDate(iso), iso).toBe(intl(iso));
    }
    for (const odd of ['2026-02-30', '2026-13-01', 'not a date', '0099-01-01', '2026-1-1'])
      expect(formatDate(odd), odd).toBe(intl(odd));
  });
});
