import { describe, expect, it } from 'vitest';
import { readableText } from './runbookFields';

describe('readableText', () => {
  it('drops HTML tags and link addresses, keeping the words a reader sees', () => {
    expect(
      readableText(
        'See <a name="ransomware-ref-1">the note</a> and [NCSC](https://www.ncsc.gov.uk/x).',
      ),
    ).toBe('See  the note  and [NCSC].');
  });

  it('leaves text with neither as it is, including a lone "<" or "]"', () => {
    for (const text of ['Phone the IT supplier.', 'Fewer than < 5 staff', 'a] (b)', ''])
      expect(readableText(text)).toBe(text);
  });
});
