import { describe, expect, it } from 'vitest';
import { versionOf, withNextVersion } from './versionBump';

const file = (version: number, body: string): string =>
  `---\nid: lost-keys\ntitle: Lost keys\nversion: ${version}\nowner: Manager\n---\n\n## Phase\n\n${body}\n`;

describe('withNextVersion', () => {
  it('raises the version by one when the text changed', () => {
    const saved = withNextVersion(file(3, '1. Call the office.'), file(3, '1. Call.'));
    expect(versionOf(saved)).toBe(4);
    expect(saved).toBe(file(4, '1. Call the office.'));
  });

  it('keeps the version when nothing else changed', () => {
    expect(withNextVersion(file(3, '1. Call.'), file(3, '1. Call.'))).toBe(file(3, '1. Call.'));
  });

  it('keeps a version the person already raised', () => {
    expect(versionOf(withNextVersion(file(7, '1. New.'), file(3, '1. Old.')))).toBe(7);
  });

  it('goes above the version in use when older text is brought back', () => {
    expect(versionOf(withNextVersion(file(2, '1. Older.'), file(5, '1. Newer.')))).toBe(6);
  });

  it('leaves a new runbook as written', () => {
    expect(withNextVersion(file(1, '1. First.'), null)).toBe(file(1, '1. First.'));
  });

  it('only reads the version in the header, not a line in the text', () => {
    const text = `${file(2, '1. Changed.')}\nversion: 9\n`;
    expect(versionOf(withNextVersion(text, file(2, '1. Was.')))).toBe(3);
    expect(withNextVersion(text, file(2, '1. Was.'))).toContain('\nversion: 9\n');
  });
});
