import { describe, expect, it } from 'vitest';
import { leftOutLine } from './backup';

describe('npm run backup -- restore', () => {
  it('names what it left out, and only the first few of a long list', () => {
    expect(leftOutLine(['holdfast.lock'])).toBe(
      "Left out holdfast.lock: not Holdfast's data (a lock, a cache or the browser engine's files belong to the computer that made the backup).",
    );
    const engine = Array.from({ length: 1200 }, (_, index) => `Cache/Cache_Data/f_${index}`);
    const line = leftOutLine(engine);
    expect(line).toMatch(/^Left out Cache\/Cache_Data\/f_0, .*f_4 and 1195 more: /);
    expect(line.length).toBeLessThan(300);
  });
});
