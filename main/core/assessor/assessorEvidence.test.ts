import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssessorEvidence } from '../../contract/assessorTypes';
import type { Result } from '../../contract/result';
import { startTestCore } from '../__fixtures__/testCore';
import type { Core } from '../createCore';
import { EVIDENCE_ZIP_MANIFEST } from './evidenceZip';

/*
 * A fixture year: runbooks reviewed at known dates, an exercise inside the last 12 months and one
 * before them, each with actions, and an incident with a report reference. The clock moves as a
 * real year would; the document is made on 5 December 2026.
 */

let root: string;
let core: Core;
let clock = new Date('2025-11-03T10:00:00.000Z');

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function reviewRunbook(id: string, reviewed: string, author: string): Promise<void> {
  const { text } = value(await core.handlers['runbooks.source']({ id }));
  value(
    await core.handlers['runbooks.save']({
      id,
      text: text.replace(/^reviewed: .*$/m, `reviewed: ${reviewed}`),
      author,
      message: 'Yearly review',
    }),
  );
}

async function exercise(
  at: string,
  attendees: Array<[string, string]>,
  actions: Array<{ text: string; owner: string; due: string; done?: boolean }>,
): Promise<string> {
  clock = new Date(at);
  const { id } = value(
    await core.handlers['exercises.create']({
      scenario: 'supplier-ransomware',
      facilitator: 'Ann Lee',
      author: 'Ann Lee',
    }),
  );
  const record = async (action: Parameters<Core['handlers']['exercises.record']>[0]['action']) =>
    value(await core.handlers['exercises.record']({ id, author: 'Ann Lee', action }));
  await record({ type: 'start' });
  for (const [name, role] of attendees) await record({ type: 'attendee', name, role });
  for (const action of actions)
    await record({ type: 'action', text: action.text, owner: action.owner, due: action.due });
  for (const [index, action] of actions.entries())
    if (action.done) await record({ type: 'actionDone', action: index + 1 });
  await record({ type: 'finish' });
  return id;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'holdfast-assessor-'));
  core = await startTestCore(join(root, 'data'), { now: () => clock });
  value(await core.handlers['settings.update']({ organisationName: 'Rose House' }));
});
afterEach(async () => {
  await core.close();
  await rm(root, { recursive: true, force: true });
});

describe('evidence for an assessor, for a fixture year', () => {
  it('holds what happened in the last 12 months, and nothing from before', async () => {
    const before = await exercise(
      '2025-11-03T10:00:00.000Z',
      [['Old Timer', 'Cook']],
      [{ text: 'Print old rota', owner: 'Old Timer', due: '2025-11-20' }],
    );
    clock = new Date('2026-01-15T09:00:00.000Z');
    await reviewRunbook('ransomware', '2026-01-15', 'Ann Lee');
    await reviewRunbook('clicked-link', '2025-01-10', 'Bob Reid');
    const held = await exercise(
      '2026-03-10T14:00:00.000Z',
      [
        ['Bob Reid', 'Night senior'],
        ['Carla <b>Diaz</b>', ''],
      ],
      [
        { text: 'Print the paper MAR charts', owner: 'Bob Reid', due: '2026-04-01' },
        { text: 'Add the supplier out-of-hours number', owner: 'Ann Lee', due: '2027-01-10' },
        { text: 'Store the grab bag by the door', owner: 'Ann Lee', due: '2026-03-20', done: true },
      ],
    );
    clock = new Date('2026-05-02T01:30:00.000Z');
    const incident = value(
      await core.handlers['incidents.start']({
        name: 'Ransom note on office PC',
        runbook: 'ransomware',
        lead: 'Ann Lee',
        author: 'Ann Lee',
      }),
    );
    value(
      await core.handlers['incidents.record']({
        id: incident.id,
        author: 'Ann Lee',
        action: {
          type: 'stopClock',
          clock: 'personal-data-breach-72h',
          outcome: 'done',
          reference: 'DSPT-12345',
        },
      }),
    );
    const practice = value(
      await core.handlers['incidents.start']({
        name: 'Practice run',
        runbook: 'ransomware',
        lead: 'Ann Lee',
        author: 'Ann Lee',
        exercise: true,
      }),
    );

    clock = new Date('2026-12-05T06:00:00.000Z');
    const evidence: AssessorEvidence = value(await core.handlers['assessor.document']({}));

    expect(evidence.period).toEqual({ from: '2025-12-06', to: '2026-12-05' });
    expect(evidence.title).toBe('Evidence for an assessor: Rose House');

    // The plan: each runbook with its header's review date and its last change here.
    const ransomware = evidence.plan.find((runbook) => runbook.id === 'ransomware');
    expect(ransomware).toMatchObject({
      reviewed: '2026-01-15',
      reviewedBy: 'Ann Lee',
      reviewedInPeriod: true,
      source: 'user',
      lastChange: { at: '2026-01-15T09:00:00.000Z', by: 'Ann Lee', what: 'Yearly review' },
    });
    expect(evidence.plan.find((runbook) => runbook.id === 'clicked-link')).toMatchObject({
      reviewed: '2025-01-10',
      reviewedInPeriod: false,
      lastChange: { by: 'Bob Reid' },
    });
    const untouched = evidence.plan.find((runbook) => runbook.source === 'bundled');
    expect(untouched?.lastChange).toBeNull();
    // A date that came with Holdfast names nobody here as having reviewed it.
    expect(untouched?.reviewedBy).toBeNull();
    expect(evidence.plan.some((runbook) => runbook.owner === '')).toBe(false);

    // Exercises: only the one held in the period, with its actions' states on 5 December 2026.
    expect(evidence.exercises.map((entry) => entry.id)).toEqual([held]);
    expect(evidence.exercises.map((entry) => entry.id)).not.toContain(before);
    const [exercised] = evidence.exercises;
    expect(exercised?.attendees).toEqual([
      { name: 'Bob Reid', role: 'Night senior' },
      { name: 'Carla <b>Diaz</b>', role: '' },
    ]);
    expect(exercised?.actions.map((action) => action.state)).toEqual(['overdue', 'open', 'done']);
    expect(exercised?.reportFile).toBe(`exercises/${held}/after-action-report.md`);
    const exerciseView = value(await core.handlers['exercises.get']({ id: held }));
    expect(exercised?.log).toEqual({
      entries: exerciseView.log.entries,
      checkCode: exerciseView.log.checkCode,
    });

    // Incidents: the real one with its report reference and log check code; not the practice one.
    expect(evidence.incidents.map((entry) => entry.id)).toEqual([incident.id]);
    expect(evidence.incidents.map((entry) => entry.id)).not.toContain(practice.id);
    const [recorded] = evidence.incidents;
    expect(recorded?.reports).toContainEqual(
      expect.objectContaining({ state: 'done', reference: 'DSPT-12345' }),
    );
    const incidentView = value(await core.handlers['incidents.get']({ id: incident.id }));
    expect(recorded?.log.checkCode).toBe(incidentView.log.checkCode);
    expect(recorded?.log.entries).toBe(incidentView.log.entries);

    // Who took part: named once each, with how; nobody from before the period.
    expect(evidence.people.map((person) => person.name)).toEqual([
      'Ann Lee',
      'Bob Reid',
      'Carla <b>Diaz</b>',
    ]);
    expect(evidence.people[0]?.took).toEqual([
      { as: 'Facilitator', in: exerciseView.title },
      { as: 'Incident lead', in: 'Ransom note on office PC' },
    ]);

    // Each part labelled by topic, with a place for the item number; no number is made up.
    expect(evidence.labels.plan.topic).toBe('Business continuity: a written plan, kept up to date');
    expect(evidence.labels.exercises.topic).toBe('Business continuity: the plan is tested');
    expect(evidence.labels.incidents.topic).toBe('Incidents: recorded and reported');
    expect(evidence.labels.people.topic).toBe('Staff: who knows the plan');
    expect(evidence.labelNote).toContain(
      'add the Data Security and Protection Toolkit evidence item number your toolkit shows',
    );
    expect(evidence.markdown).not.toMatch(/\b\d+\.\d+\.\d+\b/);
    expect(evidence.markdown).toContain('Period: 6 December 2025 to 5 December 2026.');
    expect(evidence.markdown).toContain('| 15 January 2026, by Ann Lee |');
    expect(evidence.markdown).toContain('| 10 January 2025, by Bob Reid (before this period) |');
    expect(evidence.markdown).toContain(
      '| 1 | Print the paper MAR charts | Bob Reid | Overdue: was due 1 April 2026 |',
    );
    expect(evidence.markdown).toContain('DSPT\\-12345');
    expect(evidence.markdown).toContain(`Log check code: **${incidentView.log.checkCode}**`);
    expect(evidence.markdown).toContain('Carla \\<b\\>Diaz\\</b\\>');
    expect(evidence.markdown).not.toContain('Old Timer');

    // A period chosen by hand: only the year before.
    const earlier = value(
      await core.handlers['assessor.document']({ from: '2025-11-01', to: '2025-11-30' }),
    );
    expect(earlier.exercises.map((entry) => entry.id)).toEqual([before]);
    expect(earlier.incidents).toEqual([]);
    expect(earlier.people.map((person) => person.name)).toEqual(['Ann Lee', 'Old Timer']);
  });

  it('zips the document, the plan and each exercise and incident with its files and a checksum of each', async () => {
    const held = await exercise(
      '2026-03-10T14:00:00.000Z',
      [['Bob Reid', 'Night senior']],
      [{ text: 'Print the paper MAR charts', owner: 'Bob Reid', due: '2026-04-01' }],
    );
    const incident = value(
      await core.handlers['incidents.start']({
        name: 'Ransom note on office PC',
        runbook: 'ransomware',
        lead: 'Ann Lee',
        author: 'Ann Lee',
      }),
    );
    clock = new Date('2026-12-05T06:00:00.000Z');
    const file = value(await core.handlers['assessor.files']({}));
    expect(file.filename).toBe('holdfast-evidence-for-an-assessor-2025-12-06-to-2026-12-05.zip');
    const files = unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')));
    const names = Object.keys(files);
    expect(names).toContain('holdfast-evidence-for-an-assessor-2025-12-06-to-2026-12-05.md');
    expect(names).toContain('plan/ransomware.md');
    expect(names).toContain(`exercises/${held}/after-action-report.md`);
    expect(names).toContain(`exercises/${held}/files/log.jsonl`);
    expect(names).toContain(`incidents/${incident.id}/incident-report.md`);
    expect(names).toContain(`incidents/${incident.id}/files/log.jsonl`);
    expect(strFromU8(files[`exercises/${held}/after-action-report.md`]!)).toContain(
      'Print the paper MAR charts',
    );
    const manifest = JSON.parse(strFromU8(files[EVIDENCE_ZIP_MANIFEST]!)) as {
      period: unknown;
      files: Array<{ path: string; sha256: string }>;
    };
    expect(manifest.period).toEqual({ from: '2025-12-06', to: '2026-12-05' });
    expect(manifest.files).toHaveLength(file.count);
    for (const entry of manifest.files)
      expect(createHash('sha256').update(files[entry.path]!).digest('hex'), entry.path).toBe(
        entry.sha256,
      );
  });
});
