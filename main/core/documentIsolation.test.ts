import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasInvisible } from '../contract/invisibleText';
import { dispatch } from '../contract/dispatch';
import type { Result } from '../contract/result';
import { startTestCore } from './__fixtures__/testCore';
import type { Core } from './createCore';
import { injectCards } from './exercises/exerciseDocuments';
import { parseScenario } from './exercises/parseScenario';
import { contactMarkdown, escapeMarkdown } from './incidents/reports/markdownText';

/*
 * Every field that still takes free text after the boundary filter (incident and exercise names,
 * people, notes, reasons, references) can hold a right-to-left override or other hidden
 * characters: they are kept in the log as typed. Each saved or printed document made from them
 * (incident report, handover, report drafts, after-action report, inject cards, and the HTML each
 * is shown as) must show the value in the order it was typed and let nothing reorder the text
 * round it: hidden characters removed, right-to-left text inside an isolate of its own.
 */

let dataDir: string;
let core: Core;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-isolation-'));
  core = await startTestCore(dataDir);
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every call goes through the contract, as the app's calls do: its filters run first. */
const call = <Name extends keyof Core['handlers']>(
  name: Name,
  input: Parameters<Core['handlers'][Name]>[0],
): ReturnType<Core['handlers'][Name]> =>
  dispatch(core.handlers, name, input) as ReturnType<Core['handlers'][Name]>;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const RLO = '\u202E';
/** A value with a right-to-left override in front: unisolated, "evilName" shows as "emaNlive…". */
const hostile = (field: string): string => `${RLO}evil${field}`;
/** Right-to-left letters with a number after them: unisolated, the number is pulled into their direction. */
const ARABIC = 'مرحبا';

/** An isolate (U+2068 … U+2069) with nothing inside it that could close it or override it. */
const ISOLATE = /\u2068[^\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*\u2069/g;

/** Checks one document's text: every field's words in typed order, no hidden character outside a clean isolate. */
function expectNeutralised(document: string, fields: readonly string[], label: string): void {
  // Isolates may nest (a value inside a log entry's words, inside a right-to-left entry): take
  // the innermost away until none is left.
  let outside = document;
  for (let previous = ''; previous !== outside;) {
    previous = outside;
    outside = outside.replace(ISOLATE, '');
  }
  expect(hasInvisible(outside), `${label}: a hidden character left`).toBe(false);
  for (const field of fields) expect(document, `${label}: ${field}`).toContain(`evil${field}`);
}

describe('user text in documents', () => {
  it('an incident report, handover and report drafts: every typed field neutralised, right-to-left text isolated', async () => {
    const started = value(
      await call('incidents.start', {
        name: hostile('Name'),
        runbook: 'ransomware',
        lead: hostile('Lead'),
        author: hostile('Author'),
      }),
    );
    const id = started.id;
    const record = async (action: Parameters<Core['handlers']['incidents.record']>[0]['action']) =>
      value(await call('incidents.record', { id, author: hostile('Author'), action }));
    const step = started.runbooks[0]!.view!.phases[0]!.steps[0]!;
    const clock = started.clocks[0]!;
    await record({ type: 'note', text: hostile('Note') });
    await record({ type: 'note', text: `${ARABIC} 0300 999 1111` });
    await record({ type: 'decision', text: hostile('Decision'), rationale: hostile('Rationale') });
    await record({
      type: 'step',
      runbook: 'ransomware',
      step: step.id,
      status: 'cant',
      reason: hostile('StepReason'),
    });
    await record({ type: 'role', role: 'scribe', person: hostile('Scribe') });
    await record({ type: 'role', role: 'communications', person: `${ARABIC} 2` });
    await record({
      type: 'assessment',
      likelihood: 'likely',
      impact: 'serious',
      decision: 'report',
      reason: hostile('Assessment'),
    });
    await record({
      type: 'stopClock',
      clock: clock.id,
      outcome: 'done',
      reference: hostile('Reference'),
    });
    await record({
      type: 'handover',
      from: hostile('From'),
      to: hostile('To'),
      notes: hostile('HandoverNotes'),
    });
    await record({ type: 'correction', amends: 2, text: hostile('Correction') });
    await record({ type: 'close', summary: hostile('Summary') });

    const everyField = [
      'Name',
      'Lead',
      'Author',
      'Note',
      'Decision',
      'StepReason',
      'Scribe',
      'Reference',
      'Correction',
      'Summary',
    ];
    const report = value(await call('incidents.document', { id, kind: 'report' }));
    for (const [part, text] of [
      ['markdown', report.markdown],
      ['html', report.html],
      ['footer', report.pageFooter ?? ''],
      ['title', report.title],
    ] as const)
      expectNeutralised(
        text,
        part === 'markdown' || part === 'html' ? everyField : ['Name'],
        `report ${part}`,
      );
    // A right-to-left name inside a log entry's words is isolated on its own.
    expect(report.markdown).toMatch(new RegExp(`: \u2068${ARABIC} 2\u2069 \\|`));
    // The right-to-left note keeps its number out of its own direction.
    expect(report.markdown).toContain(`\u2068${ARABIC} 0300 999 1111\u2069`);

    const handover = value(await call('incidents.document', { id, kind: 'handover' }));
    expectNeutralised(
      handover.markdown,
      ['Name', 'Lead', 'Scribe', 'Note', 'Decision'],
      'handover markdown',
    );
    expectNeutralised(
      handover.html,
      ['Name', 'Lead', 'Scribe', 'Note', 'Decision'],
      'handover html',
    );

    const drafts = value(await call('incidents.drafts', { id }));
    for (const draft of drafts) {
      expectNeutralised(draft.text, ['Name', 'Summary'], `${draft.id} draft`);
      expectNeutralised(JSON.stringify(draft.fields.map((f) => f.value)), [], `${draft.id} fields`);
    }
    expect(drafts.find((d) => d.id === 'ncsc')?.text).toContain('evilLead');
    expect(drafts.find((d) => d.id === 'dspt')?.text).toContain('evilAssessment');
    expect(drafts.find((d) => d.id === 'police')?.text).toContain('evilReference');

    // The screen shows the name as the report does; the log file keeps what was typed (the
    // evidence is never rewritten).
    const view = value(await call('incidents.get', { id }));
    expect(view.name).toBe('evilName');
    const files = value(await call('incidents.exportFiles', { id }));
    const log = Object.entries(unzipSync(Buffer.from(files.base64, 'base64'))).find(([name]) =>
      name.endsWith('/log.jsonl'),
    );
    expect(new TextDecoder().decode(log?.[1])).toContain(hostile('Name'));
  });

  it('an after-action report: every typed field neutralised', async () => {
    const created = value(
      await call('exercises.create', {
        scenario: 'supplier-ransomware',
        facilitator: hostile('Facilitator'),
        author: hostile('Author'),
        title: hostile('Title'),
      }),
    );
    const id = created.id;
    const record = async (action: Parameters<Core['handlers']['exercises.record']>[0]['action']) =>
      value(await call('exercises.record', { id, author: hostile('Author'), action }));
    await record({ type: 'start' });
    await record({ type: 'skip', inject: 'supplier-confirms', reason: hostile('SkipReason') });
    await record({ type: 'adHoc', title: hostile('AdHocTitle'), text: hostile('AdHocText') });
    await record({ type: 'decision', text: hostile('Decision') });
    await record({ type: 'attendee', name: hostile('Attendee'), role: hostile('AttendeeRole') });
    await record({ type: 'debrief', kind: 'went-well', text: hostile('WentWell') });
    await record({ type: 'debrief', kind: 'improve', text: `${ARABIC} 2` });
    await record({
      type: 'action',
      text: hostile('Action'),
      owner: hostile('Owner'),
      due: '2026-04-01',
    });
    await record({ type: 'finish' });

    const report = value(await call('exercises.report', { id }));
    const fields = [
      'Title',
      'Facilitator',
      'SkipReason',
      'AdHocTitle',
      'Decision',
      'Attendee',
      'AttendeeRole',
      'WentWell',
      'Action',
      'Owner',
    ];
    expectNeutralised(report.markdown, fields, 'after-action markdown');
    expectNeutralised(report.html, fields, 'after-action html');
    expectNeutralised(report.pageFooter ?? '', ['Title'], 'after-action footer');
    expect(report.markdown).toContain(`\u2068${ARABIC} 2\u2069`);
  });

  it('inject cards: a scenario title and each contact part neutralised and isolated on its own', () => {
    const source = [
      '---',
      'id: our-drill',
      `title: ${hostile('ScenarioTitle')}`,
      'summary: A short drill.',
      'duration: 30',
      'reviewed: 2026-01-15',
      'owner: Us',
      'version: 1',
      '---',
      '## Background {#background}',
      '',
      'It is Monday.',
      '',
      '## Objectives {#objectives}',
      '',
      '- Test the plan.',
      '',
      '## Roles {#roles}',
      '',
      '- **Facilitator**: reads the injects.',
      '',
      '## Injects {#injects}',
      '',
      `### ${hostile('InjectTitle')} {#first}`,
      '',
      'Release: 0 minutes',
      '',
      'Phone {{contact:it-supplier}} now.',
      '',
    ].join('\n');
    const { scenario } = parseScenario(new TextEncoder().encode(source), 'scenarios/our-drill.md');
    if (!scenario) throw new Error('the scenario did not parse');
    const cards = injectCards(scenario, {
      contact: () =>
        contactMarkdown({
          label: 'IT supplier',
          detail: 'x',
          parts: {
            name: hostile('Contact'),
            organisation: ARABIC,
            value: '0300 999 1111',
            leftToRight: true,
            hours: '9-5',
          },
        }),
      runbook: (id) => id,
    });
    expectNeutralised(cards, ['ScenarioTitle', 'InjectTitle', 'Contact'], 'inject cards');
    expect(cards).toContain(`evilContact (\u2068${ARABIC}\u2069) — 0300 999 1111`);
  });

  it('a hidden character inside a word is removed, never turned into a space', () => {
    expect(escapeMarkdown('Night shi\uFEFFft 2 rang')).toBe('Night shift 2 rang');
    expect(escapeMarkdown('  Ann\u200B  Lee ')).toBe('Ann Lee');
  });
});
