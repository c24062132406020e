import { describe, expect, it } from 'vitest';
import { INVISIBLE_CHARACTERS } from '../contract/invisibleText';
import { hasRightToLeft, isolatedText } from './documentText';

describe('isolatedText', () => {
  it('leaves plain left-to-right text exactly as typed', () => {
    expect(isolatedText('Ann Lee, 0300 999 1111')).toBe('Ann Lee, 0300 999 1111');
  });

  it('removes every bidi control and invisible character, keeping the rest in typed order', () => {
    for (const char of INVISIBLE_CHARACTERS)
      expect(
        isolatedText(`Ring ${char}0300 999 1111`),
        `U+${char.charCodeAt(0).toString(16)}`,
      ).toBe('Ring 0300 999 1111');
  });

  it('wraps right-to-left text in one isolate that nothing inside can close', () => {
    expect(isolatedText('مرحبا 2')).toBe('\u2068مرحبا 2\u2069');
    expect(isolatedText('\u2069\u202Eשלום')).toBe('\u2068שלום\u2069');
    expect(hasRightToLeft('Ann')).toBe(false);
    expect(hasRightToLeft('ܐ')).toBe(true);
  });
});
