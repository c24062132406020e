import { describe, expect, it } from 'vitest';
import { stripInvisibleDeep } from './invisibleText';

describe('stripInvisibleDeep', () => {
  it('cleans every string of a parsed file, copying only what changes', () => {
    const untouched = { name: 'Ann Lee', channels: [{ kind: 'phone', value: '0300 999 1111' }] };
    const file = { formatVersion: 1, contacts: [untouched, { name: '\u202EMallory' }] };
    const cleaned = stripInvisibleDeep(file) as typeof file;
    expect(cleaned).toEqual({ formatVersion: 1, contacts: [untouched, { name: 'Mallory' }] });
    expect(cleaned.contacts[0]).toBe(untouched);
    expect(file.contacts[1]).toEqual({ name: '\u202EMallory' });
    expect(stripInvisibleDeep(untouched)).toBe(untouched);
  });

  it('keeps a "__proto__" member of a JSON file as a member, cleaned, never as the prototype', () => {
    const parsed = JSON.parse('{"__proto__":"\u200Bx","role":"\u200Bit"}') as object;
    const cleaned = stripInvisibleDeep(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(cleaned, '__proto__')?.value).toBe('x');
    expect(cleaned.role).toBe('it');
  });
});
