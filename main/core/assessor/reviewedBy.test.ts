import { describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../contract/authoringTypes';
import { reviewedBy } from './reviewedBy';

const header = (reviewed: string): string =>
  `---\nid: ransomware\ntitle: Ransomware\ncategory: ransom-or-locked\nsummary: S\nreviewed: ${reviewed}\nowner: Ann Lee\nversion: 1\n---\n\n# Ransomware\n`;

function history(...entries: Array<[RevisionSummary['kind'], string, string]>): {
  list: RevisionSummary[];
  read: (seq: number) => Promise<string | null>;
} {
  const list = entries.map(([kind, author], index) => ({
    seq: index + 1,
    kind,
    savedAt: `2026-0${index + 1}-01T10:00:00.000Z`,
    author,
    message: '',
    sha256: String(index),
  }));
  return {
    list,
    read: async (seq) => {
      const entry = entries[seq - 1];
      return entry ? header(entry[2]) : null;
    },
  };
}

describe('who recorded the review date', () => {
  it('is whoever first saved the current date, after the latest change to it', async () => {
    const { list, read } = history(
      ['original', 'Holdfast', '2025-12-04'],
      ['save', 'Ann Lee', '2026-01-15'],
      ['save', 'Bob Reid', '2026-01-15'],
    );
    expect(await reviewedBy('2026-01-15', list, read)).toBe('Ann Lee');
  });

  it('is nobody when the date came with Holdfast, even if someone saved other changes since', async () => {
    const { list, read } = history(
      ['original', 'Holdfast', '2025-12-04'],
      ['save', 'Bob Reid', '2025-12-04'],
    );
    expect(await reviewedBy('2025-12-04', list, read)).toBeNull();
    expect(await reviewedBy('2025-12-04', [], read)).toBeNull();
  });
});
