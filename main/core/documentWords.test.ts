import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../contract/result';
import { startTestCore } from './__fixtures__/testCore';
import type { Core } from './createCore';

/*
 * Every document people read (incident report, handover, report drafts, after-action report,
 * inject cards, evidence for an assessor) is written for a care manager: no command to run, no
 * raw `{{placeholder}}`, no hash to compare by eye.
 */

let dataDir: string;
let core: Core | null = null;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'holdfast-words-'));
});
afterEach(async () => {
  await core?.close();
  core = null;
  await rm(dataDir, { recursive: true, force: true });
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const DEVELOPER_WORDS = /npm |\{\{|log:verify|hash|content code/i;

describe('documents people read', () => {
  it('hold no commands, placeholders or hashes', async () => {
    core = await startTestCore(dataDir, { now: () => new Date('2026-03-01T02:15:30.000Z') });
    const { handlers } = core;
    const documents: Array<[string, string]> = [];

    const incident = value(
      await handlers['incidents.start']({
        name: 'Ransom note on office PC',
        runbook: 'ransomware',
        lead: 'Ann Lee',
        author: 'Ann Lee',
      }),
    );
    value(
      await handlers['incidents.record']({
        id: incident.id,
        author: 'Ann Lee',
        action: { type: 'step', runbook: 'ransomware', step: 'call-it-supplier', status: 'done' },
      }),
    );
    for (const kind of ['report', 'handover'] as const) {
      const document = value(await handlers['incidents.document']({ id: incident.id, kind }));
      documents.push(
        [`incident ${kind}`, document.markdown],
        [`incident ${kind} html`, document.html],
      );
    }
    for (const draft of value(await handlers['incidents.drafts']({ id: incident.id })))
      documents.push([`draft ${draft.id}`, draft.text]);

    const exercise = value(
      await handlers['exercises.create']({
        scenario: 'supplier-ransomware',
        facilitator: 'Ann Lee',
        author: 'Ann Lee',
      }),
    );
    const report = value(await handlers['exercises.report']({ id: exercise.id }));
    documents.push(['after-action report', report.markdown], ['after-action html', report.html]);
    const { scenarios } = value(await handlers['exercises.scenarios']({}));
    expect(scenarios.length).toBeGreaterThan(0);
    for (const scenario of scenarios) {
      const cards = value(await handlers['exercises.cards']({ scenario: scenario.id }));
      documents.push([`inject cards ${scenario.id}`, cards.markdown], [`cards html`, cards.html]);
    }

    const evidence = value(await handlers['assessor.document']({}));
    documents.push(['evidence for an assessor', evidence.markdown]);

    expect(documents.length).toBeGreaterThan(8);
    for (const [name, text] of documents) {
      expect(text.length, name).toBeGreaterThan(0);
      expect(text.match(DEVELOPER_WORDS)?.[0], name).toBeUndefined();
    }
    // The log check is explained in words, with the code to compare.
    const [, incidentReport] = documents[0] ?? [];
    expect(incidentReport).toContain('Log check code');
    expect(incidentReport).toContain('go to its Log tab');
    // "Phone IT supplier" marked done counts as a call.
    const called = /## Contacts called\n\n([\s\S]*?)\n\n/.exec(incidentReport ?? '')?.[1] ?? '';
    expect(called).toMatch(
      /^- .*02:15 GMT — IT supplier \(Ann Lee\), step marked done: Phone IT supplier/,
    );
    expect(called).not.toContain('None recorded');
  });
});
