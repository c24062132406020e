import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace, keeping array order', () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same string for the same value whatever the key order', () => {
    expect(canonicalJson({ seq: 1, body: { b: 2, a: 1 } })).toBe(
      canonicalJson({ body: { a: 1, b: 2 }, seq: 1 }),
    );
  });

  it('escapes strings as JSON does, so the output parses back to the same value', () => {
    const value = { text: 'line 1\nline "2"\u0000 £ ✓ \u2028', n: -0.5, big: 1e21 };
    const text = canonicalJson(value);
    expect(text).not.toMatch(/\n/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['undefined', { missing: undefined }],
    ['a Date', { at: new Date(0) }],
    ['a function', { f: () => 1 }],
  ])('refuses %s rather than silently changing what is hashed', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
