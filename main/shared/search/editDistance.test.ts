import { describe, expect, it } from 'vitest';
import { editDistance } from './editDistance';

describe('edit distance', () => {
  it.each([
    ['phnoe', 'phone', 1],
    ['ransomwre', 'ransomware', 1],
    ['emial', 'email', 1],
    ['caera', 'camera', 1],
    ['caera', 'care', 2],
    ['kettle', 'kettle', 0],
  ])('%j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b, 2)).toBe(distance);
  });

  it('stops counting past the limit', () => {
    expect(editDistance('qzxqzx', 'ransom', 2)).toBe(3);
  });
});
