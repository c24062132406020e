import { describe, expect, it } from 'vitest';
import { addMissingStepIds } from '../authoring/stepIds';
import { withStatus } from '../authoring/publishText';
import { parseRunbook } from './parseRunbook';
import { renderRunbook } from './renderRunbook';
import { toRunbook } from './library';
import { encode, lineOf, runbookSource } from './__fixtures__/runbookSource';

const FILE = 'your runbooks/imported.md';
const parse = (text: string) => parseRunbook(encode(text), FILE);
const lines = (problems: Array<{ line: number; severity: string; message: string }>) =>
  problems.map(({ line, severity, message }) => `${line} ${severity}: ${message}`);

describe('checks that catch structure lost on the way in', () => {
  it('refuses a runbook with phases but no steps at all', () => {
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        'Unplug the computer.',
        '',
        '## Recover',
        '',
        'Later.',
      ],
    });
    const { runbook, problems } = parse(source);
    expect(runbook).toBeNull();
    expect(lines(problems)).toContain(
      `${lineOf(source, '## Contain')} error: this runbook has no steps, so guided mode and the printed pack would show nothing: number the actions under a phase heading ("1. …", "2. …") to make them steps`,
    );
  });

  it('names the lines of a bulleted list and of a checklist under a phase that will not become steps', () => {
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        '- Unplug the network cable',
        '- Turn off Wi-Fi',
        '- Tell the manager',
        '',
        '1. Write down the time. {#note-time}',
        '',
        '- [ ] Photograph the screen',
        '- [x] Keep the computer on',
      ],
    });
    const { runbook, problems } = parse(source);
    expect(runbook).not.toBeNull();
    const bullets = lineOf(source, 'Unplug the network');
    const checklist = lineOf(source, 'Photograph');
    expect(lines(problems)).toEqual([
      `${bullets} warning: Lines ${bullets}–${bullets + 2} are a bulleted list under "Contain". They are not steps, so guided mode and the printed pack will not show them as steps. Number them to make them steps.`,
      `${checklist} warning: Lines ${checklist}–${checklist + 1} are a checklist under "Contain". They are not steps, so guided mode and the printed pack will not show them as steps. Number them to make them steps.`,
    ]);
  });

  it('leaves bullet lists inside a step, and before the first phase, alone', () => {
    const source = runbookSource({
      body: [
        '',
        '- A list in the introduction is fine.',
        '',
        '## Contain {#contain}',
        '',
        '1. Write down: {#note}',
        '',
        '   - the time',
        '   - who noticed',
      ],
    });
    expect(parse(source).problems).toEqual([]);
  });

  it('does not call a file that became one step with pages of other text "no problems"', () => {
    const prose = Array.from({ length: 16 }, (_, n) => [
      `Identification note ${n + 1}.`,
      '',
    ]).flat();
    const source = runbookSource({
      body: ['', '## PREPARATION', '', '1. Detect the issue. {#detect}', '', ...prose],
    });
    const { runbook, problems } = parse(source);
    expect(runbook).not.toBeNull();
    expect(lines(problems)).toEqual([
      `${lineOf(source, '## PREPARATION')} warning: this runbook has only 1 step but 16 lines of other text under its phases; guided mode and the printed pack show only steps, so number the actions to make them steps`,
    ]);
  });

  it('refuses {{…}} that Holdfast cannot fill in, suggesting the closest placeholder', () => {
    const source = runbookSource({
      body: [
        '',
        '## Contain {#contain}',
        '',
        '1. Tell {{COMPANY_NAME}} staff. {#tell}',
        '2. Follow {{setting:isolation-instructon}}. {#isolate}',
        '3. Write `{{kept-as-code}}` exactly. {#code}',
      ],
    });
    const { runbook, problems } = parse(source);
    expect(runbook).toBeNull();
    expect(lines(problems)).toEqual([
      `${lineOf(source, 'COMPANY_NAME')} error: "{{COMPANY_NAME}}" is not something Holdfast can fill in, so staff would see it as typed. Use {{contact:role}}, {{system:id.field}} or {{setting:isolation-instruction|regulator}}, or write the words out`,
      `${lineOf(source, 'instructon')} error: "{{setting:isolation-instructon}}" is not something Holdfast can fill in, so staff would see it as typed. Did you mean "{{setting:isolation-instruction}}"? Use {{contact:role}}, {{system:id.field}} or {{setting:isolation-instruction|regulator}}, or write the words out`,
    ]);
  });

  it('refuses an unknown system field with the closest one', () => {
    const source = runbookSource({
      extraFront: ['systems: [emar]'],
      body: ['', '## Care {#care}', '', '1. Use {{system:emar.paper-locaton}}. {#paper}'],
    });
    expect(lines(parse(source).problems)).toEqual([
      `${lineOf(source, 'paper-locaton')} error: "paper-locaton" in {{system:emar.paper-locaton}} is not something Holdfast records for a system. Did you mean "paper-location"? (It records: paper-location, fallback, impact.)`,
    ]);
  });
});

describe('text stays where it was written', () => {
  const source = runbookSource({
    body: [
      '',
      '## Contain {#contain}',
      '',
      'Read this first.',
      '',
      '1. Unplug the computer. {#unplug}',
      '',
      '   Leave it switched on.',
      '',
      '### If it is a laptop',
      '',
      'Close the lid only after unplugging.',
      '',
      '2. Phone the manager. {#call}',
      '',
      'A note at the end of the phase.',
    ],
  });

  it('keeps a sub-heading and text after a step with that step, not above the steps', () => {
    const { runbook } = parse(source);
    const phase = runbook?.phases[0];
    expect(phase?.intro).toBe('Read this first.');
    expect(phase?.steps.map((step) => [step.id, step.after])).toEqual([
      ['unplug', '### If it is a laptop\n\nClose the lid only after unplugging.'],
      ['call', 'A note at the end of the phase.'],
    ]);
    expect(phase?.steps[0]?.details).toBe('Leave it switched on.');
  });

  it('renders the text after a step for the reader and guided mode', () => {
    const { runbook: parsed } = parse(source);
    if (!parsed) throw new Error('fixture did not parse');
    const runbook = toRunbook(
      { parsed, file: FILE, source: 'user', overridesBundled: false },
      new Map(),
    );
    const view = renderRunbook(runbook, {
      organisationName: '',
      providerType: null,
      pharmacyCqcRegistered: false,
      isolationInstruction: '',
      contractClocks: [],
    });
    expect(view.html.steps['unplug']?.after).toContain('<h3>If it is a laptop</h3>');
    expect(view.html.steps['call']?.after).toContain('A note at the end of the phase.');
    expect(view.html.phases['contain']).toContain('Read this first.');
  });
});

describe('ids written in for steps without one', () => {
  it('writes the ids the checks promised, and leaves the text alone otherwise', () => {
    const source = runbookSource({
      body: ['', '## Contain {#contain}', '', '1. Phone the manager.', '2. Unplug it. {#unplug}'],
    });
    const promised = parse(source).derivedIds;
    expect(promised).toEqual([
      { line: lineOf(source, 'Phone the manager'), id: 'phone-the-manager' },
    ]);
    const written = addMissingStepIds(source);
    expect(written).toBe(
      source.replace('1. Phone the manager.', '1. Phone the manager. {#phone-the-manager}'),
    );
    expect(parse(written).problems).toEqual([]);
    expect(addMissingStepIds(written)).toBe(written);
  });
});

describe('drafts', () => {
  it('reads the draft status, even from a header with errors', () => {
    const draft = runbookSource({
      extraFront: ['status: draft'],
      body: ['', '## A', '', '1. B {#b}'],
    });
    expect(parse(draft).draft).toBe(true);
    expect(parse(draft).runbook?.meta.status).toBe('draft');
    expect(parse(draft.replace(/^title: .*$/m, 'title: x')).draft).toBe(true);
    expect(parse(draft.replace('status: draft', 'status: published')).draft).toBe(false);
  });

  it('publishing sets the status line where it is, or adds it to the header', () => {
    const draft = runbookSource({ extraFront: ['status: draft'], body: ['', 'status: draft'] });
    expect(withStatus(draft, 'published')).toBe(
      draft.replace('status: draft\n---', 'status: published\n---'),
    );
    const plain = runbookSource({ body: [''] });
    expect(withStatus(plain, 'draft')).toBe(
      plain.replace('version: 1\n', 'version: 1\nstatus: draft\n'),
    );
  });
});
