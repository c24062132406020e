import { describe, expect, it } from 'vitest';
import { bodyStartLineOf, joinRunbookFile, splitRunbookFile } from './runbookFile';

const FILE = [
  '---',
  'id: lost-device',
  'title: "Lost device: what to do"',
  'category: data-breach',
  'summary: A laptop or phone is lost.',
  'synonyms: [left on a bus, stolen phone]',
  'reviewed: 2026-01-15',
  'owner: Holdfast',
  'version: 3',
  '---',
  '',
  '## Contain {#contain}',
  '',
  '1. Write down the time. {#note-time}',
  '',
].join('\n');

describe('runbook file for the editor', () => {
  it('splits the header from the body and writes an edited header back', () => {
    const file = splitRunbookFile(FILE);
    expect(file?.front).toMatchObject({
      id: 'lost-device',
      title: 'Lost device: what to do',
      reviewed: '2026-01-15',
      version: 3,
    });
    expect(file?.bodyStartLine).toBe(11);
    const text = joinRunbookFile(
      { ...file?.front, title: 'Lost: laptop # or phone', owner: 'Rose Lodge' },
      file?.body ?? '',
    );
    const again = splitRunbookFile(text);
    expect(again?.front).toMatchObject({
      title: 'Lost: laptop # or phone',
      owner: 'Rose Lodge',
      synonyms: ['left on a bus', 'stolen phone'],
      reviewed: '2026-01-15',
    });
    expect(again?.body).toBe(file?.body);
    expect(text).toContain('synonyms: [left on a bus, stolen phone]');
    expect(bodyStartLineOf(again?.front ?? {})).toBe(again?.bodyStartLine);
  });

  it('leaves out empty lists and answers null for a header it cannot read', () => {
    expect(joinRunbookFile({ id: 'a', contacts: [] }, 'x')).toBe('---\nid: a\n---\nx');
    expect(splitRunbookFile('no header')).toBeNull();
    expect(splitRunbookFile('---\ntitle: [unclosed\n---\n')).toBeNull();
    expect(splitRunbookFile('---\n- a list\n---\n')).toBeNull();
  });
});
