import { describe, expect, it } from 'vitest';
import { PROVIDER_TYPES } from '../../contract/vocabulary';
import { MAX_FRONT_MATTER_BYTES, parseFrontMatter, splitFrontMatter } from './frontMatter';

const FILE = 'runbooks/test.md';
const FIELDS = [
  'id: test-runbook',
  'title: A test runbook',
  'category: guide',
  'summary: Used only by the tests.',
  'reviewed: 2026-01-15',
  'owner: Holdfast tests',
  'version: 3',
];
/** YAML line N is file line N + 1 (the opening fence is line 1). */
const yamlWith = (...extra: string[]) => [...FIELDS, ...extra].join('\n');

describe('splitFrontMatter', () => {
  it('separates the fields from the body and knows the file line the body starts on', () => {
    const split = splitFrontMatter(['---', ...FIELDS, '---', '', 'Intro.'].join('\n'), FILE);
    expect(split).toEqual({
      yaml: FIELDS.join('\n'),
      bodyStartLine: 10,
      body: '\nIntro.',
      problems: [],
    });
  });

  it('accepts "..." as the closing fence and trailing spaces after the opening one', () => {
    const split = splitFrontMatter(['---  ', ...FIELDS, '...', 'Intro.'].join('\n'), FILE);
    expect(split.problems).toEqual([]);
    expect(split.body).toBe('Intro.');
  });

  it('reads an empty header, a header closed on the last line and a file of one fence', () => {
    expect(splitFrontMatter('---\n---\nIntro.', FILE)).toMatchObject({
      yaml: '',
      bodyStartLine: 3,
      body: 'Intro.',
    });
    expect(splitFrontMatter(['---', ...FIELDS, '---'].join('\n'), FILE)).toMatchObject({
      yaml: FIELDS.join('\n'),
      body: '',
      problems: [],
    });
    expect(splitFrontMatter('---', FILE).problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('not closed') as unknown }),
    ]);
  });

  it.each([
    ['---js', 'language tags'],
    ['---javascript', 'language tags'],
    ['---yaml', 'language tags'],
    ['# Ransomware', 'missing details at the top (front matter)'],
    ['', 'missing details at the top (front matter)'],
  ])('refuses a file whose first line is %j', (first, expected) => {
    const split = splitFrontMatter([first, ...FIELDS, '---', 'Intro.'].join('\n'), FILE);
    expect(split.yaml).toBeNull();
    expect(split.problems).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 1,
        severity: 'error',
        message: expect.stringContaining(expected) as unknown,
      }),
    ]);
  });

  it('refuses front matter that is never closed', () => {
    expect(
      splitFrontMatter(['---', ...FIELDS, '', '## Contain'].join('\n'), FILE).problems,
    ).toEqual([
      expect.objectContaining({
        line: 1,
        message: 'front matter is not closed: add a line "---" after the last field',
      }),
    ]);
  });

  it('refuses oversized front matter before YAML reads it', () => {
    const big = `summary: ${'x'.repeat(MAX_FRONT_MATTER_BYTES)}`;
    expect(splitFrontMatter(['---', big, '---'].join('\n'), FILE)).toMatchObject({
      yaml: null,
      problems: [{ line: 1, severity: 'error', message: 'front matter is too large (over 16 KB)' }],
    });
  });
});

describe('parseFrontMatter', () => {
  it('reads valid fields and fills in the documented defaults', () => {
    expect(parseFrontMatter(yamlWith(), FILE)).toEqual({
      problems: [],
      idLine: 2,
      value: {
        id: 'test-runbook',
        title: 'A test runbook',
        category: 'guide',
        summary: 'Used only by the tests.',
        providerTypes: Object.keys(PROVIDER_TYPES),
        synonyms: [],
        contacts: [],
        systems: [],
        clocks: [],
        reviewed: '2026-01-15',
        owner: 'Holdfast tests',
        version: 3,
        status: 'published',
      },
    });
  });

  it('keeps a quoted title with a colon in it (the README tells authors to do this)', () => {
    const yaml = yamlWith().replace(
      'title: A test runbook',
      'title: "Ransomware: the screen says pay"',
    );
    expect(parseFrontMatter(yaml, FILE).value?.title).toBe('Ransomware: the screen says pay');
  });

  it.each([
    [
      'a date that does not exist',
      'reviewed: 2026-13-45',
      6,
      'Last reviewed must be a date written as YYYY-MM-DD, such as 2026-12-05',
    ],
    ['a version written in words', 'version: three', 8, 'Version must be a whole number'],
    ['an id with capitals', 'id: Test_Runbook', 2, 'Short name: '],
  ])('points at the field line for %s', (_name, replacement, line, message) => {
    const key = replacement.split(':')[0] ?? '';
    const yaml = FIELDS.map((field) => (field.startsWith(`${key}:`) ? replacement : field)).join(
      '\n',
    );
    expect(parseFrontMatter(yaml, FILE).problems).toEqual([
      expect.objectContaining({
        file: FILE,
        line,
        severity: 'error',
        message: expect.stringContaining(message) as unknown,
      }),
    ]);
  });

  it('points at the bad item inside a list', () => {
    const problems = parseFrontMatter(
      yamlWith('providerTypes: [care-home, hospital]'),
      FILE,
    ).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        line: 9,
        message: expect.stringContaining('Who it is for (item 2) must be one of: ') as unknown,
        field: 'providerTypes',
      }),
    ]);
  });

  it.each([
    ['a list', '- id: a\n- id: b'],
    ['a single word', 'ransomware'],
    ['nothing', ''],
  ])('refuses front matter that is %s rather than fields', (_name, yaml) => {
    expect(parseFrontMatter(yaml, FILE)).toEqual({
      value: null,
      idLine: 1,
      problems: [
        {
          file: FILE,
          line: 2,
          severity: 'error',
          message: 'front matter must be a list of "key: value" fields',
        },
      ],
    });
  });

  it('stops an alias bomb instead of expanding it', () => {
    const bomb = yamlWith(
      'synonyms: &a [x, x, x, x, x, x, x, x, x]',
      'systems: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'clocks: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'contacts: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    );
    const { value, problems } = parseFrontMatter(bomb, FILE);
    expect(value).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/alias/i) as unknown,
      }),
    ]);
  });
});

describe('runbook ids that are Windows device names', () => {
  it.each(['con', 'aux', 'nul', 'prn', 'com1', 'lpt9'])(
    'refuses "%s", which could not be saved as a file on Windows',
    (id) => {
      const { value, problems } = parseFrontMatter(
        `id: ${id}\ntitle: A title\ncategory: guide\nsummary: x\nreviewed: 2026-01-01\nowner: me\nversion: 1`,
        'f.md',
      );
      expect(value).toBeNull();
      expect(problems[0]?.message).toMatch(/Windows keeps for devices/);
    },
  );

  it('still allows ids that only start like one ("console-down", "aux-power")', () => {
    expect(
      parseFrontMatter(
        'id: console-down\ntitle: A title\ncategory: guide\nsummary: x\nreviewed: 2026-01-01\nowner: me\nversion: 1',
        'f.md',
      ).value?.id,
    ).toBe('console-down');
  });
});
