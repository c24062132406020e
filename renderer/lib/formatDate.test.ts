import { describe, expect, it } from 'vitest';
import { formatDate } from './formatDate';

describe('formatDate', () => {
  it('writes dates the British way', () => {
    expect(formatDate('2024-04-17')).toBe('17 April 2024');
  });
});
