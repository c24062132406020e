import { describe, expect, it } from 'vitest';
import { headerProblems } from './headerProblems';

const header = (lines: string): string => `---\n${lines}\n---\n\n## Phase\n\n1. Do it {#do-it}\n`;
const GOOD = [
  'id: lost-keys',
  'title: Lost keys',
  'category: lost-device',
  'summary: When keys are lost.',
  'reviewed: 2026-12-05',
  'owner: Manager',
  'version: 1',
];
const without = (field: string): string =>
  header(GOOD.filter((line) => !line.startsWith(`${field}:`)).join('\n'));
const replacing = (field: string, line: string): string =>
  header(GOOD.map((l) => (l.startsWith(`${field}:`) ? line : l)).join('\n'));

describe('headerProblems', () => {
  it('finds nothing wrong with a good header', () => {
    expect(headerProblems(header(GOOD.join('\n')))).toEqual([]);
  });

  it('says what is wrong in the words of the form, beside the field', () => {
    expect(headerProblems(replacing('title', 'title: ab'))).toEqual([
      { field: 'title', message: 'Title must be at least 3 characters.' },
    ]);
    expect(headerProblems(without('owner'))).toEqual([
      { field: 'owner', message: 'Looked after by must be filled in.' },
    ]);
    expect(headerProblems(replacing('reviewed', 'reviewed: last week'))).toEqual([
      { field: 'reviewed', message: 'Last reviewed must be a date, written like 2026-12-05.' },
    ]);
    expect(headerProblems(replacing('category', 'category: spaceships'))).toEqual([
      { field: 'category', message: 'Situation it is for: choose one of the options.' },
    ]);
    expect(headerProblems(replacing('version', 'version: 0'))).toEqual([
      { field: 'version', message: 'Version must be 1 or more.' },
    ]);
  });

  it('reports every problem at once, and a line nobody uses for the header as a whole', () => {
    const problems = headerProblems(
      header([...GOOD.filter((l) => !/^(title|summary):/.test(l)), 'ownr: Sam'].join('\n')),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'title', message: 'Title must be filled in.' },
        { field: 'summary', message: 'Summary must be filled in.' },
        {
          field: null,
          message:
            'The header has a line Holdfast does not use: "ownr". Check the spelling or remove it.',
        },
      ]),
    );
    for (const { message } of problems) expect(message).not.toMatch(/expected|>=|owner/);
  });

  it('leaves a header that cannot be read to the checks list', () => {
    expect(headerProblems('no header here\n')).toEqual([]);
    expect(headerProblems('---\ntitle: [unclosed\n---\n')).toEqual([]);
  });
});
