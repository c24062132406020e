import { describe, expect, it } from 'vitest';
import { INVISIBLE_CHARACTERS } from '../contract/invisibleText';
import {
  hasRightToLeft,
  isolatedText,
  neutralisedText,
  withoutStrayHiddenCharactersDeep,
} from './documentText';

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

describe('neutralisedText', () => {
  it('keeps the isolates round values inside composed words and removes every other hidden character', () => {
    const composed = `Lead: ${isolatedText('مرحبا')}. \u202EOK\u2069`;
    expect(neutralisedText(composed)).toBe('Lead: \u2068مرحبا\u2069. OK');
  });

  it('isolates right-to-left text left outside any isolate as a whole', () => {
    expect(neutralisedText('Lead: שלום 2')).toBe('\u2068Lead: שלום 2\u2069');
    expect(neutralisedText('Ann Lee')).toBe('Ann Lee');
  });
});

describe('withoutStrayHiddenCharactersDeep', () => {
  it('cleans every string of a view and keeps the isolates round typed values', () => {
    const view = {
      name: '\u202Eevil',
      timeline: [{ text: `Lead: ${isolatedText('مرحبا')}\u200B`, seq: 1 }],
      closedAt: null,
    };
    expect(withoutStrayHiddenCharactersDeep(view)).toEqual({
      name: 'evil',
      timeline: [{ text: 'Lead: \u2068مرحبا\u2069', seq: 1 }],
      closedAt: null,
    });
  });

  it('copies only what changes, leaving the value given and authored content as they were', () => {
    const clean = { text: 'Called the IT supplier', seq: 2 };
    const authored = { text: '\u200Bkept' };
    const view = { name: '\u202Eevil', timeline: [clean], runbooks: [authored] };
    const shown = withoutStrayHiddenCharactersDeep(view, new Set(['runbooks']));
    expect(shown).toEqual({ name: 'evil', timeline: [clean], runbooks: [authored] });
    expect(shown.timeline).toBe(view.timeline);
    expect(shown.runbooks[0]).toBe(authored);
    expect(view.name).toBe('\u202Eevil');
    const untouched = { timeline: [clean], count: 2, closed: false, lead: null };
    expect(withoutStrayHiddenCharactersDeep(untouched)).toBe(untouched);
    const authoredText = { brief: '\u200Bkept', name: '\u200Bgone' };
    expect(withoutStrayHiddenCharactersDeep(authoredText, new Set(['brief']))).toEqual({
      brief: '\u200Bkept',
      name: 'gone',
    });
  });
});
