import { describe, expect, it } from 'vitest';
import { createRng } from './prng';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const first = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 20 }, () => createRng(43).next())).not.toEqual(first);
  });

  it('keeps numbers in range', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i += 1) {
      const value = rng.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      const n = rng.int(3, 5);
      expect(n === 3 || n === 4 || n === 5).toBe(true);
    }
  });

  it('samples distinct items in their original order', () => {
    const rng = createRng(7);
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let i = 0; i < 50; i += 1) {
      const picked = rng.sample(items, 3);
      expect(new Set(picked).size).toBe(3);
      expect([...picked].sort((x, y) => items.indexOf(x) - items.indexOf(y))).toEqual(picked);
    }
    expect(rng.sample(items, 10)).toEqual(items);
  });

  it('refuses to pick from nothing', () => {
    expect(() => createRng(1).pick([])).toThrow();
  });
});
