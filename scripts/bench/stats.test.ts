import { describe, expect, it } from 'vitest';
import { max, median, percentile, round } from './stats';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle pair of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow('no samples');
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted

  it('returns a real sample', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 1)).toBe(1);
  });

  it('rounds the rank up on small sets', () => {
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30], 95)).toBe(30);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([42], 95)).toBe(42);
  });

  it('refuses out-of-range percentiles and empty lists', () => {
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
    expect(() => percentile([], 50)).toThrow('no samples');
  });
});

describe('max and round', () => {
  it('finds the largest sample', () => {
    expect(max([3, 9, 1])).toBe(9);
  });

  it('keeps more decimals for small values', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(123.456)).toBe(123.5);
    expect(round(12345.6)).toBe(12346);
  });
});
