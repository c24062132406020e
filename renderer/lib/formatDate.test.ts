import { describe, expect, it } from 'vitest';
import { formatDate, isOlderThanMonths } from './formatDate';

describe('formatDate', () => {
  it('writes dates the British way', () => {
    expect(formatDate('2024-04-17')).toBe('17 April 2024');
  });
});

describe('isOlderThanMonths', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it.each([
    ['2025-11-22', true],
    ['2025-11-23', false],
    ['2026-06-01', false],
    ['2022-10-20', true],
  ])('%s is older than 12 months on 23 Nov 2026: %s', (iso, expected) => {
    expect(isOlderThanMonths(iso, 12, now)).toBe(expected);
  });
});
